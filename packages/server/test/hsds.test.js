// HSDS import and export through the staff API and the tandem-server CLI, and the demo district's resources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { validateResourceContent } from '@tandem/protocol';
import { demoResources, openDatabase, seedDemo } from '../dist/index.js';
import { countRows, createPublishedResource, createTenant, databaseTargets, sampleResourceInput, startApp } from './helpers.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** A district's HSDS 3 file as another system would write it: no Tandem extension, some gaps, one broken service. */
const districtFile = {
  contents: [
    {
      id: 'sp-food-1',
      name: 'Westside Pantry',
      description: 'Groceries every Saturday.',
      organization: { name: 'Westside Churches Together' },
      phones: [{ number: '(651) 555-0190', type: 'voice' }],
      languages: [{ code: 'es', name: 'Spanish' }, { name: 'Somali' }],
      attributes: [{ taxonomy_term: { code: 'food', name: 'Food', taxonomy: 'district' } }],
      schedules: [{ freq: 'WEEKLY', byday: 'SA', opens_at: '09:00:00', closes_at: '12:00:00' }],
      service_at_locations: [
        {
          location: {
            latitude: 44.93,
            longitude: -93.08,
            addresses: [
              {
                address_1: '200 Cesar Chavez St',
                city: 'Saint Paul',
                state_province: 'MN',
                postal_code: '55107',
                address_type: 'physical',
              },
            ],
          },
        },
      ],
    },
    {
      id: 'sp-tutor-2',
      name: 'Reading buddies',
      description: 'Volunteers read with kids.',
      organization: { name: 'Library Friends' },
      url: 'https://readingbuddies.example',
    },
    { id: 'sp-broken-3', description: 'No name, bad phone.', organization: { name: 'X' }, phones: [{ number: 'call us' }] },
  ],
};

for (const target of databaseTargets()) {
  describe(`HSDS import and export on ${target.name}`, () => {
    let ctx;
    let tenant;
    let outsider;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'hsds');
      outsider = await createTenant(ctx.db, 'hsds-other');
    });
    after(() => ctx.close());

    const importFile = (who, document, query = '') =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/resources/import${query}`, headers: who.auth, payload: document });

    it("imports a district's HSDS file: good services as drafts, broken ones refused with their errors", async () => {
      const response = await importFile(tenant, districtFile);
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json();
      assert.deepEqual([result.created, result.updated, result.refused], [2, 0, 1]);
      const broken = result.items.find((i) => i.externalId === 'sp-broken-3');
      assert.equal(broken.outcome, 'refused');
      assert.deepEqual(
        broken.errors.map((e) => `${e.pointer} ${e.code}`),
        ['/name required', '/phones/0/number invalid-format'],
      );
      const list = (await ctx.app.inject({ url: '/api/v1/resources', headers: tenant.auth })).json().items;
      const pantry = list.find((r) => r.externalId === 'sp-food-1');
      assert.equal(pantry.status, 'draft');
      assert.equal(pantry.category, 'food');
      assert.deepEqual(pantry.languages, ['es', 'so']);
      assert.deepEqual(pantry.schedule.regular, [{ weekday: 6, opensAt: '09:00', closesAt: '12:00' }]);
      assert.equal(pantry.location.postalCode, '55107');
      assert.match(pantry.location.mapUrl, /^https:\/\/www\.openstreetmap\.org\//);
      assert.equal(list.find((r) => r.externalId === 'sp-tutor-2').category, 'other', 'no category given: other');

      // Importing the same file again updates instead of duplicating; --publish affects new ones only.
      const again = await importFile(tenant, districtFile, '?publish=true');
      assert.deepEqual([again.json().created, again.json().updated], [0, 2]);
      assert.equal(await countRows(ctx.db, 'resources', { organization_id: tenant.organizationId }), 2);
      const outsiderImport = await importFile(outsider, districtFile, '?publish=true');
      assert.deepEqual([outsiderImport.json().created, outsiderImport.json().updated], [2, 0], 'another district gets its own copies');
    });

    it('export and re-import round-trip every field, translations included', async () => {
      const t = await createTenant(ctx.db, 'roundtrip');
      const input = sampleResourceInput([t.schoolId], {
        name: { en: 'Clinic', es: 'Clínica', hmn: 'Tsev kho mob' },
        phones: [{ number: '651-555-0100', type: 'voice', description: { en: 'Front desk', so: 'Miiska hore' } }],
        schedule: {
          regular: [{ weekday: 5, opensAt: '20:00', closesAt: '02:00' }],
          closures: [{ date: '2026-12-25' }],
          notes: { en: 'Late', es: 'Tarde' },
        },
      });
      const id = await createPublishedResource(ctx.app, t, input);
      const exported = await ctx.app.inject({ url: '/api/v1/resources/export.json', headers: t.auth });
      assert.equal(exported.statusCode, 200);
      assert.match(exported.headers['content-disposition'], /attachment/);
      const document = exported.json();
      assert.equal(document.contents.length, 1);
      assert.equal(document.contents[0].name, 'Clinic');
      assert.equal(document.contents[0].x_tandem.translations.name.hmn, 'Tsev kho mob');

      // Someone edits the plain HSDS name in another tool; the translations stay.
      document.contents[0].name = 'Eastside Clinic';
      const reimported = await importFile(t, document);
      assert.deepEqual(reimported.json().items, [{ index: 0, externalId: id, resourceId: id, outcome: 'updated' }]);
      const after = (await ctx.app.inject({ url: `/api/v1/resources/${id}`, headers: t.auth })).json();
      const { id: _id, status, locales: _locales, createdAt: _created, updatedAt: _updated, publishedAt: _published, ...content } = after;
      assert.deepEqual(content, { ...input, name: { ...input.name, en: 'Eastside Clinic' } });
      assert.equal(status, 'published', 'an update keeps the status');

      const onlyDrafts = await ctx.app.inject({ url: '/api/v1/resources/export.json?status=draft', headers: t.auth });
      assert.equal(onlyDrafts.json().contents.length, 0);
    });

    it('refuses schools of another district and files that are not HSDS', async () => {
      const service = {
        id: 'x',
        name: 'X',
        description: 'Y',
        organization: { name: 'Z' },
        email: 'x@y.example',
        x_tandem: { schoolIds: [outsider.schoolId] },
      };
      const response = await importFile(tenant, [service]);
      assert.equal(response.json().refused, 1);
      assert.equal(response.json().items[0].errors[0].pointer, '/x_tandem/schoolIds/0');
      const notHsds = await importFile(tenant, { hello: 'world' });
      assert.equal(notHsds.statusCode, 200);
      assert.equal(notHsds.json().refused, 1);
      assert.equal((await ctx.app.inject({ method: 'POST', url: '/api/v1/resources/import', payload: [] })).statusCode, 401);
    });

    it('the demo district has a dozen published resources across categories, in English, Spanish and Hmong', async () => {
      await seedDemo(ctx.db);
      const response = await ctx.app.inject({ url: '/api/v1/public/resources?school=lincoln-elementary' });
      const items = response.json().items;
      assert.ok(items.length >= 12, `${items.length} resources`);
      assert.ok(new Set(items.map((r) => r.category)).size >= 10, 'many categories');
      for (const resource of items) {
        assert.deepEqual(validateResourceContent({ ...resource }), [], resource.id);
        for (const locale of ['en', 'es', 'hmn']) {
          assert.ok(resource.name[locale] && resource.description[locale], `${resource.id} lacks ${locale}`);
          if (resource.eligibility) assert.ok(resource.eligibility[locale], `${resource.id} eligibility lacks ${locale}`);
          if (resource.fees) assert.ok(resource.fees[locale], `${resource.id} fees lacks ${locale}`);
        }
        for (const phone of resource.phones) assert.match(phone.number, /^651-555-01\d\d$/);
      }
      const spokenHere = (lang) => items.filter((r) => r.languages.includes(lang)).length;
      assert.ok(spokenHere('es') >= 10 && spokenHere('hmn') >= 8 && spokenHere('so') >= 8);
      const openNow = (await ctx.app.inject({ url: '/api/v1/public/resources?school=lincoln-elementary&openNow=true&language=es' })).json()
        .items;
      assert.ok(
        openNow.some((r) => r.id === 'lincoln-res-crisis-line'),
        'the 24-hour line is always open',
      );
    });
  });
}

describe('tandem-server resources import/export', () => {
  let dataDir;
  let env;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-hsds-cli-'));
    env = { ...process.env, TANDEM_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (args) => spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });

  it('exports the demo resources and imports them into another district', async () => {
    assert.equal(run(['seed-demo']).status, 0);
    const exportFile = join(dataDir, 'lincoln.json');
    const exported = run(['resources', 'export', '--org', 'lincoln', '--out', exportFile]);
    assert.equal(exported.status, 0, exported.stderr);
    const document = JSON.parse(readFileSync(exportFile, 'utf8'));
    assert.equal(document.contents.length, demoResources.length);
    const toStdout = run(['resources', 'export', '--org', 'lincoln', '--status', 'published']);
    assert.deepEqual(JSON.parse(toStdout.stdout), document);

    // Another district: the school ids are Lincoln's, so they are dropped from the file first.
    const database = openDatabase({ dialect: 'sqlite', file: join(dataDir, 'tandem.sqlite') });
    const { ensureOrganization } = await import('../dist/index.js');
    await ensureOrganization(database.db, 'riverside', 'Riverside district');
    await database.close();
    for (const service of document.contents) service.x_tandem.schoolIds = [];
    const cleaned = join(dataDir, 'for-riverside.json');
    writeFileSync(cleaned, JSON.stringify(document));
    const imported = run(['resources', 'import', cleaned, '--org', 'riverside', '--publish']);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`${demoResources.length} created, 0 updated, 0 refused`));
    const back = JSON.parse(run(['resources', 'export', '--org', 'riverside']).stdout);
    assert.deepEqual(
      back.contents.map((s) => s.x_tandem.translations.name).sort((a, b) => a.en.localeCompare(b.en)),
      document.contents.map((s) => s.x_tandem.translations.name).sort((a, b) => a.en.localeCompare(b.en)),
    );
  });

  it('reports refused services on stderr and exits 1; bad usage exits 2', () => {
    const file = join(dataDir, 'district.json');
    writeFileSync(file, JSON.stringify(districtFile));
    const result = run(['resources', 'import', file, '--org', 'lincoln']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /2 created, 0 updated, 1 refused/);
    assert.match(result.stderr, /service "sp-broken-3": \/name required/);
    for (const [args, message] of [
      [['resources', 'import', '--org', 'lincoln'], /exactly one FILE/],
      [['resources', 'import', join(dataDir, 'missing.json'), '--org', 'lincoln'], /Cannot read/],
      [['resources', 'export'], /Missing --org/],
      [['resources', 'export', '--org', 'lincoln', '--status', 'gone'], /--status must be/],
      [['resources', 'sync'], /resources import FILE/],
    ]) {
      const bad = run(args);
      assert.equal(bad.status, 2, args.join(' '));
      assert.match(bad.stderr, message);
    }
  });
});
