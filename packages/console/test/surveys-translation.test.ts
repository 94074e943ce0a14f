/** <console-surveys>: "Translate missing languages", machine-translated marks, preview as families see it, and axe in en + ar. */
import { expect, waitUntil } from '@open-wc/testing';
import { expectAxeClean } from '@tandem/core/testing.js';
import { routes, type SurveyInput } from '@tandem/protocol';
import { $, $$, FakeCaller, mountSurveys, settle, text, typeInto } from './surveys-helpers.js';

async function startSurvey(api = new FakeCaller(), lang = 'en') {
  const mounted = await mountSurveys(api, lang);
  $(mounted.el, '[data-action="new"]')!.click();
  await settle(mounted.el);
  typeInto($<HTMLInputElement>(mounted.el, '#t_title-en')!, 'Family survey');
  typeInto($<HTMLInputElement>(mounted.el, '#t_sections_0_questions_0_prompt-en')!, 'How are you?');
  await settle(mounted.el);
  return mounted;
}

const secondLanguage = async (el: Awaited<ReturnType<typeof mountSurveys>>['el'], locale: string) => {
  const select = $<HTMLSelectElement>(el, '#second-locale')!;
  select.value = locale;
  select.dispatchEvent(new Event('change'));
  await settle(el);
};

describe('<console-surveys> translate missing languages', () => {
  it('fills only empty texts, marks them machine translated, and "Mark reviewed" clears the mark', async () => {
    const api = new FakeCaller();
    api.translate = ({ to, texts }) => ({
      provider: 'stub',
      from: 'en',
      targets: to.map((locale) =>
        locale === 'so'
          ? { locale, status: 'unsupported', texts: texts.map(() => null) }
          : { locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) },
      ),
    });
    const { el } = await startSurvey(api);
    typeInto($<HTMLInputElement>(el, '#t_title-es')!, 'Encuesta de familias');
    await settle(el);
    $(el, '[data-action="translate"]')!.click();
    await waitUntil(() => text($(el, '#notice')).includes('Filled in'));
    expect(text($(el, '#notice'))).to.contain('cannot translate into: Soomaali');

    expect($<HTMLInputElement>(el, '#t_title-es')!.value, 'what a person typed is kept').to.equal('Encuesta de familias');
    expect($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-es')!.value).to.equal('[es] How are you?');
    await secondLanguage(el, 'ar');
    const arTitle = $<HTMLInputElement>(el, '#t_title-ar')!;
    expect(arTitle.value).to.equal('[ar] Family survey');
    expect(arTitle.dir, 'Arabic is edited right to left').to.equal('rtl');
    expect(text(el.shadowRoot!.getElementById(arTitle.getAttribute('aria-describedby')!))).to.contain('Machine translated');

    const [request] = api.bodiesOf(routes.translateContent) as { from: string; to: string[]; texts: string[] }[];
    expect(request!.from).to.equal('en');
    expect(request!.to).to.not.include('en');

    $<HTMLButtonElement>(el, '[data-review="title"]')!.click();
    await settle(el);
    expect($(el, '[data-review="title"]')).to.equal(null);
    expect($$(el, '[data-review]').length, 'other texts stay marked').to.be.greaterThan(0);

    // Emptying a machine-translated field takes its mark away too.
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-ar')!, '');
    await settle(el);

    $(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.bodiesOf(routes.createSurvey).length === 1);
    const [saved] = api.bodiesOf(routes.createSurvey) as SurveyInput[];
    expect(saved!.machineTranslated!.title).to.not.include('ar');
    expect(saved!.machineTranslated!.title).to.include('vi');
    expect(saved!.machineTranslated!['title']).to.not.include('es');
    expect(saved!.title.es).to.equal('Encuesta de familias');
    const promptKey = Object.keys(saved!.machineTranslated!).find((k) => k.endsWith(':prompt'))!;
    expect(saved!.machineTranslated![promptKey]).to.include('es').and.not.include('ar');
  });

  it('explains when the server has no translation service, and changes nothing', async () => {
    const { el } = await startSurvey();
    $(el, '[data-action="translate"]')!.click();
    await waitUntil(() => $(el, '#form-error'));
    expect(text($(el, '#form-error'))).to.contain('No translation service is available');
    expect($<HTMLInputElement>(el, '#t_title-es')!.value).to.equal('');
  });
});

describe('<console-surveys> preview', () => {
  it('renders the draft in <tandem-survey>, in Arabic right to left', async () => {
    const { el } = await startSurvey();
    await secondLanguage(el, 'ar');
    typeInto($<HTMLInputElement>(el, '#t_title-ar')!, 'استبيان العائلات');
    await settle(el);
    $(el, '[data-action="preview"]')!.click();
    await waitUntil(() => $(el, 'tandem-survey')?.shadowRoot?.textContent?.includes('Family survey'), 'preview shows the draft', {
      timeout: 5000,
    });
    expect(text($(el, 'tandem-survey')!.shadowRoot!.querySelector('[part~="base"]'))).to.contain('How are you?');

    const language = $<HTMLSelectElement>(el, '#preview-locale')!;
    language.value = 'ar';
    language.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, 'tandem-survey')?.shadowRoot?.textContent?.includes('استبيان العائلات'), 'Arabic preview', {
      timeout: 5000,
    });
    expect($(el, 'tandem-survey')!.getAttribute('lang')).to.equal('ar');
    expect($(el, '.preview-frame')!.getAttribute('dir')).to.equal('rtl');
  });
});

describe('<console-surveys> accessibility', () => {
  it('[axe] the list and the builder are accessible in English and in Arabic (RTL)', async () => {
    for (const lang of ['en', 'ar']) {
      const { el } = await startSurvey(new FakeCaller(), lang);
      const type = $<HTMLSelectElement>(el, 'select[id^="type-"]')!;
      type.value = 'rating';
      type.dispatchEvent(new Event('change'));
      await settle(el);
      await expectAxeClean(el);
      $(el, '[data-action="save"]')!.click();
      await settle(el);
      await expectAxeClean(el);
    }
  });
});
