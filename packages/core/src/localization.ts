/**
 * Decides which locale a widget speaks and wires @lit/localize (runtime mode) to Tandem's locales. The
 * runtime itself lives in localization-runtime.ts, fetched only when strings other than English are needed.
 */
import type { LocaleModule } from '@lit/localize';
import { LOCALE_NAMES, matchSupportedLocale, SUPPORTED_LOCALES, type SupportedLocale } from '@tandem/protocol';
import { lazyUi } from './lazy-ui.js';

export { SUPPORTED_LOCALES };
export type { SupportedLocale };
/** Each locale's name in its own language. */
export const localeNames: Readonly<Record<SupportedLocale, string>> = LOCALE_NAMES;

export const SOURCE_LOCALE = 'en' satisfies SupportedLocale;
/** localStorage key for the language a family picked with a language switch. */
export const SAVED_LOCALE_KEY = 'tandem:locale';

type TargetLocale = Exclude<SupportedLocale, 'en'>;

// One static import() per locale (not a template string) so bundlers and the test dev server can see
// and split each file; lit-localize generates them from xliff/ into ./generated/locales/.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  es: () => import('./generated/locales/es.js'),
  hmn: () => import('./generated/locales/hmn.js'),
  vi: () => import('./generated/locales/vi.js'),
  so: () => import('./generated/locales/so.js'),
  ar: () => import('./generated/locales/ar.js'),
  'zh-Hans': () => import('./generated/locales/zh-Hans.js'),
  ht: () => import('./generated/locales/ht.js'),
};

/** Loads the UI strings of one locale (what @lit/localize calls). */
export function loadLocale(locale: string): Promise<LocaleModule> {
  const loader = loaders[locale as TargetLocale];
  if (!loader) return Promise.reject(new Error(`No UI strings for locale "${locale}"`));
  return loader();
}

/** What localization-runtime.ts registers: the two calls that need the @lit/localize runtime. */
interface LocalizationRuntime {
  activeUiLocale(): SupportedLocale;
  setUiLocale(locale: SupportedLocale): Promise<void>;
}

let runtime: LocalizationRuntime | undefined;

/** Called by localization-runtime.ts as it runs. */
export function provideLocalizationRuntime(provided: LocalizationRuntime): void {
  runtime ??= provided;
}

const loadRuntime = lazyUi(
  () => import('./localization-runtime.js'),
  () => undefined,
);

/** The locale whose UI strings are active on the page right now. */
export function activeUiLocale(): SupportedLocale {
  return runtime?.activeUiLocale() ?? SOURCE_LOCALE;
}

/** Loads and activates the UI strings for `locale`; resolves when they are in place. */
export function setUiLocale(locale: SupportedLocale): Promise<void> {
  if (runtime) return runtime.setUiLocale(locale);
  // English is what the code is written in: nothing to load while no other language was ever applied.
  if (locale === SOURCE_LOCALE) return Promise.resolve();
  // The strings start downloading now, beside the runtime, rather than after it; the runtime's own
  // request for them then finds the module already on its way.
  loadLocale(locale).catch(() => undefined);
  return loadRuntime().then(() => runtime!.setUiLocale(locale));
}

/** The choice made on this page, for when storage is blocked (privacy settings, sandboxed iframes). */
let pageChoice: SupportedLocale | undefined;

export function savedLocale(): SupportedLocale | undefined {
  try {
    return matchSupportedLocale(globalThis.localStorage?.getItem(SAVED_LOCALE_KEY));
  } catch {
    return pageChoice;
  }
}

export function saveLocale(locale: SupportedLocale | undefined): void {
  pageChoice = locale;
  try {
    if (locale) globalThis.localStorage?.setItem(SAVED_LOCALE_KEY, locale);
    else globalThis.localStorage?.removeItem(SAVED_LOCALE_KEY);
  } catch {
    // Blocked storage: the choice lasts for this page only (see pageChoice).
  }
}

/** The parent of a node, stepping out of shadow roots to their host. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
  return node instanceof ShadowRoot ? node.host : null;
}

/** The nearest ancestor's (not the element's own) non-empty `lang`, crossing shadow roots. */
export function ancestorLang(el: Element): string | undefined {
  for (let node = composedParent(el); node; node = composedParent(node)) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
  }
  return undefined;
}

/**
 * A widget whose page fixes its language (`fixed-lang` beside `lang`): a preview of one language in the staff console,
 * or a page that is itself written in one language. The family's saved choice neither outranks it nor is changed by it.
 */
export const isLangFixed = (el: Element): boolean => el.hasAttribute('fixed-lang');

/**
 * The locale a widget should speak:
 * 0. with `fixed-lang`, the element's own `lang` when it names a supported language;
 * 1. the family's saved choice (from a language switch), then the element's own `lang` — explicit choices;
 * 2. the page's `lang` or the browser's first supported language, whichever is not English — school sites
 *    say `<html lang="en">` and many phones are left in English whatever the family reads, so English
 *    from either says little, while Spanish from either says a lot (the page's wins when both differ);
 * 3. English.
 */
export function resolveLocale(el: Element, ownLang: string | null = el.getAttribute('lang')): SupportedLocale {
  const fixed = isLangFixed(el) ? matchSupportedLocale(ownLang) : undefined;
  const explicit = fixed ?? matchSupportedLocale(savedLocale()) ?? matchSupportedLocale(ownLang);
  if (explicit) return explicit;
  const page = matchSupportedLocale(ancestorLang(el));
  const browserTags = globalThis.navigator?.languages ?? [globalThis.navigator?.language];
  const browser = browserTags.map(matchSupportedLocale).find((locale) => locale !== undefined);
  return [page, browser].find((locale) => locale && locale !== SOURCE_LOCALE) ?? SOURCE_LOCALE;
}
