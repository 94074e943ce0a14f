/** The thread: translation with the original a click away, links, the composer's keys and limit, live messages and read receipts, focus. */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { BackendError } from '@tandem/core';
import { PROBLEM_TYPES } from '@tandem/protocol';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  buttonNamed,
  deepActive,
  MemoryMessaging,
  openConversation,
  ownStates,
  pause,
  renderBox,
  resetDevice,
  signInWithCode,
  textOf,
  type,
} from './helpers.js';

async function openRivera(lang = 'es', messaging = MemoryMessaging.withDemoData()) {
  const el = await renderBox(messaging, { lang });
  await signInWithCode(el);
  await openConversation(el, 'Ms. Rivera');
  return { el, messaging };
}

describe('<tandem-message-box> thread', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('shows staff messages translated, with "Translated from English · Show original" toggling to the original', async () => {
    const { el } = await openRivera('es');
    const first = $$(el, '[part~="message"]:not([part~="own"])')[0]!;
    expect(textOf(first.querySelector('.text')!)).to.equal('¡Hola! Sofía salió muy bien en su examen de lectura hoy.');
    expect(textOf(first.querySelector('.note')!)).to.match(/^Traducido del inglés/);
    first.querySelector<HTMLButtonElement>('[part~="translation-toggle"]')!.click();
    await el.updateComplete;
    await pause();
    const shown = $$(el, '[part~="message"]:not([part~="own"])')[0]!;
    const original = shown.querySelector('.text')!;
    expect(textOf(original)).to.equal('Hi! Sofía did great on her reading test today.');
    expect(original.getAttribute('lang')).to.equal('en');
    expect(textOf(shown.querySelector('[part~="translation-toggle"]')!)).to.equal('Mostrar traducción');
  });

  it('English contract names: Translated from Spanish, Show original / Show translation (staff reading a family message)', async () => {
    // The family writes in Spanish; an English-reading family member sees its own words untranslated, so read from the inbox side.
    const { renderInbox } = await import('./helpers.js');
    const messaging = MemoryMessaging.withDemoData();
    const inbox = await renderInbox(messaging);
    await openConversation(inbox, 'The García family');
    const family = $$(inbox, '[part~="message"]:not([part~="own"])').find((m) => textOf(m).includes('Thank you!'))!;
    expect(textOf(family.querySelector('.note')!)).to.contain('Translated from Spanish');
    const toggle = family.querySelector<HTMLButtonElement>('[part~="translation-toggle"]')!;
    expect(textOf(toggle)).to.equal('Show original');
    toggle.click();
    await inbox.updateComplete;
    await pause();
    const after = $$(inbox, '[part~="message"]:not([part~="own"])').find((m) => textOf(m).includes('¿Necesita'))!;
    expect(textOf(after.querySelector('[part~="translation-toggle"]')!)).to.equal('Show translation');
    expect(after.querySelector('.text')!.getAttribute('lang')).to.equal('es');
  });

  it('switching language re-reads the thread in the new language and keeps what was typed', async () => {
    const { el } = await openRivera('es');
    await type(el, '#message-field', 'Half-written');
    el.setAttribute('lang', 'en');
    await waitUntil(
      () =>
        $$(el, '[part~="message"]:not([part~="own"])').some((m) => textOf(m).includes('Hi! Sofía did great on her reading test today.')),
      'thread not re-read in English',
    );
    expect($<HTMLTextAreaElement>(el, '#message-field').value).to.equal('Half-written');
  });

  it('a failed translation shows the original with a quiet note', async () => {
    const messaging = MemoryMessaging.withDemoData({ translate: (_t, _f, to) => ({ status: 'failed', locale: to }) });
    const { el } = await openRivera('es', messaging);
    const first = $$(el, '[part~="message"]:not([part~="own"])')[0]!;
    expect(textOf(first.querySelector('.text')!)).to.equal('Hi! Sofía did great on her reading test today.');
    expect(first.querySelector('.note')).to.exist;
    expect(first.querySelector('[part~="translation-toggle"]')).to.equal(null);
  });

  it('the screen-reader log adds each new message once and keeps earlier lines as they were', async () => {
    const { el, messaging } = await openRivera('en');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    const lines = () => $$(el, '[role="log"] p');
    for (let i = 1; i <= 5; i++) messaging.staffWrites(conversation.id, `Live note ${i}`);
    await waitUntil(() => lines().length === 5, 'five lines never appeared');
    const second = lines()[1]!;
    const secondText = textOf(second);
    messaging.staffWrites(conversation.id, 'Live note 6');
    await waitUntil(() => lines().some((p) => textOf(p).endsWith('Live note 6')), 'the sixth never appeared');
    await el.updateComplete;
    expect(lines()).to.have.length(5);
    // Rewriting old lines would make screen readers read them all again.
    expect(textOf(second)).to.equal(secondText);
    expect(lines()[0]).to.equal(second);
  });

  it('makes http(s) links clickable and safe, and never renders markup from a message', async () => {
    const { el, messaging } = await openRivera('en');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    messaging.staffWrites(conversation.id, '<img src=x onerror=alert(1)> see https://example.org/a?b=1. and javascript:alert(1)');
    await waitUntil(() => $$(el, '[part~="message"]').some((m) => textOf(m).includes('see https')), 'live message never arrived');
    await pause();
    const message = $$(el, '[part~="message"]').find((m) => textOf(m).includes('see https'))!;
    expect(message.querySelector('img')).to.equal(null);
    const links = [...message.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/a?b=1']);
    expect(links[0]!.rel).to.equal('noopener noreferrer nofollow');
    expect(links[0]!.target).to.equal('_blank');
  });

  it('Enter sends, Shift+Enter adds a line; the message shows Sent, then Read when staff read it', async () => {
    const { el, messaging } = await openRivera('en');
    const field = $<HTMLTextAreaElement>(el, '#message-field');
    field.focus();
    await sendKeys({ type: 'Line one' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'Line two' });
    expect(field.value).to.equal('Line one\nLine two');
    const sent = oneEvent(el, 'tandem-message-sent');
    await sendKeys({ press: 'Enter' });
    const detail = (await sent).detail;
    expect(detail.clientMessageId).to.be.a('string');
    await el.updateComplete;
    expect(field.value).to.equal('');
    const stored = messaging.messages(detail.conversationId).at(-1)!;
    expect(stored.body).to.equal('Line one\nLine two');
    expect(stored.clientMessageId).to.equal(detail.clientMessageId);
    await pause();
    expect(ownStates(el).at(-1)).to.equal('Sent');
    messaging.markReadAs(detail.conversationId, 'staff');
    await waitUntil(() => ownStates(el).at(-1) === 'Read', 'never showed Read');
  });

  it('after sending out of office hours, says when a reply can be expected, in the family language', async () => {
    const { el } = await openRivera('en');
    await type(el, '#message-field', 'Hello');
    buttonNamed(el, 'Send').click();
    await oneEvent(el, 'tandem-message-sent');
    await el.updateComplete;
    const availability = el.shadowRoot!.querySelector('[part~="availability"]');
    // Ms. Rivera keeps 8:00–15:00 Chicago time on weekdays: outside them the widget says when she is back.
    const chicago = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      hour: 'numeric',
      hourCycle: 'h23',
      weekday: 'short',
    }).formatToParts(new Date());
    const hour = Number(chicago.find((p) => p.type === 'hour')!.value);
    const weekday = chicago.find((p) => p.type === 'weekday')!.value;
    const inside = !['Sat', 'Sun'].includes(weekday) && hour >= 8 && hour < 15;
    if (inside) expect(availability).to.equal(null);
    else expect(textOf(availability!)).to.match(/^Ms\. Rivera is out of office hours; expect a reply \w+day,? 8:00\sAM C[SD]T\.$/);
  });

  it('over 5,000 characters: says so clearly, keeps the text and sends nothing', async () => {
    const { el, messaging } = await openRivera('en');
    const before = messaging.log.length;
    await type(el, '#message-field', 'a'.repeat(5001));
    expect(textOf($(el, '#message-error'))).to.contain('at most 5,000 characters');
    expect(textOf($(el, '#message-hint'))).to.contain('5,001 of 5,000 characters');
    buttonNamed(el, 'Send').click();
    await pause();
    expect($<HTMLTextAreaElement>(el, '#message-field').value).to.have.length(5001);
    expect(messaging.log.length).to.equal(before);
  });

  it('a message the server refuses (422) comes back into the field with the reason', async () => {
    const { el, messaging } = await openRivera('en');
    messaging.failNext(
      new BackendError('invalid', 'Some fields need attention', 422, {
        type: PROBLEM_TYPES.validation,
        title: 'Some fields need attention',
        status: 422,
        errors: [{ pointer: '/body', code: 'blocked', detail: 'Links to this site are not allowed.' }],
      }),
    );
    await type(el, '#message-field', 'Please see http://blocked.example');
    const failed = oneEvent(el, 'tandem-error');
    buttonNamed(el, 'Send').click();
    await failed;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message-field').value).to.equal('Please see http://blocked.example');
    expect(textOf($(el, '#message-error'))).to.contain('Links to this site are not allowed.');
    expect(ownStates(el).filter((s) => s !== 'Sent' && s !== 'Read')).to.deep.equal([]);
  });

  it('a live message from staff appears, is announced in the log, and the thread is marked read', async () => {
    const { el, messaging } = await openRivera('en');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    await pause(50);
    messaging.staffWrites(conversation.id, 'The field trip form is due Friday.');
    await waitUntil(() => textOf($(el, '[role="log"]')).includes('The field trip form is due Friday.'), 'never announced');
    await waitUntil(() => conversation.lastRead.family >= messaging.messages(conversation.id).at(-1)!.seq, 'never marked read');
  });

  it('after the connection drops, messages written meanwhile arrive once when the stream resumes', async () => {
    const { el, messaging } = await openRivera('en');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    await waitUntil(() => messaging.streams.size === 1, 'stream never opened');
    messaging.dropStreams();
    messaging.staffWrites(conversation.id, 'Written while you were away.');
    await waitUntil(() => messaging.streams.size === 1, 'stream never reopened', { timeout: 5000 });
    await waitUntil(
      () => $$(el, '[part~="message"]').some((m) => textOf(m).includes('Written while you were away.')),
      'missed message never arrived',
    );
    messaging.dropStreams();
    await waitUntil(() => messaging.streams.size === 1, 'stream never reopened', { timeout: 5000 });
    await pause(100);
    expect($$(el, '[part~="message"]').filter((m) => textOf(m).includes('Written while you were away.'))).to.have.length(1);
    expect(messaging.calls['openFamilyStream']).to.equal(3);
  });

  it('focus goes to the thread heading on open, and back returns it to the conversation', async () => {
    const { el } = await openRivera('en');
    expect(deepActive()?.id).to.equal('thread-heading');
    expect(textOf(deepActive()!)).to.equal('Ms. Rivera');
    buttonNamed(el, /Back to conversations/).click();
    await pause();
    expect(textOf(deepActive()!)).to.contain('Ms. Rivera');
    expect(deepActive()?.getAttribute('part')).to.equal('conversation');
  });

  it('shows the school notice next to the composer', async () => {
    const { el } = await openRivera('en');
    const notice = $(el, '[part~="notice"]');
    expect(textOf(notice)).to.contain('not for emergencies');
    expect(notice.compareDocumentPosition($(el, '[part~="composer"]')) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
  });
});
