// Lessons end to end: staff lifecycle and tenancy, cacheable public reads, "We tried it!" completions, and the demo lessons.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { lessonTexts, parseMarkdown, validateLessonContent } from '@tandem/protocol';
import { LessonInput } from '@tandem/protocol/schemas';
import { demoLessons, seedDemo } from '../dist/index.js';
import {
  countRows,
  createPublishedLesson,
  createTenant,
  databaseTargets,
  isProblemResponse,
  sampleLessonInput,
  startApp,
} from './helpers.js';

function complete(app, lessonId, body, { key = randomUUID(), remoteAddress } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/public/lessons/${encodeURIComponent(lessonId)}/completions`,
    headers: { 'idempotency-key': key },
    payload: body,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

for (const target of databaseTargets()) {
  describe(`lessons on ${target.name}`, () => {
    let ctx;
    let tenant;
    let outsider;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'lessons');
      outsider = await createTenant(ctx.db, 'lessons-other');
    });
    after(() => ctx.close());

    it('creates a draft, translates it, publishes and unpublishes it', async () => {
      const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/lessons', headers: tenant.auth, payload: sampleLessonInput() });
      assert.equal(created.statusCode, 201, created.body);
      const lesson = created.json();
      assert.equal(lesson.status, 'draft');
      assert.equal(lesson.completions, 0);
      assert.deepEqual(lesson.locales, ['en', 'es']);
      assert.equal((await ctx.app.inject({ url: `/api/v1/public/lessons/${lesson.id}` })).statusCode, 404, 'drafts are not public');

      const translated = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/lessons/${lesson.id}`,
        headers: tenant.auth,
        payload: { tip: { en: 'Count by twos next time.', hmn: 'Zaum tom ntej suav ob ob.' } },
      });
      assert.equal(translated.statusCode, 200, translated.body);
      assert.deepEqual(translated.json().locales, ['en', 'es', 'hmn']);
      assert.equal(translated.json().title.es, 'Contar escalones', 'untouched fields stay');

      const published = await ctx.app.inject({ method: 'POST', url: `/api/v1/lessons/${lesson.id}/publish`, headers: tenant.auth });
      assert.equal(published.json().status, 'published');
      const visible = await ctx.app.inject({ url: `/api/v1/public/lessons/${lesson.id}` });
      assert.equal(visible.statusCode, 200);
      assert.equal(visible.json().tip.hmn, 'Zaum tom ntej suav ob ob.');
      assert.equal(visible.json().schoolIds, undefined);

      await ctx.app.inject({ method: 'POST', url: `/api/v1/lessons/${lesson.id}/unpublish`, headers: tenant.auth });
      assert.equal((await ctx.app.inject({ url: `/api/v1/public/lessons/${lesson.id}` })).statusCode, 404);
      const list = await ctx.app.inject({ url: '/api/v1/lessons', headers: tenant.auth });
      assert.ok(list.json().items.some((l) => l.id === lesson.id && l.status === 'draft'));
    });

    it('refuses invalid lessons with per-field problems', async () => {
      const before = await countRows(ctx.db, 'lessons');
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/lessons',
        headers: tenant.auth,
        payload: sampleLessonInput({
          schoolIds: [outsider.schoolId],
          title: { es: 'Solo español' },
          sections: [{ id: 'a', body: { en: 'x' }, image: { url: 'https://example.org/a.jpg', alt: { es: 'foto' } } }],
        }),
      });
      assert.equal(response.statusCode, 422);
      assert.ok(isProblemResponse(response));
      assert.deepEqual(
        response.json().errors.map((e) => `${e.pointer} ${e.code}`),
        ['/schoolIds/0 invalid-option', '/title required', '/sections/0/image/alt required'],
      );
      const badUrl = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/lessons',
        headers: tenant.auth,
        payload: sampleLessonInput({ sections: [{ id: 'a', body: { en: 'x' }, audio: { en: 'javascript:alert(1)' } }] }),
      });
      assert.equal(badUrl.statusCode, 422);
      assert.equal(badUrl.json().errors[0].pointer, '/sections/0/audio/en');
      assert.equal(await countRows(ctx.db, 'lessons'), before);
    });

    it('another district can neither see nor change a lesson, nor read its completions', async () => {
      const id = await createPublishedLesson(ctx.app, tenant);
      for (const [method, url, payload] of [
        ['GET', `/api/v1/lessons/${id}`],
        ['PATCH', `/api/v1/lessons/${id}`, { minutes: 5 }],
        ['POST', `/api/v1/lessons/${id}/publish`],
        ['POST', `/api/v1/lessons/${id}/unpublish`],
        ['GET', `/api/v1/lessons/${id}/completions`],
      ]) {
        const response = await ctx.app.inject({ method, url, headers: outsider.auth, ...(payload ? { payload } : {}) });
        assert.equal(response.statusCode, 404, `${method} ${url}`);
      }
      const list = await ctx.app.inject({ url: '/api/v1/lessons', headers: outsider.auth });
      assert.ok(!list.json().items.some((l) => l.id === id));
    });

    it('a published lesson is cacheable for offline reading and revalidates with ETag', async () => {
      const id = await createPublishedLesson(ctx.app, tenant);
      const first = await ctx.app.inject({ url: `/api/v1/public/lessons/${id}`, headers: { origin: 'https://school.example' } });
      assert.equal(first.statusCode, 200);
      assert.match(first.headers['cache-control'], /public/);
      assert.match(first.headers['cache-control'], /stale-while-revalidate=\d+/);
      assert.equal(first.headers['access-control-allow-origin'], '*');
      const again = await ctx.app.inject({ url: `/api/v1/public/lessons/${id}`, headers: { 'if-none-match': first.headers.etag } });
      assert.equal(again.statusCode, 304);
      await ctx.app.inject({ method: 'PATCH', url: `/api/v1/lessons/${id}`, headers: tenant.auth, payload: { minutes: 12 } });
      const changed = await ctx.app.inject({ url: `/api/v1/public/lessons/${id}`, headers: { 'if-none-match': first.headers.etag } });
      assert.equal(changed.statusCode, 200);
      assert.equal(changed.json().minutes, 12);
      assert.notEqual(changed.json().updatedAt, first.json().updatedAt);
    });

    it('"We tried it!" is stored once per key, validated, and staff see it', async () => {
      const id = await createPublishedLesson(ctx.app, tenant);
      const key = randomUUID();
      const body = { locale: 'hmn', reflection: 'Peb suav tau 14 theem ntaiv!' };
      const first = await complete(ctx.app, id, body, { key });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().lessonId, id);
      const retry = await complete(ctx.app, id, body, { key });
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(retry.json().completionId, first.json().completionId);
      const reused = await complete(ctx.app, id, { locale: 'en' }, { key });
      assert.equal(reused.statusCode, 422);
      assert.equal((await complete(ctx.app, id, { locale: 'es' })).statusCode, 201);
      assert.equal((await complete(ctx.app, id, { locale: 'es', reflection: '   ' })).statusCode, 201);

      const tooLong = await complete(ctx.app, id, { locale: 'en', reflection: 'ñ'.repeat(2001) });
      assert.equal(tooLong.statusCode, 422);
      assert.ok(isProblemResponse(tooLong));
      assert.deepEqual(tooLong.json().errors, [
        { pointer: '/reflection', code: 'too-long', detail: 'Use at most 2000 characters.', params: { max: 2000 } },
      ]);
      assert.equal((await complete(ctx.app, id, { locale: 'en', reflection: 'ñ'.repeat(2000) })).statusCode, 201, '2000 characters fit');
      const badLocale = await complete(ctx.app, id, { locale: 'Hmong' });
      assert.equal(badLocale.statusCode, 422);
      assert.equal(badLocale.json().errors[0].pointer, '/locale');
      const noKey = await ctx.app.inject({ method: 'POST', url: `/api/v1/public/lessons/${id}/completions`, payload: { locale: 'en' } });
      assert.equal(noKey.statusCode, 400);
      assert.equal((await complete(ctx.app, 'nope', { locale: 'en' })).statusCode, 404);

      const seen = await ctx.app.inject({ url: `/api/v1/lessons/${id}/completions`, headers: tenant.auth });
      assert.equal(seen.statusCode, 200);
      const result = seen.json();
      assert.equal(result.total, 4);
      assert.deepEqual(result.byLocale, [
        { locale: 'es', count: 2 },
        { locale: 'en', count: 1 },
        { locale: 'hmn', count: 1 },
      ]);
      assert.equal(result.items.filter((i) => i.reflection).length, 2, 'blank reflections are not kept');
      assert.ok(result.items.some((i) => i.reflection === 'Peb suav tau 14 theem ntaiv!'));
      const lesson = await ctx.app.inject({ url: `/api/v1/lessons/${id}`, headers: tenant.auth });
      assert.equal(lesson.json().completions, 4);
    });

    it('completing a draft lesson is refused', async () => {
      const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/lessons', headers: tenant.auth, payload: sampleLessonInput() });
      assert.equal((await complete(ctx.app, created.json().id, { locale: 'en' })).statusCode, 404);
    });

    it('the demo lessons are seeded, public and complete in English, Spanish and Hmong', async () => {
      await seedDemo(ctx.db);
      await seedDemo(ctx.db);
      for (const [id] of demoLessons) {
        const response = await ctx.app.inject({ url: `/api/v1/public/lessons/${id}` });
        assert.equal(response.statusCode, 200, id);
        const lesson = response.json();
        assert.deepEqual(lesson.locales, ['en', 'es', 'hmn'], id);
        assert.deepEqual(validateLessonContent({ ...lesson, schoolIds: [] }), [], id);
        for (const text of lessonTexts(lesson)) {
          for (const locale of ['en', 'es', 'hmn'])
            assert.ok(text[locale]?.trim(), `${id}: a text lacks ${locale}: ${JSON.stringify(text)}`);
        }
        assert.ok(lesson.steps.length >= 3 && lesson.questions.length >= 3, `${id} has steps and talk-about questions`);
        for (const section of lesson.sections) {
          for (const locale of ['en', 'es', 'hmn']) assert.ok(parseMarkdown(section.body[locale]).length > 0);
        }
      }
      assert.equal(
        await countRows(ctx.db, 'lessons', {
          organization_id: (await ctx.db.selectFrom('organizations').select('id').where('slug', '=', 'lincoln').executeTakeFirstOrThrow())
            .id,
        }),
        3,
      );
    });
  });

  describe(`lesson completion rate limit on ${target.name}`, () => {
    let ctx;
    after(() => ctx?.close());
    it('limits completions per IP with a 429 problem', async () => {
      ctx = await startApp(target, { rateLimitPerMinute: 1 });
      const tenant = await createTenant(ctx.db, 'limited-lessons');
      const id = await createPublishedLesson(ctx.app, tenant);
      assert.equal((await complete(ctx.app, id, { locale: 'en' }, { remoteAddress: '10.0.0.7' })).statusCode, 201);
      const refused = await complete(ctx.app, id, { locale: 'en' }, { remoteAddress: '10.0.0.7' });
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().type, 'https://tandem.school/problems/rate-limited');
      assert.equal(await countRows(ctx.db, 'lesson_completions'), 1);
    });
  });
}

describe('demo lesson content', () => {
  it('matches the lesson schema', () => {
    for (const [id, lesson] of demoLessons)
      assert.ok(Value.Check(LessonInput, lesson), `${id}: ${JSON.stringify([...Value.Errors(LessonInput, lesson)][0])}`);
  });
});
