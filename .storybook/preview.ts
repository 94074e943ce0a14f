// Storybook previews: a locale toolbar that drives the widgets' language and direction, a11y checks against WCAG 2.2, manifest-driven controls.
/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { LOCALE_NAMES, SUPPORTED_LOCALES, isRtl } from '@tandem/protocol';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';

/** The key under which the language switch remembers a family's choice (see @tandem/core's locale resolution). */
const SAVED_LOCALE_KEY = 'tandem:locale';

interface Member {
  privacy?: string;
  static?: boolean;
  name: string;
}
interface Module {
  declarations?: { members?: Member[] }[];
}
interface CustomElementsManifest {
  schemaVersion: string;
  modules: Module[];
}

/** Controls and docs tables are for what a page author can set; internal state stays out of them. */
const isPublicMember = (m: Member) => (m.privacy ?? 'public') === 'public' && !m.static && !m.name.startsWith('_');
const publicOnly = (mod: Module): Module => ({
  ...mod,
  declarations: mod.declarations?.map((d) => (d.members ? { ...d, members: d.members.filter(isPublicMember) } : d)),
});

// `npm run build` writes one custom-elements.json per package; merged, they give Storybook its controls and docs tables.
// Before the first build there are none, and stories simply fall back to their own argTypes.
const manifests = Object.values(
  import.meta.glob<CustomElementsManifest>('../packages/*/custom-elements.json', { eager: true, import: 'default' }),
);
if (manifests.length) {
  setCustomElementsManifest({ schemaVersion: manifests[0]!.schemaVersion, modules: manifests.flatMap((m) => m.modules.map(publicOnly)) });
}

/** Gives every top-level Tandem widget in the story the toolbar's language (and direction, for Arabic). */
function applyLocale(wrapper: Element | undefined, locale: string, dir: 'ltr' | 'rtl'): void {
  if (!wrapper) return;
  // The story's own template is rendered after this wrapper's ref runs; wait for it.
  queueMicrotask(() => {
    for (const el of wrapper.querySelectorAll('*')) {
      if (!el.localName.startsWith('tandem-')) continue;
      el.setAttribute('lang', locale);
      el.setAttribute('dir', dir);
    }
  });
}

/**
 * With no locale picked, a story renders as written. Picking one sets it on a wrapper (so widgets see it as
 * their nearest `lang` from the first render) and on each widget (so it also overrides a story's own `lang`).
 */
const withLocale: Decorator = (story, context) => {
  const locale = context.globals['locale'] as string | undefined;
  if (!locale) return story();
  const dir = isRtl(locale) ? 'rtl' : 'ltr';
  // A family's saved choice outranks `lang` in widgets; in Storybook the toolbar must win.
  localStorage.removeItem(SAVED_LOCALE_KEY);
  return html`<div lang=${locale} dir=${dir} ${ref((el) => applyLocale(el, locale, dir))}>${story()}</div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLocale],
  globalTypes: {
    locale: {
      description: 'Language (and direction) of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: SUPPORTED_LOCALES.map((value) => ({ value, title: `${LOCALE_NAMES[value]} (${value})`, right: isRtl(value) ? 'RTL' : '' })),
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    controls: { expanded: true },
    a11y: {
      // Fail (not just list) violations of WCAG 2.0–2.2 A/AA, the bar DESIGN.md and the brief set.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
  },
};

export default preview;
