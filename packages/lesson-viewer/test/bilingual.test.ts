/** Two languages side by side: columns on a wide widget, paired paragraphs on a narrow one, each with its own lang and dir; RTL; print. */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import type { TandemLessonViewer } from '../src/lesson-viewer.js';
import { $, $$, renderLesson, resetDevice, textOf } from './helpers.js';

/** The first and second language's first paragraph of a section. */
function firstParagraphs(el: TandemLessonViewer, section: string): [HTMLElement, HTMLElement] {
  const cells = $$(el, `[data-section="${section}"] > .pair > .cell`);
  return [cells[0]!, cells[1]!];
}

/** True when nothing inside the widget sticks out sideways (no horizontal scrolling on a phone). */
function fitsWidth(el: TandemLessonViewer): boolean {
  const box = el.getBoundingClientRect();
  const out = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
    const r = node.getBoundingClientRect();
    return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
  });
  if (out.length) console.log('sticks out:', out.map((n) => `${n.localName}.${n.className} ${n.getAttribute('part')}`).join(', '));
  return out.length === 0;
}

async function turnOnBilingual(el: TandemLessonViewer): Promise<void> {
  $<HTMLInputElement>(el, 'input[name="bilingual"]').click();
  await el.updateComplete;
}

describe('<tandem-lesson-viewer> bilingual view', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await resetDevice();
  });

  it('wide: Hmong and English in two columns, paragraph beside paragraph, each with its own lang', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'hmn', width: '900px' });
    await turnOnBilingual(el);
    $<HTMLSelectElement>(el, 'select[name="second-language"]').value = 'en';
    $<HTMLSelectElement>(el, 'select[name="second-language"]').dispatchEvent(new Event('change'));
    await el.updateComplete;
    const [hmn, en] = firstParagraphs(el, 'why');
    expect(hmn.getAttribute('lang')).to.equal('hmn');
    expect(en.getAttribute('lang')).to.equal('en');
    expect(textOf(hmn)).to.contain('Kev ua mov siv tej lej');
    expect(textOf(en)).to.contain('Cooking uses numbers');
    const a = hmn.getBoundingClientRect();
    const b = en.getBoundingClientRect();
    expect(Math.abs(a.top - b.top), 'same row').to.be.lessThan(2);
    expect(b.left, 'second language to the right').to.be.greaterThan(a.right - 1);
    // Steps, questions and the tip come in both languages too.
    expect($$(el, '[part~="steps"] li')[0]!.querySelectorAll('[lang]')).to.have.length(2);
    expect(textOf($(el, '#lesson-title'))).to.contain('Math in the kitchen');
  });

  it('narrow (320px): paired paragraphs, the second language right under the first, and nothing sticks out', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'es', bilingual: 'en', width: '320px' });
    const [es, en] = firstParagraphs(el, 'why');
    expect(es.getAttribute('lang')).to.equal('es');
    expect(en.getAttribute('lang')).to.equal('en');
    const a = es.getBoundingClientRect();
    const b = en.getBoundingClientRect();
    expect(b.top, 'under it').to.be.greaterThan(a.bottom - 1);
    expect(Math.abs(a.left - b.left), 'same column').to.be.lessThan(16);
    // Paired: the English list of the next paragraph comes after the Spanish one, not at the end of the section.
    const cells = $$(el, '[data-section="words"] > .pair > .cell').map((c) => c.getAttribute('lang'));
    expect(cells.slice(0, 4)).to.deep.equal(['es', 'en', 'es', 'en']);
    expect(fitsWidth(el)).to.equal(true);
  });

  it('follows the widget, not the page: a narrow widget on a wide page is paired paragraphs', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'es', bilingual: 'en', width: '400px' });
    const [es, en] = firstParagraphs(el, 'why');
    expect(en.getBoundingClientRect().top).to.be.greaterThan(es.getBoundingClientRect().bottom - 1);
  });

  it('[axe] Arabic beside English: the Arabic column is right to left, the English one left to right', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), {
      lesson: 'conference-lesson',
      lang: 'ar',
      bilingual: 'en',
      width: '900px',
    });
    expect(el.getAttribute('dir')).to.equal('rtl');
    const [ar, en] = firstParagraphs(el, 'before');
    expect(ar.getAttribute('lang')).to.equal('ar');
    expect(ar.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(ar.querySelector('p')!).direction).to.equal('rtl');
    expect(en.getAttribute('dir')).to.equal('ltr');
    expect(getComputedStyle(en.querySelector('p')!).direction).to.equal('ltr');
    expect(textOf(ar)).to.contain('اسأل طفلك');
    // Right to left: the first (Arabic) column sits on the right.
    expect(ar.getBoundingClientRect().left).to.be.greaterThan(en.getBoundingClientRect().left);
    await expectAxeClean(el);
  });

  it('remembers the choice on this device, and can be turned off', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend, { lang: 'es' });
    expect($$(el, '[data-section="why"] .cell')).to.have.length(2); // heading + body, one language
    await turnOnBilingual(el);
    expect($$(el, '[data-section="why"] > .pair > .cell')).to.have.length(2);
    el.parentElement!.remove();
    const again = await renderLesson(backend, { lang: 'es' });
    expect($<HTMLInputElement>(again, 'input[name="bilingual"]').checked).to.equal(true);
    await turnOnBilingual(again);
    expect($$(again, '[data-section="why"] > .pair')).to.have.length(0);
  });

  it('prints both languages and no controls; the Print button opens the print dialog', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'es', bilingual: 'en', width: '320px' });
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, '[part~="print"]').click();
    } finally {
      window.print = original;
    }
    expect(printed).to.equal(1);
    await emulateMedia({ media: 'print' });
    for (const part of ['tools', 'listen', 'footer', 'print', 'progress']) {
      expect(getComputedStyle($(el, `[part~="${part}"]`)).display, part).to.equal('none');
    }
    const [es, en] = firstParagraphs(el, 'why');
    expect(es.offsetHeight).to.be.greaterThan(0);
    expect(en.offsetHeight).to.be.greaterThan(0);
    expect(Math.abs(es.getBoundingClientRect().top - en.getBoundingClientRect().top), 'side by side on paper').to.be.lessThan(2);
  });
});
