/** Lesson text: the safe Markdown subset renders as real elements, links open safely, and hostile text stays inert. */
import { expect } from '@open-wc/testing';
import { MemoryBackend, demoLessons } from '@tandem/core';
import type { PublicLesson } from '@tandem/protocol';
import { $, $$, renderLesson, resetDevice, textOf } from './helpers.js';

function lessonWithBody(body: string): PublicLesson {
  const lesson = demoLessons()[0]!;
  return { ...lesson, id: 'md', sections: [{ id: 'only', heading: { en: 'Text' }, body: { en: body } }] };
}

async function render(body: string) {
  const backend = new MemoryBackend();
  backend.lessons.add(lessonWithBody(body));
  const el = await renderLesson(backend, { lesson: 'md' });
  expect(el.phase).to.equal('ready');
  return el;
}

/** Fragments families must never meet as markup: each tries to run script or sneak in an element. */
const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '<svg onload="window.__xss = 1"></svg>',
  '[click me](javascript:window.__xss=1)',
  '[click me](JaVaScRiPt:window.__xss=1)',
  '[click me](&#106;avascript:window.__xss=1)',
  '[click me](java\tscript:window.__xss=1)',
  '[click me](data:text/html,<script>window.__xss=1</script>)',
  '[click me](vbscript:msgbox(1))',
  '[x](https://ok.example/"onmouseover="window.__xss=1)',
  '[**nested [link](javascript:alert(1))**](https://ok.example)',
  '<a href="javascript:window.__xss=1">a</a>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '"><style>*{display:none}</style>',
  '*<b onclick="window.__xss=1">bold</b>*',
].join('\n\n');

describe('<tandem-lesson-viewer> lesson text', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('renders paragraphs, lists, emphasis, line breaks and links as real elements', async () => {
    const el = await render(
      'First *soft* and **strong**.\nSecond line.\n\n- one\n- two\n\n3. three\n4. four\n\nSee [the library](https://sppl.org), [email](mailto:office@school.example) or [call](tel:+16515550100).',
    );
    const section = $(el, '[data-section="only"]');
    expect(section.querySelector('em')!.textContent).to.equal('soft');
    expect(section.querySelector('strong')!.textContent).to.equal('strong');
    expect(section.querySelectorAll('p br')).to.have.length(1);
    expect([...section.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['one', 'two']);
    const ol = section.querySelector('ol')!;
    expect(ol.getAttribute('start')).to.equal('3');
    expect(ol.querySelectorAll('li')).to.have.length(2);
    const [web, mail, tel] = [...section.querySelectorAll('a')];
    expect(web!.getAttribute('href')).to.equal('https://sppl.org');
    expect(web!.getAttribute('target')).to.equal('_blank');
    expect(web!.getAttribute('rel')).to.equal('noopener noreferrer');
    // The family's mail and phone apps open in place, not in an empty tab.
    expect(mail!.getAttribute('href')).to.equal('mailto:office@school.example');
    expect(mail!.hasAttribute('target')).to.equal(false);
    expect(tel!.getAttribute('href')).to.equal('tel:+16515550100');
  });

  it('an XSS corpus renders as inert text: no script, no handlers, no unsafe links', async () => {
    delete (window as { __xss?: number }).__xss;
    const el = await render(XSS);
    await new Promise((r) => setTimeout(r, 100));
    const section = $(el, '[data-section="only"]');
    const all = [...el.shadowRoot!.querySelectorAll('*')];
    expect(section.querySelectorAll('script, img, svg, iframe, style, b')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('script, iframe')).to.have.length(0);
    for (const node of all) {
      const handlers = [...node.attributes].filter((a) => a.name.toLowerCase().startsWith('on'));
      expect(
        handlers.map((a) => `${node.localName}[${a.name}]`),
        'event handler attributes',
      ).to.deep.equal([]);
    }
    for (const a of $$<HTMLAnchorElement>(el, 'a[href]')) {
      expect(a.getAttribute('href'), 'every link is http(s), mailto or tel').to.match(/^(https?:\/\/|mailto:|tel:)/i);
    }
    // The hostile text is still there for the family to see, as text.
    expect(textOf(section)).to.contain('<script>window.__xss = 1</script>');
    expect(textOf(section)).to.contain('click me');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('shows a picture with its description in the reading language', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderLesson(backend, { lesson: 'bedtime-lesson', lang: 'es' });
    const img = $<HTMLImageElement>(el, '[part~="image"]');
    expect(img.alt).to.equal('Un padre y su hija leen juntos un libro ilustrado en la cama de ella.');
    expect(img.getAttribute('src')).to.match(/^https:/);
  });

  it('shows the steps as an ordered list, the questions and the tip', async () => {
    const el = await renderLesson(MemoryBackend.withDemoData(), { lang: 'hmn' });
    const steps = $$(el, '[part~="steps"] ol > li');
    expect(steps.map(textOf)).to.deep.equal(['Hais kom koj tus menyuam suav cov diav.', 'Nej ntsuas ib khob mov ua ke.']);
    expect(textOf($(el, '[part~="questions"]'))).to.contain('Lub tais twg tuav tau ntau dua?');
    expect(textOf($(el, '[part~="tip"]'))).to.contain('Cia koj tus menyuam ua yuam kev thiab sim dua.');
    expect(textOf($(el, '#lesson-title'))).to.equal('Kev ua lej hauv chav ua mov');
  });
});
