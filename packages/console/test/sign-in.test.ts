/** <tandem-console>: sign-in with errors in the staff member's language, reset by email, the signed-in home and signing out. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import type { ConsoleSession } from '@tandem/protocol';
import '../src/tandem-console.js';
import { ConsoleError, type ConsoleApi } from '../src/console-client.js';
import type { ConsoleView, TandemConsole } from '../src/console.js';

const SESSION: ConsoleSession = {
  user: { id: 'u1', name: 'Ada Lovelace', email: 'ada@lincoln.example', role: 'school-admin', locale: 'en' },
  organization: { id: 'o1', slug: 'lincoln', name: 'Lincoln District' },
  schools: [
    { id: 's1', name: 'Lincoln Elementary', role: 'admin' },
    { id: 's2', name: 'Lincoln Middle', role: 'staff' },
  ],
  csrfToken: 'csrf',
  idleExpiresAt: new Date(Date.now() + 3600_000).toISOString(),
  expiresAt: new Date(Date.now() + 7200_000).toISOString(),
};

/** A server stand-in: one staff member, ada@lincoln.example with `PASSWORD`; records what the console asked. */
class FakeConsoleApi implements ConsoleApi {
  static readonly PASSWORD = 'correct horse battery';
  signedIn = false;
  calls: string[] = [];
  signInError: ConsoleError | undefined;
  resetError: ConsoleError | undefined;

  async getSession() {
    this.calls.push('getSession');
    return this.signedIn ? SESSION : undefined;
  }
  async signIn(email: string, password: string) {
    this.calls.push(`signIn ${email}`);
    if (this.signInError) throw this.signInError;
    if (email !== 'ada@lincoln.example' || password !== FakeConsoleApi.PASSWORD) throw new ConsoleError('signed-out', 401);
    this.signedIn = true;
    return SESSION;
  }
  async signOut() {
    this.calls.push('signOut');
    this.signedIn = false;
  }
  async signOutEverywhere() {
    this.calls.push('signOutEverywhere');
    this.signedIn = false;
  }
  async requestPasswordReset(email: string) {
    this.calls.push(`requestPasswordReset ${email}`);
  }
  async completePasswordReset(token: string, password: string) {
    this.calls.push(`completePasswordReset ${token} ${password}`);
    if (this.resetError) throw this.resetError;
  }
  async call<T>(): Promise<T> {
    throw new ConsoleError('server', 500);
  }
}

const $ = <E extends HTMLElement = HTMLElement>(el: TandemConsole, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: TandemConsole) => el.shadowRoot!.activeElement as HTMLElement | null;

async function renderConsole(api: FakeConsoleApi, lang = 'en'): Promise<TandemConsole> {
  const el = await fixture<TandemConsole>(html`<tandem-console .client=${api} lang=${lang}></tandem-console>`);
  await waitUntil(() => el.view !== 'loading', 'never left loading');
  await el.i18n.ready;
  await el.updateComplete;
  return el;
}

async function waitForView(el: TandemConsole, view: ConsoleView) {
  await waitUntil(() => el.view === view, `never showed ${view} (shows ${el.view})`);
  await el.updateComplete;
}

/** Types into a field the way a person does: value, then an input event. */
async function type(el: TandemConsole, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function submit(el: TandemConsole) {
  $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  await waitUntil(() => !el.busy);
  await el.updateComplete;
}

describe('<tandem-console> sign-in', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
    if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
  });

  it('[axe] the sign-in, reset and home screens are accessible, in English and in Arabic (RTL)', async () => {
    const api = new FakeConsoleApi();
    const el = await renderConsole(api);
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.i18n.ready;
    await el.updateComplete;
    await expectAxeClean(el);
    await submit(el);
    await expectAxeClean(el);
    el.go('forgot');
    await el.updateComplete;
    await expectAxeClean(el);
    api.signedIn = true;
    el.signedIn(SESSION);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#account-button')!.click();
    await el.updateComplete;
    await expectAxeClean(el);
  });

  it('labels every field and says what is missing, focusing the first field to fix', async () => {
    const el = await renderConsole(new FakeConsoleApi());
    expect(text($(el, 'label[for="email"]'))).to.equal('Email');
    expect(text($(el, 'label[for="password"]'))).to.equal('Password');
    await submit(el);
    const email = $<HTMLInputElement>(el, '#email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#email-error'))).to.equal('Enter your email address.');
    expect(email.getAttribute('aria-describedby')).to.equal('email-error');
    expect(text($(el, '#password-error'))).to.equal('Enter your password.');
    expect(focused(el)).to.equal(email);
  });

  it('says the email or password is not right in Spanish, keeps the email typed and focuses the message', async () => {
    const api = new FakeConsoleApi();
    const el = await renderConsole(api, 'es');
    expect(text($(el, 'h1'))).to.equal('Iniciar sesión en Tandem');
    await type(el, 'email', 'ada@lincoln.example');
    await type(el, 'password', 'wrong password');
    await submit(el);
    const alert = $(el, '#form-error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.equal('El correo o la contraseña no son correctos. Revíselos e intente de nuevo.');
    expect(focused(el)).to.equal(alert);
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('ada@lincoln.example');
    expect($<HTMLInputElement>(el, '#password')!.value).to.equal('', 'the wrong password is cleared');
  });

  it('tells how long to wait after too many attempts', async () => {
    const api = new FakeConsoleApi();
    api.signInError = new ConsoleError('rate-limited', 429, 600);
    const el = await renderConsole(api);
    await type(el, 'email', 'ada@lincoln.example');
    await type(el, 'password', FakeConsoleApi.PASSWORD);
    await submit(el);
    expect(text($(el, '#form-error'))).to.equal('Too many attempts. Wait 10 minutes, then try again.');
  });

  it('signs in to a home with the name, role and schools, and signs out from the account menu', async () => {
    const api = new FakeConsoleApi();
    const el = await renderConsole(api);
    const signedIn = new Promise((resolve) => el.addEventListener('tandem-signed-in', resolve, { once: true }));
    await type(el, 'email', 'ada@lincoln.example');
    await type(el, 'password', FakeConsoleApi.PASSWORD);
    await submit(el);
    await signedIn;
    await waitForView(el, 'home');
    expect(text($(el, 'h1'))).to.equal('Welcome, Ada Lovelace');
    expect(focused(el)).to.equal($(el, 'h1'));
    expect(text($(el, '.role'))).to.equal('School admin');
    expect([...el.shadowRoot!.querySelectorAll('.schools li')].map(text)).to.deep.equal([
      'Lincoln Elementary (School admin)',
      'Lincoln Middle (Staff)',
    ]);

    const menuButton = $<HTMLButtonElement>(el, '#account-button')!;
    expect(menuButton.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#account-menu')!.hidden).to.equal(true);
    menuButton.click();
    await el.updateComplete;
    expect(menuButton.getAttribute('aria-expanded')).to.equal('true');
    $<HTMLButtonElement>(el, '[part~="sign-out"]')!.click();
    await waitForView(el, 'sign-in');
    expect(api.calls).to.include('signOut');
    expect(text($(el, '.notice'))).to.equal('You are signed out.');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('ada@lincoln.example', 'the email is kept for signing in again');
  });

  it('signs out everywhere', async () => {
    const api = new FakeConsoleApi();
    api.signedIn = true;
    const el = await renderConsole(api);
    expect(el.view).to.equal('home');
    $<HTMLButtonElement>(el, '#account-button')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="sign-out-everywhere"]')!.click();
    await waitForView(el, 'sign-in');
    expect(api.calls).to.include('signOutEverywhere');
    expect(text($(el, '.notice'))).to.equal('You are signed out on every device.');
  });

  it('asks for a reset link and says it is on its way whatever the email', async () => {
    const api = new FakeConsoleApi();
    const el = await renderConsole(api);
    await type(el, 'email', 'someone@lincoln.example');
    ($(el, '.actions .link') as HTMLButtonElement).click();
    await waitForView(el, 'forgot');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('someone@lincoln.example');
    await submit(el);
    await waitForView(el, 'forgot-sent');
    expect(api.calls).to.include('requestPasswordReset someone@lincoln.example');
    expect(text($(el, '[role="status"]'))).to.contain('30 minutes');
  });

  it('sets a new password from the link, then asks to sign in; an expired link says so', async () => {
    history.replaceState(null, '', `${location.pathname}#token=abcdefghijklmnopqrstuvwxyz`);
    const api = new FakeConsoleApi();
    const el = await renderConsole(api);
    expect(el.view).to.equal('reset');
    expect(location.hash).to.equal('', 'the token leaves the address bar');
    await type(el, 'new-password', 'short');
    await submit(el);
    expect(text($(el, '#new-password-error'))).to.equal('Use at least 10 characters.');
    expect(focused(el)).to.equal($(el, '#new-password'));
    await type(el, 'new-password', 'a brand new passphrase');
    await type(el, 'confirm-password', 'a different passphrase');
    await submit(el);
    expect(text($(el, '#confirm-password-error'))).to.equal('The two passwords are not the same.');

    api.resetError = new ConsoleError('invalid', 422, 0, ['/token']);
    await type(el, 'confirm-password', 'a brand new passphrase');
    await submit(el);
    expect(text($(el, '#form-error'))).to.equal('This reset link was used already or has expired. Ask for a new one.');

    api.resetError = undefined;
    await submit(el);
    await waitForView(el, 'sign-in');
    expect(api.calls).to.include('completePasswordReset abcdefghijklmnopqrstuvwxyz a brand new passphrase');
    expect(text($(el, '.notice'))).to.equal('Your password is changed. Sign in with your new password.');
  });
});
