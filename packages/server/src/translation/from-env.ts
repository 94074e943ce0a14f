/**
 * The translation provider configuration chooses: TANDEM_TRANSLATION_URL (none: no translation),
 * TANDEM_TRANSLATION_PROVIDER `apertium` (default) or `libretranslate`, TANDEM_TRANSLATION_API_KEY.
 */
import { ApertiumProvider } from './apertium.js';
import { LibreTranslateProvider } from './libretranslate.js';
import type { TranslationProvider } from './provider.js';

export function translationProviderFromEnv(env: NodeJS.ProcessEnv = process.env): TranslationProvider | null {
  const url = env.TANDEM_TRANSLATION_URL;
  if (!url) return null;
  const kind = (env.TANDEM_TRANSLATION_PROVIDER || 'apertium').toLowerCase();
  if (kind === 'apertium') return new ApertiumProvider(url);
  if (kind === 'libretranslate') return new LibreTranslateProvider(url, env.TANDEM_TRANSLATION_API_KEY || undefined);
  throw new Error(`TANDEM_TRANSLATION_PROVIDER must be "apertium" or "libretranslate", got "${env.TANDEM_TRANSLATION_PROVIDER}"`);
}
