/** Offline: messages wait on the device ("Waiting for connection"), then go once each, in order, when the connection is back. */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { outbox } from '@tandem/core';
import {
  buttonNamed,
  MemoryMessaging,
  openConversation,
  ownStates,
  pause,
  renderBox,
  resetDevice,
  signInWithCode,
  type,
} from './helpers.js';

function goOnline(messaging: MemoryMessaging): void {
  messaging.setOffline(false);
  window.dispatchEvent(new Event('online'));
}

describe('<tandem-message-box> offline outbox', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('sends messages written offline exactly once each, in order, with Idempotency-Key = clientMessageId = entry id', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging);
    await signInWithCode(el);
    await openConversation(el, 'Ms. Rivera');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    const before = messaging.messages(conversation.id).length;
    messaging.setOffline(true);
    for (const text of ['First', 'Second', 'Third']) {
      await type(el, '#message-field', text);
      buttonNamed(el, 'Send').click();
      await waitUntil(
        () => ownStates(el).filter((s) => s === 'Waiting for connection').length >= ['First', 'Second', 'Third'].indexOf(text) + 1,
        `${text} never waited`,
      );
    }
    await pause(50);
    expect(ownStates(el).slice(-3)).to.deep.equal(['Waiting for connection', 'Waiting for connection', 'Waiting for connection']);
    const entries = await outbox.list({ kind: 'message', target: conversation.id });
    expect(entries.map((e) => (e.payload as { body: string }).body)).to.deep.equal(['First', 'Second', 'Third']);

    goOnline(messaging);
    await waitUntil(() => messaging.messages(conversation.id).length === before + 3, 'not all sent');
    window.dispatchEvent(new Event('online'));
    await pause(100);
    const sent = messaging.messages(conversation.id).slice(before);
    expect(sent.map((m) => m.body)).to.deep.equal(['First', 'Second', 'Third']);
    expect(sent.map((m) => m.clientMessageId)).to.deep.equal(entries.map((e) => e.id));
    expect(messaging.messages(conversation.id)).to.have.length(before + 3);
    await waitUntil(
      () =>
        ownStates(el)
          .slice(-3)
          .every((s) => s === 'Sent'),
      `states: ${ownStates(el).join(', ')}`,
    );
    expect(await outbox.list({ kind: 'message' })).to.deep.equal([]);
  });

  it('shows Sending… while the message is on its way, then Sent', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging);
    await signInWithCode(el);
    await openConversation(el, 'Ms. Rivera');
    const send = messaging.sendFamilyMessage.bind(messaging);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    messaging.sendFamilyMessage = async (...args) => {
      await held;
      return send(...args);
    };
    await type(el, '#message-field', 'On its way');
    buttonNamed(el, 'Send').click();
    await waitUntil(() => ownStates(el).at(-1) === 'Sending…', `states: ${ownStates(el).join(', ')}`);
    release();
    await waitUntil(() => ownStates(el).at(-1) === 'Sent', `states: ${ownStates(el).join(', ')}`);
  });

  it('a message written offline goes out when the connection returns even after the family went back to the list', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging);
    await signInWithCode(el);
    await openConversation(el, 'Ms. Rivera');
    messaging.setOffline(true);
    await type(el, '#message-field', 'Sent from the list');
    buttonNamed(el, 'Send').click();
    await waitUntil(() => ownStates(el).includes('Waiting for connection'), 'never waited');
    buttonNamed(el, /Back to conversations/).click();
    await waitUntil(() => el.phase === 'home', 'never went back');
    await pause(50);
    const sent = oneEvent(el, 'tandem-message-sent');
    goOnline(messaging);
    await sent;
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    await pause(100);
    expect(messaging.messages(conversation.id).filter((m) => m.body === 'Sent from the list')).to.have.length(1);
  });

  it('a message waiting on the device is still there (and sent) after the page is reopened', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const first = await renderBox(messaging);
    await signInWithCode(first);
    await openConversation(first, 'Ms. Rivera');
    messaging.setOffline(true);
    await type(first, '#message-field', 'Kept for later');
    buttonNamed(first, 'Send').click();
    await waitUntil(() => ownStates(first).includes('Waiting for connection'), 'never waited');
    first.remove();
    messaging.setOffline(false);
    const again = await renderBox(messaging);
    await openConversation(again, 'Ms. Rivera');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    await waitUntil(() => messaging.messages(conversation.id).some((m) => m.body === 'Kept for later'), 'never sent');
    await pause(100);
    expect(messaging.messages(conversation.id).filter((m) => m.body === 'Kept for later')).to.have.length(1);
  });
});
