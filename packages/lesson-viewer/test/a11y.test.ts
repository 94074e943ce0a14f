/** [axe] Every state a family meets is accessible: errors, read aloud, the reflection error, waiting offline, thanks, not found. */
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import { $, fill, renderLesson, resetDevice } from './helpers.js';

describe('<tandem-lesson-viewer> accessibility in every state', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('[axe] the reflection error, waiting offline and the thanks, at 320px in Hmong', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend, { lang: 'hmn', width: '320px', bilingual: 'en' });
    await expectAxeClean(el);
    await fill(el, '#reflection', 'x'.repeat(2001));
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#reflection-error'));
    await expectAxeClean(el);
    await fill(el, '#reflection', 'Zoo heev');
    backend.setOffline(true);
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="queued"]'));
    await expectAxeClean(el);
    backend.setOffline(false);
    $<HTMLButtonElement>(el, '[part~="queued"] [part~="action"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="done"]'));
    await expectAxeClean(el);
    expect(backend.lessons.completionsOf('demo-lesson')).to.have.length(1);
  });

  it('[axe] not found, could not load, and the recording player', async () => {
    const backend = MemoryBackend.withDemoData();
    await expectAxeClean(await renderLesson(backend, { lesson: 'missing' }));
    backend.setOffline(true);
    await expectAxeClean(await renderLesson(backend, { lang: 'ar' }));
    backend.setOffline(false);
    await expectAxeClean(await renderLesson(backend, { lesson: 'bedtime-lesson', lang: 'es', bilingual: 'hmn' }));
  });
});
