/** Signing in: invite codes (good, mistyped, class codes), email links, identity tokens, the link in the address, and signing out. */
import { expect, oneEvent } from '@open-wc/testing';
import {
  $,
  buttonNamed,
  deepActive,
  MemoryMessaging,
  renderBox,
  resetDevice,
  signInWithCode,
  textOf,
  type,
  waitForPhase,
} from './helpers.js';
import { fixture, html } from '@open-wc/testing';
import type { TandemMessageBox } from '../src/message-box.js';

describe('<tandem-message-box> sign-in', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('signs in with an invite code and shows the family and whom they can write to', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging);
    expect(el.phase).to.equal('signed-out');
    const signedIn = oneEvent(el, 'tandem-signed-in');
    await signInWithCode(el);
    expect((await signedIn).detail).to.include({ familyId: 'family-garcia', via: 'invite' });
    expect(textOf($(el, '[part~="header"]'))).to.contain('The García family');
    const names = [...el.shadowRoot!.querySelectorAll('[part~="conversation"]')].map(textOf);
    expect(names.some((n) => n.includes('Ms. Rivera'))).to.equal(true);
    expect(names.some((n) => n.includes('Mr. Nguyen'))).to.equal(true);
    expect(names.some((n) => n.includes('Front office'))).to.equal(true);
  });

  it('a mistyped code keeps what was typed, says why, and keeps focus on the field', async () => {
    const el = await renderBox(MemoryMessaging.withDemoData());
    await type(el, '#invite-code', 'WRONG-CODE1');
    buttonNamed(el, 'Sign in').click();
    await waitForPhase(el, 'signed-out');
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    const field = $<HTMLInputElement>(el, '#invite-code');
    expect(field.value).to.equal('WRONG-CODE1');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(el, '#invite-code-error'))).to.contain('This code was not accepted');
    expect(deepActive()).to.equal(field);
  });

  it('a class code asks for the name, then signs in', async () => {
    const el = await renderBox(MemoryMessaging.withDemoData());
    await type(el, '#invite-code', 'democ-lass2');
    buttonNamed(el, 'Sign in').click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('family-name');
    await type(el, '#family-name', 'Amina Warsame');
    buttonNamed(el, 'Sign in').click();
    await waitForPhase(el, 'home');
    expect(textOf($(el, '[part~="header"]'))).to.contain('Amina Warsame');
  });

  it('email link: always says a link is on its way, and only known addresses get one', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging);
    await type(el, '#sign-in-email', 'nobody@example.org');
    buttonNamed(el, 'Email me a sign-in link').click();
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(textOf($(el, '.email-form'))).to.contain('If this address is registered, a link is on its way.');
    await type(el, '#sign-in-email', 'garcia@example.org');
    buttonNamed(el, 'Email me a sign-in link').click();
    await new Promise((r) => setTimeout(r, 30));
    await el.updateComplete;
    expect(textOf($(el, '.email-form'))).to.contain('If this address is registered, a link is on its way.');
    expect(messaging.sentLinks).to.deep.equal(['garcia@example.org']);
  });

  it('redeems a #tandem-sign-in= link from the address and removes it', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#tandem-sign-in=demo-link-token`);
    const el = await renderBox(MemoryMessaging.withDemoData());
    await waitForPhase(el, 'home');
    expect(location.hash).to.equal('');
  });

  it('fills in the code from a scanned invite (#tandem-invite=) and removes it from the address', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#tandem-invite=demo-family`);
    const el = await renderBox(MemoryMessaging.withDemoData());
    expect(el.phase).to.equal('signed-out');
    expect(location.hash).to.equal('');
    expect($<HTMLInputElement>(el, '#invite-code').value).to.equal('DEMO-FAMILY');
    const signedIn = oneEvent(el, 'tandem-signed-in');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await signedIn).detail).to.include({ familyId: 'family-garcia', via: 'invite' });
  });

  it('signs in with a host identity token', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await fixture<TandemMessageBox>(
      html`<tandem-message-box
        .messaging=${messaging}
        lang="en"
        organization="demo"
        identity-token="family:family-garcia"
      ></tandem-message-box>`,
    );
    await waitForPhase(el, 'home');
    expect(textOf($(el, '[part~="header"]'))).to.contain('The García family');
  });

  it('keeps the session on the device, and Sign out ends it', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const first = await renderBox(messaging);
    await signInWithCode(first);
    first.remove();
    const again = await renderBox(messaging);
    expect(again.phase).to.equal('home');
    const out = oneEvent(again, 'tandem-signed-out');
    buttonNamed(again, 'Sign out').click();
    expect((await out).detail.reason).to.equal('signed-out');
    await waitForPhase(again, 'signed-out');
    again.remove();
    const third = await renderBox(messaging);
    expect(third.phase).to.equal('signed-out');
  });

  it('refreshes an expired access token, and a refused refresh returns to sign-in', async () => {
    const messaging = MemoryMessaging.withDemoData();
    const el = await renderBox(messaging);
    await signInWithCode(el);
    messaging.expireAccessTokens();
    buttonNamed(el, /Mr\. Nguyen/).click();
    await waitForPhase(el, 'thread');
    expect(messaging.calls['refreshSession']).to.equal(1);
    // A reused refresh token ends the session: the next refresh is refused.
    messaging.expireAccessTokens();
    const refresh = messaging.refreshSession.bind(messaging);
    messaging.refreshSession = async (token: string) => {
      await refresh(token).catch(() => undefined);
      return refresh(token); // the same token twice: refused, as a stolen token would be
    };
    const out = oneEvent(el, 'tandem-signed-out');
    buttonNamed(el, /Back to conversations/).click();
    await waitForPhase(el, 'home');
    buttonNamed(el, /Front office/).click();
    expect((await out).detail.reason).to.equal('expired');
    await waitForPhase(el, 'signed-out');
    expect(textOf($(el, 'tandem-status'))).to.contain('Please sign in again');
  });
});
