/** <tandem-lesson-viewer> by keyboard alone: language tools, read aloud, marking parts read and "We tried it!". */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend } from '@tandem/core';
import type { TandemLessonViewer } from '../src/lesson-viewer.js';
import { $, $$, deepActive, resetDevice, waitForPhase } from './helpers.js';

const press = (key: string) => sendKeys({ press: key });
const focusedName = () => {
  const active = deepActive();
  return active?.getAttribute('name') ?? active?.getAttribute('part') ?? active?.localName;
};

/** Presses Tab until the control named `name` (or with part `name`) has focus; fails after `max` presses. */
async function tabTo(name: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    if (focusedName() === name) return;
  }
  throw new Error(`Tab never reached ${name} (at ${focusedName()})`);
}

describe('<tandem-lesson-viewer> keyboard', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('a family reads side by side, marks a part read and says "We tried it!" without a mouse', async () => {
    const backend = MemoryBackend.withDemoData();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 800px">
        <button id="before">Before</button>
        <tandem-lesson-viewer .backend=${backend} lesson="demo-lesson" lang="en"></tandem-lesson-viewer>
      </div>`,
    );
    const el = wrapper.querySelector<TandemLessonViewer>('tandem-lesson-viewer')!;
    await waitForPhase(el, 'ready');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    // Language first, then the bilingual toggle.
    await press('Tab');
    expect(deepActive()?.localName).to.equal('select');
    await press('Tab');
    expect(focusedName()).to.equal('bilingual');
    await press('Space');
    await el.updateComplete;
    expect($$(el, '[data-section="why"] > .pair')).to.have.length(1);
    await press('Tab');
    expect(focusedName()).to.equal('second-language');
    await tabTo('print');

    // Every read-aloud button and checkbox is reachable; the links in the text too.
    await tabTo('read-aloud');
    await tabTo('read');
    await press('Space');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '[data-section="why"] input[name="read"]').checked).to.equal(true);

    await tabTo('reflection', 20);
    await sendKeys({ type: 'We counted spoons.' });
    await press('Tab');
    expect(focusedName()).to.equal('submit');
    await press('Enter');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="done"]'), 'not sent');
    await waitUntil(() => deepActive()?.id === 'complete-heading', 'focus did not move to the thanks');
    expect(backend.lessons.completionsOf('demo-lesson')).to.deep.equal([{ locale: 'en', reflection: 'We counted spoons.' }]);
  });
});
