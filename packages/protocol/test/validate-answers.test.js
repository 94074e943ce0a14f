// The shared answer rules: the widget and the server both rely on these verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswers, validateSurveyContent, answerPointer } from '../dist/index.js';

const survey = {
  defaultLocale: 'en',
  title: { en: 'Family survey' },
  sections: [
    {
      id: 's1',
      questions: [
        {
          id: 'visit',
          type: 'single-choice',
          required: true,
          prompt: { en: 'How often?' },
          options: [
            { id: 'weekly', label: { en: 'Weekly' } },
            { id: 'never', label: { en: 'Never' } },
          ],
        },
        {
          id: 'help',
          type: 'multiple-choice',
          required: false,
          maxSelected: 1,
          prompt: { en: 'Help?' },
          options: [
            { id: 'a', label: { en: 'A' } },
            { id: 'b', label: { en: 'B' } },
          ],
        },
        { id: 'stars', type: 'rating', scale: 5, required: true, prompt: { en: 'Rate us' } },
        { id: 'safe', type: 'yes-no', required: false, prompt: { en: 'Safe?' } },
        { id: 'name', type: 'short-text', required: false, maxLength: 5, prompt: { en: 'Name' } },
        { id: 'ideas', type: 'long-text', required: false, prompt: { en: 'Ideas' } },
      ],
    },
  ],
};

const codes = (errors) => Object.fromEntries(errors.map((e) => [e.pointer, e.code]));

test('a complete, well-formed answer set passes', () => {
  assert.deepEqual(validateAnswers(survey, { visit: 'weekly', help: ['a'], stars: 4, safe: true, name: 'Mai', ideas: 'More events' }), []);
});

test('missing required answers are reported per question, in order', () => {
  const errors = validateAnswers(survey, { name: '   ' });
  assert.deepEqual(
    errors.map((e) => e.pointer),
    ['/answers/visit', '/answers/stars'],
  );
  assert.ok(errors.every((e) => e.code === 'required'));
});

test('each question type refuses the wrong kind of value', () => {
  const errors = validateAnswers(survey, { visit: 'sometimes', help: ['a', 'b'], stars: 6, safe: 'yes', name: 'Nkauj Hli', ideas: 42 });
  assert.deepEqual(codes(errors), {
    '/answers/visit': 'invalid-option',
    '/answers/help': 'too-many',
    '/answers/stars': 'out-of-range',
    '/answers/safe': 'wrong-type',
    '/answers/name': 'too-long',
    '/answers/ideas': 'wrong-type',
  });
  assert.deepEqual(errors.find((e) => e.code === 'too-long').params, { max: 5, length: 9 });
});

test('text length counts what people see, not UTF-16 units or decomposed accents', () => {
  // "Việt" written with combining marks is still four characters once normalized.
  assert.deepEqual(validateAnswers(survey, { visit: 'never', stars: 1, name: 'Vie\u0323\u0302t' }), []);
  assert.deepEqual(validateAnswers(survey, { visit: 'never', stars: 1, name: '😀😀😀😀😀' }), []);
});

test('answers to questions the survey does not have are refused', () => {
  const errors = validateAnswers(survey, { visit: 'never', stars: 2, bogus: 'x' });
  assert.deepEqual(codes(errors), { '/answers/bogus': 'unknown-field' });
});

test('pointers escape JSON Pointer special characters', () => {
  assert.equal(answerPointer('a/b~c'), '/answers/a~1b~0c');
});

test('survey content needs unique ids and default-language text', () => {
  const broken = {
    defaultLocale: 'es',
    title: { en: 'Only English' },
    sections: [{ id: 's', questions: [survey.sections[0].questions[0], survey.sections[0].questions[0]] }],
  };
  const errors = validateSurveyContent(broken);
  assert.deepEqual(
    errors.map((e) => e.pointer),
    ['/title', '/sections/0/questions/0/prompt', '/sections/0/questions/1/id', '/sections/0/questions/1/prompt'],
  );
});
