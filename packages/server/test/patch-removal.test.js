// Emptying optional fields of events and surveys through PATCH: null removes a field, a field left out stays.
// (Resources have theirs in resources.test.js.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTenant, databaseTargets, isProblemResponse, sampleEventInput, sampleSurveyInput, startApp } from './helpers.js';

for (const target of databaseTargets()) {
  describe(`patch removal on ${target.name}`, () => {
    let ctx;
    let tenant;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'evpatch');
    });
    after(() => ctx.close());

    it('removes description, place and online link sent as null, keeps the rest and refuses null on the title', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: tenant.auth,
        payload: sampleEventInput(tenant.schoolId, {
          onlineUrl: 'https://meet.example/night',
          description: { en: 'Games', es: 'Juegos' },
          machineTranslated: { description: ['es'] },
        }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      const patched = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${id}`,
        headers: tenant.auth,
        payload: { description: null, place: null, onlineUrl: null },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const stored = (await ctx.app.inject({ url: `/api/v1/events/${id}`, headers: tenant.auth })).json();
      assert.equal(stored.description, undefined);
      assert.equal(stored.place, undefined);
      assert.equal(stored.onlineUrl, undefined);
      assert.equal(stored.machineTranslated, undefined, 'the mark on the removed description went with it');
      assert.equal(stored.title.hmn, 'Hmo tsev neeg', 'fields left out stay');
      assert.equal(stored.sessions.length, 2);

      const refused = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${id}`,
        headers: tenant.auth,
        payload: { title: null },
      });
      assert.equal(refused.statusCode, 422);
      assert.ok(isProblemResponse(refused));
      const still = (await ctx.app.inject({ url: `/api/v1/events/${id}`, headers: tenant.auth })).json();
      assert.equal(still.updatedAt, stored.updatedAt, 'a refused patch writes nothing');
    });

    it("removes a survey's introduction and marks sent as null, and keeps them when left out", async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: tenant.auth,
        payload: sampleSurveyInput(tenant.schoolId, {
          description: { en: 'Five minutes', es: 'Cinco minutos' },
          machineTranslated: { description: ['es'] },
        }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      const titled = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: tenant.auth,
        payload: { title: { en: 'Renamed' } },
      });
      assert.equal(titled.statusCode, 200, titled.body);
      assert.deepEqual(titled.json().description, { en: 'Five minutes', es: 'Cinco minutos' }, 'left out, it stays');
      const cleared = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: tenant.auth,
        payload: { description: null, machineTranslated: null },
      });
      assert.equal(cleared.statusCode, 200, cleared.body);
      const stored = (await ctx.app.inject({ url: `/api/v1/surveys/${id}`, headers: tenant.auth })).json();
      assert.equal(stored.description, undefined);
      assert.equal(stored.machineTranslated, undefined);
      assert.equal(stored.title.en, 'Renamed');
      const refused = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: tenant.auth,
        payload: { sections: null },
      });
      assert.equal(refused.statusCode, 422, 'a required field cannot be removed');
    });
  });
}
