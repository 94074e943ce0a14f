/** A lesson once opened stays readable offline: the last good copy is kept on the device and shown, with a quiet note, when the network fails. */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { BackendError, MemoryBackend, demoLessons } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import { $, renderLesson, resetDevice, textOf } from './helpers.js';

describe('<tandem-lesson-viewer> offline', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('opened once, then offline: a new visit shows the saved copy with a note', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = await renderLesson(backend, { lang: 'hmn' });
    expect(first.shadowRoot!.querySelector('[part~="saved-copy"]')).to.equal(null);
    first.parentElement!.remove();

    backend.setOffline(true);
    const again = await renderLesson(backend, { lang: 'hmn' });
    expect(again.phase).to.equal('ready');
    expect(again.offlineCopy).to.equal(true);
    expect(textOf($(again, '#lesson-title'))).to.equal('Kev ua lej hauv chav ua mov');
    expect(textOf($(again, '[part~="saved-copy"]'))).to.contain('daim qauv uas khaws cia');
    await expectAxeClean(again);
  });

  it('back online while reading the saved copy: the current lesson replaces it quietly', async () => {
    const backend = MemoryBackend.withDemoData();
    (await renderLesson(backend)).parentElement!.remove();
    backend.setOffline(true);
    const el = await renderLesson(backend);
    expect(el.offlineCopy).to.equal(true);
    $<HTMLInputElement>(el, '[data-section="why"] input[name="read"]').click();
    const changed = demoLessons()[0]!;
    changed.title = { en: 'Kitchen math, updated' };
    changed.updatedAt = '2026-11-20T12:00:00.000Z';
    backend.lessons.add(changed);
    backend.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !el.offlineCopy, 'still the saved copy');
    await el.updateComplete;
    expect(el.phase).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[part~="saved-copy"]')).to.equal(null);
    expect(textOf($(el, '#lesson-title'))).to.equal('Kitchen math, updated');
    expect($<HTMLInputElement>(el, '[data-section="why"] input[name="read"]').checked, 'the place is kept').to.equal(true);
  });

  it('never opened and offline: says it could not load, and Try again works once back online', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.setOffline(true);
    const el = await renderLesson(backend);
    expect(el.phase).to.equal('load-error');
    expect(textOf($(el, 'tandem-status'))).to.contain('offline');
    backend.setOffline(false);
    $<HTMLButtonElement>(el, '[part~="action"]').click();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.phase).to.equal('ready');
  });

  it('keeps the newest version: a changed lesson replaces the saved copy', async () => {
    const backend = MemoryBackend.withDemoData();
    (await renderLesson(backend)).parentElement!.remove();
    const changed = demoLessons()[0]!;
    changed.title = { en: 'Kitchen math, updated' };
    changed.updatedAt = '2026-11-20T12:00:00.000Z';
    backend.lessons.add(changed);
    (await renderLesson(backend)).parentElement!.remove();
    backend.setOffline(true);
    const offline = await renderLesson(backend);
    expect(textOf($(offline, '#lesson-title'))).to.equal('Kitchen math, updated');
  });

  it('an unknown lesson: not found, and a tandem-error for the page', async () => {
    const backend = MemoryBackend.withDemoData();
    const box = document.createElement('div');
    document.body.append(box);
    try {
      const el = document.createElement('tandem-lesson-viewer');
      el.backend = backend;
      el.lessonId = 'nope';
      const failed = oneEvent(el, 'tandem-error');
      box.append(el);
      const { detail } = await failed;
      expect(detail.error).to.be.instanceOf(BackendError);
      expect((detail.error as BackendError).kind).to.equal('not-found');
      await el.updateComplete;
      expect(el.phase).to.equal('not-found');
      expect(textOf($(el, '#state-heading'))).to.equal('We could not find this lesson');
    } finally {
      box.remove();
    }
  });
});
