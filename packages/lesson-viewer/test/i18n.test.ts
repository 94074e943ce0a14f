/** <tandem-lesson-viewer> in the family's language: UI labels translated, content picked per language, fallbacks marked. */
import { expect } from '@open-wc/testing';
import { MemoryBackend, setUiLocale } from '@tandem/core';
import { $, renderLesson, resetDevice, textOf } from './helpers.js';

describe('<tandem-lesson-viewer> languages', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    await setUiLocale('en');
    await resetDevice();
  });

  it('Spanish: grade band, subject and time are localized labels, the content is Spanish', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'es' });
    const facts = [...$(el, '[part~="facts"]').querySelectorAll('div')].map((d) => [
      textOf(d.querySelector('dt')!),
      textOf(d.querySelector('dd')!),
    ]);
    expect(facts).to.deep.equal([
      ['Grados', 'De kínder a 2.º grado'],
      ['Materia', 'Matemáticas'],
      ['Tiempo', 'Alrededor de 15 minutos'],
    ]);
    expect(textOf($(el, '#lesson-title'))).to.equal('Matemáticas en la cocina');
    expect(textOf($(el, '[part~="submit"]'))).to.equal('¡Lo intentamos!');
  });

  it('a language the lesson lacks: shown in its default language, marked with lang, and said so', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'so' });
    const title = $(el, '#lesson-title .cell');
    expect(title.getAttribute('lang')).to.equal('en');
    expect(textOf(title)).to.equal('Math in the kitchen');
    expect(el.shadowRoot!.querySelector('.note')).to.exist;
  });

  it('side by side in a language the lesson lacks: the second column is another language, not the same English twice', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'vi' });
    $<HTMLInputElement>(el, 'input[name="bilingual"]').click();
    await el.updateComplete;
    const langs = [...el.shadowRoot!.querySelectorAll('[data-section="why"] > .pair > .cell')].map((c) => c.getAttribute('lang'));
    expect(langs).to.deep.equal(['en', 'es']);
    const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[name="second-language"] option')].map((o) => o.value);
    expect(options).to.deep.equal(['es', 'hmn']);
  });

  it('switching language with the switch re-renders the lesson in that language', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'en' });
    const select = el.shadowRoot!.querySelector('tandem-language-switch')!.shadowRoot!.querySelector('select')!;
    select.value = 'hmn';
    select.dispatchEvent(new Event('change'));
    await el.i18n.ready;
    await el.updateComplete;
    expect(textOf($(el, '#lesson-title'))).to.equal('Kev ua lej hauv chav ua mov');
    expect(el.getAttribute('lang')).to.equal('hmn');
  });
});
