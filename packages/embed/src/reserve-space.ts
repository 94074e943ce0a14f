/**
 * Holds each widget's room on the page from the moment the loader runs, before any widget code has arrived,
 * until its content shows; then gives back what the content leaves unused only where nobody sees the page move.
 */

/**
 * Room a widget holds until its content shows, unless the page says otherwise (`data-height`, or the
 * `--tandem-reserve` custom property). Surveys, events, lessons and resources are usually taller than a
 * screen, so a screen is held: whatever the content's height, the page below stays below the fold while it
 * arrives. The message box's frame has a fixed height.
 */
export const RESERVED_BLOCK_SIZE: Readonly<Record<string, string>> = {
  'tandem-message-box': '480px',
  'tandem-inbox': '480px',
};
export const DEFAULT_RESERVED_BLOCK_SIZE = '100vh';

/** Set on a widget once its reservation no longer applies; page CSS may read it too. */
export const SETTLED_ATTRIBUTE = 'data-tandem-settled';

/**
 * The stylesheet the loader adopts: each tag holds its room until settled, and draws a quiet skeleton (a title
 * bar and two lines, in the page's own text colour) until its code has defined it. `:where()` keeps every rule
 * at zero specificity, so any rule of the page about the element wins.
 */
export function reservedSpaceCss(tags: readonly string[]): string {
  const bar = 'linear-gradient(color-mix(in srgb,currentColor 8%,transparent) 0 0)';
  return (
    `:where(${tags.join()}):not(:defined){display:block;background:${bar} 0 52px/60% 24px,${bar} 0 88px/100% 16px,${bar} 0 116px/45% 16px;background-repeat:no-repeat}` +
    tags
      .map(
        (tag) =>
          `:where(${tag}:not([${SETTLED_ATTRIBUTE}])){min-block-size:var(--tandem-reserve,${RESERVED_BLOCK_SIZE[tag] ?? DEFAULT_RESERVED_BLOCK_SIZE})}`,
      )
      .join('')
  );
}

/**
 * `data-height="640"` (pixels, or any CSS length such as `40em`): the height the page's author knows the
 * content takes, reserved instead of the default. Written as a CSSOM custom property, which a CSP allows.
 */
export function applyHeightHint(el: HTMLElement): void {
  const hint = el.dataset.height?.trim();
  if (hint) el.style.setProperty('--tandem-reserve', /^\d+(\.\d+)?$/.test(hint) ? `${hint}px` : hint);
}

/** Adopts the reservation sheet into `doc` (browsers without constructable sheets simply go without). */
export function reserveSpace(tags: readonly string[], doc: Document = document): void {
  if (!('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(reservedSpaceCss(tags));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  for (const el of doc.querySelectorAll<HTMLElement>(tags.map((tag) => `${tag}[data-height]`).join())) applyHeightHint(el);
}

/** What the loader needs of a widget: a Lit element (ReactiveElement's controllers and initializers). */
interface Widget extends HTMLElement {
  renderRoot: Element | DocumentFragment;
  hasUpdated: boolean;
  addController(controller: { hostConnected?(): void; hostUpdated?(): void; hostDisconnected?(): void }): void;
}
interface WidgetClass {
  addInitializer?(initializer: (element: Widget) => void): void;
}

/**
 * Gives back the room a widget holds once it shows content (nothing in it is `aria-busy`, the widgets'
 * skeleton convention). Releasing moves the page below the widget up by the room the content leaves unused,
 * so it happens at once only when the content fills the room or itself reaches past the bottom of the
 * viewport (what moves is then out of sight), otherwise at the first scroll or resize after which that is so.
 * Until then the room stays, empty, below the content.
 */
export function releaseWhenUnseen(widget: Widget): void {
  let watching = false;
  const watch = (on: boolean) => {
    if (on === watching) return;
    watching = on;
    for (const type of ['scroll', 'resize']) {
      if (on) addEventListener(type, check, { passive: true });
      else removeEventListener(type, check);
    }
  };
  const check = () => {
    if (!widget.isConnected || widget.hasAttribute(SETTLED_ATTRIBUTE)) return watch(false);
    if (widget.renderRoot.querySelector('[aria-busy="true"]')) return;
    const box = widget.getBoundingClientRect();
    const style = getComputedStyle(widget);
    // Where the room ends, and where the content inside it ends.
    const roomEnd = box.bottom - parseFloat(style.paddingBlockEnd) - parseFloat(style.borderBlockEndWidth);
    let contentEnd = box.top + parseFloat(style.paddingBlockStart) + parseFloat(style.borderBlockStartWidth);
    for (const child of widget.renderRoot.children) {
      const rect = child.getBoundingClientRect();
      if (rect.width || rect.height) contentEnd = Math.max(contentEnd, rect.bottom);
    }
    if (roomEnd - contentEnd < 1 || contentEnd >= document.documentElement.clientHeight) {
      widget.setAttribute(SETTLED_ATTRIBUTE, '');
      watch(false);
    } else watch(true);
  };
  // Each render looks again: the content arrives, or changes size while the room is kept. Added to a
  // connected widget, the controller's hostConnected runs at once: that is the first look. (The hint is read
  // on connect: a constructor may not touch attributes, and an element a script builds gets them later.)
  widget.addController({
    hostConnected: () => {
      applyHeightHint(widget);
      // Before its first render the widget shows nothing yet, which is not content.
      if (widget.hasUpdated) check();
    },
    hostUpdated: check,
    hostDisconnected: () => watch(false),
  });
}

/**
 * Once `tag` is defined, every element of it, now and later, releases its room as above. An element that is no
 * Lit element (another library took the tag) is marked settled, so it never keeps room it cannot give back.
 */
export function releaseRoomOf(tag: string, root: Document = document): void {
  const widgetClass = customElements.get(tag) as WidgetClass | undefined;
  const adopt = (el: Partial<Widget> & HTMLElement) =>
    el.addController ? releaseWhenUnseen(el as Widget) : el.setAttribute(SETTLED_ATTRIBUTE, '');
  widgetClass?.addInitializer?.(adopt);
  for (const el of root.querySelectorAll<HTMLElement>(tag)) adopt(el);
}
