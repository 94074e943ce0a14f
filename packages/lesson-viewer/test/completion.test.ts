/** "We tried it!": an optional reflection, checked here and at the server, sent exactly once, online or offline, and remembered. */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { BackendError, MemoryBackend, outbox } from '@tandem/core';
import { PROBLEM_TYPES } from '@tandem/protocol';
import type { TandemLessonViewer } from '../src/lesson-viewer.js';
import { $, deepActive, fill, renderLesson, resetDevice, textOf } from './helpers.js';

async function submit(el: TandemLessonViewer): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="submit"]').click();
  await el.updateComplete;
}

function goOnline(backend: MemoryBackend): void {
  backend.setOffline(false);
  window.dispatchEvent(new Event('online'));
}

describe('<tandem-lesson-viewer> "We tried it!"', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('online: sends the completion with the reflection and reading language, thanks the family and tells the page', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend, { lang: 'es' });
    await fill(el, '#reflection', 'Contamos 12 cucharas.');
    $<HTMLTextAreaElement>(el, '#reflection').focus();
    const completed = oneEvent(el, 'tandem-lesson-completed');
    await submit(el);
    const { detail } = await completed;
    expect(detail.lessonId).to.equal('demo-lesson');
    expect(detail.locale).to.equal('es');
    expect(detail.completionId).to.be.a('string');
    expect(backend.lessons.completionsOf('demo-lesson')).to.deep.equal([{ locale: 'es', reflection: 'Contamos 12 cucharas.' }]);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="done"]'));
    expect(textOf($(el, '#complete-heading'))).to.equal('¡Gracias por intentarlo juntos!');
    expect(deepActive()?.id, 'focus moves to the thanks').to.equal('complete-heading');
  });

  it('remembers on this device that the lesson was tried', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend);
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="done"]'));
    el.parentElement!.remove();
    const again = await renderLesson(backend);
    expect(again.shadowRoot!.querySelector('[part~="done"]')).to.exist;
    expect(again.shadowRoot!.querySelector('form')).to.equal(null);
    expect(backend.lessons.completionsOf('demo-lesson')).to.have.length(1);
  });

  it('a reflection over 2000 characters: a localized error tied to the field, text kept, nothing sent', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend, { lang: 'es' });
    const long = 'á'.repeat(2001);
    await fill(el, '#reflection', long);
    await submit(el);
    const field = $<HTMLTextAreaElement>(el, '#reflection');
    expect(field.value).to.equal(long);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('reflection-error');
    expect(textOf($(el, '#reflection-error'))).to.equal('Por favor, use como máximo 2000 caracteres (tiene 2001).');
    expect(deepActive()).to.equal(field);
    expect(backend.calls.completeLesson).to.equal(0);
    expect(await outbox.list({ kind: 'lesson-completion' })).to.deep.equal([]);
    await fill(el, '#reflection', 'Corto.');
    expect(el.shadowRoot!.querySelector('#reflection-error'), 'the error goes once the text changes').to.equal(null);
  });

  it('a refusal from the server shows its field error and keeps the text', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend);
    const errors = [{ pointer: '/reflection', code: 'too-long', detail: 'Too long', params: { max: 2000 } }];
    backend.failNext(
      new BackendError('invalid', 'Invalid', 422, { type: PROBLEM_TYPES.validation, title: 'Invalid', status: 422, errors }),
    );
    await fill(el, '#reflection', 'We cooked rice.');
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#reflection-error'), 'no error shown');
    expect($<HTMLTextAreaElement>(el, '#reflection').value).to.equal('We cooked rice.');
    expect(textOf($(el, '#reflection-error'))).to.contain('at most 2000 characters');
    expect(await outbox.list({ kind: 'lesson-completion' })).to.deep.equal([]);
  });

  it('a refusal without a field error says why and puts the focus back on the reflection', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend);
    backend.failNext(new BackendError('closed', 'Gone', 410, { type: PROBLEM_TYPES.closed, title: 'Gone', status: 410 }));
    await fill(el, '#reflection', 'We cooked rice.');
    $<HTMLButtonElement>(el, '[part~="submit"]').focus();
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="footer"] tandem-status'), 'no notice shown');
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('reflection');
    expect($<HTMLTextAreaElement>(el, '#reflection').value).to.equal('We cooked rice.');
  });

  it('offline: kept on the device, said so, then sent exactly once after reconnecting', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend);
    backend.setOffline(true);
    await fill(el, '#reflection', 'Fun!');
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="queued"]'), 'not queued');
    expect(textOf($(el, '[part~="queued"] tandem-status'))).to.contain('Saved on this device');
    expect(backend.lessons.completionsOf('demo-lesson')).to.have.length(0);

    const completed = oneEvent(el, 'tandem-lesson-completed');
    goOnline(backend);
    expect((await completed).detail.lessonId).to.equal('demo-lesson');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="done"]'), 'not done');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.lessons.completionsOf('demo-lesson')).to.deep.equal([{ locale: 'en', reflection: 'Fun!' }]);
    expect(await outbox.list({ kind: 'lesson-completion' })).to.deep.equal([]);
  });

  it('closed while offline, reopened: still waiting, then sent exactly once', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend);
    backend.setOffline(true);
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="queued"]'));
    el.parentElement!.remove();

    const again = await renderLesson(backend);
    expect(again.shadowRoot!.querySelector('[part~="queued"]'), 'still waiting').to.exist;
    goOnline(backend);
    await waitUntil(() => again.shadowRoot!.querySelector('[part~="done"]'), 'not sent');
    expect(backend.lessons.completionsOf('demo-lesson')).to.deep.equal([{ locale: 'en' }]);
  });
});
