/** <tandem-survey>: a quiet "Machine translated" note on questions whose text in the family's language no one has reviewed. */
import { expect } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import type { PublicSurvey } from '@tandem/protocol';
import { renderSurvey, resetDevice } from './helpers.js';

const survey: PublicSurvey = {
  id: 'mt',
  title: { en: 'Family survey', es: 'Encuesta familiar' },
  defaultLocale: 'en',
  locales: ['en', 'es'],
  sections: [
    {
      id: 's1',
      questions: [
        { id: 'q1', type: 'yes-no', prompt: { en: 'Ready?', es: '¿Listo?' } },
        {
          id: 'q2',
          type: 'single-choice',
          prompt: { en: 'Lunch?', es: '¿Almuerzo?' },
          options: [
            { id: 'a', label: { en: 'Pizza', es: 'Pizza' } },
            { id: 'b', label: { en: 'Soup', es: 'Sopa' } },
          ],
        },
        { id: 'q3', type: 'short-text', prompt: { en: 'Name', es: 'Nombre' } },
      ],
    },
  ],
  machineTranslated: { 'question:q1:prompt': ['es'], 'option:q2:b': ['es'] },
  status: 'published',
  school: { id: 'school', name: 'Lincoln Elementary' },
};

const notes = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('[data-question]')].map((q) => (q.textContent ?? '').includes('Traducción automática'));

describe('<tandem-survey> machine-translated note', () => {
  beforeEach(resetDevice);

  it('marks only the questions with unreviewed machine translation in the family’s language', async () => {
    const backend = new MemoryBackend();
    backend.addSurvey(survey);
    const el = await renderSurvey(backend, { survey: 'mt', lang: 'es' });
    expect(notes(el)).to.deep.equal([true, true, false]);
  });

  it('says nothing in a language whose text is not marked', async () => {
    const backend = new MemoryBackend();
    backend.addSurvey(survey);
    const el = await renderSurvey(backend, { survey: 'mt', lang: 'en' });
    expect(el.shadowRoot!.textContent).to.not.contain('Machine translated');
  });
});
