// Machine-translation marks on lessons, resources and events: kept through create, read and edit, shown to
// families in the public view, limited like any other input, and dropped when their text is gone or rewritten.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTenant,
  databaseTargets,
  isProblemResponse,
  sampleEventInput,
  sampleLessonInput,
  sampleResourceInput,
  startApp,
} from './helpers.js';

/** One content type: how to make a valid input, where it lives, and marks that fit its texts. */
const kinds = [
  {
    name: 'lesson',
    staff: '/api/v1/lessons',
    public: (id) => `/api/v1/public/lessons/${id}`,
    input: () => sampleLessonInput(),
    marks: { title: ['es'], 'section:intro:body': ['es'], 'step:0': ['es'] },
    /** An edit that rewrites the Spanish title (a person's words now) and leaves the rest. */
    retitle: { title: { en: 'Counting stairs', es: 'Contamos escalones' } },
    /** An edit that removes the text a mark names. */
    removal: { steps: [] },
    removedKey: 'step:0',
  },
  {
    name: 'resource',
    staff: '/api/v1/resources',
    public: (id) => `/api/v1/public/resources/${id}`,
    input: (tenant) =>
      sampleResourceInput([tenant.schoolId], {
        phones: [{ number: '651-555-0100', type: 'voice', description: { en: 'Main line', es: 'Línea principal' } }],
      }),
    marks: { name: ['es'], description: ['es'], 'phone:0': ['es'] },
    retitle: { name: { en: 'Food shelf', es: 'Banco de comida' } },
    removal: { phones: [{ number: '651-555-0100', type: 'voice' }] },
    removedKey: 'phone:0',
  },
  {
    name: 'event',
    staff: '/api/v1/events',
    public: (id) => `/api/v1/public/events/${id}`,
    input: (tenant) => sampleEventInput(tenant.schoolId, { description: { en: 'Games and dinner', es: 'Juegos y cena' } }),
    marks: { title: ['es', 'hmn'], description: ['es'] },
    retitle: { title: { en: 'Family night', es: 'Noche de familias', hmn: 'Hmo tsev neeg' } },
    removal: { description: { en: 'Games and dinner' } },
    removedKey: 'description',
  },
];

for (const target of databaseTargets()) {
  describe(`machine-translation marks on ${target.name}`, () => {
    let ctx;
    let tenant;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'mt-marks');
    });
    after(() => ctx.close());

    const create = (kind, payload) => ctx.app.inject({ method: 'POST', url: kind.staff, headers: tenant.auth, payload });
    const patch = (kind, id, payload) => ctx.app.inject({ method: 'PATCH', url: `${kind.staff}/${id}`, headers: tenant.auth, payload });
    const read = async (kind, id) => (await ctx.app.inject({ url: `${kind.staff}/${id}`, headers: tenant.auth })).json();

    for (const kind of kinds) {
      describe(kind.name, () => {
        it('keeps the marks through create and read, and shows them to families once published', async () => {
          const created = await create(kind, { ...kind.input(tenant), machineTranslated: kind.marks });
          assert.equal(created.statusCode, 201, created.body);
          assert.deepEqual(created.json().machineTranslated, kind.marks);
          const id = created.json().id;
          assert.deepEqual((await read(kind, id)).machineTranslated, kind.marks, 'stored, not only echoed');

          const published = await ctx.app.inject({ method: 'POST', url: `${kind.staff}/${id}/publish`, headers: tenant.auth });
          assert.equal(published.statusCode, 200, published.body);
          const family = await ctx.app.inject({ url: kind.public(id) });
          assert.equal(family.statusCode, 200, family.body);
          assert.deepEqual(family.json().machineTranslated, kind.marks);
        });

        it('content made without marks has none', async () => {
          const created = await create(kind, kind.input(tenant));
          assert.equal(created.statusCode, 201, created.body);
          assert.equal(created.json().machineTranslated, undefined);
        });

        it('an edit that sends marks replaces them; one that leaves them out keeps them', async () => {
          const id = (await create(kind, { ...kind.input(tenant), machineTranslated: kind.marks })).json().id;
          const [firstKey, firstLocales] = Object.entries(kind.marks)[0];
          const reviewed = await patch(kind, id, { machineTranslated: { [firstKey]: firstLocales } });
          assert.equal(reviewed.statusCode, 200, reviewed.body);
          assert.deepEqual(reviewed.json().machineTranslated, { [firstKey]: firstLocales });

          const untouched = await patch(kind, id, { defaultLocale: 'en' });
          assert.equal(untouched.statusCode, 200, untouched.body);
          assert.deepEqual(untouched.json().machineTranslated, { [firstKey]: firstLocales }, 'left out: kept');

          const cleared = await patch(kind, id, { machineTranslated: {} });
          assert.equal(cleared.json().machineTranslated, undefined, 'all reviewed: no marks left');
          assert.equal((await read(kind, id)).machineTranslated, undefined);
        });

        it('a person rewriting a text in a language takes that mark away; other marks stay', async () => {
          const id = (await create(kind, { ...kind.input(tenant), machineTranslated: kind.marks })).json().id;
          const edited = await patch(kind, id, kind.retitle);
          assert.equal(edited.statusCode, 200, edited.body);
          const [key] = Object.keys(kind.retitle);
          const expected = { ...kind.marks };
          const textKey = key === 'name' ? 'name' : 'title';
          const stillMachine = expected[textKey].filter((l) => kind.retitle[key][l] === kind.input(tenant)[key][l]);
          if (stillMachine.length) expected[textKey] = stillMachine;
          else delete expected[textKey];
          assert.deepEqual(edited.json().machineTranslated, expected);
        });

        it('drops marks of texts that are removed or never existed, and of languages without text', async () => {
          const id = (
            await create(kind, {
              ...kind.input(tenant),
              machineTranslated: { ...kind.marks, 'section:nowhere:body': ['es'], [Object.keys(kind.marks)[0]]: ['es', 'vi'] },
            })
          ).json().id;
          const stored = await read(kind, id);
          assert.equal(stored.machineTranslated['section:nowhere:body'], undefined, 'no such text');
          assert.deepEqual(stored.machineTranslated[Object.keys(kind.marks)[0]], ['es'], 'no Vietnamese text to mark');

          const removed = await patch(kind, id, kind.removal);
          assert.equal(removed.statusCode, 200, removed.body);
          assert.equal(removed.json().machineTranslated?.[kind.removedKey], undefined);
        });

        it('refuses marks beyond the limits and keeps what was stored', async () => {
          const id = (await create(kind, { ...kind.input(tenant), machineTranslated: kind.marks })).json().id;
          const refused = [
            { title: ['not a language!'] },
            { [''.padEnd(201, 'k')]: ['es'] },
            { title: Array.from({ length: 21 }, (_, i) => `x${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : 'a'}`) },
            { title: 'es' },
          ];
          for (const machineTranslated of refused) {
            const response = await patch(kind, id, { machineTranslated });
            assert.equal(response.statusCode, 422, `${JSON.stringify(machineTranslated).slice(0, 60)} → ${response.body}`);
            assert.ok(isProblemResponse(response));
            assert.ok(
              response.json().errors.some((e) => e.pointer.startsWith('/machineTranslated')),
              `the error names the marks: ${response.body}`,
            );
          }
          assert.deepEqual((await read(kind, id)).machineTranslated, kind.marks, 'nothing half written');
        });
      });
    }
  });
}
