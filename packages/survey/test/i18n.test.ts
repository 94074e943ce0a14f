/** <tandem-survey> languages: fallback marking, the language switch, the bilingual view, Arabic right to left. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { setUiLocale } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import type { PublicSurvey } from '@tandem/protocol';
import type { TandemSurvey } from '../src/survey.js';
import { $, $$, choose, clickPart, finishFirstPage, inputsOf, question, renderSurvey, resetDevice, textOf, type } from './helpers.js';

const arabicSurvey: PublicSurvey = {
  id: 'ar-demo',
  title: { en: 'Family feedback', ar: 'رأي العائلات' },
  defaultLocale: 'en',
  locales: ['en', 'ar'],
  status: 'published',
  school: { id: 'lincoln', name: 'Lincoln Elementary' },
  sections: [
    {
      id: 'only',
      questions: [
        {
          id: 'grade',
          type: 'single-choice',
          required: true,
          prompt: { en: 'What grade is your child in?', ar: 'في أي صف طفلك؟' },
          options: [
            { id: 'k', label: { en: 'Kindergarten', ar: 'روضة' } },
            { id: '1', label: { en: 'Grade 1', ar: 'الصف الأول' } },
          ],
        },
        {
          id: 'happy',
          type: 'rating',
          required: false,
          scale: 5,
          prompt: { en: 'How happy is your child?', ar: 'ما مدى سعادة طفلك؟' },
          lowLabel: { en: 'Not happy', ar: 'غير سعيد' },
          highLabel: { en: 'Very happy', ar: 'سعيد جدا' },
        },
      ],
    },
  ],
};

async function switchLanguage(el: TandemSurvey, locale: string): Promise<void> {
  const select = el.shadowRoot!.querySelector('tandem-language-switch')!.shadowRoot!.querySelector('select')!;
  select.value = locale;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => el.getAttribute('lang') === locale, `lang never became ${locale}`);
  await (el as unknown as { i18n: { ready: Promise<void> } }).i18n.ready;
  await el.updateComplete;
}

describe('<tandem-survey> languages', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    await resetDevice();
    await setUiLocale('en');
  });

  it('marks text that falls back to the default language with its lang and a visible note', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData(), { lang: 'hmn' });
    expect(textOf($(el, 'h2'))).to.equal('Tsev neeg cov lus xav: xyoo kawm ntawv mus li cas lawm?');
    expect($(el, 'h2 .text').hasAttribute('lang')).to.equal(false);
    // Hmong prompt, English help: the help carries lang="en" and the question says it is partly in English.
    const homework = question(el, 'homework-help');
    expect(homework.querySelector('.help .text')!.getAttribute('lang')).to.equal('en');
    // The note is in Hmong (the UI language) and names the language the text is really in.
    const partlyNote = textOf(homework.querySelector('.fallback-note')!);
    // "lus Askiv", Tandem's own Hmong name: Chromium's Intl.DisplayNames has none and used to give "lus English".
    expect(partlyNote).to.equal('Ib feem ntawm lo lus nug no sau ua lus Askiv.');
    expect(partlyNote).not.to.contain('English');
    expect(partlyNote).not.to.match(/^Part of this question is in /);
    expect(homework.getAttribute('aria-describedby')).to.contain('q-homework-help-note');
    // Fully translated questions carry no note.
    expect(question(el, 'grade').querySelector('.fallback-note')).to.equal(null);
    await finishFirstPage(el);
    const ideas = question(el, 'ideas');
    expect(ideas.querySelector('.prompt .text')!.getAttribute('lang')).to.equal('en');
    const fullNote = textOf(ideas.querySelector('.fallback-note')!);
    expect(fullNote).to.equal('Lo lus nug no sau ua lus Askiv.');
    expect(fullNote).not.to.match(/^This question is in /);
    expect($(el, '#page-heading .text').getAttribute('lang')).to.equal('en');
    expect(question(el, 'language').querySelector('.fallback-note')).to.equal(null);
  });

  it('says once when the whole survey is not in the family language', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData(), { lang: 'vi' });
    expect($(el, 'h2 .text').getAttribute('lang')).to.equal('en');
    expect(textOf($(el, '.fallback-note--survey'))).to.equal(
      'Bản khảo sát này chưa có bằng tiếng Việt. Bản khảo sát đang được hiển thị bằng tiếng Anh.',
    );
    expect($$(el, '[part~="question"] .fallback-note')).to.have.length(0);
  });

  it('marks only part of a question when its prompt falls back but some of it is in the family language', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.addSurvey({
      ...arabicSurvey,
      id: 'mixed',
      title: { en: 'Family feedback', es: 'Opinión de las familias' },
      locales: ['en', 'es'],
      sections: [
        {
          id: 'only',
          questions: [
            {
              id: 'grade',
              type: 'single-choice',
              required: true,
              prompt: { en: 'What grade is your child in?' },
              options: [
                { id: 'k', label: { en: 'Kindergarten', es: 'Kínder' } },
                { id: '1', label: { en: 'Grade 1' } },
              ],
            },
          ],
        },
      ],
    });
    const el = await renderSurvey(backend, { survey: 'mixed', lang: 'es' });
    expect(textOf(question(el, 'grade').querySelector('.fallback-note')!)).to.equal('Una parte de esta pregunta está en inglés.');
  });

  it('the required note quotes the very marker shown after required prompts, in every language', async () => {
    for (const lang of ['en', 'es', 'hmn', 'ar', 'zh-Hans']) {
      const el = await renderSurvey(MemoryBackend.withDemoData(), { lang });
      const marker = textOf($(el, '.required'));
      expect(textOf($(el, '.required-note')), lang).to.contain(marker);
      if (lang === 'en') expect(textOf($(el, '.required-note'))).to.equal('Questions marked (required) need an answer.');
      el.remove();
      await resetDevice();
    }
  });

  it('Previous page and Send fit a 360px phone with 44px targets in every language', async () => {
    for (const lang of ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht']) {
      const el = await renderSurvey(MemoryBackend.withDemoData(), { lang });
      el.style.width = '328px';
      await finishFirstPage(el);
      const box = el.getBoundingClientRect();
      if (lang === 'en') expect(textOf($(el, '[part~="back"]'))).to.equal('Previous page');
      for (const part of ['back', 'submit']) {
        const button = $(el, `[part~="${part}"]`);
        const rect = button.getBoundingClientRect();
        expect(rect.height, `${part} in ${lang}`).to.be.at.least(44);
        expect(rect.width, `${part} in ${lang}`).to.be.at.least(44);
        expect(rect.left, `${part} in ${lang}`).to.be.at.least(box.left - 0.5);
        expect(rect.right, `${part} in ${lang}`).to.be.at.most(box.right + 0.5);
        expect(button.scrollWidth, `${part} text in ${lang}`).to.be.at.most(button.clientWidth);
      }
      el.remove();
      await resetDevice();
    }
  });

  it('offers the language switch and keeps every answer when the language changes', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData());
    const options = [...el.shadowRoot!.querySelector('tandem-language-switch')!.shadowRoot!.querySelectorAll('option')];
    expect(options.map((o) => o.value)).to.include.members(['en', 'es', 'hmn', 'ar']);
    await choose(el, 'grade', 'k');
    await clickPart(el, 'next'); // fails: "happy" is required
    await switchLanguage(el, 'es');
    expect(textOf($(el, 'h2'))).to.equal('Opinión de las familias: ¿cómo va el año escolar?');
    expect(inputsOf(el, 'grade').find((i) => i.checked)?.value).to.equal('k');
    // The error is still shown, now in the family's language when a translation exists.
    expect(question(el, 'happy').querySelector('.field-error')).to.not.equal(null);
    await choose(el, 'happy', '5');
    await clickPart(el, 'next');
    await type(el, 'ideas', 'Más talleres');
    await switchLanguage(el, 'hmn');
    await switchLanguage(el, 'en');
    expect((inputsOf(el, 'ideas')[0] as unknown as HTMLTextAreaElement).value).to.equal('Más talleres');
    await clickPart(el, 'back');
    expect(inputsOf(el, 'happy').find((i) => i.checked)?.value).to.equal('5');
  });

  it('bilingual="es" shows each prompt, help and option in both languages with the right lang', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData(), { bilingual: 'es' });
    const grade = question(el, 'grade');
    const second = grade.querySelector('legend .second-language')!;
    expect(second.getAttribute('lang')).to.equal('es');
    expect(textOf(second)).to.equal('¿En qué grado está su hijo o hija?');
    expect(textOf(grade.querySelector('legend .text')!)).to.equal('What grade is your child in?');
    const labels = [...grade.querySelectorAll('.option-label .second-language')];
    expect(labels.map(textOf)).to.deep.equal(['Kínder', '1.º o 2.º grado', '3.º, 4.º o 5.º grado']);
    expect(labels.every((l) => l.getAttribute('lang') === 'es')).to.equal(true);
    const help = question(el, 'homework-help').querySelector('.help .second-language')!;
    expect(textOf(help)).to.equal('Tenemos un club de tareas gratuito los martes.');
    expect($<HTMLInputElement>(el, '.bilingual-toggle input').checked).to.equal(true);
    // The Spanish line sits under the English one.
    const first = grade.querySelector('legend .text')!.getBoundingClientRect();
    expect(second.getBoundingClientRect().top).to.be.at.least(first.bottom - 1);
  });

  it('the bilingual toggle is remembered on this device, on and off', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    expect(el.shadowRoot!.querySelector('.second-language')).to.equal(null);
    $<HTMLInputElement>(el, '.bilingual-toggle input').click();
    await el.updateComplete;
    expect(textOf($(el, 'h2 .second-language'))).to.equal('Opinión de las familias: ¿cómo va el año escolar?');
    const picker = $<HTMLSelectElement>(el, '.second-language-picker select');
    picker.value = 'hmn';
    picker.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, 'h2 .second-language').getAttribute('lang')).to.equal('hmn');
    el.remove();
    const again = await renderSurvey(backend);
    expect($(again, 'h2 .second-language').getAttribute('lang')).to.equal('hmn');
    $<HTMLInputElement>(again, '.bilingual-toggle input').click();
    again.remove();
    // Turned off by the family: a page default of bilingual="es" does not override that choice.
    const third = await renderSurvey(backend, { bilingual: 'es' });
    expect(third.shadowRoot!.querySelector('.second-language')).to.equal(null);
  });

  it('in Arabic the widget is right to left, mirrored, and accessible', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.addSurvey(arabicSurvey);
    const el = await renderSurvey(backend, { survey: 'ar-demo', lang: 'ar', bilingual: 'en' });
    await (el as unknown as { i18n: { ready: Promise<void> } }).i18n.ready;
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    await expectAxeClean(el);
    expect(textOf($(el, 'h2 .text'))).to.equal('رأي العائلات');
    // Mirrored: the radio sits at the right of its label, Send at the left edge.
    const option = question(el, 'grade').querySelector('.option')!;
    const radio = option.querySelector('input')!.getBoundingClientRect();
    const label = option.querySelector('.option-label')!.getBoundingClientRect();
    expect(radio.left).to.be.greaterThan(label.left);
    const next = $(el, '[part~="submit"]').getBoundingClientRect();
    const base = $(el, '[part~="base"]').getBoundingClientRect();
    expect(next.left - base.left).to.be.lessThan(base.right - next.right);
    // English beside Arabic keeps its own direction.
    expect($(el, 'h2 .second-language').getAttribute('dir')).to.equal('ltr');
  });

  it('[axe] the form with errors and the bilingual view is accessible in English', async () => {
    const el = await fixture<TandemSurvey>(
      html`<tandem-survey .backend=${MemoryBackend.withDemoData()} survey="demo" lang="en" bilingual="es"></tandem-survey>`,
    );
    await waitUntil(() => el.phase === 'ready');
    await clickPart(el, 'next');
    await expectAxeClean(el);
    await finishFirstPage(el);
    await expectAxeClean(el);
  });
});
