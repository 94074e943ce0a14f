/** localeDisplayName: language names in the family's language, including those browsers cannot name (Hmong, Haitian Creole). */
import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES } from '@tandem/protocol';
import { localeDisplayName, setUiLocale } from '../src/index.js';

describe('localeDisplayName', () => {
  afterEach(() => setUiLocale('en'));

  it('names every supported locale in English by default', () => {
    expect(SUPPORTED_LOCALES.map((l) => localeDisplayName(l))).to.deep.equal([
      'English',
      'Spanish',
      'Hmong',
      'Vietnamese',
      'Somali',
      'Arabic',
      'Chinese (Simplified)',
      'Haitian Creole',
    ]);
  });

  it('names languages in the active UI language, where Intl.DisplayNames has no names', async () => {
    await setUiLocale('hmn');
    expect(localeDisplayName('en')).to.equal('lus Askiv');
    expect(localeDisplayName('es')).to.equal('lus Mev');
    await setUiLocale('es');
    expect(localeDisplayName('en')).to.equal('inglés');
    expect(localeDisplayName('ht')).to.equal('criollo haitiano');
    await setUiLocale('ht');
    expect(localeDisplayName('en')).to.equal('angle');
  });

  it('has a name, not a tag, for each supported locale in each supported language', async () => {
    for (const ui of SUPPORTED_LOCALES) {
      await setUiLocale(ui);
      for (const locale of SUPPORTED_LOCALES) {
        const name = localeDisplayName(locale);
        expect(name, `${locale} in ${ui}`).to.not.equal(locale);
        expect(name.trim(), `${locale} in ${ui}`).to.not.equal('');
      }
    }
  });

  it('matches tags case-insensitively, names regional tags of supported languages, and falls back to Intl then the tag', async () => {
    expect(localeDisplayName('ZH-hans')).to.equal('Chinese (Simplified)');
    expect(localeDisplayName('mww')).to.equal('Hmong');
    expect(localeDisplayName('fr')).to.equal('French');
    expect(localeDisplayName('qaa')).to.equal('qaa');
    await setUiLocale('es');
    expect(localeDisplayName('fr')).to.equal('francés');
  });
});
