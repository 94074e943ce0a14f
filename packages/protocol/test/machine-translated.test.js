// Machine-translation marks: reading them, and keeping them true to the content after an edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventTextsByKey,
  isMachineTranslated,
  keptMarks,
  lessonTextsByKey,
  marksAfterEdit,
  resourceTextsByKey,
  showsMachineTranslation,
} from '../dist/index.js';

const lesson = {
  title: { en: 'Count', es: 'Contar' },
  summary: { en: 'Numbers' },
  tip: { en: 'Go slow', es: 'Despacio' },
  sections: [{ id: 'a', body: { en: 'Hi', es: 'Hola' }, image: { url: 'https://x.test/a.png', alt: { en: 'A cat', es: 'Un gato' } } }],
  steps: [{ en: 'One', es: 'Uno' }],
  questions: [],
};

test('lesson text keys name every text, steps by position', () => {
  assert.deepEqual(
    [...lessonTextsByKey(lesson).keys()],
    ['title', 'summary', 'tip', 'section:a:heading', 'section:a:body', 'section:a:imageAlt', 'step:0'],
  );
});

test('keptMarks drops unknown texts, languages without words and repeats', () => {
  const marks = { title: ['es', 'es', 'vi'], 'section:a:imageAlt': ['es'], 'section:zz:body': ['es'], summary: ['es'] };
  assert.deepEqual(keptMarks(marks, lessonTextsByKey(lesson)), { title: ['es'], 'section:a:imageAlt': ['es'] });
  assert.equal(keptMarks({ summary: ['es'] }, lessonTextsByKey(lesson)), undefined);
});

test('marksAfterEdit forgets a language a person rewrote and keeps the rest', () => {
  const before = lessonTextsByKey(lesson);
  const after = lessonTextsByKey({ ...lesson, title: { en: 'Count', es: 'Contamos' } });
  assert.deepEqual(marksAfterEdit({ title: ['es'], tip: ['es'] }, before, after), { tip: ['es'] });
});

test('isMachineTranslated reads one language of one text', () => {
  assert.equal(isMachineTranslated({ title: ['es'] }, 'title', 'es'), true);
  assert.equal(isMachineTranslated({ title: ['es'] }, 'title', 'vi'), false);
  assert.equal(isMachineTranslated(undefined, 'title', 'es'), false);
});

test('resource and event text keys', () => {
  const resource = {
    name: { en: 'Pantry' },
    description: { en: 'Food' },
    phones: [{ number: '555', type: 'voice', description: { en: 'Main' } }],
    schedule: { regular: [], closures: [{ date: '2026-12-25', note: { en: 'Holiday' } }], notes: { en: 'Call' } },
  };
  assert.deepEqual(
    [...resourceTextsByKey(resource).keys()],
    ['name', 'description', 'eligibility', 'fees', 'scheduleNotes', 'phone:0', 'closure:2026-12-25'],
  );
  assert.deepEqual(
    [...eventTextsByKey({ title: { en: 'Night' }, place: { name: { en: 'Gym' }, address: '' } }).keys()],
    ['title', 'description', 'location', 'placeName'],
  );
});

test('showsMachineTranslation: only the marked language the family reads, never a fallback', () => {
  const marks = { title: ['es'] };
  const title = { en: 'Count', es: 'Contar' };
  assert.equal(showsMachineTranslation(marks, 'title', title, 'es', 'en'), true);
  assert.equal(showsMachineTranslation(marks, 'title', title, 'es-MX', 'en'), true, 'a regional tag reads the base language');
  assert.equal(showsMachineTranslation(marks, 'title', title, 'en', 'en'), false);
  assert.equal(showsMachineTranslation({ title: ['en'] }, 'title', title, 'vi', 'en'), false, 'English shown as a fallback');
  assert.equal(showsMachineTranslation(marks, 'summary', title, 'es', 'en'), false);
});
