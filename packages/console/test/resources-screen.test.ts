/** <console-resources>: building a resource in two languages, checks that keep input, translation, publishing, snippets, preview, HSDS and axe. */
import { expect, waitUntil } from '@open-wc/testing';
import { expectAxeClean } from '@tandem/core/testing.js';
import { routes, type ResourceInput, type ResourcePatch } from '@tandem/protocol';
import { ConsoleError } from '../src/console-client.js';
import { text } from './console-fakes.js';
import { $, $$, focused, makeResource, openResources, pick, ResourcesApi, settle, typeIn } from './resources-helpers.js';

afterEach(() => history.replaceState(null, '', '#'));

/** Fills what a resource needs, English beside Spanish. */
async function fillBasics(el: Awaited<ReturnType<typeof openResources>>) {
  await typeIn(el, 'name-en', 'Eastside Food Shelf');
  await typeIn(el, 'name-es', 'Banco de Alimentos Eastside');
  await typeIn(el, 'organization', 'Eastside Neighbors');
  await typeIn(el, 'description-en', 'Free groceries once a week.');
  await typeIn(el, 'description-es', 'Comestibles gratis una vez por semana.');
  const phone = $<HTMLInputElement>(el, 'input[type="tel"]')!;
  await typeIn(el, phone.id, '651-555-0110');
  await typeIn(el, 'time-zone', 'America/Chicago');
}

describe('<console-resources> list', () => {
  it('lists resources with status, schools, languages and family feedback', async () => {
    const api = new ResourcesApi();
    api.resources.set('food-shelf', makeResource());
    api.resources.set('tutoring', makeResource({ id: 'tutoring', name: { en: 'Homework Club' }, status: 'draft', schoolIds: [] }));
    const el = await openResources(api, '#/resources');
    const rows = $$(el, 'tbody tr').map((r) => text(r));
    expect(rows[0]).to.contain('Eastside Food Shelf').and.contain('Published').and.contain('Lincoln Elementary');
    expect(rows[0]).to.contain('3 helpful, 1 not helpful');
    expect(rows[1]).to.contain('Homework Club').and.contain('Draft').and.contain('Every school');
    expect($(el, '[data-row="food-shelf"] a')!.getAttribute('href')).to.equal('#/resources/food-shelf');
  });
});

describe('<console-resources> builder', () => {
  it('says so when the resource does not exist or is not shared with the staff member', async () => {
    const api = new ResourcesApi();
    const answer = api.answer;
    api.answer = (route, options) => {
      if (route === routes.getResource) throw new ConsoleError('server', 404);
      return answer(route, options);
    };
    const el = await openResources(api, '#/resources/elsewhere');
    expect(text($(el, '.alert'))).to.contain('not shared with your schools');
    expect($(el, 'a[href="#/resources"]')).to.not.equal(null);
  });

  it('builds a resource in English and Spanish by keyboard, with opening hours, and saves it once', async () => {
    const api = new ResourcesApi();
    const el = await openResources(api, '#/resources/new');
    expect($<HTMLInputElement>(el, '#name-es')!.dir).to.equal('ltr');
    expect($(el, '#name-es')!.getAttribute('lang')).to.equal('es');
    await fillBasics(el);
    await typeIn(el, 'fees-en', 'Free');
    await typeIn(el, 'fees-es', 'Gratis');

    // Opening hours by keyboard: add Monday, the new opening's first field takes focus.
    $<HTMLButtonElement>(el, '#add-hours-1')!.click();
    await settle(el);
    const opens = focused(el) as HTMLInputElement;
    expect(opens.type).to.equal('time');
    await typeIn(el, opens.id, '10:00');
    await typeIn(el, opens.id.replace('-opens', '-closes'), '18:00');
    $<HTMLButtonElement>(el, '[data-action="copy-monday"]')!.click();
    await settle(el);
    expect($$(el, '[data-weekday="5"] .hours-row')).to.have.length(1);
    // Remove Friday's again: focus returns to Friday's Add button.
    $<HTMLButtonElement>(el, '[data-weekday="5"] [data-remove-hours]')!.click();
    await settle(el);
    expect(focused(el)?.id).to.equal('add-hours-5');

    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.callsTo(routes.createResource).length === 1);
    await settle(el);
    const [body] = api.bodiesOf(routes.createResource) as ResourceInput[];
    expect(body!.name).to.deep.equal({ en: 'Eastside Food Shelf', es: 'Banco de Alimentos Eastside' });
    expect(body!.fees).to.deep.equal({ en: 'Free', es: 'Gratis' });
    expect(body!.phones).to.deep.equal([{ number: '651-555-0110', type: 'voice' }]);
    expect(body!.schoolIds, 'a staff member starts with their own schools').to.deep.equal(['s1', 's2']);
    expect(body!.schedule!.regular.map((h) => h.weekday)).to.deep.equal([1, 2, 3, 4]);
    expect(body!.schedule!.regular[0]).to.deep.equal({ weekday: 1, opensAt: '10:00', closesAt: '18:00' });
    expect(api.callsTo(routes.createResource)[0]!.options.idempotencyKey).to.be.a('string');
    expect(location.hash).to.equal('#/resources/r1');
    expect(text($(el, '#notice'))).to.equal('Saved.');

    // A second save edits the same resource rather than making another.
    await typeIn(el, 'name-es', 'Banco de Alimentos del Este');
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.callsTo(routes.updateResource).length === 1);
    expect(api.callsTo(routes.createResource)).to.have.length(1);
    expect(api.resources.get('r1')!.name.es).to.equal('Banco de Alimentos del Este');
  });

  it('checks the form, focuses the first field to fix and keeps everything typed', async () => {
    const api = new ResourcesApi();
    const el = await openResources(api, '#/resources/new');
    await typeIn(el, 'name-es', 'Banco de Alimentos');
    await typeIn(el, 'email', 'not-an-email');
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await settle(el);
    expect(api.callsTo(routes.createResource), 'nothing is sent').to.have.length(0);
    expect(focused(el)?.id).to.equal('name-en');
    expect($(el, '#name-en')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#name-en-error'))).to.contain('Write this in English');
    expect(text($(el, '#email-error'))).to.contain('email address');
    expect($<HTMLInputElement>(el, '#name-es')!.value).to.equal('Banco de Alimentos');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('not-an-email');

    // Fixing a field takes its error away.
    await typeIn(el, 'name-en', 'Food Shelf');
    expect($(el, '#name-en-error')).to.equal(null);
  });

  it('lets an organization admin share a resource with every school, and asks other staff for one of theirs', async () => {
    const admin = await openResources(new ResourcesApi('organization-admin'), '#/resources/new');
    expect($$<HTMLInputElement>(admin, 'input[name="school"]').filter((box) => box.checked)).to.have.length(0);
    expect(text($(admin, '#schools-hint'))).to.contain('every school');

    const api = new ResourcesApi('staff');
    const el = await openResources(api, '#/resources/new');
    await fillBasics(el);
    for (const box of $$<HTMLInputElement>(el, 'input[name="school"]')) {
      box.click();
      await settle(el);
    }
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await settle(el);
    expect(api.callsTo(routes.createResource)).to.have.length(0);
    expect(text($(el, '#schools-error'))).to.equal('Choose at least one of your schools.');
    expect(focused(el)?.getAttribute('name')).to.equal('school');
    history.replaceState(null, '', '#/resources');
    const list = await openResources(api, '#/resources');
    expect($(list, '#import-form'), 'HSDS files are for organization admins').to.equal(null);
  });

  it("shows the server's field errors next to their fields and keeps what was typed", async () => {
    const api = new ResourcesApi();
    const el = await openResources(api, '#/resources/new');
    await fillBasics(el);
    await typeIn(el, 'url', 'https://food.example.org/');
    api.refuseNext = ['/url', '/schoolIds/0'];
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => $(el, '#url-error'));
    await settle(el);
    expect(text($(el, '#url-error'))).to.contain('https://');
    expect($(el, '#url')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#schools-error'))).to.contain('not in your organization');
    expect(text($(el, '#form-error'))).to.contain('what you typed is kept');
    expect($<HTMLInputElement>(el, '#url')!.value).to.equal('https://food.example.org/');
    expect($<HTMLInputElement>(el, '#name-es')!.value).to.equal('Banco de Alimentos Eastside');
    expect(focused(el)?.getAttribute('aria-invalid'), 'focus is on a field to fix').to.equal('true');
    expect(location.hash, 'nothing was made').to.equal('#/resources/new');
  });

  it('translates missing languages into empty fields only, marks them, and "Mark reviewed" clears the mark', async () => {
    const api = new ResourcesApi();
    api.translate = ({ to, texts }) => ({
      provider: 'stub',
      from: 'en',
      targets: to.map((locale) => ({ locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) })),
    });
    const el = await openResources(api, '#/resources/new');
    await fillBasics(el);
    await typeIn(el, 'eligibility-en', 'Anyone in the district.');
    $<HTMLButtonElement>(el, '[data-action="translate"]')!.click();
    await waitUntil(() => text($(el, '#notice')).includes('Filled in'));
    await settle(el);
    expect($<HTMLInputElement>(el, '#name-es')!.value, 'what a person typed stays').to.equal('Banco de Alimentos Eastside');
    expect($<HTMLTextAreaElement>(el, '#eligibility-es')!.value).to.equal('[es] Anyone in the district.');
    const [request] = api.bodiesOf(routes.translateContent) as { from: string; to: string[]; texts: string[] }[];
    expect(request!.from).to.equal('en');
    expect(request!.to).to.include('es').and.not.include('en');
    expect(request!.texts).to.include('Anyone in the district.').and.not.include('Banco de Alimentos Eastside');

    await pick(el, 'second-locale', 'ar');
    const arName = $<HTMLInputElement>(el, '#name-ar')!;
    expect(arName.value).to.equal('[ar] Eastside Food Shelf');
    expect(arName.dir).to.equal('rtl');
    expect(text(el.shadowRoot!.getElementById(arName.getAttribute('aria-describedby')!))).to.contain('Machine translated');
    $<HTMLButtonElement>(el, '[data-review="name"]')!.click();
    await settle(el);
    expect($(el, '[data-review="name"]')).to.equal(null);
    expect(focused(el)?.id).to.equal('name-ar');
    expect($$(el, '[data-review]').length, 'other texts stay marked').to.be.greaterThan(0);
  });

  it('saves machine-translation marks with the resource and shows them again when it is reopened', async () => {
    const api = new ResourcesApi();
    api.translate = ({ to, texts }) => ({
      provider: 'stub',
      from: 'en',
      targets: to.map((locale) => ({ locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) })),
    });
    const el = await openResources(api, '#/resources/new');
    await fillBasics(el);
    await typeIn(el, 'eligibility-en', 'Anyone in the district.');
    $<HTMLButtonElement>(el, '[data-action="translate"]')!.click();
    await waitUntil(() => text($(el, '#notice')).includes('Filled in'));
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.callsTo(routes.createResource).length === 1);
    await settle(el);
    const [created] = api.bodiesOf(routes.createResource) as ResourceInput[];
    expect(created!.machineTranslated!['eligibility']).to.include('es').and.include('ar');
    expect(created!.machineTranslated!['name'], 'the Spanish name was typed by a person').to.not.include('es');

    // Reviewed in Spanish, then saved: the edit sends marks without it, so the server forgets it too.
    $<HTMLButtonElement>(el, '[data-review="eligibility"]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.callsTo(routes.updateResource).length === 1);
    const [edited] = api.bodiesOf(routes.updateResource) as ResourcePatch[];
    expect(edited!.machineTranslated!['eligibility']).to.include('ar');
    expect(edited!.machineTranslated!['eligibility']).to.not.include('es');

    // Opened again (a new visit): the marks come from the server.
    const again = await openResources(api, '#/resources/r1');
    await pick(again, 'second-locale', 'ar');
    const arEligibility = $<HTMLTextAreaElement>(again, '#eligibility-ar')!;
    expect(arEligibility.getAttribute('aria-describedby')).to.contain('eligibility-ar-mt');
    expect(text($(again, '#eligibility-ar-mt'))).to.contain('Machine translated');
    await pick(again, 'second-locale', 'es');
    expect($(again, '[data-review="eligibility"]'), 'the reviewed Spanish stays reviewed').to.equal(null);
  });

  it("loads and sends a phone's marks by the phone's position, as the API keys them", async () => {
    const api = new ResourcesApi();
    api.resources.set(
      'food-shelf',
      makeResource({
        phones: [
          { number: '651-555-0110', type: 'voice' },
          { number: '651-555-0111', type: 'voice', description: { en: 'Spanish line', es: 'Línea en español' } },
        ],
        machineTranslated: { 'phone:1': ['es'] },
      }),
    );
    const el = await openResources(api, '#/resources/food-shelf');
    expect($$(el, '[data-review^="phone:"]'), 'the second phone is marked').to.have.length(1);
    // Removing the first phone moves the marked one to position 0.
    $<HTMLButtonElement>(el, '[data-remove-phone]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.callsTo(routes.updateResource).length === 1);
    const [body] = api.bodiesOf(routes.updateResource) as ResourcePatch[];
    expect(body!.phones!.map((p) => p.number)).to.deep.equal(['651-555-0111']);
    expect(body!.machineTranslated).to.deep.equal({ 'phone:0': ['es'] });
  });

  it('explains when the server has no translation service and changes nothing', async () => {
    const el = await openResources(new ResourcesApi(), '#/resources/new');
    await fillBasics(el);
    $<HTMLButtonElement>(el, '[data-action="translate"]')!.click();
    await waitUntil(() => $(el, '#form-error'));
    expect(text($(el, '#form-error'))).to.contain('No translation service');
    expect($<HTMLTextAreaElement>(el, '#eligibility-es')!.value).to.equal('');
  });

  it('publishes after saving, and unpublishes, each after a confirmation', async () => {
    const api = new ResourcesApi();
    const el = await openResources(api, '#/resources/new');
    await fillBasics(el);
    $<HTMLButtonElement>(el, '[data-action="publish"]')!.click();
    await settle(el);
    expect(focused(el)?.id).to.equal('confirm-heading');
    $<HTMLButtonElement>(el, '[data-action="confirm"]')!.click();
    await waitUntil(() => api.callsTo(routes.publishResource).length === 1);
    await settle(el);
    expect(api.callsTo(routes.createResource)).to.have.length(1);
    expect(api.resources.get('r1')!.status).to.equal('published');
    expect(text($(el, '.heading-row .status'))).to.equal('Published');
    expect(text($(el, '#notice'))).to.contain('Published');

    $<HTMLButtonElement>(el, '[data-action="unpublish"]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="back"][type="button"]')!.click();
    await settle(el);
    expect(api.callsTo(routes.unpublishResource), '"Go back" changes nothing').to.have.length(0);
    expect(focused(el)?.getAttribute('data-action')).to.equal('unpublish');
    $<HTMLButtonElement>(el, '[data-action="unpublish"]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="confirm"]')!.click();
    await waitUntil(() => api.callsTo(routes.unpublishResource).length === 1);
    await settle(el);
    expect(api.resources.get('r1')!.status).to.equal('draft');
    expect(text($(el, '.heading-row .status'))).to.equal('Draft');
  });

  it('empties optional fields for good: an edit sends them as null, and a list as empty', async () => {
    const api = new ResourcesApi();
    api.resources.set(
      'food-shelf',
      makeResource({ email: 'food@example.org', url: 'https://food.example.org/', fees: { en: 'Free' }, categories: ['health'] }),
    );
    const el = await openResources(api, '#/resources/food-shelf');
    await typeIn(el, 'email', '');
    await typeIn(el, 'url', '');
    await typeIn(el, 'fees-en', '');
    $<HTMLInputElement>(el, 'input[name="category-also"][value="health"]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await waitUntil(() => api.callsTo(routes.updateResource).length === 1);
    await settle(el);
    const [body] = api.bodiesOf(routes.updateResource) as ResourcePatch[];
    expect(body).to.include({ email: null, url: null, fees: null });
    expect(body!.name, 'what is filled is sent as usual').to.deep.equal(api.resources.get('food-shelf')!.name);
    const saved = api.resources.get('food-shelf')!;
    expect(saved.email).to.equal(undefined);
    expect(saved.url).to.equal(undefined);
    expect(saved.fees).to.equal(undefined);
    expect(saved.categories, 'a list can be emptied').to.deep.equal([]);
    expect(text($(el, '#notice'))).to.equal('Saved.');
    expect($<HTMLInputElement>(el, '#email')!.value, 'the form shows what was saved: nothing').to.equal('');
  });

  it('asks before leaving with unsaved changes, and keeps them when the staff member stays', async () => {
    const api = new ResourcesApi();
    api.resources.set('food-shelf', makeResource());
    const el = await openResources(api, '#/resources/food-shelf');
    await typeIn(el, 'name-es', 'Banco de Comida');
    $<HTMLAnchorElement>(el, 'a[data-action="back"]')!.click();
    await settle(el);
    expect(location.hash, 'still in the builder').to.equal('#/resources/food-shelf');
    expect(focused(el)?.id).to.equal('leave-heading');
    $<HTMLButtonElement>(el, '[data-action="stay"]')!.click();
    await settle(el);
    expect($(el, '#leave-heading')).to.equal(null);
    expect(focused(el)?.getAttribute('data-action')).to.equal('back');
    expect($<HTMLInputElement>(el, '#name-es')!.value).to.equal('Banco de Comida');

    $<HTMLAnchorElement>(el, 'a[data-action="back"]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-action="leave"]')!.click();
    await waitUntil(() => el.view === 'list' && $(el, '#list-heading'));
    expect(location.hash).to.equal('#/resources');
    expect(api.callsTo(routes.updateResource), 'nothing was saved').to.have.length(0);
  });

  it('copies the script and iframe snippets in one click', async () => {
    const api = new ResourcesApi();
    api.resources.set('food-shelf', makeResource());
    const el = await openResources(api, '#/resources/food-shelf');
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    try {
      $<HTMLButtonElement>(el, '[data-copy="embed-script"]')!.click();
      await waitUntil(() => copied.length === 1);
      await settle(el);
      expect(copied[0]).to.contain('<tandem-resource-card resource="food-shelf"></tandem-resource-card>').and.contain('/tandem.js');
      expect(text($(el, '#embed-heading')!.parentElement!.querySelector('[role="status"]'))).to.contain('Copied');
      $<HTMLButtonElement>(el, '[data-copy="embed-iframe"]')!.click();
      await waitUntil(() => copied.length === 2);
      expect(copied[1]).to.contain('/embed/resource-card/food-shelf').and.contain('<iframe');
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['clipboard'];
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('shows what families said about a saved resource', async () => {
    const api = new ResourcesApi();
    api.resources.set('food-shelf', makeResource());
    api.feedback = {
      resourceId: 'food-shelf',
      helpful: 5,
      notHelpful: 2,
      byLocale: [
        { locale: 'en', helpful: 2, notHelpful: 2 },
        { locale: 'es', helpful: 3, notHelpful: 0 },
      ],
      comments: [{ id: 'c1', helpful: true, locale: 'es', comment: 'Muy amables.', createdAt: '2030-01-03T00:00:00Z' }],
    };
    const el = await openResources(api, '#/resources/food-shelf');
    await waitUntil(() => $(el, '#feedback-total'));
    expect(text($(el, '#feedback-total'))).to.equal('5 found it helpful, 2 did not.');
    expect(text($(el, '[data-feedback-locale="es"]')))
      .to.contain('Español')
      .and.contain('3');
    expect($(el, '.comments p[lang="es"]')!.textContent).to.equal('Muy amables.');
  });

  it('previews the draft in the real resource card, in Spanish and in Arabic right to left', async () => {
    const api = new ResourcesApi();
    api.resources.set(
      'food-shelf',
      makeResource({ name: { en: 'Eastside Food Shelf', es: 'Banco de Alimentos Eastside', ar: 'بنك الطعام' } }),
    );
    const el = await openResources(api, '#/resources/food-shelf');
    await typeIn(el, 'description-es', 'Comida gratis cada martes.');
    await pick(el, 'preview-locale', 'es');
    const card = () => $(el, 'tandem-resource-card');
    await waitUntil(() => card()?.shadowRoot?.textContent?.includes('Banco de Alimentos Eastside'), 'Spanish preview', { timeout: 5000 });
    expect(card()!.shadowRoot!.textContent, 'unsaved changes show').to.contain('Comida gratis cada martes.');
    await pick(el, 'preview-locale', 'ar');
    await waitUntil(() => card()?.shadowRoot?.textContent?.includes('بنك الطعام'), 'Arabic preview', { timeout: 5000 });
    expect(card()!.getAttribute('lang')).to.equal('ar');
    expect($(el, '.preview-frame')!.getAttribute('dir')).to.equal('rtl');
  });

  it('imports an HSDS file and lists what was refused', async () => {
    const api = new ResourcesApi('organization-admin');
    api.importAnswer = {
      created: 1,
      updated: 0,
      refused: 1,
      items: [
        { index: 0, externalId: 'svc-1', resourceId: 'r9', outcome: 'created' },
        {
          index: 1,
          externalId: 'svc-2',
          outcome: 'refused',
          errors: [{ pointer: '/name', code: 'required', detail: 'A service needs a name.' }],
        },
      ],
    };
    const el = await openResources(api, '#/resources');
    const input = $<HTMLInputElement>(el, '#import-file')!;
    const files = new DataTransfer();
    files.items.add(
      new File([JSON.stringify({ services: [{ id: 'svc-1' }, { id: 'svc-2' }] })], 'directory.json', { type: 'application/json' }),
    );
    input.files = files.files;
    $<HTMLInputElement>(el, '#import-publish')!.click();
    $<HTMLButtonElement>(el, '[data-action="import"]')!.click();
    await waitUntil(() => $(el, '#import-result'));
    const [call] = api.callsTo(routes.importResources);
    expect(call!.options.body).to.deep.equal({ services: [{ id: 'svc-1' }, { id: 'svc-2' }] });
    expect(call!.options.query).to.deep.equal({ publish: 'true' });
    expect(text($(el, '#import-result')))
      .to.contain('1 new, 0 updated, 1 refused')
      .and.contain('svc-2')
      .and.contain('needs a name');

    files.items.clear();
    files.items.add(new File(['not json'], 'notes.txt'));
    input.files = files.files;
    $<HTMLButtonElement>(el, '[data-action="import"]')!.click();
    await waitUntil(() => $(el, '#import-error'));
    expect(text($(el, '#import-error'))).to.contain('notes.txt is not a JSON file');
    expect(api.callsTo(routes.importResources)).to.have.length(1);
  });

  it('speaks Spanish to a Spanish-speaking staff member, weekdays included', async () => {
    const el = await openResources(new ResourcesApi(), '#/resources/new', 'es');
    await waitUntil(() => text($(el, 'h1')) === 'Nuevo recurso', 'the screen is in Spanish');
    expect(text($(el, 'label[for="name-en"]'))).to.contain('Nombre');
    expect(text($(el, '[data-weekday="1"] legend'))).to.equal('lunes');
    $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
    await settle(el);
    expect(text($(el, '#form-error'))).to.contain('Revise los campos marcados');
  });

  it('exports HSDS JSON with the session cookie, and says so when the export fails', async () => {
    const el = await openResources(new ResourcesApi('organization-admin'), '#/resources');
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const realFetch = window.fetch;
    let status = 200;
    window.fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
      requests.push({ url: String(url), init });
      return new Response(status === 200 ? '{"contents":[]}' : 'oops', { status, headers: { 'content-type': 'application/json' } });
    };
    try {
      $<HTMLInputElement>(el, '#export-published')!.click();
      $<HTMLButtonElement>(el, '[data-action="export"]')!.click();
      await waitUntil(() => requests.length === 1);
      expect(requests[0]!.url).to.equal('/api/v1/resources/export.json?status=published');
      expect(requests[0]!.init?.credentials).to.equal('same-origin');
      status = 500;
      $<HTMLButtonElement>(el, '[data-action="export"]')!.click();
      await waitUntil(() => $(el, '#import-error'));
      expect(text($(el, '#import-error'))).to.contain('Something went wrong');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('[axe] the list and the builder are accessible in English and in Arabic (RTL), errors shown', async () => {
    for (const lang of ['en', 'ar']) {
      const api = new ResourcesApi();
      api.resources.set('food-shelf', makeResource());
      const list = await openResources(api, '#/resources', lang);
      await expectAxeClean(list);
      const el = await openResources(api, '#/resources/new', lang);
      $<HTMLButtonElement>(el, '#add-hours-1')!.click();
      await settle(el);
      $<HTMLButtonElement>(el, '[data-action="save"]')!.click();
      await settle(el);
      expect($$(el, '[aria-invalid="true"]').length).to.be.greaterThan(0);
      await expectAxeClean(el);
    }
  });
});
