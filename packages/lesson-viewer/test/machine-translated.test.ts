/** The quiet "Machine translated" note: on unreviewed machine-translated text in the family's language only. */
import { expect } from '@open-wc/testing';
import { demoLessons, MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import type { TandemLessonViewer } from '../src/lesson-viewer.js';
import { $$, renderLesson, resetDevice } from './helpers.js';

/** The demo lesson with some Spanish and one Hmong text marked as unreviewed machine translations. */
function markedBackend(): MemoryBackend {
  const backend = MemoryBackend.withDemoData();
  const demo = demoLessons().find((l) => l.id === 'demo-lesson')!;
  backend.lessons.add({
    ...demo,
    id: 'marked-lesson',
    machineTranslated: { title: ['es'], 'section:words:body': ['es'], 'step:1': ['es', 'hmn'] },
  });
  return backend;
}

/** Where notes stand: `header`, a section id, `step:<n>`, `question:<n>` or `tip`. */
function notesAt(el: TandemLessonViewer): string[] {
  return $$(el, '[part~="machine-note"]').map((note) => {
    const section = note.closest<HTMLElement>('[data-section]');
    if (section) return section.dataset['section']!;
    if (note.closest('header')) return 'header';
    const step = note.closest('.steps > li');
    if (step) return `step:${[...step.parentElement!.children].indexOf(step)}`;
    const question = note.closest('.questions > li');
    if (question) return `question:${[...question.parentElement!.children].indexOf(question)}`;
    return note.closest('[part~="tip"]') ? 'tip' : 'elsewhere';
  });
}

describe('<tandem-lesson-viewer> machine-translated text', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('[axe] notes each marked text a Spanish reader sees, and nothing else', async () => {
    const el = await renderLesson(markedBackend(), { lesson: 'marked-lesson', lang: 'es' });
    expect(notesAt(el)).to.deep.equal(['header', 'words', 'step:1']);
    const note = $$(el, '[part~="machine-note"]')[0]!;
    expect(note.getAttribute('lang')).to.equal('es', 'the note says which language it is written in');
    expect(note.textContent!.trim()).to.equal('Traducción automática', 'in the family’s language');
    expect(note.getAttribute('role'), 'quiet: not an alert or live region').to.equal(null);
    await expectAxeClean(el);
  });

  it('shows only the Hmong mark to a Hmong reader', async () => {
    const el = await renderLesson(markedBackend(), { lesson: 'marked-lesson', lang: 'hmn' });
    expect(notesAt(el)).to.deep.equal(['step:1']);
  });

  it('says nothing to an English reader, even beside the Spanish column', async () => {
    const el = await renderLesson(markedBackend(), { lesson: 'marked-lesson', lang: 'en', bilingual: 'es' });
    expect(notesAt(el)).to.deep.equal([]);
  });

  it('says nothing for a lesson without marks (all reviewed)', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'es' });
    expect(notesAt(el)).to.deep.equal([]);
  });

  it('says nothing when the text falls back to another language', async () => {
    const el = await renderLesson(markedBackend(), { lesson: 'marked-lesson', lang: 'vi' });
    expect(notesAt(el)).to.deep.equal([]);
  });
});
