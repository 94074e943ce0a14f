// "Translate missing languages" in the console: POST /api/v1/content-translations through the real Apertium
// APy (English–Spanish), languages the provider lacks reported as unsupported, and a clear 503 when no
// translation service is configured.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApertiumProvider } from '../dist/translation/apertium.js';
import { createTenant, databaseTargets, startApp } from './helpers.js';
import { apertiumSkipReason, startApertium } from './apertium-fixture.js';

const translate = (app, auth, body) => app.inject({ method: 'POST', url: '/api/v1/content-translations', headers: auth, payload: body });

const skip = apertiumSkipReason();

for (const target of databaseTargets()) {
  describe(`content translation with Apertium APy on ${target.name}`, { skip }, () => {
    let apy;
    let ctx;
    let tenant;
    before(async () => {
      apy = await startApertium();
      ctx = await startApp(target, { messaging: { translationProvider: new ApertiumProvider(apy.url) } });
      tenant = await createTenant(ctx.db, 'ct');
    });
    after(async () => {
      await ctx?.close();
      await apy?.stop();
    });

    it('translates survey texts from English to Spanish, in order, and says which provider did', async () => {
      const response = await translate(ctx.app, tenant.auth, {
        from: 'en',
        to: ['es'],
        texts: ['How was the school year?', 'Thank you', ''],
      });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.provider, 'apertium');
      assert.equal(body.targets.length, 1);
      const [es] = body.targets;
      assert.equal(es.locale, 'es');
      assert.equal(es.status, 'translated');
      assert.equal(es.texts.length, 3);
      assert.match(es.texts[0], /\baño\b/i);
      assert.match(es.texts[1], /\bgracias\b/i);
      assert.equal(es.texts[2], '', 'an empty text stays empty rather than being sent');
    });

    it('reports a language the provider has no pair for as unsupported, and skips the source language', async () => {
      const response = await translate(ctx.app, tenant.auth, { from: 'en', to: ['en', 'so', 'es'], texts: ['Yes'] });
      assert.equal(response.statusCode, 200, response.body);
      const targets = response.json().targets;
      assert.deepEqual(
        targets.map((t) => [t.locale, t.status]),
        [
          ['so', 'unsupported'],
          ['es', 'translated'],
        ],
      );
      assert.deepEqual(targets[0].texts, [null]);
    });

    it('is a staff route: no token, no translation', async () => {
      const response = await translate(ctx.app, {}, { from: 'en', to: ['es'], texts: ['Hello'] });
      assert.equal(response.statusCode, 401);
    });
  });

  describe(`content translation without a provider on ${target.name}`, () => {
    let ctx;
    let tenant;
    before(async () => {
      ctx = await startApp(target, { messaging: { translationProvider: null } });
      tenant = await createTenant(ctx.db, 'nt');
    });
    after(async () => ctx?.close());

    it('answers 503 with a problem that says no translation service is configured', async () => {
      const response = await translate(ctx.app, tenant.auth, { from: 'en', to: ['es'], texts: ['Hello'] });
      assert.equal(response.statusCode, 503);
      assert.match(response.headers['content-type'], /application\/problem\+json/);
      const problem = response.json();
      assert.equal(problem.type, 'https://tandem.school/problems/translation-unavailable');
      assert.match(problem.detail, /No translation service is configured/);
    });

    it('refuses a malformed batch with 422 before looking for a provider', async () => {
      const response = await translate(ctx.app, tenant.auth, { from: 'en', to: [], texts: ['Hello'] });
      assert.equal(response.statusCode, 422);
    });
  });
}

for (const target of databaseTargets()) {
  describe(`machine-translated marks stored with a survey on ${target.name}`, () => {
    let ctx;
    let tenant;
    before(async () => {
      ctx = await startApp(target, { messaging: { translationProvider: null } });
      tenant = await createTenant(ctx.db, 'mt');
    });
    after(async () => ctx?.close());

    const input = (extra = {}) => ({
      schoolId: tenant.schoolId,
      title: { en: 'Family survey', es: 'Encuesta familiar' },
      defaultLocale: 'en',
      sections: [{ id: 's1', questions: [{ id: 'q1', type: 'yes-no', prompt: { en: 'Ready?', es: '¿Listo?' } }] }],
      ...extra,
    });

    it('keeps the marks through create, an edit that leaves them out, and an edit that clears one', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: tenant.auth,
        payload: input({ machineTranslated: { title: ['es'], 'question:q1:prompt': ['es'] } }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.deepEqual(created.json().machineTranslated, { title: ['es'], 'question:q1:prompt': ['es'] });

      const retitled = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: tenant.auth,
        payload: { title: { en: 'Family survey 2026', es: 'Encuesta familiar' } },
      });
      assert.deepEqual(
        retitled.json().machineTranslated,
        { title: ['es'], 'question:q1:prompt': ['es'] },
        'an edit without marks keeps them',
      );

      const reviewed = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: tenant.auth,
        payload: { machineTranslated: { 'question:q1:prompt': ['es'] } },
      });
      assert.deepEqual(reviewed.json().machineTranslated, { 'question:q1:prompt': ['es'] });
      const read = await ctx.app.inject({ url: `/api/v1/surveys/${id}`, headers: tenant.auth });
      assert.deepEqual(read.json().machineTranslated, { 'question:q1:prompt': ['es'] });
      // Families' widgets get the marks too, to say "Machine translated" quietly.
      await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/publish`, headers: tenant.auth });
      const publicSurvey = await ctx.app.inject({ url: `/api/v1/public/surveys/${id}` });
      assert.equal(publicSurvey.statusCode, 200, publicSurvey.body);
      assert.deepEqual(publicSurvey.json().machineTranslated, { 'question:q1:prompt': ['es'] });
    });

    it('still accepts a survey without marks, and answers without the field', async () => {
      const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: tenant.auth, payload: input() });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal('machineTranslated' in created.json(), false);
    });
  });
}
