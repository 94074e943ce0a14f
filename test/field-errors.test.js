// A malformed submission gets field errors: in the widget (next to the field, with focus) and from the raw API (422 problem+json).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SURVEY_ID, startServer } from './support/server.js';
import { DESKTOP, deepActiveElement, fetchPublicSurvey, launchBrowser, surveyOn, waitForSurvey } from './support/browser.js';
import { answerEverything, uiString } from './support/survey.js';

let server;
let browser;
let survey;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const isText = (q) => q.type === 'short-text' || q.type === 'long-text';

/** Where focus is, told by the question it belongs to. */
async function focusedQuestion(page) {
  return (await deepActiveElement(page))?.answerFor;
}

/** The error shown for one question: present, inside that question, and announced by its controls. */
async function assertFieldError(widget, questionId, expectedText) {
  const field = widget.locator(`[part~="question"][data-question="${questionId}"]`);
  const error = field.locator(`#q-${questionId}-error`);
  await error.waitFor({ state: 'visible' });
  assert.equal((await error.innerText()).trim(), expectedText);
  const fieldBox = await field.boundingBox();
  const errorBox = await error.boundingBox();
  assert.ok(
    errorBox.y >= fieldBox.y && errorBox.y + errorBox.height <= fieldBox.y + fieldBox.height + 1,
    'the error sits inside its question',
  );
  const control = field.locator('input, textarea, select').first();
  assert.equal(await control.getAttribute('aria-invalid'), 'true');
  const describedBy = [await field.getAttribute('aria-describedby'), await control.getAttribute('aria-describedby')].join(' ');
  assert.match(describedBy, new RegExp(`\\bq-${questionId}-error\\b`), 'the field is described by its error');
}

test('the widget shows field errors beside the field, moves focus there and keeps what was typed', async () => {
  const firstPage = survey.sections[0];
  const required = firstPage.questions.find((q) => q.required);
  const other = firstPage.questions.find((q) => q.type === 'multiple-choice');
  const lastPage = survey.sections.at(-1);
  const shortText = lastPage.questions.find((q) => q.type === 'short-text' && q.maxLength);
  assert.ok(
    required && other && shortText,
    'the demo survey has a required question and a multiple choice on page 1 and a limited short text at the end',
  );

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  try {
    await page.goto(new URL('survey.html', server.baseUrl).href);
    await waitForSurvey(page);
    const widget = surveyOn(page);

    // Page 1: tick two boxes, skip the required question, press Next.
    const otherField = widget.locator(`[data-question="${other.id}"]`);
    for (const option of other.options.slice(0, 2)) await otherField.getByLabel(option.label.en, { exact: true }).check();
    await widget.getByRole('button', { name: await uiString('en', 'survey.next'), exact: true }).click();

    await assertFieldError(widget, required.id, await uiString('en', 'core.field.required'));
    assert.equal(await focusedQuestion(page), required.id, 'focus moved to the unanswered question');
    for (const option of other.options.slice(0, 2)) {
      assert.equal(await otherField.getByLabel(option.label.en, { exact: true }).isChecked(), true, 'ticked boxes stay ticked');
    }

    // Answer it, move on through the pages the way a parent would, then type too much on the last page.
    const answers = await answerEverything(page, { ...survey, sections: survey.sections.slice(0, -1) }, 'en', {
      submit: false,
      finalNext: true,
    });
    assert.ok(answers[required.id]);
    const box = widget.locator(`[data-question="${shortText.id}"]`).getByRole('textbox');
    const tooLong = `${'We love the reading buddies program and the garden club. '.repeat(6)}`.slice(0, shortText.maxLength + 25);
    await box.fill(tooLong);
    await widget.getByRole('button', { name: await uiString('en', 'survey.submit'), exact: true }).click();

    const field = widget.locator(`[part~="question"][data-question="${shortText.id}"]`);
    await field.locator(`#q-${shortText.id}-error`).waitFor({ state: 'visible' });
    assert.match(
      await field.locator(`#q-${shortText.id}-error`).innerText(),
      new RegExp(String(shortText.maxLength)),
      'the error says the limit',
    );
    await assertFieldError(widget, shortText.id, (await field.locator(`#q-${shortText.id}-error`).innerText()).trim());
    assert.equal(await focusedQuestion(page), shortText.id, 'focus moved to the text that is too long');
    assert.equal(await box.inputValue(), tooLong, 'nothing typed was cut off or lost');
    assert.equal((await server.results(SURVEY_ID)).responseCount, 0, 'nothing was sent');
  } finally {
    await context.close();
  }
});

test('a raw POST with a wrong option and an over-long text gets 422 problem+json pointing at both fields', async () => {
  const questions = survey.sections.flatMap((s) => s.questions);
  const choice = questions.find((q) => q.type === 'single-choice' || q.type === 'multiple-choice');
  const text = questions.find(isText);
  assert.ok(choice && text, 'the demo survey has a choice question and a text question');

  // Everything else answered correctly, so the only errors are the two planted ones.
  const answers = {};
  for (const q of questions) {
    if (!q.required) continue;
    if (q.type === 'single-choice') answers[q.id] = q.options[0].id;
    else if (q.type === 'multiple-choice') answers[q.id] = [q.options[0].id];
    else if (q.type === 'rating') answers[q.id] = 1;
    else if (q.type === 'yes-no') answers[q.id] = false;
    else answers[q.id] = 'ok';
  }
  answers[choice.id] = choice.type === 'single-choice' ? 'no-such-option' : ['no-such-option'];
  const limit = text.maxLength ?? (text.type === 'short-text' ? 200 : 4000);
  answers[text.id] = 'é'.repeat(limit + 1);

  const response = await fetch(new URL(`api/v1/public/surveys/${SURVEY_ID}/responses`, server.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), origin: 'https://some-school.example' },
    body: JSON.stringify({ answers, locale: 'en' }),
  });
  assert.equal(response.status, 422);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = await response.json();
  assert.equal(problem.status, 422);
  assert.equal(typeof problem.title, 'string');
  const byPointer = Object.fromEntries((problem.errors ?? []).map((e) => [e.pointer, e]));
  assert.deepEqual(Object.keys(byPointer).sort(), [`/answers/${choice.id}`, `/answers/${text.id}`].sort(), JSON.stringify(problem.errors));
  assert.equal(byPointer[`/answers/${choice.id}`].code, 'invalid-option');
  assert.equal(byPointer[`/answers/${text.id}`].code, 'too-long');
  assert.equal(byPointer[`/answers/${text.id}`].params?.max, limit);

  assert.equal((await server.results(SURVEY_ID)).responseCount, 0, 'nothing was stored');
});
