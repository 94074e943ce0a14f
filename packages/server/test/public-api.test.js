// The public survey API as a family's widget meets it: fetch, submit, validation, idempotency, identity.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FAMILY_SURVEY_ID, PICNIC_SURVEY_ID, seedDemo } from '../dist/index.js';
import { countRows, createTenant, databaseTargets, isProblemResponse, sampleSurveyInput, startApp, submit } from './helpers.js';

const validAnswers = { 'q-grade': 'grade-5', 'q-welcome': 4, 'q-teacher-contact': true };

for (const target of databaseTargets()) {
  describe(`public survey API on ${target.name}`, () => {
    let ctx;
    let draftId;
    before(async () => {
      ctx = await startApp(target);
      await seedDemo(ctx.db);
      const tenant = await createTenant(ctx.db, 'other');
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: tenant.auth,
        payload: sampleSurveyInput(tenant.schoolId),
      });
      draftId = created.json().id;
    });
    after(() => ctx.close());

    it('serves a published survey with its languages and school', async () => {
      const response = await ctx.app.inject({ url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}` });
      assert.equal(response.statusCode, 200);
      const survey = response.json();
      assert.equal(survey.status, 'published');
      assert.deepEqual(survey.locales, ['en', 'es', 'hmn']);
      assert.deepEqual(survey.school, { id: 'lincoln-elementary', name: 'Lincoln Elementary' });
      const questions = survey.sections.flatMap((s) => s.questions);
      const grade = questions.find((q) => q.id === 'q-grade');
      assert.equal(grade.options.length, 4, 'choice options survive serialization');
      assert.equal(grade.required, true);
      const rating = questions.find((q) => q.type === 'rating');
      assert.equal(rating.scale, 5);
      assert.ok(rating.lowLabel.hmn);
      assert.equal(survey.organizationId, undefined, 'no staff data leaks to the public');
    });

    it('serves a closed survey with status closed', async () => {
      const response = await ctx.app.inject({ url: `/api/v1/public/surveys/${PICNIC_SURVEY_ID}` });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().status, 'closed');
    });

    it('answers 404 problem for a draft and for a missing survey', async () => {
      for (const id of [draftId, 'no-such-survey']) {
        const response = await ctx.app.inject({ url: `/api/v1/public/surveys/${id}` });
        assert.equal(response.statusCode, 404, id);
        assert.ok(isProblemResponse(response));
        assert.equal(response.json().type, 'https://tandem.school/problems/not-found');
      }
      const submitted = await submit(ctx.app, draftId, { locale: 'en', answers: {} });
      assert.equal(submitted.statusCode, 404);
    });

    it('stores a valid submission and returns a receipt', async () => {
      const before = await countRows(ctx.db, 'survey_responses', { survey_id: FAMILY_SURVEY_ID });
      const response = await submit(ctx.app, FAMILY_SURVEY_ID, {
        locale: 'hmn',
        answers: { ...validAnswers, 'q-contact': ['text', 'paper'], 'q-improve': 'Ntau tus xib fwb hais lus Hmoob' },
      });
      assert.equal(response.statusCode, 201, response.body);
      const receipt = response.json();
      assert.match(receipt.responseId, /^[0-9a-f-]{36}$/);
      assert.ok(!Number.isNaN(Date.parse(receipt.submittedAt)));
      assert.equal(await countRows(ctx.db, 'survey_responses', { survey_id: FAMILY_SURVEY_ID }), before + 1);
      const row = await ctx.db.selectFrom('survey_responses').selectAll().where('id', '=', receipt.responseId).executeTakeFirstOrThrow();
      assert.equal(row.locale, 'hmn');
      assert.equal(row.family_id, null, 'anonymous without an identity token');
      assert.deepEqual(JSON.parse(row.answers)['q-contact'], ['text', 'paper']);
    });

    it('refuses a closed survey with 410 problem type closed', async () => {
      const response = await submit(ctx.app, PICNIC_SURVEY_ID, { locale: 'en', answers: { 'q-enjoyed': 5 } });
      assert.equal(response.statusCode, 410);
      assert.ok(isProblemResponse(response));
      assert.equal(response.json().type, 'https://tandem.school/problems/closed');
    });

    it('explains every wrong answer with a per-field pointer and code', async () => {
      const response = await submit(ctx.app, FAMILY_SURVEY_ID, {
        locale: 'en',
        answers: {
          'q-grade': 'grade-9', // wrong option
          'q-going-well': 'x'.repeat(201), // over the question's 200 characters
          'q-interpreter': 'yes', // yes/no wants a boolean
          'q-favourite-food': 'rice', // no such question
          // q-welcome and q-teacher-contact are required and missing
        },
      });
      assert.equal(response.statusCode, 422);
      assert.ok(isProblemResponse(response));
      const problem = response.json();
      assert.equal(problem.type, 'https://tandem.school/problems/validation');
      const byPointer = Object.fromEntries(problem.errors.map((e) => [e.pointer, e]));
      assert.equal(byPointer['/answers/q-grade'].code, 'invalid-option');
      assert.equal(byPointer['/answers/q-going-well'].code, 'too-long');
      assert.equal(byPointer['/answers/q-going-well'].params.max, 200);
      assert.equal(byPointer['/answers/q-interpreter'].code, 'wrong-type');
      assert.equal(byPointer['/answers/q-favourite-food'].code, 'unknown-field');
      assert.equal(byPointer['/answers/q-welcome'].code, 'required');
      assert.equal(byPointer['/answers/q-teacher-contact'].code, 'required');
      assert.equal(problem.errors.length, 6);
    });

    it('maps schema violations of the body itself to 422 with pointers', async () => {
      const response = await submit(ctx.app, FAMILY_SURVEY_ID, {
        answers: { 'q-grade': { nested: true }, 'q-improve': 'x'.repeat(4001) },
        surprise: 1,
      });
      assert.equal(response.statusCode, 422);
      const byPointer = Object.fromEntries(response.json().errors.map((e) => [e.pointer, e.code]));
      assert.equal(byPointer['/locale'], 'required');
      assert.equal(byPointer['/surprise'], 'unknown-field');
      assert.equal(byPointer['/answers/q-grade'], 'wrong-type');
      assert.equal(byPointer['/answers/q-improve'], 'too-long');

      const notAnObject = await submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers: [1, 2] });
      assert.equal(notAnObject.statusCode, 422);
      assert.deepEqual(
        notAnObject.json().errors.map((e) => [e.pointer, e.code]),
        [['/answers', 'wrong-type']],
      );

      const badLocale = await submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'not a locale!', answers: validAnswers });
      assert.deepEqual(
        badLocale.json().errors.map((e) => [e.pointer, e.code]),
        [['/locale', 'invalid-format']],
      );
    });

    it('answers 400 problem for a body that is not JSON', async () => {
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}/responses`,
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        payload: '{"answers": ',
      });
      assert.equal(response.statusCode, 400);
      assert.ok(isProblemResponse(response));
    });

    it('requires an Idempotency-Key of at most 200 characters', async () => {
      const missing = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}/responses`,
        payload: { locale: 'en', answers: validAnswers },
      });
      assert.equal(missing.statusCode, 400);
      assert.ok(isProblemResponse(missing));
      assert.match(missing.json().detail, /Idempotency-Key/);
      const tooLong = await submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers: validAnswers }, { key: 'k'.repeat(201) });
      assert.equal(tooLong.statusCode, 400);
      const longest = await submit(
        ctx.app,
        FAMILY_SURVEY_ID,
        { locale: 'en', answers: validAnswers },
        { key: randomUUID() + 'k'.repeat(164) },
      );
      assert.equal(longest.statusCode, 201);
    });

    it('replays a retried submission: same answer, one stored row', async () => {
      const key = randomUUID();
      const body = { locale: 'es', answers: { ...validAnswers, 'q-going-well': 'Los maestros' } };
      const first = await submit(ctx.app, FAMILY_SURVEY_ID, body, { key });
      // The same JSON with keys in another order is the same request.
      const retry = await submit(ctx.app, FAMILY_SURVEY_ID, { answers: { ...body.answers }, locale: 'es' }, { key });
      assert.equal(first.statusCode, 201);
      assert.equal(retry.statusCode, 201);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(first.headers['idempotent-replayed'], undefined);
      assert.deepEqual(retry.json(), first.json());
      const rows = await ctx.db.selectFrom('survey_responses').select('id').where('answers', 'like', '%Los maestros%').execute();
      assert.equal(rows.length, 1);
      assert.equal(await countRows(ctx.db, 'idempotency_keys', { key }), 1);
    });

    it('stores one response when the same key arrives many times at once', async () => {
      const key = randomUUID();
      const body = { locale: 'en', answers: { ...validAnswers, 'q-going-well': 'concurrent-retry-marker' } };
      const responses = await Promise.all(Array.from({ length: 12 }, () => submit(ctx.app, FAMILY_SURVEY_ID, body, { key })));
      assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([201]));
      assert.equal(new Set(responses.map((r) => r.json().responseId)).size, 1);
      const rows = await ctx.db.selectFrom('survey_responses').select('id').where('answers', 'like', '%concurrent-retry-marker%').execute();
      assert.equal(rows.length, 1);
    });

    it('refuses a reused key with a different body (422 idempotency mismatch) and stores nothing new', async () => {
      const key = randomUUID();
      assert.equal((await submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers: validAnswers }, { key })).statusCode, 201);
      const before = await countRows(ctx.db, 'survey_responses');
      const reused = await submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers: { ...validAnswers, 'q-welcome': 1 } }, { key });
      assert.equal(reused.statusCode, 422);
      assert.ok(isProblemResponse(reused));
      assert.equal(reused.json().type, 'https://tandem.school/problems/idempotency-key-reused');
      assert.equal(await countRows(ctx.db, 'survey_responses'), before);
    });

    it('commits many concurrent families in shared transactions, each with its own row', async () => {
      const before = await countRows(ctx.db, 'survey_responses', { survey_id: FAMILY_SURVEY_ID });
      const responses = await Promise.all(
        Array.from({ length: 150 }, (_, i) =>
          submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers: { ...validAnswers, 'q-welcome': (i % 5) + 1 } }),
        ),
      );
      assert.ok(responses.every((r) => r.statusCode === 201));
      assert.equal(new Set(responses.map((r) => r.json().responseId)).size, 150);
      assert.equal(await countRows(ctx.db, 'survey_responses', { survey_id: FAMILY_SURVEY_ID }), before + 150);
    });

    it('refuses an identity token the server cannot verify (401) and stores nothing', async () => {
      const before = await countRows(ctx.db, 'survey_responses');
      const response = await submit(ctx.app, FAMILY_SURVEY_ID, {
        locale: 'en',
        answers: validAnswers,
        identityToken: 'eyJhbGciOi.fake.token',
      });
      assert.equal(response.statusCode, 401);
      assert.ok(isProblemResponse(response));
      assert.equal(response.json().type, 'https://tandem.school/problems/unauthorized');
      assert.equal(await countRows(ctx.db, 'survey_responses'), before);
    });
  });

  describe(`identity seam on ${target.name}`, () => {
    let ctx;
    before(async () => {
      ctx = await startApp(target, {
        identityVerifier: { verify: (token, orgId) => (token === 'good-token' && orgId ? { familyId: 'family-42' } : null) },
      });
      await seedDemo(ctx.db);
    });
    after(() => ctx.close());

    it('links a response to the family a verifier vouches for', async () => {
      const response = await submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers: validAnswers, identityToken: 'good-token' });
      assert.equal(response.statusCode, 201);
      const row = await ctx.db
        .selectFrom('survey_responses')
        .select('family_id')
        .where('id', '=', response.json().responseId)
        .executeTakeFirstOrThrow();
      assert.equal(row.family_id, 'family-42');
    });
  });
}
