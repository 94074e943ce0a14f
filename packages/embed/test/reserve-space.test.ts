/**
 * The loader holds each widget's room from its first frame, keeps it through the widget's own first render, and
 * gives back what the content leaves unused only where the family does not see the page move.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { releaseRoomOf, reserveSpace, SETTLED_ATTRIBUTE } from '../src/reserve-space.js';

/** A widget with a skeleton while `loading`, then content `contentHeight` px tall. */
class ReservingWidget extends LitElement {
  // Every Tandem widget is a block, as its base styles say.
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties: PropertyDeclarations = { loading: { type: Boolean }, contentHeight: { type: Number } };
  loading = true;
  contentHeight = 100;

  protected override render() {
    return this.loading
      ? html`<div aria-busy="true" style="block-size: 40px"></div>`
      : html`<div style="block-size: ${this.contentHeight}px"></div>`;
  }
}

const viewport = () => document.documentElement.clientHeight;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
let tagCount = 0;

let sandbox: HTMLElement;
beforeEach(() => {
  sandbox = document.createElement('div');
  document.body.append(sandbox);
});
afterEach(() => {
  sandbox.remove();
  scrollTo(0, 0);
});

/**
 * A page with the widget after `above` px of page and a paragraph below it (then room to scroll), its room
 * reserved by the loader as `size`, defined and hooked the way /tandem.js does it.
 */
async function page({ above = 0, attributes = '', reserved = '300px' } = {}) {
  const tag = `tandem-reserving-${++tagCount}`;
  reserveSpace([tag]);
  sandbox.innerHTML = `<div style="block-size: ${above}px"></div><${tag} ${attributes} style="--tandem-reserve: ${reserved}"></${tag}><p>Below</p><div style="block-size: ${2 * viewport()}px"></div>`;
  customElements.define(tag, class extends ReservingWidget {});
  await customElements.whenDefined(tag);
  releaseRoomOf(tag);
  const widget = sandbox.querySelector<ReservingWidget>(tag)!;
  await widget.updateComplete;
  return { widget, below: sandbox.querySelector('p')! };
}

/** Shows the content and lets the release logic look at it. */
async function showContent(widget: ReservingWidget, height: number) {
  Object.assign(widget, { loading: false, contentHeight: height });
  await widget.updateComplete;
  await frame();
}

describe("reserveSpace (the loader's stylesheet)", () => {
  it('gives a widget that is not defined yet a screen of room, and the message box its frame', () => {
    reserveSpace(['tandem-survey', 'tandem-message-box']);
    sandbox.innerHTML = '<tandem-survey survey="x"></tandem-survey><tandem-message-box></tandem-message-box>';
    expect(sandbox.firstElementChild!.getBoundingClientRect().height).to.equal(innerHeight);
    expect(sandbox.lastElementChild!.getBoundingClientRect().height).to.equal(480);
  });

  it('draws a quiet skeleton in the page text colour, not a block of colour', () => {
    reserveSpace(['tandem-resource-list']);
    sandbox.innerHTML = '<tandem-resource-list></tandem-resource-list>';
    const style = getComputedStyle(sandbox.firstElementChild!);
    expect(style.backgroundImage).to.contain('linear-gradient');
    expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('honours data-height in the page when it runs, and --tandem-reserve or a size from the page CSS', () => {
    const style = document.createElement('style');
    style.textContent = 'tandem-inbox { min-height: 200px }';
    document.head.append(style);
    try {
      sandbox.innerHTML = `<tandem-lesson-viewer data-height="420"></tandem-lesson-viewer>
        <tandem-event-rsvp data-height="20em"></tandem-event-rsvp>
        <tandem-resource-list style="--tandem-reserve: 150px"></tandem-resource-list><tandem-inbox></tandem-inbox>`;
      reserveSpace(['tandem-lesson-viewer', 'tandem-event-rsvp', 'tandem-resource-list', 'tandem-inbox']);
      const heights = [...sandbox.children].map((el) => el.getBoundingClientRect().height);
      // The page's own rule wins over the loader's (zero-specificity) one.
      expect(heights).to.deep.equal([420, 320, 150, 200]);
    } finally {
      style.remove();
    }
  });

  it("keeps the box one size from the loader through a real widget's own first render", async () => {
    reserveSpace(['tandem-resource-card']);
    sandbox.innerHTML = '<h2>Food help</h2><tandem-resource-card resource="nowhere"></tandem-resource-card><p>Below</p>';
    const card = sandbox.querySelector('tandem-resource-card')!;
    const below = sandbox.querySelector('p')!;
    const before = { height: card.getBoundingClientRect().height, below: below.getBoundingClientRect().top };
    expect(before.height).to.equal(innerHeight);

    await import('@tandem/resource-card/tandem-resource-card.js');
    releaseRoomOf('tandem-resource-card');
    await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(card).backgroundImage, 'the widget draws its own skeleton now').to.equal('none');
    expect(card.getBoundingClientRect().height).to.equal(before.height);
    expect(below.getBoundingClientRect().top).to.equal(before.below);
  });
});

describe('releaseRoomOf (giving back unused room)', () => {
  it('holds the room while the skeleton shows', async () => {
    const { widget } = await page();
    expect(widget.getBoundingClientRect().height).to.equal(300);
    expect(widget.hasAttribute(SETTLED_ATTRIBUTE)).to.equal(false);
  });

  it('grows at once for content taller than the room, and settles', async () => {
    const { widget } = await page();
    await showContent(widget, 420);
    await waitUntil(() => widget.hasAttribute(SETTLED_ATTRIBUTE), 'settled');
    expect(widget.getBoundingClientRect().height).to.equal(420);
  });

  it('keeps unused room while the text below is in view, so nothing the family sees moves', async () => {
    const { widget, below } = await page();
    const before = below.getBoundingClientRect().top;
    await showContent(widget, 100);
    await frame();
    expect(below.getBoundingClientRect().top).to.equal(before);
    expect(widget.hasAttribute(SETTLED_ATTRIBUTE)).to.equal(false);
  });

  it('gives the room back at once when the content already reaches past the bottom of the viewport', async () => {
    const { widget } = await page({ above: viewport() - 50 });
    await showContent(widget, 100);
    await waitUntil(() => widget.hasAttribute(SETTLED_ATTRIBUTE), 'settled');
    expect(widget.getBoundingClientRect().height).to.equal(100);
  });

  it('gives the room back after a scroll takes the content past the bottom of the viewport', async () => {
    // The widget sits below two screens of page; scrolled to it, its short content and the text below show.
    const above = 2 * viewport();
    const { widget, below } = await page({ above });
    scrollTo(0, above);
    await frame();
    await showContent(widget, 100);
    expect(widget.hasAttribute(SETTLED_ATTRIBUTE)).to.equal(false);
    expect(widget.getBoundingClientRect().height).to.equal(300);
    expect(below.getBoundingClientRect().top).to.be.below(viewport());

    // Back up a screen: the widget is now below the fold, where giving the room back moves nothing in view.
    scrollTo(0, above - viewport());
    await waitUntil(() => widget.hasAttribute(SETTLED_ATTRIBUTE), 'settled after the scroll');
    expect(widget.getBoundingClientRect().height).to.equal(100);
  });

  it('reads data-height when an element a script builds is connected', async () => {
    const { widget, below } = await page();
    const late = document.createElement(widget.localName) as ReservingWidget;
    late.dataset.height = '240';
    below.before(late);
    await late.updateComplete;
    expect(late.getBoundingClientRect().height).to.equal(240);
  });

  it('settles at once an element of the tag that is not a Lit element (another library took the tag)', () => {
    const tag = `tandem-foreign-${++tagCount}`;
    reserveSpace([tag]);
    sandbox.innerHTML = `<${tag}>Hello</${tag}>`;
    customElements.define(tag, class extends HTMLElement {});
    releaseRoomOf(tag);
    expect(sandbox.firstElementChild!.hasAttribute(SETTLED_ATTRIBUTE)).to.equal(true);
    expect(sandbox.firstElementChild!.getBoundingClientRect().height).to.be.below(100);
  });
});
