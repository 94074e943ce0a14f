/** The quiet "Machine translated" note on the card and in the list: marked text in the family's language only. */
import { expect, fixture, html } from '@open-wc/testing';
import { demoResources, MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import '../src/tandem-resource-card.js';
import '../src/tandem-resource-list.js';
import type { TandemResourceCard } from '../src/resource-card.js';
import type { TandemResourceList } from '../src/resource-list.js';
import { $$, resetDevice, waitForPhase, WEDNESDAY_AFTERNOON } from './helpers.js';

/** The demo food shelf with its Hmong name and some Spanish and Hmong details marked unreviewed. */
function markedBackend(): MemoryBackend {
  const backend = MemoryBackend.withDemoData();
  const shelf = demoResources().find((r) => r.id === 'demo-food-shelf')!;
  backend.resources.add({ ...shelf, machineTranslated: { name: ['hmn'], eligibility: ['es'], fees: ['es', 'hmn'] } });
  return backend;
}

async function renderCard(lang: string, backend = markedBackend()): Promise<TandemResourceCard> {
  const el = await fixture<TandemResourceCard>(
    html`<tandem-resource-card
      .backend=${backend}
      .now=${WEDNESDAY_AFTERNOON}
      resource="demo-food-shelf"
      lang=${lang}
    ></tandem-resource-card>`,
  );
  await waitForPhase(el, (p) => p !== 'loading');
  return el;
}

/** What each note stands beside: `summary`, or the label of the detail it follows. */
function notesAt(el: Element): string[] {
  return $$(el, '[part~="machine-note"]').map((note) => {
    if (note.closest('.summary')) return 'summary';
    return note.closest('.detail')?.querySelector('dt')?.textContent?.trim() ?? 'elsewhere';
  });
}

describe('machine-translated resource text', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('[axe] the card notes the Spanish details a machine translated, nothing else', async () => {
    const el = await renderCard('es');
    expect(notesAt(el)).to.have.length(2);
    expect(notesAt(el)).to.not.include('summary');
    const notes = $$(el, '[part~="machine-note"]');
    expect(notes.every((n) => n.getAttribute('lang') === 'es')).to.equal(true);
    expect(
      notes.every((n) => n.localName === 'span'),
      'inline beside the short detail',
    ).to.equal(true);
    await expectAxeClean(el);
  });

  it('notes the Hmong name under the summary; eligibility, shown in English, gets none', async () => {
    const el = await renderCard('hmn');
    const at = notesAt(el);
    expect(at[0]).to.equal('summary');
    expect(at).to.have.length(2, 'summary and cost');
  });

  it('says nothing to an English reader, or when nothing is marked', async () => {
    expect(notesAt(await renderCard('en'))).to.deep.equal([]);
    expect(notesAt(await renderCard('es', MemoryBackend.withDemoData()))).to.deep.equal([]);
  });

  it('notes a machine-translated closure note on the day it explains the closing', async () => {
    const backend = MemoryBackend.withDemoData();
    const clinic = demoResources().find((r) => r.id === 'demo-family-clinic')!;
    backend.resources.add({ ...clinic, machineTranslated: { 'closure:2026-11-26': ['es'] } });
    const el = await fixture<TandemResourceCard>(
      html`<tandem-resource-card
        .backend=${backend}
        .now=${new Date('2026-11-26T16:00:00Z')}
        resource="demo-family-clinic"
        lang="es"
      ></tandem-resource-card>`,
    );
    await waitForPhase(el, (p) => p !== 'loading');
    const notes = $$(el, '[part~="hours"] [part~="machine-note"]');
    expect(notes).to.have.length(1);
    expect(notes[0]!.textContent!.trim()).to.equal('Traducción automática');
  });

  it('[axe] the list notes only the marked resource', async () => {
    const el = await fixture<TandemResourceList>(
      html`<tandem-resource-list
        .backend=${markedBackend()}
        .now=${WEDNESDAY_AFTERNOON}
        school="lincoln-elementary"
        lang="hmn"
      ></tandem-resource-list>`,
    );
    await waitForPhase(el, (p) => p !== 'loading');
    const items = $$(el, '[part~="item"]').filter((item) => item.querySelector('.summary [part~="machine-note"]'));
    expect(items.map((item) => item.dataset['resource'])).to.deep.equal(['demo-food-shelf']);
    await expectAxeClean(el);
  });
});
