/** The quiet "Machine translated" note on event text: marked text in the family's language only. */
import { expect } from '@open-wc/testing';
import { demoEvents, MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { $$, renderRsvp, resetDevice } from './helpers.js';

/** Family Math Night with its Arabic description and its Spanish and Hmong place name marked unreviewed. */
function markedBackend(): MemoryBackend {
  const backend = MemoryBackend.withDemoData();
  const night = demoEvents().find((e) => e.id === 'demo-event')!;
  backend.events.add({ ...night, id: 'marked-event', machineTranslated: { description: ['ar'], placeName: ['es', 'hmn'] } });
  return backend;
}

/** Where notes stand: `header` (title and description) or `place`. */
function notesAt(el: TandemEventRsvp): string[] {
  return $$(el, '[part~="machine-note"]').map((note) =>
    note.closest('header') ? 'header' : note.closest('.details') ? 'place' : 'elsewhere',
  );
}

describe('<tandem-event-rsvp> machine-translated text', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('[axe] notes the Arabic description under the header, right to left', async () => {
    const el = await renderRsvp(markedBackend(), { event: 'marked-event', lang: 'ar' });
    expect(notesAt(el)).to.deep.equal(['header']);
    const note = $$(el, '[part~="machine-note"]')[0]!;
    expect(note.getAttribute('lang')).to.equal('ar');
    expect(note.textContent!.trim()).to.equal('ترجمة آلية');
    expect(getComputedStyle(note).direction).to.equal('rtl');
    await expectAxeClean(el);
  });

  it('[axe] notes the Spanish place name inline, not the reviewed title', async () => {
    const el = await renderRsvp(markedBackend(), { event: 'marked-event', lang: 'es' });
    expect(notesAt(el)).to.deep.equal(['place']);
    expect($$(el, '[part~="machine-note"]')[0]!.localName).to.equal('span');
    await expectAxeClean(el);
  });

  it('says nothing to an English reader, or when nothing is marked', async () => {
    expect(notesAt(await renderRsvp(markedBackend(), { event: 'marked-event', lang: 'en' }))).to.deep.equal([]);
    expect(notesAt(await renderRsvp(MemoryBackend.withDemoData(), { lang: 'es' }))).to.deep.equal([]);
  });
});
