// Lessons: content rules staff meet when they write one, the "We tried it!" rules families meet, and the language list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lessonTexts, localesOf, routePath, routes, validateCompletion, validateLessonContent } from '../dist/index.js';

const pointers = (errors) => errors.map((e) => `${e.pointer} ${e.code}`);

function lesson(overrides = {}) {
  return {
    schoolIds: [],
    title: { en: 'Math in the kitchen', es: 'Matemáticas en la cocina' },
    summary: { en: 'Measure and count while you cook.' },
    gradeBand: 'k-2',
    subject: 'math',
    minutes: 20,
    defaultLocale: 'en',
    sections: [
      {
        id: 'why',
        heading: { en: 'Why it helps' },
        body: { en: 'Cooking is *real* math.', hmn: 'Ua noj ua haus yog lej tiag.' },
        image: { url: 'https://example.org/cups.jpg', alt: { en: 'Measuring cups on a table' } },
      },
    ],
    steps: [{ en: 'Pick a recipe.' }],
    questions: [{ en: 'How many cups?' }],
    tip: { en: 'Let your child pour.' },
    ...overrides,
  };
}

test('a complete lesson passes', () => {
  assert.deepEqual(validateLessonContent(lesson()), []);
});

test('every text needs the default language, images need alt text, section ids are unique', () => {
  const errors = validateLessonContent(
    lesson({
      title: { es: 'Solo español' },
      minutes: 0,
      sections: [
        { id: 'a', body: { en: 'One' }, image: { url: 'https://example.org/a.jpg', alt: { es: 'Tazas' } } },
        { id: 'a', heading: { en: ' ' }, body: { es: 'Dos' } },
      ],
      steps: [{ en: 'ok' }, { hmn: 'tsis muaj lus Askiv' }],
      questions: [{}],
      tip: { en: '' },
    }),
  );
  assert.deepEqual(pointers(errors), [
    '/title required',
    '/sections/0/image/alt required',
    '/sections/1/id invalid-format',
    '/sections/1/heading required',
    '/sections/1/body required',
    '/steps/1 required',
    '/questions/0 required',
    '/tip required',
    '/minutes out-of-range',
  ]);
});

test('completion: a language tag and at most 2000 characters of reflection', () => {
  assert.deepEqual(validateCompletion({ locale: 'hmn' }), []);
  assert.deepEqual(validateCompletion({ locale: 'es', reflection: 'ñ'.repeat(2000) }), []);
  assert.deepEqual(pointers(validateCompletion({ locale: 'Hmong', reflection: 'x'.repeat(2001) })), [
    '/locale invalid-format',
    '/reflection too-long',
  ]);
  assert.equal(validateCompletion({ locale: 'en', reflection: 'x'.repeat(2001) })[0].params.max, 2000);
});

test('the languages of a lesson: the default first, then the usual order, ignoring blank texts', () => {
  assert.deepEqual(localesOf('en', lessonTexts(lesson())), ['en', 'es', 'hmn']);
  assert.deepEqual(localesOf('es', [{ es: 'a', so: 'b', ar: ' ', xx: 'c' }]), ['es', 'so', 'xx']);
});

test('routes for the lesson viewer and resource card', () => {
  assert.equal(routePath(routes.getPublicLesson, { lessonId: 'kitchen-math' }), '/api/v1/public/lessons/kitchen-math');
  assert.equal(routePath(routes.completeLesson, { lessonId: 'a b' }), '/api/v1/public/lessons/a%20b/completions');
  assert.equal(routes.completeLesson.idempotent, true);
  assert.equal(routes.submitResourceFeedback.idempotent, true);
  assert.equal(routes.listPublicResources.access, 'public');
  assert.equal(routes.importResources.access, 'staff');
});
