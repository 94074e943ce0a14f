/** Styles every widget starts from: theme tokens, inheritance from the host page, and defences against its CSS. */
import { css } from 'lit';

/**
 * Public `--tandem-*` custom properties feed private `--_*` variables, so a widget reads one name
 * whether or not the page themed it. Sizes fall back to absolute values: school themes that shrink the
 * root font size (62.5% tricks) must not shrink the widget.
 *
 * Text settings sit on the host and again on the widget's base part: a page rule such as
 * "* { font-size: 10px !important; text-transform: uppercase !important }" reaches the host element
 * itself but never inside the shadow root, so the part restores normal text for everything in it.
 * (Hence --tandem-font-size should be an absolute length, px or rem: em would apply twice.)
 * box-sizing is restored on the base part too: a page's `* { box-sizing: content-box }` beats `:host`,
 * and everything inside inherits the host's value, so padded buttons and fields would grow.
 * `.visually-hidden` is read by screen readers but not shown.
 * (Comments live here rather than in the CSS so they do not ship in the bundle.)
 */
export const baseStyles = css`
  :host {
    --_accent: var(--tandem-accent, #1d4ed8);
    --_on-accent: var(--tandem-on-accent, #ffffff);
    --_text: var(--tandem-text, currentColor);
    --_muted: var(--tandem-muted-text, color-mix(in srgb, currentColor 75%, transparent));
    --_surface: var(--tandem-surface, transparent);
    --_field-surface: var(--tandem-field-surface, Field);
    --_field-text: var(--tandem-field-text, FieldText);
    --_border: var(--tandem-border, color-mix(in srgb, currentColor 55%, transparent));
    --_radius: var(--tandem-radius, 8px);
    --_font-size: var(--tandem-font-size, 16px);
    --_line-height: var(--tandem-line-height, 1.5);
    --_space: var(--tandem-space, 16px);
    --_focus: var(--tandem-focus, #1d4ed8);
    --_error: var(--tandem-error, #b42318);
    --_success: var(--tandem-success, #157f3b);
    --_warning: var(--tandem-warning, #8a4b00);

    display: block;
    box-sizing: border-box;
    font: inherit;
    color: var(--_text);
  }

  :host,
  [part~='base'] {
    box-sizing: border-box;
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    font-style: normal;
    font-variant: normal;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
