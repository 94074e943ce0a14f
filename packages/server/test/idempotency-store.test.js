// The storage guarantees behind idempotent submits: all-or-nothing batches and the key retention window.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FAMILY_SURVEY_ID, SubmissionBatcher, migrateToLatest, openDatabase, pruneIdempotencyKeys, seedDemo } from '../dist/index.js';
import { countRows, databaseTargets } from './helpers.js';

function pending(surveyId, organizationId, key = randomUUID(), createdAt = new Date().toISOString()) {
  const id = randomUUID();
  return {
    response: {
      id,
      surveyId,
      organizationId,
      schoolId: 'lincoln-elementary',
      locale: 'en',
      answers: '{}',
      familyId: null,
      submittedAt: createdAt,
    },
    idempotency: {
      scope: `submit:${surveyId}`,
      key,
      requestHash: 'h',
      statusCode: 201,
      body: JSON.stringify({ responseId: id }),
      createdAt,
    },
  };
}

for (const target of databaseTargets()) {
  describe(`idempotency storage on ${target.name}`, () => {
    let fixture;
    let database;
    let organizationId;
    before(async () => {
      fixture = await target.create();
      database = openDatabase(fixture.config);
      await migrateToLatest(database.db);
      ({ organizationId } = await seedDemo(database.db));
    });
    after(async () => {
      await database.close();
      await fixture.cleanup();
    });

    it('never keeps half a record: a response that cannot be stored leaves no key, and its batch neighbours still commit', async () => {
      const batcher = new SubmissionBatcher(database.db, { windowMs: 20 });
      const good = pending(FAMILY_SURVEY_ID, organizationId);
      const broken = pending('survey-that-does-not-exist', organizationId);
      const [goodResult, brokenResult] = await Promise.allSettled([batcher.submit(good), batcher.submit(broken)]);
      assert.deepEqual(goodResult, { status: 'fulfilled', value: true });
      assert.equal(brokenResult.status, 'rejected');
      assert.equal(await countRows(database.db, 'idempotency_keys', { key: broken.idempotency.key }), 0, 'no key without its response');
      assert.equal(await countRows(database.db, 'survey_responses', { id: broken.response.id }), 0);
      assert.equal(await countRows(database.db, 'idempotency_keys', { key: good.idempotency.key }), 1);
      assert.equal(await countRows(database.db, 'survey_responses', { id: good.response.id }), 1);
      await batcher.close();
    });

    it('lets exactly one of several same-key submissions write, in one batch or across batches', async () => {
      const batcher = new SubmissionBatcher(database.db, { windowMs: 5 });
      const key = randomUUID();
      const outcomes = await Promise.all([1, 2, 3].map(() => batcher.submit(pending(FAMILY_SURVEY_ID, organizationId, key))));
      assert.deepEqual(outcomes.sort(), [false, false, true]);
      assert.equal(await batcher.submit(pending(FAMILY_SURVEY_ID, organizationId, key)), false);
      assert.equal(await countRows(database.db, 'idempotency_keys', { key }), 1);
      await batcher.close();
    });

    it('keeps keys for 7 days and prunes older ones', async () => {
      const now = new Date('2026-06-15T12:00:00.000Z');
      const days = (n) => new Date(now.getTime() - n * 86_400_000).toISOString();
      const rows = [
        ['fresh', days(1)],
        ['six-days', days(6.9)],
        ['eight-days', days(8)],
        ['a-month', days(30)],
      ].map(([key, created_at]) => ({ scope: 'prune-test', key, request_hash: 'h', status_code: 201, response_body: '{}', created_at }));
      await database.db.insertInto('idempotency_keys').values(rows).execute();
      await pruneIdempotencyKeys(database.db, 7, now);
      const left = await database.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('scope', '=', 'prune-test')
        .orderBy('key')
        .execute();
      assert.deepEqual(
        left.map((r) => r.key),
        ['fresh', 'six-days'],
      );
    });
  });
}
