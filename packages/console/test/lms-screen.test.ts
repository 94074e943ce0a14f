/** <console-lms>: connecting an LMS by hand or by its registration URL, approving and disabling connections. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import type { RouteSpec } from '@tandem/protocol';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { CallOptions } from '../src/console-client.js';
import { ConsoleError } from '../src/console-client.js';
import '../src/screens/lms/console-lms.js';
import { lmsRoutes, type LtiRegistration } from '../src/screens/lms/lms-api.js';
import type { ConsoleLms } from '../src/screens/lms/lms-screen.js';
import { choose, deepActiveElement, FakeConsoleApi, sessionFor, settle, text, type } from './console-fakes.js';

const root = (el: ConsoleLms) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: ConsoleLms, selector: string) => root(el).querySelector<E & HTMLElement>(selector);
const value = (el: ConsoleLms, id: string) => $<HTMLInputElement>(el, `#${id}`)!.value;
const errorOf = (el: ConsoleLms, id: string) => text($(el, `#${id}-error`));
const buttonNamed = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
const row = (el: ConsoleLms, id: string) => $(el, `[data-registration="${id}"]`)!;

const TOOL = {
  registrationUrl: 'https://tandem.lincoln.example/lti/register/org-o1',
  loginUrl: 'https://tandem.lincoln.example/lti/login',
  redirectUrl: 'https://tandem.lincoln.example/lti/launch',
  jwksUrl: 'https://tandem.lincoln.example/lti/jwks.json',
  targetLinkUrl: 'https://tandem.lincoln.example/lti/launch',
  deepLinkUrl: 'https://tandem.lincoln.example/lti/deep-link',
  configUrl: 'https://tandem.lincoln.example/lti/config.json',
};

const registration = (patch: Partial<LtiRegistration>): LtiRegistration => ({
  id: 'r0',
  issuer: 'https://canvas.instructure.com',
  clientId: '10000000000001',
  deploymentIds: ['1:abc'],
  status: 'approved',
  authorizationEndpoint: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
  tokenEndpoint: 'https://sso.canvaslms.com/login/oauth2/token',
  jwksUri: 'https://sso.canvaslms.com/api/lti/security/jwks',
  createdAt: '2026-01-01T00:00:00Z',
  ...patch,
});

/** A server with an approved Canvas, a waiting Moodle and a disabled Brightspace, answering as the real one does. */
function fakeServer(api: FakeConsoleApi, refuse?: (route: RouteSpec, options: CallOptions) => unknown, extra: LtiRegistration[] = []) {
  const registrations: LtiRegistration[] = [
    registration({ id: 'r-canvas', platformName: 'Canvas', schoolId: 's1', approvedAt: '2026-01-01T00:00:00Z' }),
    registration({
      id: 'r-moodle',
      issuer: 'https://moodle.lincoln.example',
      clientId: 'moodle-client',
      deploymentIds: ['7'],
      status: 'pending',
      platformName: 'Moodle',
      createdAt: '2026-02-01T00:00:00Z',
    }),
    registration({ id: 'r-d2l', issuer: 'https://d2l.lincoln.example', clientId: 'd2l', status: 'disabled' }),
    ...extra,
  ];
  api.answer = (route, options) => {
    const refused = refuse?.(route, options);
    if (refused) throw refused;
    const id = options.params?.['registrationId'];
    const find = () => registrations.find((r) => r.id === id)!;
    if (route === lmsRoutes.listLtiRegistrations) return { tool: TOOL, registrations };
    if (route === lmsRoutes.createLtiRegistration) {
      const created = registration({ id: 'r-new', ...(options.body as Partial<LtiRegistration>), status: 'approved' });
      registrations.push(created);
      return created;
    }
    if (route === lmsRoutes.approveLtiRegistration)
      return Object.assign(find(), { status: 'approved', schoolId: (options.body as { schoolId: string }).schoolId });
    if (route === lmsRoutes.disableLtiRegistration) return Object.assign(find(), { status: 'disabled' });
    return {};
  };
  return registrations;
}

async function renderScreen(refuse?: (route: RouteSpec, options: CallOptions) => unknown, lang = 'en', extra: LtiRegistration[] = []) {
  const api = new FakeConsoleApi(sessionFor('organization-admin'));
  fakeServer(api, refuse, extra);
  const el = await fixture<ConsoleLms>(html`<console-lms .api=${api} .session=${api.session!} lang=${lang}></console-lms>`);
  await waitUntil(() => el.list !== undefined || el.listError, 'the list never loaded');
  await el.updateComplete;
  return { el, api };
}

async function fillManualForm(el: ConsoleLms) {
  await type(root(el), 'lti-platform-name', 'Schoology', el);
  await type(root(el), 'lti-issuer', 'https://schoology.schoology.com', el);
  await type(root(el), 'lti-client-id', '7011234', el);
  await type(root(el), 'lti-deployment-0', '7011234-12-1', el);
  await type(root(el), 'lti-auth-endpoint', 'https://lti-service.svc.schoology.com/lti-service/authorize-redirect', el);
  await type(root(el), 'lti-token-endpoint', 'https://lti-service.svc.schoology.com/lti-service/access-token', el);
  await type(root(el), 'lti-jwks-uri', 'https://lti-service.svc.schoology.com/lti-service/.well-known/jwks', el);
  await choose(root(el), 'lti-school', 's2', el);
}

const submit = async (el: ConsoleLms) => {
  $<HTMLButtonElement>(el, '#register button[type="submit"]')!.click();
  await settle(el);
};

describe('<console-lms>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('lists waiting connections first, says how many, and names each status, platform, issuer, client, deployments and school', async () => {
    const { el } = await renderScreen();
    const rows = [...root(el).querySelectorAll('.registration')];
    expect(rows.map((r) => r.getAttribute('data-registration'))).to.deep.equal(['r-moodle', 'r-canvas', 'r-d2l']);
    expect(text($(el, '#pending-count'))).to.equal('1 LMS is waiting for approval.');
    expect(text(row(el, 'r-moodle').querySelector('.status'))).to.equal('Waiting for approval');
    expect(text(row(el, 'r-canvas').querySelector('.status'))).to.equal('Connected');
    expect(text(row(el, 'r-d2l').querySelector('.status'))).to.equal('Disabled');
    const canvas = text(row(el, 'r-canvas'));
    for (const shown of ['Canvas', 'https://canvas.instructure.com', '10000000000001', '1:abc', 'Lincoln Elementary'])
      expect(canvas).to.contain(shown);
    expect(text(row(el, 'r-d2l').querySelector('h3')), 'an unnamed LMS goes by its host').to.equal('d2l.lincoln.example');
    expect(text(row(el, 'r-moodle'))).to.contain('Not chosen yet');
    expect(buttonNamed(row(el, 'r-d2l'), 'Disable d2l.lincoln.example'), 'a disabled one offers no Disable').to.equal(undefined);
    expect(buttonNamed(row(el, 'r-d2l'), 'Turn on again: d2l.lincoln.example'), 'but can be turned on again').to.not.equal(undefined);
    expect(buttonNamed(row(el, 'r-moodle'), 'Disable Moodle'), 'a waiting one can be refused').to.not.equal(undefined);
  });

  it('refuses an incomplete manual registration in the browser, keeping what was typed', async () => {
    const { el, api } = await renderScreen();
    await type(root(el), 'lti-platform-name', 'Schoology', el);
    await type(root(el), 'lti-issuer', 'http://schoology.example', el);
    await type(root(el), 'lti-client-id', '  7011234 ', el);
    await type(root(el), 'lti-auth-endpoint', 'not an address', el);
    await type(root(el), 'lti-token-endpoint', 'http://localhost:8080/token', el);
    await submit(el);
    expect(api.callsTo(lmsRoutes.createLtiRegistration)).to.have.length(0);
    expect(errorOf(el, 'lti-issuer')).to.equal('Use an address that starts with https:// (http:// works only for localhost).');
    expect(errorOf(el, 'lti-auth-endpoint')).to.equal('Enter a whole web address, starting with https://.');
    expect(errorOf(el, 'lti-token-endpoint'), 'http is fine on localhost').to.equal('');
    expect(errorOf(el, 'lti-jwks-uri')).to.equal("Enter the address of the LMS's public keys (JWKS).");
    expect(errorOf(el, 'lti-deployment-0')).to.equal('Enter at least one deployment ID from the LMS.');
    expect(errorOf(el, 'lti-school')).to.equal('Choose the school this LMS is for.');
    expect($(el, '#lti-issuer')!.getAttribute('aria-describedby')).to.contain('lti-issuer-error');
    expect(deepActiveElement(), 'focus is on the first field to fix').to.equal($(el, '#lti-deployment-0'));
    expect(value(el, 'lti-platform-name')).to.equal('Schoology');
    expect(value(el, 'lti-issuer')).to.equal('http://schoology.example');
    expect(value(el, 'lti-client-id')).to.equal('  7011234 ');
  });

  it("fills in Schoology's and Blackboard's published addresses, Blackboard's once its client ID is known", async () => {
    const { el } = await renderScreen();
    buttonNamed(root(el), "Fill in Schoology's addresses")!.click();
    await waitUntil(() => el.announcement !== '');
    expect(value(el, 'lti-issuer')).to.equal('https://schoology.schoology.com');
    expect(value(el, 'lti-auth-endpoint')).to.equal('https://lti-service.svc.schoology.com/lti-service/authorize-redirect');
    expect(value(el, 'lti-token-endpoint')).to.equal('https://lti-service.svc.schoology.com/lti-service/access-token');
    expect(value(el, 'lti-jwks-uri')).to.equal('https://lti-service.svc.schoology.com/lti-service/.well-known/jwks');
    expect(value(el, 'lti-platform-name')).to.equal('Schoology');
    expect(text($(el, '#lms-announcement'))).to.equal(
      'The issuer and addresses of Schoology are filled in. Check them against what the LMS shows.',
    );

    await type(root(el), 'lti-platform-name', '', el);
    buttonNamed(root(el), "Fill in Blackboard's addresses")!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(errorOf(el, 'lti-client-id')).to.contain('Enter the application ID from Blackboard first');
    expect(deepActiveElement()).to.equal($(el, '#lti-client-id'));
    expect(value(el, 'lti-issuer'), 'nothing changed yet').to.equal('https://schoology.schoology.com');

    await type(root(el), 'lti-client-id', 'a1b2-c3', el);
    buttonNamed(root(el), "Fill in Blackboard's addresses")!.click();
    await waitUntil(() => el.announcement.includes('Blackboard'));
    expect(errorOf(el, 'lti-client-id')).to.equal('');
    expect(value(el, 'lti-issuer')).to.equal('https://blackboard.com');
    expect(value(el, 'lti-auth-endpoint')).to.equal('https://developer.blackboard.com/api/v1/gateway/oidcauth');
    expect(value(el, 'lti-token-endpoint')).to.equal('https://developer.blackboard.com/api/v1/gateway/oauth2/jwttoken');
    expect(value(el, 'lti-jwks-uri')).to.equal('https://developer.blackboard.com/api/v1/management/applications/a1b2-c3/jwks.json');
    expect(value(el, 'lti-platform-name')).to.equal('Blackboard Learn');
  });

  it('registers an LMS by hand with several deployments, then shows it connected and focuses the result', async () => {
    const { el, api } = await renderScreen();
    await fillManualForm(el);
    buttonNamed(root(el), 'Add another deployment ID')!.click();
    await el.updateComplete;
    expect(deepActiveElement(), 'the new row takes focus').to.equal($(el, '#lti-deployment-1'));
    await type(root(el), 'lti-deployment-1', '7011234-12-1', el);
    await submit(el);
    expect(errorOf(el, 'lti-deployment-1')).to.equal('This deployment ID is already in the list.');
    await type(root(el), 'lti-deployment-1', '7011234-13-1', el);
    buttonNamed(root(el), 'Add another deployment ID')!.click();
    await el.updateComplete;
    await type(root(el), 'lti-deployment-2', 'typed by mistake', el);
    buttonNamed(root(el), 'Remove: typed by mistake')!.click();
    await el.updateComplete;
    expect($(el, '#lti-deployment-2'), 'the row is gone').to.equal(null);
    expect(deepActiveElement(), 'focus stays in the list').to.equal($(el, '#lti-deployment-1'));
    buttonNamed(root(el), 'Add another deployment ID')!.click();
    await el.updateComplete;
    await submit(el);
    expect(api.callsTo(lmsRoutes.createLtiRegistration)[0]!.options.body).to.deep.equal({
      platformName: 'Schoology',
      issuer: 'https://schoology.schoology.com',
      clientId: '7011234',
      deploymentIds: ['7011234-12-1', '7011234-13-1'],
      authorizationEndpoint: 'https://lti-service.svc.schoology.com/lti-service/authorize-redirect',
      tokenEndpoint: 'https://lti-service.svc.schoology.com/lti-service/access-token',
      jwksUri: 'https://lti-service.svc.schoology.com/lti-service/.well-known/jwks',
      schoolId: 's2',
    });
    expect(text($(el, '#lms-result'))).to.equal('Schoology is connected.');
    expect(deepActiveElement()).to.equal($(el, '#lms-result'));
    expect(text(row(el, 'r-new').querySelector('.status'))).to.equal('Connected');
    expect(text(row(el, 'r-new'))).to.contain('Lincoln Middle');
    expect(value(el, 'lti-issuer'), 'the form is ready for the next LMS').to.equal('');
  });

  it('shows the server’s refused fields next to them, keeping what was typed', async () => {
    const { el, api } = await renderScreen((route) =>
      route === lmsRoutes.createLtiRegistration ? new ConsoleError('invalid', 422, 0, ['/jwksUri', '/deploymentIds/0']) : undefined,
    );
    await fillManualForm(el);
    await submit(el);
    expect(api.callsTo(lmsRoutes.createLtiRegistration)).to.have.length(1);
    expect(text($(el, '#register .alert'))).to.equal('Some of this could not be saved. Check the marked fields.');
    expect(errorOf(el, 'lti-jwks-uri')).to.contain('Tandem cannot use this address.');
    expect(errorOf(el, 'lti-deployment-0')).to.contain('Tandem could not accept this deployment ID');
    expect(errorOf(el, 'lti-issuer')).to.equal('');
    expect(deepActiveElement()).to.equal($(el, '#lti-deployment-0'));
    expect(value(el, 'lti-jwks-uri')).to.equal('https://lti-service.svc.schoology.com/lti-service/.well-known/jwks');
    expect($<HTMLSelectElement>(el, '#lti-school')!.value).to.equal('s2');
    expect(root(el).querySelector('[data-registration="r-new"]'), 'nothing was added').to.equal(null);
  });

  it('says when the LMS is already connected (the server refuses its client ID)', async () => {
    const { el } = await renderScreen((route) =>
      route === lmsRoutes.createLtiRegistration ? new ConsoleError('invalid', 422, 0, ['/clientId']) : undefined,
    );
    await fillManualForm(el);
    await submit(el);
    expect(errorOf(el, 'lti-client-id')).to.equal(
      'An LMS with this issuer and client ID is already connected. Look for it in the list above.',
    );
    expect(deepActiveElement()).to.equal($(el, '#lti-client-id'));
    expect(value(el, 'lti-client-id')).to.equal('7011234');
  });

  it('approves a waiting LMS only once its school is chosen', async () => {
    const { el, api } = await renderScreen();
    const moodle = row(el, 'r-moodle');
    buttonNamed(moodle, 'Approve Moodle')!.click();
    await el.updateComplete;
    expect(api.callsTo(lmsRoutes.approveLtiRegistration)).to.have.length(0);
    expect(errorOf(el, 'approve-school-r-moodle')).to.equal('Choose the school this LMS is for, then approve it.');
    expect(deepActiveElement()).to.equal($(el, '#approve-school-r-moodle'));

    await choose(root(el), 'approve-school-r-moodle', 's2', el);
    buttonNamed(moodle, 'Approve Moodle')!.click();
    await settle(el);
    const [call] = api.callsTo(lmsRoutes.approveLtiRegistration);
    expect(call!.options.params).to.deep.equal({ registrationId: 'r-moodle' });
    expect(call!.options.body).to.deep.equal({ schoolId: 's2' });
    expect(text($(el, '#lms-result'))).to.equal('Moodle is connected for Lincoln Middle.');
    expect(deepActiveElement()).to.equal($(el, '#lms-result'));
    expect(text(row(el, 'r-moodle').querySelector('.status'))).to.equal('Connected');
    expect($(el, '#pending-count'), 'nothing waits any more').to.equal(null);
  });

  it('approves a Canvas that named no deployment yet, saying the first launch records it', async () => {
    const dynamicCanvas = registration({
      id: 'r-canvas-dr',
      clientId: '10000000000002',
      deploymentIds: [],
      status: 'pending',
      platformName: 'canvas (lincoln.instructure.com)',
      createdAt: '2026-03-01T00:00:00Z',
    });
    const { el, api } = await renderScreen(undefined, 'en', [dynamicCanvas]);
    const waiting = row(el, 'r-canvas-dr');
    expect(text(waiting)).to.contain('None yet. Tandem records it at the first launch from the LMS.');
    await choose(root(el), 'approve-school-r-canvas-dr', 's1', el);
    buttonNamed(waiting, 'Approve canvas (lincoln.instructure.com)')!.click();
    await settle(el);
    expect(api.callsTo(lmsRoutes.approveLtiRegistration)[0]!.options.params).to.deep.equal({ registrationId: 'r-canvas-dr' });
    expect(text(row(el, 'r-canvas-dr').querySelector('.status'))).to.equal('Connected');
    expect(text($(el, '#lms-result'))).to.equal('canvas (lincoln.instructure.com) is connected for Lincoln Elementary.');
    await expect(el).to.be.accessible();
  });

  it('says why an approval was refused on the row', async () => {
    const { el } = await renderScreen((route) =>
      route === lmsRoutes.approveLtiRegistration ? new ConsoleError('forbidden', 403, 0, []) : undefined,
    );
    await choose(root(el), 'approve-school-r-moodle', 's1', el);
    buttonNamed(row(el, 'r-moodle'), 'Approve Moodle')!.click();
    await settle(el);
    const alert = row(el, 'r-moodle').querySelector('.alert');
    expect(text(alert)).to.equal('Only an organization admin can manage LMS connections.');
    expect(deepActiveElement()).to.equal(alert);
    expect(text(row(el, 'r-moodle').querySelector('.status'))).to.equal('Waiting for approval');
  });

  it('turns a disabled connection on again for its school', async () => {
    const { el, api } = await renderScreen();
    await choose(root(el), 'approve-school-r-d2l', 's1', el);
    buttonNamed(row(el, 'r-d2l'), 'Turn on again: d2l.lincoln.example')!.click();
    await settle(el);
    expect(api.callsTo(lmsRoutes.approveLtiRegistration)[0]!.options.body).to.deep.equal({ schoolId: 's1' });
    expect(text(row(el, 'r-d2l').querySelector('.status'))).to.equal('Connected');
    expect(text($(el, '#lms-result'))).to.equal('d2l.lincoln.example is connected for Lincoln Elementary.');
  });

  it('disables a connection only after confirming; Escape keeps it', async () => {
    const { el, api } = await renderScreen();
    buttonNamed(row(el, 'r-canvas'), 'Disable Canvas')!.click();
    await el.updateComplete;
    expect(deepActiveElement(), 'the question is read first').to.equal($(el, '#disable-question-r-canvas'));
    expect(text($(el, '#disable-question-r-canvas'))).to.contain('Disable Canvas?');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(api.callsTo(lmsRoutes.disableLtiRegistration)).to.have.length(0);
    expect(deepActiveElement()).to.equal(buttonNamed(row(el, 'r-canvas'), 'Disable Canvas'));

    buttonNamed(row(el, 'r-canvas'), 'Disable Canvas')!.click();
    await el.updateComplete;
    buttonNamed(row(el, 'r-canvas'), 'Yes, disable it')!.click();
    await settle(el);
    expect(api.callsTo(lmsRoutes.disableLtiRegistration)[0]!.options.params).to.deep.equal({ registrationId: 'r-canvas' });
    expect(text(row(el, 'r-canvas').querySelector('.status'))).to.equal('Disabled');
    expect(text($(el, '#lms-result'))).to.contain('Canvas is disabled.');
    expect(deepActiveElement()).to.equal($(el, '#lms-result'));
  });

  it('says in the row when the server refuses an action', async () => {
    const { el } = await renderScreen((route) =>
      route === lmsRoutes.disableLtiRegistration ? new ConsoleError('server', 404) : undefined,
    );
    buttonNamed(row(el, 'r-canvas'), 'Disable Canvas')!.click();
    await el.updateComplete;
    buttonNamed(row(el, 'r-canvas'), 'Yes, disable it')!.click();
    await settle(el);
    const alert = row(el, 'r-canvas').querySelector('.alert');
    expect(text(alert)).to.equal('This connection no longer exists. Reload the page to see the current list.');
    expect(deepActiveElement()).to.equal(alert);
    expect(text(row(el, 'r-canvas').querySelector('.status'))).to.equal('Connected');
  });

  it('shows the registration URL and tool URLs, and copies them with an announcement', async () => {
    const { el } = await renderScreen();
    expect(value(el, 'lms-registration-url')).to.equal(TOOL.registrationUrl);
    expect(value(el, 'lms-login-url')).to.equal(TOOL.loginUrl);
    expect(value(el, 'lms-redirect-url')).to.equal(TOOL.redirectUrl);
    expect(value(el, 'lms-jwks-url')).to.equal(TOOL.jwksUrl);
    expect(value(el, 'lms-target-url')).to.equal(TOOL.targetLinkUrl);
    expect(value(el, 'lms-config-url')).to.equal(TOOL.configUrl);
    expect(value(el, 'lms-domain')).to.equal('tandem.lincoln.example');
    expect([...root(el).querySelectorAll('details summary')].map(text)).to.deep.equal([
      'Canvas',
      'Moodle',
      'Brightspace (D2L)',
      'Schoology',
      'Blackboard Learn',
    ]);

    // The browser's real clipboard, watched on its way through: `written` holds what it accepted.
    const written: string[] = [];
    const original = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (data: string) => {
      return original(data).then(() => void written.push(data));
    };
    try {
      const copy = buttonNamed(root(el), 'Copy: Registration URL')!;
      // A real key press: browsers let a page write to the clipboard only on a person's action.
      copy.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.copiedField === 'lms-registration-url', 'never said Copied');
      await el.updateComplete;
      expect(written).to.deep.equal([TOOL.registrationUrl]);
      expect(text(copy)).to.equal('Copied');
      expect(text($(el, '#lms-announcement'))).to.equal('Copied: Registration URL');
      expect($(el, '#lms-announcement')!.getAttribute('aria-live')).to.equal('polite');
      expect(deepActiveElement(), 'focus stays on the button').to.equal(copy);

      buttonNamed(root(el), 'Copy: Public keys (JWKS) URL')!.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => el.copiedField === 'lms-jwks-url');
      expect(written).to.deep.equal([TOOL.registrationUrl, TOOL.jwksUrl]);
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('selects the address to copy by hand when the browser refuses to copy', async () => {
    const { el } = await renderScreen();
    const writeText = navigator.clipboard.writeText;
    const execCommand = document.execCommand;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('blocked', 'NotAllowedError'));
    document.execCommand = () => false;
    try {
      buttonNamed(root(el), 'Copy: Login initiation URL (OIDC login)')!.click();
      await waitUntil(() => el.announcement !== '');
      await el.updateComplete;
      expect(text($(el, '#lms-announcement'))).to.contain('Could not copy. The address is selected');
      const input = $<HTMLInputElement>(el, '#lms-login-url')!;
      expect(deepActiveElement()).to.equal(input);
      expect(input.value.slice(input.selectionStart!, input.selectionEnd!)).to.equal(TOOL.loginUrl);
    } finally {
      navigator.clipboard.writeText = writeText;
      document.execCommand = execCommand;
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await setViewport({ width: 360, height: 740 });
    const { el } = await renderScreen();
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const field = $(el, '#lms-registration-url')!.getBoundingClientRect();
    expect(field.right).to.be.at.most(360);
  });

  it('speaks the console language: Spanish', async () => {
    const { el } = await renderScreen(undefined, 'es');
    await waitUntil(() => text($(el, 'h1')) === 'Conexiones con el LMS', `heading stayed ${text($(el, 'h1'))}`);
    expect(text(row(el, 'r-moodle').querySelector('.status'))).to.equal('Pendiente de aprobación');
    expect(buttonNamed(root(el), 'Conectar este LMS')).to.not.equal(undefined);
  });

  it('[axe] is accessible with errors and a confirmation showing, in English and in Arabic (RTL)', async () => {
    const { el } = await renderScreen();
    for (const details of root(el).querySelectorAll('details')) details.open = true;
    await submit(el);
    buttonNamed(row(el, 'r-canvas'), 'Disable Canvas')!.click();
    await el.updateComplete;
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    await expectAxeClean(el);
  });
});
