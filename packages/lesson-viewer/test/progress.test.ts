/** Progress kept on the device: parts read and where the family was, still there when the lesson is opened again. */
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryBackend, demoLessons } from '@tandem/core';
import { $, deepActive, renderLesson, resetDevice, textOf } from './helpers.js';

describe('<tandem-lesson-viewer> progress', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('parts marked as read stay marked after a reload, per lesson', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend);
    expect(textOf($(el, '[part~="progress"]'))).to.contain('0 of 2 parts read');
    $<HTMLInputElement>(el, '[data-section="words"] input[name="read"]').click();
    await el.updateComplete;
    expect(textOf($(el, '[part~="progress"]'))).to.contain('1 of 2 parts read');
    el.parentElement!.remove();

    const again = await renderLesson(backend);
    expect($<HTMLInputElement>(again, '[data-section="words"] input[name="read"]').checked).to.equal(true);
    expect($<HTMLInputElement>(again, '[data-section="why"] input[name="read"]').checked).to.equal(false);
    expect(textOf($(again, '[part~="progress"]'))).to.contain('1 of 2 parts read');
    expect($<HTMLProgressElement>(again, 'progress').value).to.equal(1);

    const other = await renderLesson(backend, { lesson: 'bedtime-lesson' });
    expect(textOf($(other, '[part~="progress"]')), 'another lesson keeps its own').to.contain('0 of 2 parts read');
  });

  it('offers to continue where the family left off, and takes them there', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend, { lesson: 'bedtime-lesson', width: '320px' });
    expect(el.shadowRoot!.querySelector('[part~="resume-reading"]'), 'nothing to continue yet').to.equal(null);
    $(el, '[data-section="how"]').scrollIntoView({ block: 'start' });
    await new Promise((r) => setTimeout(r, 200));
    el.parentElement!.remove();
    window.scrollTo(0, 0);

    const again = await renderLesson(backend, { lesson: 'bedtime-lesson', width: '320px' });
    const resume = $<HTMLButtonElement>(again, '[part~="resume-reading"]');
    resume.click();
    await waitUntil(() => deepActive()?.id === 'heading-how', 'the part read last has focus');
    const top = $(again, '[data-section="how"]').getBoundingClientRect().top;
    expect(Math.abs(top), 'scrolled to it').to.be.lessThan(5);
    expect(again.shadowRoot!.querySelector('[part~="resume-reading"]')).to.equal(null);
  });

  it('continues at a part that has no heading by focusing the part itself', async () => {
    const backend = MemoryBackend.withDemoData();
    const [lesson] = demoLessons();
    const untitled = { ...lesson!, id: 'untitled-parts', sections: lesson!.sections.map(({ heading: _, ...section }) => section) };
    backend.lessons.add(untitled);
    const el = await renderLesson(backend, { lesson: 'untitled-parts', width: '320px' });
    $(el, '[data-section="words"]').scrollIntoView({ block: 'start' });
    await new Promise((r) => setTimeout(r, 200));
    el.parentElement!.remove();
    window.scrollTo(0, 0);

    const again = await renderLesson(backend, { lesson: 'untitled-parts', width: '320px' });
    $<HTMLButtonElement>(again, '[part~="resume-reading"]').click();
    await waitUntil(() => deepActive()?.getAttribute('data-section') === 'words', 'the part read last has focus');
  });
});
