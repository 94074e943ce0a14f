/** <console-surveys>: building a survey by keyboard, side-by-side Spanish, validation focus, status changes and embed snippets. */
import { expect, waitUntil } from '@open-wc/testing';
import { routes, type SurveyInput, type SurveyPatch } from '@tandem/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { ConsoleError } from '../src/console-client.js';
import { ConsoleSurveys } from '../src/screens/surveys/surveys-screen.js';
import { $, $$, FakeCaller, focused, mountSurveys, SESSION, settle, text, typeInto } from './surveys-helpers.js';

async function press(el: Parameters<typeof settle>[0], target: HTMLElement, key = 'Enter') {
  target.focus();
  await sendKeys({ press: key });
  await settle(el);
}

describe('<console-surveys> list', () => {
  it('lists the surveys with status, school and languages', async () => {
    const api = new FakeCaller();
    api.surveys.set('a', {
      id: 'a',
      schoolId: 's2',
      title: { en: 'Spring check-in', es: 'Consulta de primavera' },
      defaultLocale: 'en',
      sections: [{ id: 's', questions: [{ id: 'q', type: 'yes-no', prompt: { en: 'OK?' } }] }],
      status: 'published',
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
      responseCount: 3,
    });
    const { el } = await mountSurveys(api);
    await waitUntil(() => $$(el, 'tbody tr').length === 1);
    const row = text($(el, 'tbody tr'));
    expect(row).to.contain('Spring check-in');
    expect(row).to.contain('Published');
    expect(row).to.contain('Lincoln Middle');
    expect(row).to.contain('Español');
  });
});

describe('<console-surveys> builder', () => {
  it('builds a survey by keyboard: title in English and Spanish side by side, a question added and moved up', async () => {
    const { el, api } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    expect(focused(el)?.id).to.equal('builder-heading');

    const titleEn = $<HTMLInputElement>(el, '#t_title-en')!;
    const titleEs = $<HTMLInputElement>(el, '#t_title-es')!;
    expect(titleEs, 'Spanish is edited beside English').to.exist;
    expect(titleEs.lang).to.equal('es');
    titleEn.focus();
    await sendKeys({ type: 'Family survey' });
    titleEs.focus();
    await sendKeys({ type: 'Encuesta familiar' });
    $<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!.focus();
    await sendKeys({ type: 'How are you?' });

    await press(el, $(el, '[data-add-question]')!);
    expect(focused(el)?.localName, 'focus moves into the new question').to.equal('select');
    expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Question 2 added.');
    $<HTMLInputElement>(el, '#t_sections_0_questions_1_prompt-en')!.focus();
    await sendKeys({ type: 'Anything else?' });

    const second = $$(el, '[data-question-card]')[1]!.getAttribute('data-question-card')!;
    await press(el, $(el, `[data-move="up"][data-item="${second}"]`)!);
    expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Moved to position 1 of 2.');
    expect($$(el, '[data-question-card]')[0]!.getAttribute('data-question-card')).to.equal(second);
    // At the top "Move up" is disabled, so focus rests on the same question's "Move down".
    expect(focused(el)?.getAttribute('data-move')).to.equal('down');
    expect(focused(el)?.getAttribute('data-item')).to.equal(second);

    await press(el, $(el, '[data-action="save"]')!);
    const [body] = api.bodiesOf(routes.createSurvey) as SurveyInput[];
    expect(body!.title).to.deep.equal({ en: 'Family survey', es: 'Encuesta familiar' });
    expect(body!.sections[0]!.questions.map((q) => q.prompt.en)).to.deep.equal(['Anything else?', 'How are you?']);
    expect(text($(el, '#notice'))).to.equal('Saved.');
  });

  it('adds, reorders and checks options of a choice question', async () => {
    const { el, api } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, 'Lunch');
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!, 'Favourite lunch?');
    const type = $<HTMLSelectElement>(el, 'select[id^="type-"]')!;
    type.value = 'single-choice';
    type.dispatchEvent(new Event('change'));
    await settle(el);
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_options_0_label-en')!, 'Pizza');
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_options_1_label-en')!, 'Soup');
    await press(el, $(el, '[data-add-option]')!);
    expect(focused(el)?.id).to.equal('t_sections_0_questions_0_options_2_label-en');
    await sendKeys({ type: 'Tacos' });
    await settle(el);
    const tacos = $$(el, '.option [data-move="up"]')[2]!;
    await press(el, tacos);
    await press(el, $(el, '[data-action="save"]')!);
    const [body] = api.bodiesOf(routes.createSurvey) as SurveyInput[];
    const question = body!.sections[0]!.questions[0]!;
    expect(question.type).to.equal('single-choice');
    expect('options' in question && question.options.map((o) => o.label.en)).to.deep.equal(['Pizza', 'Tacos', 'Soup']);
  });

  it('shows errors next to the fields and in a summary, focuses the first, and sends nothing', async () => {
    const { el, api } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-es')!, 'Solo en español');
    await press(el, $(el, '[data-action="save"]')!);
    expect(api.bodiesOf(routes.createSurvey)).to.have.length(0);
    const title = $<HTMLInputElement>(el, '#t_title-en')!;
    expect(focused(el)).to.equal(title);
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(title.getAttribute('aria-describedby')!))).to.equal('Write this in English.');
    const summary = text($(el, '#error-summary'));
    expect(summary).to.contain('Fix 2 things before saving');
    expect(summary).to.contain('Page 1, question 1: Write this in English.');
    // The summary's link takes the keyboard to the field.
    await press(el, $$(el, '#error-summary a')[1]!);
    expect(focused(el)?.id).to.equal('t_sections_0_questions_0_prompt-en');
    // Fixing a field clears its error at once.
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, 'Now titled');
    await settle(el);
    expect($(el, '#t_title-en')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it("speaks the staff member's language: errors in Spanish name the missing language in Spanish", async () => {
    const { el } = await mountSurveys(new FakeCaller(), 'es');
    await press(el, $(el, '[data-action="new"]')!);
    expect(text($(el, '#builder-heading'))).to.equal('Nueva encuesta');
    await press(el, $(el, '[data-action="save"]')!);
    const title = $<HTMLInputElement>(el, '#t_title-en')!;
    expect(focused(el)).to.equal(title);
    expect(text(el.shadowRoot!.getElementById(title.getAttribute('aria-describedby')!))).to.equal('Escriba esto en inglés.');
    expect(text($(el, '#error-summary h2'))).to.equal('Corrija 2 cosas antes de guardar:');
  });

  it('keeps everything typed when the server fails, and says so', async () => {
    const { el, api } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, 'Kept title');
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!, 'Kept question');
    api.failNext = new ConsoleError('network');
    await press(el, $(el, '[data-action="save"]')!);
    expect(text($(el, '#form-error'))).to.contain('Your changes are still here.');
    expect(focused(el)?.id).to.equal('form-error');
    expect($<HTMLInputElement>(el, '#t_title-en')!.value).to.equal('Kept title');
    await press(el, $(el, '[data-action="save"]')!);
    expect(api.bodiesOf(routes.createSurvey)).to.have.length(2);
    expect(text($(el, '#notice'))).to.equal('Saved.');
  });

  it('asks before leaving with unsaved changes, and leaves at once when everything is saved', async () => {
    const { el } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    expect(el.hasUnsavedChanges(), 'a new, untouched survey has nothing to lose').to.equal(false);
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, 'Half done');
    await settle(el);
    expect(el.hasUnsavedChanges(), 'the shell nav asks through this').to.equal(true);
    await press(el, $(el, '[data-action="back"]')!);
    expect(focused(el)?.id).to.equal('leave-heading');
    await press(el, $(el, '[data-action="stay"]')!);
    expect(focused(el)?.getAttribute('data-action')).to.equal('back');
    expect($<HTMLInputElement>(el, '#t_title-en')!.value).to.equal('Half done');
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!, 'Q?');
    await press(el, $(el, '[data-action="save"]')!);
    expect(el.hasUnsavedChanges()).to.equal(false);
    await press(el, $(el, '[data-action="back"]')!);
    expect(focused(el)?.id).to.equal('list-heading');
    await waitUntil(() => $$(el, 'tbody tr').length === 1);
  });

  it('publishes only after a confirm step, and offers Close once published', async () => {
    const { el, api } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, 'Go live');
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!, 'Ready?');
    await press(el, $(el, '[data-action="publish"]')!);
    expect(focused(el)?.id).to.equal('confirm-heading');
    expect(api.calls.filter((c) => c.route === routes.publishSurvey)).to.have.length(0);
    await press(el, $(el, '[data-action="cancel"]')!);
    expect($(el, '#confirm-heading')).to.equal(null);
    await press(el, $(el, '[data-action="publish"]')!);
    await press(el, $(el, '[data-action="confirm"]')!);
    await waitUntil(() => api.calls.some((c) => c.route === routes.publishSurvey));
    await settle(el);
    expect(text($(el, '#notice'))).to.contain('Published');
    expect($(el, '[data-action="close"]')).to.exist;
  });

  it('unpublishes a published survey after a confirm step, keeping unsaved edits and the results link', async () => {
    const api = new FakeCaller();
    api.surveys.set('a', {
      id: 'a',
      schoolId: 's1',
      title: { en: 'Live survey' },
      defaultLocale: 'en',
      sections: [{ id: 's', questions: [{ id: 'q', type: 'yes-no', prompt: { en: 'OK?' } }] }],
      status: 'published',
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
      responseCount: 2,
    });
    const { el } = await mountSurveys(api);
    await waitUntil(() => $(el, '[data-survey="a"]'));
    await press(el, $(el, '[data-survey="a"]')!);
    // Half an edit: unpublishing must not wait for the draft to be valid, nor save it.
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, '');
    await settle(el);
    await press(el, $(el, '[data-action="unpublish"]')!);
    expect(focused(el)?.id).to.equal('confirm-heading');
    expect(text($(el, '.confirm'))).to.contain('Answers already given are kept');
    await press(el, $(el, '[data-action="cancel"]')!);
    expect(focused(el)?.getAttribute('data-action')).to.equal('unpublish');
    expect(api.calls.filter((c) => c.route === routes.unpublishSurvey)).to.have.length(0);

    await press(el, $(el, '[data-action="unpublish"]')!);
    await press(el, $(el, '[data-action="confirm"]')!);
    await waitUntil(() => text($(el, '#notice')).startsWith('Unpublished'));
    expect(text($(el, '#notice'))).to.equal('Unpublished. Families can no longer answer it; their answers are kept.');
    expect(focused(el)?.id).to.equal('notice');
    expect(api.bodiesOf(routes.updateSurvey)).to.have.length(0);
    expect(api.surveys.get('a')!.status).to.equal('draft');
    expect(text($(el, '.status'))).to.equal('Draft');
    expect($(el, '[data-action="unpublish"]'), 'a draft has nothing to unpublish').to.equal(null);
    expect(text($(el, '[data-action="publish"]'))).to.equal('Publish survey');
    expect($(el, '[data-action="results"]'), 'answers are kept, so results stay reachable').to.exist;
    expect($<HTMLInputElement>(el, '#t_title-en')!.value).to.equal('');
  });

  it('empties the introduction for good: an edit sends it as null', async () => {
    const api = new FakeCaller();
    api.surveys.set('a', {
      id: 'a',
      schoolId: 's1',
      title: { en: 'Spring check-in' },
      description: { en: 'Five minutes, promise.' },
      defaultLocale: 'en',
      sections: [{ id: 's', questions: [{ id: 'q', type: 'yes-no', prompt: { en: 'OK?' } }] }],
      status: 'draft',
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
      responseCount: 0,
    });
    const { el } = await mountSurveys(api);
    await waitUntil(() => $(el, '[data-survey="a"]'));
    await press(el, $(el, '[data-survey="a"]')!);
    typeInto($<HTMLTextAreaElement>(el, '#t_description-en')!, '');
    await press(el, $(el, '[data-action="save"]')!);
    const [body] = api.bodiesOf(routes.updateSurvey) as SurveyPatch[];
    expect(body!.description).to.equal(null);
    expect(api.surveys.get('a')!.description).to.equal(undefined);
    expect(text($(el, '#notice'))).to.equal('Saved.');
  });

  it('says clearly when a survey closed meanwhile cannot be unpublished', async () => {
    const api = new FakeCaller();
    api.surveys.set('a', {
      id: 'a',
      schoolId: 's1',
      title: { en: 'Live survey' },
      defaultLocale: 'en',
      sections: [{ id: 's', questions: [{ id: 'q', type: 'yes-no', prompt: { en: 'OK?' } }] }],
      status: 'published',
      createdAt: '2026-03-01T10:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
      responseCount: 0,
    });
    const { el } = await mountSurveys(api);
    await waitUntil(() => $(el, '[data-survey="a"]'));
    await press(el, $(el, '[data-survey="a"]')!);
    api.surveys.get('a')!.status = 'closed'; // a colleague closed it in another tab
    await press(el, $(el, '[data-action="unpublish"]')!);
    await press(el, $(el, '[data-action="confirm"]')!);
    await waitUntil(() => $(el, '#form-error'));
    expect(text($(el, '#form-error'))).to.equal('This survey was closed, so it cannot go back to draft. Reload to see its current state.');
    expect(focused(el)?.id).to.equal('form-error');
  });

  it('gives the script and iframe snippets for a saved survey, with a visible fallback when copying fails', async () => {
    const { el } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    expect(text($(el, '[aria-labelledby="embed-heading"]'))).to.contain('Save the survey');
    typeInto($<HTMLInputElement>(el, '#t_title-en')!, 'Embed me');
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!, 'Q?');
    await press(el, $(el, '[data-action="save"]')!);
    const script = $<HTMLTextAreaElement>(el, '#embed-script')!;
    const iframe = $<HTMLTextAreaElement>(el, '#embed-iframe')!;
    expect(script.value).to.contain('<tandem-survey survey="sv1"></tandem-survey>');
    expect(iframe.value).to.contain(`${location.origin}/embed/survey/sv1`);
    const original = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    try {
      await press(el, $(el, '[data-copy="embed-iframe"]')!);
    } finally {
      navigator.clipboard.writeText = original;
    }
    expect(focused(el)).to.equal(iframe);
    expect(iframe.selectionEnd - iframe.selectionStart).to.equal(iframe.value.length);
    expect(text($(el, '[aria-labelledby="embed-heading"] [role="status"]'))).to.contain('press Ctrl+C');
  });
});

describe('<console-surveys> mounting and dragging', () => {
  it('loads the list when the shell sets .api before the element is defined', async () => {
    const api = new FakeCaller();
    const early = document.createElement('div');
    // An unknown tag name stands in for "not defined yet": properties land on the plain element first.
    early.innerHTML = '<console-surveys-later></console-surveys-later>';
    document.body.append(early);
    const el = early.firstElementChild as HTMLElement & { api?: unknown; session?: unknown };
    el.api = api;
    el.session = SESSION;
    class Later extends ConsoleSurveys {}
    customElements.define('console-surveys-later', Later);
    await waitUntil(() => api.calls.some((c) => c.route === routes.listSurveys), 'the list is asked for');
    early.remove();
  });

  it('reorders questions by drag and drop too', async () => {
    const { el } = await mountSurveys();
    await press(el, $(el, '[data-action="new"]')!);
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!, 'First');
    await press(el, $(el, '[data-add-question]')!);
    typeInto($<HTMLInputElement>(el, '#t_sections_0_questions_1_prompt-en')!, 'Second');
    await settle(el);
    const [firstCard, secondCard] = $$(el, '[data-question-card]');
    const dataTransfer = new DataTransfer();
    const drag = (type: string, target: Element) =>
      target.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, composed: true, cancelable: true }));
    drag('dragstart', secondCard!.querySelector('.drag-handle')!);
    expect(drag('dragover', firstCard!), 'the first question accepts the drop').to.equal(false);
    drag('drop', firstCard!);
    await settle(el);
    expect($<HTMLInputElement>(el, '#t_sections_0_questions_0_prompt-en')!.value).to.equal('Second');
    expect(text($(el, '[role="status"][aria-live="polite"]'))).to.equal('Moved to position 1 of 2.');
  });
});
