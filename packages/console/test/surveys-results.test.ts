/** <console-survey-results>: charts with a text alternative, translated text answers, filters, CSV, refresh, 403 and axe in en + ar. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { expectAxeClean } from '@tandem/core/testing.js';
import { routes, type RouteSpec, type Survey, type SurveyResults } from '@tandem/protocol';
import { ConsoleError } from '../src/console-client.js';
import '../src/screens/surveys/results/console-survey-results.js';
import type { ConsoleSurveyResults } from '../src/screens/surveys/results/results-screen.js';
import { $, $$, FakeCaller, mountSurveys, SESSION, settle, text } from './surveys-helpers.js';

const now = new Date().toISOString();

const SURVEY: Survey = {
  id: 'sv1',
  schoolId: 's1',
  title: { en: 'Lunch survey', es: 'Encuesta del almuerzo', ar: 'استبيان الغداء' },
  defaultLocale: 'en',
  sections: [
    {
      id: 'sec1',
      title: { en: 'Lunch' },
      questions: [
        {
          id: 'q1',
          type: 'single-choice',
          prompt: { en: 'Favourite lunch?', es: '¿Almuerzo favorito?' },
          required: true,
          options: [
            { id: 'o1', label: { en: 'Pizza', es: 'Pizza' } },
            { id: 'o2', label: { en: 'Soup', es: 'Sopa' } },
          ],
        },
        { id: 'q2', type: 'rating', prompt: { en: 'How was it?' }, required: false, scale: 5 },
        { id: 'q3', type: 'yes-no', prompt: { en: 'Again?' }, required: false },
        { id: 'q4', type: 'long-text', prompt: { en: 'Anything else?' }, required: false },
      ],
    },
  ],
  status: 'published',
  createdAt: now,
  updatedAt: now,
  responseCount: 4,
} as unknown as Survey;

const RESULTS: SurveyResults = {
  surveyId: 'sv1',
  responseCount: 4,
  locales: { en: 1, es: 3 },
  questions: [
    {
      questionId: 'q1',
      type: 'single-choice',
      prompt: SURVEY.sections[0]!.questions[0]!.prompt,
      answered: 4,
      options: [
        { optionId: 'o1', label: { en: 'Pizza' }, count: 3 },
        { optionId: 'o2', label: { en: 'Soup' }, count: 1 },
      ],
    },
    { questionId: 'q2', type: 'rating', prompt: { en: 'How was it?' }, answered: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] },
    {
      questionId: 'q3',
      type: 'yes-no',
      prompt: { en: 'Again?' },
      answered: 2,
      options: [
        { optionId: 'yes', label: { en: 'Yes' }, count: 2 },
        { optionId: 'no', label: { en: 'No' }, count: 0 },
      ],
    },
    {
      questionId: 'q4',
      type: 'long-text',
      prompt: { en: 'Anything else?' },
      answered: 2,
      texts: [
        { text: 'Más fruta, por favor', locale: 'es', submittedAt: now },
        { text: 'Great food', locale: 'en', submittedAt: now },
      ],
    },
  ],
};

type Options = { params?: Record<string, string>; body?: unknown; query?: Record<string, string> };

/** The survey fake plus the results route; `results` is what the next results call returns. */
class ResultsCaller extends FakeCaller {
  results: SurveyResults = structuredClone(RESULTS);
  resultsError: ConsoleError | undefined;

  constructor() {
    super();
    this.surveys.set(SURVEY.id, structuredClone(SURVEY));
    this.translate = ({ to, texts }) => ({
      provider: 'stub',
      from: 'es',
      targets: to.map((locale) => ({ locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) })),
    });
  }

  override async call<T>(route: RouteSpec, options: Options = {}): Promise<T> {
    if (route !== routes.getSurveyResults) return super.call<T>(route, options);
    this.calls.push({ route, options });
    if (this.resultsError) throw this.resultsError;
    return structuredClone(this.results) as T;
  }

  resultQueries(): (Record<string, string> | undefined)[] {
    return this.calls.filter((c) => c.route === routes.getSurveyResults).map((c) => c.options.query);
  }
}

async function mountResults(api = new ResultsCaller(), lang = 'en') {
  const el = await fixture<ConsoleSurveyResults>(
    html`<console-survey-results lang=${lang} .api=${api} .session=${SESSION} .surveyId=${'sv1'}></console-survey-results>`,
  );
  await waitUntil(() => el.results !== undefined || el.error !== '', 'results load');
  await settle(el as never);
  return { el, api };
}

const q = <E extends Element = HTMLElement>(el: ConsoleSurveyResults, s: string) => el.shadowRoot!.querySelector<E>(s);
const qa = (el: ConsoleSurveyResults, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];

describe('<console-survey-results>', () => {
  it('draws bars with counts and percentages, the rating average, and the same numbers as a hidden table', async () => {
    const { el } = await mountResults();
    expect(text(q(el, '#response-count'))).to.equal('4 responses');
    const pizza = q(el, '[data-chart="q1"] [data-bar="o1"]')!;
    expect(text(pizza)).to.contain('Pizza').and.contain('3 (75%)');
    expect(pizza.querySelector<HTMLElement>('.bar-fill')!.style.inlineSize).to.equal('75%');
    expect(q(el, '[data-chart="q1"]')!.getAttribute('aria-hidden'), 'the picture is not read twice').to.equal('true');

    const table = q(el, 'table[data-table="q1"]')!;
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    expect(text(table.querySelector('caption'))).to.equal('Answers to: Favourite lunch?');
    expect([...table.querySelectorAll('tbody tr')].map((r) => text(r))).to.deep.equal(['Pizza 3 75%', 'Soup 1 25%']);

    expect(qa(el, '[data-chart="q2"] [data-bar]').map((b) => b.dataset.bar)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(text(q(el, '[data-average="q2"]'))).to.equal('Average: 4.5 out of 5');
    expect(text(q(el, '[data-chart="q3"] [data-bar="yes"]'))).to.contain('2 (100%)');
  });

  it("shows text answers in the reader's language with the original one click away", async () => {
    const { el, api } = await mountResults();
    const answer = q(el, '#text-q4-0')!;
    expect(text(answer)).to.equal('[en] Más fruta, por favor');
    expect(answer.lang).to.equal('en');
    expect(text(q(el, '[data-text="q4-0"]'))).to.contain('Machine translation');
    expect(text(q(el, '[data-text="q4-1"]')), 'English answers are not translated').to.contain('Great food');
    expect(q(el, '[data-toggle="q4-1"]')).to.equal(null);
    const [request] = api.bodiesOf(routes.translateContent) as { from: string; to: string[]; texts: string[] }[];
    expect(request).to.deep.equal({ from: 'es', to: ['en'], texts: ['Más fruta, por favor'] });

    q(el, '[data-toggle="q4-0"]')!.click();
    await settle(el as never);
    expect(text(q(el, '#text-q4-0'))).to.equal('Más fruta, por favor');
    expect(q(el, '#text-q4-0')!.lang).to.equal('es');
    expect(text(q(el, '[data-toggle="q4-0"]'))).to.equal('Show translation');
    q(el, '[data-toggle="q4-0"]')!.click();
    await settle(el as never);
    expect(text(q(el, '#text-q4-0'))).to.equal('[en] Más fruta, por favor');
  });

  it('says so when no translation service is set up, and shows answers as written', async () => {
    const api = new ResultsCaller();
    api.translate = undefined;
    const { el } = await mountResults(api);
    expect(text(q(el, '#translation-note'))).to.contain('No translation service');
    expect(text(q(el, '#text-q4-0'))).to.equal('Más fruta, por favor');
    expect(q(el, '[data-toggle="q4-0"]')).to.equal(null);
  });

  it('sends the language and date filters to the results route, and Clear drops them', async () => {
    const { el, api } = await mountResults();
    const locale = q<HTMLSelectElement>(el, '#filter-locale')!;
    expect([...locale.options].map((o) => o.value)).to.include.members(['', 'en', 'es']);
    locale.value = 'es';
    q<HTMLInputElement>(el, '#filter-from')!.value = '2026-01-01';
    q<HTMLInputElement>(el, '#filter-to')!.value = '2026-12-31';
    api.results = { ...structuredClone(RESULTS), responseCount: 3 };
    q(el, '[data-action="apply-filters"]')!.click();
    await waitUntil(() => text(q(el, '#response-count')) === '3 responses');
    expect(api.resultQueries().at(-1)).to.deep.equal({ locale: 'es', from: '2026-01-01', to: '2026-12-31' });

    q(el, '[data-action="clear-filters"]')!.click();
    await waitUntil(() => api.resultQueries().length === 3);
    expect(api.resultQueries().at(-1)).to.deep.equal({});
  });

  it('Refresh loads the latest numbers', async () => {
    const { el, api } = await mountResults();
    api.results = structuredClone(RESULTS);
    api.results.questions[0]!.options![1]!.count = 5;
    q(el, '[data-action="refresh"]')!.click();
    await waitUntil(() => text(q(el, '[data-chart="q1"] [data-bar="o2"]')).includes('5 ('));
  });

  it('downloads the CSV with the cookie and the current filters', async () => {
    const { el } = await mountResults();
    el.filters = { locale: 'es', from: '', to: '' };
    const realFetch = window.fetch;
    const saved: { blob: Blob; name: string }[] = [];
    let requested: { url: string; init?: RequestInit } | undefined;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      requested = { url: String(input), init };
      return new Response('Response ID,Language\nr1,es\n', { headers: { 'content-type': 'text/csv' } });
    };
    el.save = (blob, name) => saved.push({ blob, name });
    try {
      q(el, '[data-action="export"]')!.click();
      await waitUntil(() => saved.length === 1);
    } finally {
      window.fetch = realFetch;
    }
    expect(new URL(requested!.url).pathname).to.equal('/api/v1/surveys/sv1/results.csv');
    expect(new URL(requested!.url).searchParams.get('locale')).to.equal('es');
    expect(requested!.init?.credentials).to.equal('same-origin');
    expect(saved[0]!.name).to.equal('survey-sv1-results.csv');
    expect(await saved[0]!.blob.text()).to.contain('r1,es');
    await settle(el as never);
    expect(text(q(el, '#export-note'))).to.contain('downloaded');
  });

  it('explains a 403 in words instead of showing numbers', async () => {
    const api = new ResultsCaller();
    api.surveys.clear();
    api.failNext = new ConsoleError('forbidden', 403);
    const { el } = await mountResults(api);
    expect(text(q(el, '[role="alert"]'))).to.contain('belongs to a school you do not work with');
    expect(q(el, '[data-chart]')).to.equal(null);
  });

  it('opens from the survey list and goes back to it', async () => {
    const api = new ResultsCaller();
    const { el } = await mountSurveys(api);
    await waitUntil(() => $(el, '[data-results="sv1"]'));
    $(el, '[data-results="sv1"]')!.click();
    await settle(el);
    const results = $<ConsoleSurveyResults>(el, 'console-survey-results')!;
    await waitUntil(() => results.results !== undefined);
    await results.updateComplete;
    expect(results.shadowRoot!.activeElement?.id, 'focus moves to the results heading').to.equal('results-heading');
    results.shadowRoot!.querySelector<HTMLElement>('[data-action="results-back"]')!.click();
    await settle(el);
    expect($(el, 'console-survey-results')).to.equal(null);
    expect($$(el, '[data-results]').length).to.equal(1);
  });

  for (const lang of ['en', 'ar']) {
    it(`passes axe in ${lang}`, async () => {
      const { el } = await mountResults(new ResultsCaller(), lang);
      if (lang === 'ar') {
        await waitUntil(() => text(q(el, '#response-count')).startsWith('عدد الإجابات'), 'the count is in Arabic');
        expect(el.getAttribute('dir'), 'bars grow from the right in Arabic').to.equal('rtl');
      }
      await expectAxeClean(el);
    });
  }
});
