/** <console-families>: register a family, make invite codes for it or a class and print them, manage identity-site keys. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import { routes, type RouteSpec } from '@tandem/protocol';
import '../src/screens/families/console-families.js';
import type { ConsoleFamilies } from '../src/screens/families/console-families.js';
import type { CallOptions } from '../src/console-client.js';
import { choose, deepActiveElement, FakeConsoleApi, sessionFor, settle, text, type } from './console-fakes.js';

const root = (el: ConsoleFamilies) => el.shadowRoot!;
const submit = async (el: ConsoleFamilies, form: string) => {
  root(el).querySelector<HTMLButtonElement>(`#${form} button[type="submit"]`)!.click();
  await settle(el);
};
const button = (el: ConsoleFamilies, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);

/** A server that registers families and makes codes, as the real one answers. */
function fakeServer(api: FakeConsoleApi) {
  let codes = 0;
  const keys = [
    {
      id: 'k1',
      name: 'Parent portal',
      issuer: 'https://portal.example',
      audience: 'tandem',
      kind: 'jwks',
      createdAt: '2026-01-01T00:00:00Z',
    },
  ];
  api.answer = (route: RouteSpec, options: CallOptions) => {
    const body = options.body as Record<string, unknown>;
    if (route === routes.createFamily) return { id: 'f1', ...body, createdAt: '2026-01-01T00:00:00Z' };
    if (route === routes.createInvite)
      return {
        id: `i${++codes}`,
        code: `ABCDE-FGHJ${codes + 1}`,
        maxUses: 1,
        uses: 0,
        expiresAt: '2026-12-24T12:00:00Z',
        createdAt: '',
        ...body,
      };
    if (route === routes.listIdentityKeys) return { items: keys };
    if (route === routes.revokeIdentityKey) return { ...keys[0], revokedAt: '2026-02-01T00:00:00Z' };
    if (route === routes.createIdentityKey) return { id: 'k2', ...body, createdAt: '2026-01-01T00:00:00Z' };
    return {};
  };
}

async function renderScreen(lang = 'en'): Promise<{ el: ConsoleFamilies; api: FakeConsoleApi }> {
  const api = new FakeConsoleApi(sessionFor('organization-admin'));
  fakeServer(api);
  const el = await fixture<ConsoleFamilies>(html`<console-families .api=${api} .session=${api.session!} lang=${lang}></console-families>`);
  await waitUntil(() => el.keys !== undefined);
  await el.updateComplete;
  return { el, api };
}

describe('<console-families>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });

  it('says what a family needs before registering it, keeping what was typed', async () => {
    const { el, api } = await renderScreen();
    await type(root(el), 'family-email', 'not an address', el);
    await type(root(el), 'student-name-0', 'Linh', el);
    await submit(el, 'register-family');
    expect(text(root(el).querySelector('#family-name-error'))).to.equal("Enter the family's name.");
    expect(text(root(el).querySelector('#family-email-error'))).to.equal('Enter an email address like name@school.org.');
    expect(text(root(el).querySelector('#student-id-0-error'))).to.equal("Enter the school's student ID.");
    expect(deepActiveElement()).to.equal(root(el).querySelector('#family-name'));
    expect(root(el).querySelector<HTMLInputElement>('#student-name-0')!.value).to.equal('Linh');
    expect(api.callsTo(routes.createFamily)).to.have.length(0);
  });

  it('registers a family with two students, then makes and prints its invite code', async () => {
    const { el, api } = await renderScreen();
    await choose(root(el), 'family-school', 's2', el);
    await type(root(el), 'family-name', 'Nguyen family', el);
    await type(root(el), 'family-email', 'nguyen@example.org', el);
    await choose(root(el), 'family-language', 'vi', el);
    await type(root(el), 'student-name-0', 'Linh Nguyen', el);
    await type(root(el), 'student-id-0', 'S-100', el);
    button(el, 'Add a student')!.click();
    await el.updateComplete;
    await type(root(el), 'student-name-1', 'Minh Nguyen', el);
    await type(root(el), 'student-id-1', 'S-101', el);
    await submit(el, 'register-family');
    expect(api.callsTo(routes.createFamily)[0]!.options.body).to.deep.equal({
      schoolId: 's2',
      name: 'Nguyen family',
      email: 'nguyen@example.org',
      locale: 'vi',
      students: [
        { id: 'S-100', name: 'Linh Nguyen', schoolId: 's2' },
        { id: 'S-101', name: 'Minh Nguyen', schoolId: 's2' },
      ],
    });
    expect(text(root(el).querySelector('#register-family [role="status"]'))).to.contain('Nguyen family is registered');
    expect(root(el).querySelector<HTMLInputElement>('#family-name')!.value).to.equal('', 'the form is ready for the next family');

    button(el, 'Make an invite code for Nguyen family')!.click();
    await settle(el);
    expect(api.callsTo(routes.createInvite)[0]!.options.body).to.deep.equal({ schoolId: 's2', familyId: 'f1' });
    const card = root(el).querySelector('.card')!;
    expect(text(card.querySelector('.who'))).to.equal('Nguyen family');
    expect(text(card.querySelector('.code'))).to.equal('ABCDE-FGHJ2');
    expect(text(card.querySelector('.url'))).to.equal(`${location.origin}/family/sign-in`);
    expect(parseFloat(getComputedStyle(card.querySelector('.code')!).fontSize)).to.be.at.least(32, 'the code is printed large');
  });

  it('makes a class code, and refuses an empty class name', async () => {
    const { el, api } = await renderScreen();
    await submit(el, 'class-invite');
    expect(text(root(el).querySelector('#class-name-error'))).to.equal('Enter the class name.');
    await type(root(el), 'class-name', 'Room 12', el);
    await submit(el, 'class-invite');
    expect(api.callsTo(routes.createInvite)[0]!.options.body).to.deep.equal({ schoolId: 's1', className: 'Room 12' });
    expect([...root(el).querySelectorAll('.card .who')].map(text)).to.deep.equal(['Room 12']);
  });

  it('prints only the invite cards', async () => {
    const { el } = await renderScreen();
    await type(root(el), 'class-name', 'Room 12', el);
    await submit(el, 'class-invite');
    // Chromium applies print styles when emulated through the test runner's media query support.
    const sheet = [...root(el).adoptedStyleSheets]
      .flatMap((s) => [...s.cssRules])
      .find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule | undefined;
    expect(sheet, 'there are print styles').to.not.equal(undefined);
    expect(sheet!.cssText).to.contain('.no-print');
    for (const section of root(el).querySelectorAll('section:not(.sheet)')) expect(section.classList.contains('no-print')).to.equal(true);
  });

  it('lists identity keys, registers one, and revokes one after asking', async () => {
    const { el, api } = await renderScreen();
    expect(text(root(el).querySelector('.keys li'))).to.contain('Parent portal');
    await type(root(el), 'key-name', 'Homework site', el);
    await type(root(el), 'key-issuer', 'https://hw.example', el);
    await type(root(el), 'key-audience', 'tandem', el);
    await choose(root(el), 'key-kind', 'hs256', el);
    await type(root(el), 'key-material', 'too short', el);
    await submit(el, 'identity-key');
    expect(text(root(el).querySelector('#key-material-error'))).to.equal('Use a secret of at least 32 characters.');
    await type(root(el), 'key-material', 's'.repeat(40), el);
    await submit(el, 'identity-key');
    expect(api.callsTo(routes.createIdentityKey)[0]!.options.body).to.deep.equal({
      name: 'Homework site',
      issuer: 'https://hw.example',
      audience: 'tandem',
      kind: 'hs256',
      secret: 's'.repeat(40),
    });

    button(el, 'Revoke Parent portal')!.click();
    await el.updateComplete;
    expect(api.callsTo(routes.revokeIdentityKey)).to.have.length(0, 'nothing is revoked before the confirmation');
    button(el, 'Yes, revoke Parent portal')!.click();
    await settle(el);
    expect(api.callsTo(routes.revokeIdentityKey)[0]!.options.params).to.deep.equal({ keyId: 'k1' });
    expect(text(root(el).querySelector('[data-key="k1"]'))).to.contain('Revoked');
  });

  it('[axe] is accessible with cards and errors showing, in English and in Arabic (RTL)', async () => {
    const { el } = await renderScreen();
    await submit(el, 'register-family');
    await type(root(el), 'class-name', 'Room 12', el);
    await submit(el, 'class-invite');
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    await expectAxeClean(el);
  });
});
