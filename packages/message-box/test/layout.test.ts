/** Accessibility and layout: axe in a thread (LTR and Arabic), right-to-left bubbles, and a 10,000-message thread that loads older pages without jumping. */
import { expect, waitUntil } from '@open-wc/testing';
import { expectAxeClean } from '@tandem/core/testing.js';
import {
  $,
  $$,
  ignoreResizeObserverLoops,
  MemoryMessaging,
  openConversation,
  pause,
  renderBox,
  renderInbox,
  resetDevice,
  signInWithCode,
  textOf,
} from './helpers.js';

describe('<tandem-message-box> layout and accessibility', () => {
  let restoreOnError: () => void;
  before(() => (restoreOnError = ignoreResizeObserverLoops()));
  after(() => restoreOnError());
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('[axe] an open thread is accessible in English and in Arabic (RTL)', async () => {
    const el = await renderBox(MemoryMessaging.withDemoData(), { lang: 'en' });
    await signInWithCode(el);
    await openConversation(el, 'Ms. Rivera');
    await expectAxeClean(el);
    el.setAttribute('lang', 'ar');
    await el.updateComplete;
    await el.i18n.ready;
    await pause(50);
    expect(el.getAttribute('dir')).to.equal('rtl');
    await expectAxeClean(el);
  });

  it('right to left: own messages sit on the left, the other side on the right', async () => {
    const el = await renderBox(MemoryMessaging.withDemoData(), { lang: 'ar' });
    await signInWithCode(el);
    await openConversation(el, 'Ms. Rivera');
    const list = $(el, '[part~="messages"]').getBoundingClientRect();
    const own = $(el, '[part~="own"]').getBoundingClientRect();
    const theirs = $(el, '[part~="message"]:not([part~="own"])').getBoundingClientRect();
    expect(own.left - list.left).to.be.lessThan(20);
    expect(list.right - theirs.right).to.be.lessThan(20);
    // The staff message is translated to Arabic and marked so.
    expect($(el, '[part~="message"]:not([part~="own"]) .text').getAttribute('lang')).to.equal('ar');
  });

  it('a 10,000-message thread renders a window of rows, and loading older pages keeps the reader in place', async () => {
    const messaging = MemoryMessaging.withDemoData({ longThread: 10_000 });
    const el = await renderBox(messaging, { lang: 'en' });
    await signInWithCode(el);
    await openConversation(el, 'Mr. Nguyen');
    await waitUntil(() => $$(el, '[part~="message"]').some((m) => textOf(m).includes('Message 10000 of 10000')), 'newest not shown');
    expect($$(el, '[part~="message"]').length).to.be.lessThan(60);
    const scroller = $(el, '[part~="messages"]');
    for (let page = 0; page < 3; page++) {
      const pagesBefore = messaging.calls['listFamilyMessages']!;
      scroller.scrollTop = 0;
      await waitUntil(() => messaging.calls['listFamilyMessages']! > pagesBefore, 'no older page requested');
      await waitUntil(() => !el.shadowRoot!.querySelector('[role="status"]')?.textContent?.includes('earlier'), 'older page never arrived');
      await pause(100);
      // The message that was at the top is still in view: the list did not jump to the newly loaded ones.
      const top = scroller.getBoundingClientRect().top;
      const visible = $$(el, '[part~="message"]').filter((m) => {
        const box = m.getBoundingClientRect();
        return box.bottom > top && box.top < top + scroller.clientHeight;
      });
      const numbers = visible.map((m) => Number(/Message (\d+)/.exec(textOf(m))?.[1]));
      const oldestLoaded = 10_000 - 50 * (page + 2) + 1;
      expect(Math.min(...numbers), `page ${page}: shows ${numbers.join(',')}`).to.be.greaterThan(oldestLoaded + 5);
    }
  });
});

describe('<tandem-inbox>', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('lists conversations unread first, filters them, and replies in the shared thread', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderInbox(messaging);
    const items = $$(el, '[part~="conversation"]').map(textOf);
    expect(items[0]).to.contain('The García family');
    expect(items[0]).to.contain('1 unread message');
    expect(el.getAttribute('staff-token')).to.equal(null);
    const filter = $<HTMLInputElement>(el, '#inbox-filter');
    filter.value = 'nobody';
    filter.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect($$(el, '[part~="conversation"]')).to.have.length(0);
    filter.value = 'sofía';
    filter.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect($$(el, '[part~="conversation"]')).to.have.length(1);
    await openConversation(el, 'The García family');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    await waitUntil(() => conversation.lastRead.staff > 0, 'never marked read');
    const field = $<HTMLTextAreaElement>(el, '#message-field');
    field.value = 'Yes: 20 minutes of reading.';
    field.dispatchEvent(new InputEvent('input'));
    $<HTMLButtonElement>(el, '[part~="send"]').click();
    await waitUntil(() => messaging.messages(conversation.id).at(-1)!.body === 'Yes: 20 minutes of reading.', 'reply not sent');
    expect(messaging.messages(conversation.id).at(-1)!.sender.name).to.equal('Ms. Rivera');
  });

  it('a reply written offline waits on the device and goes out once when the connection returns', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderInbox(messaging);
    await openConversation(el, 'The García family');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    messaging.setOffline(true);
    const field = $<HTMLTextAreaElement>(el, '#message-field');
    field.value = 'Replying from the bus';
    field.dispatchEvent(new InputEvent('input'));
    $<HTMLButtonElement>(el, '[part~="send"]').click();
    await waitUntil(() => $$(el, '[part~="own"] .state').some((s) => textOf(s) === 'Waiting for connection'), 'never waited');
    $<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitUntil(() => el.phase === 'home', 'never went back');
    await pause(50);
    messaging.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => messaging.messages(conversation.id).some((m) => m.body === 'Replying from the bus'), 'never sent');
    await pause(100);
    expect(messaging.messages(conversation.id).filter((m) => m.body === 'Replying from the bus')).to.have.length(1);
  });

  it('hears a family message live, and offers the CSV export to admins', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderInbox(messaging, 'demo-staff-token', true);
    await pause(50);
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    const session = await messaging.signInWithInvite({ code: 'DEMO-FAMILY' });
    await messaging.sendFamilyMessage(session.accessToken, conversation.id, { body: 'Gracias', locale: 'es' }, 'k-live');
    await waitUntil(
      () => $$(el, '[part~="conversation"]').some((b) => textOf(b).includes('2 unread messages')),
      'unread count not updated',
    );
    await openConversation(el, 'The García family');
    let saved: Blob | undefined;
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => ((saved = blob), 'blob:test');
    try {
      $<HTMLButtonElement>(el, '[part~="export"]').click();
      await waitUntil(() => saved, 'no CSV');
    } finally {
      URL.createObjectURL = create;
    }
    expect(await saved!.text()).to.contain('Gracias');
  });
});
