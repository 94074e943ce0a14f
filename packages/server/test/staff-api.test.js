// The staff survey API: bearer tokens, strict tenancy per route, the draft → published → closed lifecycle and edits.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { revokeApiToken } from '../dist/index.js';
import {
  countRows,
  createPublishedSurvey,
  createTenant,
  databaseTargets,
  isProblemResponse,
  sampleSurveyInput,
  startApp,
  submit,
} from './helpers.js';

for (const target of databaseTargets()) {
  describe(`staff survey API on ${target.name}`, () => {
    let ctx;
    let alpha;
    let beta;
    let alphaSurveyId;
    before(async () => {
      ctx = await startApp(target);
      alpha = await createTenant(ctx.db, 'alpha');
      beta = await createTenant(ctx.db, 'beta', 'staff');
      alphaSurveyId = await createPublishedSurvey(ctx.app, alpha);
    });
    after(() => ctx.close());

    const staffRoutes = (id) => [
      ['GET', '/api/v1/surveys', undefined],
      ['POST', '/api/v1/surveys', sampleSurveyInput('x')],
      ['GET', `/api/v1/surveys/${id}`, undefined],
      ['PATCH', `/api/v1/surveys/${id}`, { title: { en: 'Renamed' } }],
      ['POST', `/api/v1/surveys/${id}/publish`, undefined],
      ['POST', `/api/v1/surveys/${id}/close`, undefined],
      ['GET', `/api/v1/surveys/${id}/results`, undefined],
      ['GET', `/api/v1/surveys/${id}/results.csv`, undefined],
    ];

    it('refuses every staff route without a token, with a malformed header, a wrong token or a revoked one', async () => {
      const revoked = await createTenant(ctx.db, 'gamma');
      const gammaToken = await ctx.db
        .selectFrom('api_tokens')
        .select('id')
        .where('organization_id', '=', revoked.organizationId)
        .executeTakeFirstOrThrow();
      await revokeApiToken(ctx.db, gammaToken.id, revoked.organizationId);
      const headerSets = [{}, { authorization: alpha.token }, { authorization: 'Bearer tdm_not-a-real-token' }, revoked.auth];
      for (const [method, url, payload] of staffRoutes(alphaSurveyId)) {
        for (const headers of headerSets) {
          const response = await ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
          assert.equal(response.statusCode, 401, `${method} ${url} ${JSON.stringify(headers)}`);
          assert.ok(isProblemResponse(response));
          assert.equal(response.headers['www-authenticate'], 'Bearer');
        }
      }
    });

    it("answers 404 to another organization's token on every survey route and changes nothing", async () => {
      const before = await ctx.db.selectFrom('surveys').selectAll().where('id', '=', alphaSurveyId).executeTakeFirstOrThrow();
      for (const [method, url, payload] of staffRoutes(alphaSurveyId).filter(([, url]) => url.includes(alphaSurveyId))) {
        const response = await ctx.app.inject({ method, url, headers: beta.auth, ...(payload ? { payload } : {}) });
        assert.equal(response.statusCode, 404, `${method} ${url}`);
        assert.ok(isProblemResponse(response));
      }
      const afterRow = await ctx.db.selectFrom('surveys').selectAll().where('id', '=', alphaSurveyId).executeTakeFirstOrThrow();
      assert.deepEqual(afterRow, before);
    });

    it("never lists another organization's surveys", async () => {
      const betaSurveyId = await createPublishedSurvey(ctx.app, beta);
      const alphaList = (await ctx.app.inject({ url: '/api/v1/surveys', headers: alpha.auth })).json().items.map((s) => s.id);
      const betaList = (await ctx.app.inject({ url: '/api/v1/surveys', headers: beta.auth })).json().items.map((s) => s.id);
      assert.ok(alphaList.includes(alphaSurveyId) && !alphaList.includes(betaSurveyId));
      assert.ok(betaList.includes(betaSurveyId) && !betaList.includes(alphaSurveyId));
    });

    it("refuses to create a survey for another organization's school", async () => {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: beta.auth,
        payload: sampleSurveyInput(alpha.schoolId),
      });
      assert.equal(response.statusCode, 422);
      assert.deepEqual(
        response.json().errors.map((e) => [e.pointer, e.code]),
        [['/schoolId', 'invalid-option']],
      );
    });

    it('creates a draft that families cannot see, publishes it, then closes it', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: alpha.auth,
        payload: sampleSurveyInput(alpha.schoolId),
      });
      assert.equal(created.statusCode, 201);
      const draft = created.json();
      assert.equal(draft.status, 'draft');
      assert.equal(draft.responseCount, 0);
      assert.equal(draft.sections[0].questions.find((q) => q.id === 'days').required, false, 'required defaults to false');
      assert.equal((await ctx.app.inject({ url: `/api/v1/public/surveys/${draft.id}` })).statusCode, 404);

      const closeDraft = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${draft.id}/close`, headers: alpha.auth });
      assert.equal(closeDraft.statusCode, 409);

      const published = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${draft.id}/publish`, headers: alpha.auth });
      assert.equal(published.statusCode, 200);
      assert.equal(published.json().status, 'published');
      assert.ok(published.json().publishedAt);
      assert.equal((await ctx.app.inject({ url: `/api/v1/public/surveys/${draft.id}` })).json().status, 'published');
      assert.equal((await submit(ctx.app, draft.id, { locale: 'en', answers: { color: 'red' } })).statusCode, 201);

      const closed = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${draft.id}/close`, headers: alpha.auth });
      assert.equal(closed.json().status, 'closed');
      assert.ok(closed.json().closedAt);
      assert.equal(closed.json().responseCount, 1);
      assert.equal((await submit(ctx.app, draft.id, { locale: 'en', answers: { color: 'red' } })).statusCode, 410);
      assert.equal((await ctx.app.inject({ url: `/api/v1/public/surveys/${draft.id}` })).json().status, 'closed');

      const got = await ctx.app.inject({ url: `/api/v1/surveys/${draft.id}`, headers: alpha.auth });
      assert.equal(got.json().status, 'closed');
    });

    it('validates survey content: schema pointers and duplicate ids', async () => {
      const input = sampleSurveyInput(alpha.schoolId);
      input.sections[0].questions[1].id = 'color';
      input.sections[0].questions.push({ id: 'bad', type: 'rating', scale: 7, prompt: { en: 'x' } });
      const schemaError = await ctx.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: alpha.auth, payload: input });
      assert.equal(schemaError.statusCode, 422);
      assert.ok(
        schemaError.json().errors.some((e) => e.pointer.startsWith('/sections/0/questions/6')),
        schemaError.body,
      );

      input.sections[0].questions.pop();
      const duplicate = await ctx.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: alpha.auth, payload: input });
      assert.equal(duplicate.statusCode, 422);
      assert.deepEqual(
        duplicate.json().errors.map((e) => e.pointer),
        ['/sections/0/questions/1/id'],
      );
    });

    it('replays a retried create with the same Idempotency-Key and refuses the key for another body', async () => {
      const key = randomUUID();
      const input = sampleSurveyInput(alpha.schoolId, { title: { en: 'Idempotent create' } });
      const first = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: { ...alpha.auth, 'idempotency-key': key },
        payload: input,
      });
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: { ...alpha.auth, 'idempotency-key': key },
        payload: input,
      });
      assert.equal(first.statusCode, 201);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json().id, first.json().id);
      const titled = await ctx.db.selectFrom('surveys').select('id').where('content', 'like', '%Idempotent create%').execute();
      assert.equal(titled.length, 1);
      const other = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: { ...alpha.auth, 'idempotency-key': key },
        payload: { ...input, title: { en: 'Something else' } },
      });
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().type, 'https://tandem.school/problems/idempotency-key-reused');
      // Keys are per organization: another district may use the same key for its own create.
      const betaCreate = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: { ...beta.auth, 'idempotency-key': key },
        payload: sampleSurveyInput(beta.schoolId),
      });
      assert.equal(betaCreate.statusCode, 201);
      assert.notEqual(betaCreate.json().id, first.json().id);
    });

    it('edits text freely but refuses to remove or retype an answered question (409)', async () => {
      const id = await createPublishedSurvey(ctx.app, alpha);
      assert.equal((await submit(ctx.app, id, { locale: 'en', answers: { color: 'blue', score: 4 } })).statusCode, 201);
      const original = (await ctx.app.inject({ url: `/api/v1/surveys/${id}`, headers: alpha.auth })).json();

      const renamed = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: alpha.auth,
        payload: { title: { en: 'Renamed', hmn: 'Lub npe tshiab' } },
      });
      assert.equal(renamed.statusCode, 200);
      assert.equal(renamed.json().title.hmn, 'Lub npe tshiab');
      assert.notEqual(renamed.json().updatedAt, original.updatedAt);

      const withoutScore = structuredClone(original.sections);
      withoutScore[0].questions = withoutScore[0].questions.filter((q) => q.id !== 'score');
      const removed = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: alpha.auth,
        payload: { sections: withoutScore },
      });
      assert.equal(removed.statusCode, 409);
      assert.ok(isProblemResponse(removed));
      assert.equal(removed.json().type, 'https://tandem.school/problems/conflict');

      const retyped = structuredClone(original.sections);
      retyped[0].questions = retyped[0].questions.map((q) =>
        q.id === 'color' ? { id: 'color', type: 'short-text', prompt: q.prompt, required: false } : q,
      );
      assert.equal(
        (await ctx.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${id}`, headers: alpha.auth, payload: { sections: retyped } }))
          .statusCode,
        409,
      );

      // Unanswered questions may go; answered ones may be reworded.
      const trimmed = structuredClone(original.sections);
      trimmed[0].questions = trimmed[0].questions
        .filter((q) => q.id !== 'notes')
        .map((q) => (q.id === 'score' ? { ...q, prompt: { en: 'How happy are you?' } } : q));
      const ok = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/surveys/${id}`,
        headers: alpha.auth,
        payload: { sections: trimmed },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const publicSurvey = (await ctx.app.inject({ url: `/api/v1/public/surveys/${id}` })).json();
      const publicQuestions = publicSurvey.sections[0].questions;
      assert.equal(publicQuestions.find((q) => q.id === 'score').prompt.en, 'How happy are you?', 'families see the edit at once');
      assert.ok(!publicQuestions.some((q) => q.id === 'notes'));
    });

    it('records when a token was last used', async () => {
      const tenant = await createTenant(ctx.db, 'delta');
      await ctx.app.inject({ url: '/api/v1/surveys', headers: tenant.auth });
      const row = await ctx.db
        .selectFrom('api_tokens')
        .select(['last_used_at', 'token_hash'])
        .where('organization_id', '=', tenant.organizationId)
        .executeTakeFirstOrThrow();
      assert.ok(row.last_used_at);
      assert.match(row.token_hash, /^[0-9a-f]{64}$/);
      assert.equal(await countRows(ctx.db, 'api_tokens', { token_hash: tenant.token }), 0, 'the plaintext token is not stored');
    });
  });
}

for (const target of databaseTargets().slice(0, 1)) {
  describe(`survey content errors on ${target.name}`, () => {
    let ctx;
    let tenant;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'authoring');
    });
    after(() => ctx.close());

    const create = (mutate) => {
      const input = sampleSurveyInput(tenant.schoolId);
      mutate(input.sections[0].questions);
      return ctx.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: tenant.auth, payload: input });
    };

    it('points at what is wrong with a question, judged by its own type', async () => {
      const response = await create((questions) => delete questions[0].options);
      assert.equal(response.statusCode, 422);
      assert.deepEqual(
        response.json().errors.map((e) => [e.pointer, e.code]),
        [['/sections/0/questions/0/options', 'required']],
      );
      const scale = await create((questions) => (questions[2].scale = 7));
      assert.deepEqual(
        scale.json().errors.map((e) => e.pointer),
        ['/sections/0/questions/2/scale'],
      );
    });

    it('names an unknown question type as the problem', async () => {
      const response = await create((questions) => (questions[3].type = 'dropdown'));
      assert.deepEqual(
        response.json().errors.map((e) => [e.pointer, e.code]),
        [['/sections/0/questions/3/type', 'invalid-option']],
      );
    });
  });
}
