/** Hostile message text, in both directions: every payload renders as inert text in the family's box and the staff inbox. */
import { expect, waitUntil } from '@open-wc/testing';
import {
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

/** Each payload sets `window.__xss` if it ever runs. */
const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '<svg onload="window.__xss = 1"></svg>',
  '<iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'https://example.org/"onmouseover="window.__xss=1',
  "https://example.org/'><img src=x onerror=window.__xss=1>",
  '<style>* { display: none !important }</style>',
  '${window.__xss = 1}',
  '{{constructor.constructor("window.__xss = 1")()}}',
  '\u202Egnp.exe\u202C https://example.org/ok',
];

declare global {
  interface Window {
    __xss?: number;
  }
}

/** What the rendered messages must never contain, and what their links must look like. */
function expectInert(messages: HTMLElement[]): void {
  expect(window.__xss, 'a payload ran').to.equal(undefined);
  for (const message of messages) {
    expect(message.querySelector('script, img, svg, iframe, style, object, embed'), textOf(message)).to.equal(null);
    for (const link of message.querySelectorAll('a')) {
      const href = link.getAttribute('href') ?? '';
      expect(href, 'only http(s) links are made clickable').to.match(/^https?:\/\//);
      expect(new URL(href).protocol).to.be.oneOf(['http:', 'https:']);
      expect(link.getAttributeNames().filter((name) => name.startsWith('on'))).to.deep.equal([]);
      expect(link.rel).to.equal('noopener noreferrer nofollow');
    }
  }
}

describe('hostile message text', () => {
  let restoreOnError: () => void;
  before(() => (restoreOnError = ignoreResizeObserverLoops()));
  after(() => restoreOnError());
  beforeEach(async () => {
    delete window.__xss;
    await resetDevice();
  });
  afterEach(resetDevice);

  it('renders inert in the family message box, each payload shown as the text it is', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging, { lang: 'en' });
    await signInWithCode(el);
    await openConversation(el, 'Ms. Rivera');
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    for (const payload of PAYLOADS) messaging.staffWrites(conversation.id, payload);
    await waitUntil(() => $$(el, '[part~="message"]').some((m) => textOf(m).includes('gnp.exe')), 'the last payload never arrived', {
      timeout: 4000,
    });
    await pause(100);
    const messages = $$(el, '[part~="message"]');
    expectInert(messages);
    const shown = messages.map(textOf).join('\n');
    expect(shown).to.include('<script>window.__xss = 1</script>');
    expect(shown).to.include('<img src=x onerror="window.__xss = 1">');
  });

  it('renders inert in the staff inbox, in the list preview and in the thread', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const conversation = messaging.conversationWith('family-garcia', 'staff-rivera')!;
    const session = await messaging.signInWithInvite({ code: 'DEMO-FAMILY' });
    for (const [i, payload] of PAYLOADS.entries()) {
      await messaging.sendFamilyMessage(session.accessToken, conversation.id, { body: payload, locale: 'en' }, `xss-${i}`);
    }
    const el = await renderInbox(messaging);
    await pause(50);
    expectInert($$(el, '[part~="conversation"]'));
    await openConversation(el, 'The García family');
    await waitUntil(
      () => $$(el, '[part~="message"]').some((m) => textOf(m).includes('gnp.exe')),
      'the thread never showed the last payload',
      { timeout: 4000 },
    );
    await pause(100);
    expectInert($$(el, '[part~="message"]'));
  });
});
