// Staff results for a known set of responses: counts, averages, distributions, texts, and the CSV export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPublishedSurvey, createTenant, databaseTargets, startApp, submit } from './helpers.js';

const RESPONSES = [
  {
    locale: 'en',
    answers: { color: 'red', days: ['mon', 'tue'], score: 5, again: true, name: '=HYPERLINK("x")', notes: 'Great, "really" great\nthanks' },
  },
  { locale: 'hmn', answers: { color: 'blue', days: ['tue'], score: 3, again: false, notes: 'Ua tsaug rau cov xib fwb' } },
  { locale: 'ar', answers: { color: 'red', score: 4, again: true, name: 'مريم', notes: 'شكرا للمعلمين' } },
  { locale: 'es', answers: { color: 'red', days: [], notes: '' } },
];

for (const target of databaseTargets()) {
  describe(`survey results on ${target.name}`, () => {
    let ctx;
    let tenant;
    let surveyId;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'results');
      surveyId = await createPublishedSurvey(ctx.app, tenant);
      for (const body of RESPONSES) {
        const response = await submit(ctx.app, surveyId, body);
        assert.equal(response.statusCode, 201, response.body);
        // Distinct submit times keep the CSV's row order meaningful.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    after(() => ctx.close());

    it('counts options, averages ratings and lists texts with their language', async () => {
      const response = await ctx.app.inject({ url: `/api/v1/surveys/${surveyId}/results`, headers: tenant.auth });
      assert.equal(response.statusCode, 200);
      const results = response.json();
      assert.equal(results.surveyId, surveyId);
      assert.equal(results.responseCount, 4);
      assert.deepEqual(results.locales, { en: 1, hmn: 1, ar: 1, es: 1 });
      const byId = Object.fromEntries(results.questions.map((q) => [q.questionId, q]));
      assert.deepEqual(
        results.questions.map((q) => q.questionId),
        ['color', 'days', 'score', 'again', 'name', 'notes'],
      );

      assert.equal(byId.color.answered, 4);
      assert.deepEqual(
        byId.color.options.map((o) => [o.optionId, o.count]),
        [
          ['red', 3],
          ['blue', 1],
        ],
      );
      assert.equal(byId.color.options[0].label.es, 'Rojo');

      assert.equal(byId.days.answered, 2, 'an empty selection is not an answer');
      assert.deepEqual(
        byId.days.options.map((o) => [o.optionId, o.count]),
        [
          ['mon', 1],
          ['tue', 2],
          ['wed', 0],
        ],
      );

      assert.equal(byId.score.answered, 3);
      assert.equal(byId.score.average, 4);
      assert.deepEqual(byId.score.distribution, [0, 0, 1, 1, 1]);

      assert.deepEqual(
        byId.again.options.map((o) => [o.optionId, o.count]),
        [
          ['yes', 2],
          ['no', 1],
        ],
      );
      assert.equal(byId.again.options[0].label.en, 'Yes');

      assert.equal(byId.notes.answered, 3);
      assert.deepEqual(
        byId.notes.texts.map((t) => [t.text, t.locale]),
        [
          ['Great, "really" great\nthanks', 'en'],
          ['Ua tsaug rau cov xib fwb', 'hmn'],
          ['شكرا للمعلمين', 'ar'],
        ],
      );
      assert.ok(byId.notes.texts.every((t) => !Number.isNaN(Date.parse(t.submittedAt))));
    });

    it('reports an empty survey with zero counts and a null average', async () => {
      const emptyId = await createPublishedSurvey(ctx.app, tenant);
      const results = (await ctx.app.inject({ url: `/api/v1/surveys/${emptyId}/results`, headers: tenant.auth })).json();
      assert.equal(results.responseCount, 0);
      const score = results.questions.find((q) => q.questionId === 'score');
      assert.equal(score.average, null);
      assert.deepEqual(score.distribution, [0, 0, 0, 0, 0]);
    });

    it('exports CSV with a BOM, prompt headers, labels, intact Hmong and Arabic, and no formulas', async () => {
      const response = await ctx.app.inject({ url: `/api/v1/surveys/${surveyId}/results.csv`, headers: tenant.auth });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(response.headers['content-disposition'], /^attachment; filename=".+\.csv"$/);
      const bytes = response.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const text = bytes.subarray(3).toString('utf8');
      const lines = text.split('\r\n');
      assert.equal(
        lines[0],
        'Response ID,Submitted at,Language,Favourite colour?,Which days work?,How satisfied are you?,Would you come again?,Nickname,Anything else?',
      );
      assert.equal(lines.filter((l) => l !== '').length, 5, 'header + one row per response (a quoted newline stays inside its cell)');
      assert.ok(text.includes(',Red,Monday; Tuesday,5,Yes,'), 'choice answers as default-language labels');
      assert.ok(text.includes(`"'=HYPERLINK(""x"")"`), 'formula cell is quoted and made inert');
      assert.ok(text.includes('"Great, ""really"" great\nthanks"'));
      assert.ok(text.includes('Ua tsaug rau cov xib fwb'));
      assert.ok(text.includes('مريم') && text.includes('شكرا للمعلمين'));
      assert.ok(
        !/(^|,)[=+\-@]/m.test(
          text
            .split('\r\n')
            .slice(1)
            .join('\r\n')
            .replace(/"[^"]*(?:""[^"]*)*"/g, 'Q'),
        ),
        'no cell starts a formula',
      );
    });
  });
}
