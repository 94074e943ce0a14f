// What any site or HTTP client sees: health, OpenAPI, CORS, limits, security headers, 404s, the embed bundle and the demo site.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FAMILY_SURVEY_ID, seedDemo } from '../dist/index.js';
import { createTenant, databaseTargets, isProblemResponse, startApp, submit } from './helpers.js';

const answers = { 'q-grade': 'grade-5', 'q-welcome': 4, 'q-teacher-contact': true };
const [sqliteTarget] = databaseTargets();

for (const target of databaseTargets()) {
  describe(`health on ${target.name}`, () => {
    let ctx;
    before(async () => (ctx = await startApp(target)));
    after(() => ctx.close());

    it('reports ok and which database answered', async () => {
      const response = await ctx.app.inject({ url: '/healthz', headers: { origin: 'https://school.example' } });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok', database: target.name });
      assert.equal(response.headers['access-control-allow-origin'], '*');
    });
  });
}

describe('HTTP surface', () => {
  let ctx;
  before(async () => {
    ctx = await startApp(sqliteTarget, { rateLimitPerMinute: 3, publicBodyLimit: 2048 });
    await seedDemo(ctx.db);
  });
  after(() => ctx.close());

  it('publishes OpenAPI 3.1 listing every route with its schemas', async () => {
    const response = await ctx.app.inject({ url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'Tandem API');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op]),
    );
    const names = Object.fromEntries(operations.map(([route, op]) => [op.operationId, route]));
    assert.deepEqual(names, {
      health: 'GET /healthz',
      getPublicSurvey: 'GET /api/v1/public/surveys/{surveyId}',
      submitSurveyResponse: 'POST /api/v1/public/surveys/{surveyId}/responses',
      listSurveys: 'GET /api/v1/surveys',
      createSurvey: 'POST /api/v1/surveys',
      getSurvey: 'GET /api/v1/surveys/{surveyId}',
      updateSurvey: 'PATCH /api/v1/surveys/{surveyId}',
      publishSurvey: 'POST /api/v1/surveys/{surveyId}/publish',
      closeSurvey: 'POST /api/v1/surveys/{surveyId}/close',
      unpublishSurvey: 'POST /api/v1/surveys/{surveyId}/unpublish',
      getSurveyResults: 'GET /api/v1/surveys/{surveyId}/results',
      getSurveyResultsCsv: 'GET /api/v1/surveys/{surveyId}/results.csv',
      getPublicEvent: 'GET /api/v1/public/events/{eventId}',
      createRsvp: 'POST /api/v1/public/events/{eventId}/rsvps',
      getRsvp: 'GET /api/v1/public/rsvps/{rsvpId}',
      updateRsvp: 'PATCH /api/v1/public/rsvps/{rsvpId}',
      cancelRsvp: 'POST /api/v1/public/rsvps/{rsvpId}/cancel',
      getEventIcs: 'GET /api/v1/public/events/{eventId}/event.ics',
      getSchoolCalendar: 'GET /calendar/{schoolId}.ics',
      listEvents: 'GET /api/v1/events',
      createEvent: 'POST /api/v1/events',
      getEvent: 'GET /api/v1/events/{eventId}',
      updateEvent: 'PATCH /api/v1/events/{eventId}',
      publishEvent: 'POST /api/v1/events/{eventId}/publish',
      cancelEvent: 'POST /api/v1/events/{eventId}/cancel',
      getEventAttendees: 'GET /api/v1/events/{eventId}/attendees',
      getEventAttendeesCsv: 'GET /api/v1/events/{eventId}/attendees.csv',
      checkInRsvp: 'POST /api/v1/events/{eventId}/rsvps/{rsvpId}/check-in',
      undoCheckInRsvp: 'DELETE /api/v1/events/{eventId}/rsvps/{rsvpId}/check-in',
      listPublicResources: 'GET /api/v1/public/resources',
      getPublicResource: 'GET /api/v1/public/resources/{resourceId}',
      submitResourceFeedback: 'POST /api/v1/public/resources/{resourceId}/feedback',
      getPublicLesson: 'GET /api/v1/public/lessons/{lessonId}',
      completeLesson: 'POST /api/v1/public/lessons/{lessonId}/completions',
      listResources: 'GET /api/v1/resources',
      createResource: 'POST /api/v1/resources',
      getResource: 'GET /api/v1/resources/{resourceId}',
      updateResource: 'PATCH /api/v1/resources/{resourceId}',
      publishResource: 'POST /api/v1/resources/{resourceId}/publish',
      unpublishResource: 'POST /api/v1/resources/{resourceId}/unpublish',
      getResourceFeedback: 'GET /api/v1/resources/{resourceId}/feedback',
      getResourceFeedbackOverview: 'GET /api/v1/resource-feedback',
      importResources: 'POST /api/v1/resources/import',
      exportResources: 'GET /api/v1/resources/export.json',
      listLessons: 'GET /api/v1/lessons',
      createLesson: 'POST /api/v1/lessons',
      getLesson: 'GET /api/v1/lessons/{lessonId}',
      updateLesson: 'PATCH /api/v1/lessons/{lessonId}',
      publishLesson: 'POST /api/v1/lessons/{lessonId}/publish',
      unpublishLesson: 'POST /api/v1/lessons/{lessonId}/unpublish',
      getLessonCompletions: 'GET /api/v1/lessons/{lessonId}/completions',
      createIdentitySession: 'POST /api/v1/public/family-sessions/identity',
      requestEmailLink: 'POST /api/v1/public/family-sessions/email-link-requests',
      createEmailLinkSession: 'POST /api/v1/public/family-sessions/email-link',
      createInviteSession: 'POST /api/v1/public/family-sessions/invite',
      refreshFamilySession: 'POST /api/v1/public/family-sessions/refresh',
      signOutFamily: 'POST /api/v1/family/sign-out',
      getFamilyHome: 'GET /api/v1/family/home',
      listFamilyConversations: 'GET /api/v1/family/conversations',
      openFamilyConversation: 'POST /api/v1/family/conversations',
      listFamilyMessages: 'GET /api/v1/family/conversations/{conversationId}/messages',
      sendFamilyMessage: 'POST /api/v1/family/conversations/{conversationId}/messages',
      markFamilyRead: 'POST /api/v1/family/conversations/{conversationId}/read',
      createFamilyStreamTicket: 'POST /api/v1/family/stream-tickets',
      familyStream: 'GET /api/v1/family/stream',
      listIdentityKeys: 'GET /api/v1/identity-keys',
      createIdentityKey: 'POST /api/v1/identity-keys',
      revokeIdentityKey: 'POST /api/v1/identity-keys/{keyId}/revoke',
      createFamily: 'POST /api/v1/families',
      getFamily: 'GET /api/v1/families/{familyId}',
      createInvite: 'POST /api/v1/invites',
      getInbox: 'GET /api/v1/inbox',
      listStaffMessages: 'GET /api/v1/conversations/{conversationId}/messages',
      sendStaffMessage: 'POST /api/v1/conversations/{conversationId}/messages',
      markStaffRead: 'POST /api/v1/conversations/{conversationId}/read',
      setSchoolMessaging: 'PUT /api/v1/schools/{schoolId}/messaging',
      getSchoolMessaging: 'GET /api/v1/schools/{schoolId}/messaging',
      getStaffMessaging: 'GET /api/v1/schools/{schoolId}/staff/{staffUserId}/messaging',
      setStaffMessaging: 'PUT /api/v1/schools/{schoolId}/staff/{staffUserId}/messaging',
      exportConversation: 'GET /api/v1/conversations/{conversationId}/export.csv',
      createInboxStreamTicket: 'POST /api/v1/inbox/stream-tickets',
      inboxStream: 'GET /api/v1/inbox/stream',
      signIn: 'POST /api/v1/session',
      getSession: 'GET /api/v1/session',
      signOut: 'DELETE /api/v1/session',
      signOutEverywhere: 'POST /api/v1/session/sign-out-everywhere',
      changePassword: 'POST /api/v1/session/password',
      requestPasswordReset: 'POST /api/v1/session/password-reset',
      completePasswordReset: 'POST /api/v1/session/password-reset/complete',
      listAudit: 'GET /api/v1/audit',
      getEmbedOrigins: 'GET /api/v1/organization/embed-origins',
      setEmbedOrigins: 'PUT /api/v1/organization/embed-origins',
      translateContent: 'POST /api/v1/content-translations',
      listLtiRegistrations: 'GET /api/v1/lti/registrations',
      createLtiRegistration: 'POST /api/v1/lti/registrations',
      approveLtiRegistration: 'POST /api/v1/lti/registrations/{registrationId}/approve',
      disableLtiRegistration: 'POST /api/v1/lti/registrations/{registrationId}/disable',
      importLtiRoster: 'POST /api/v1/lti/contexts/{contextId}/roster-imports',
    });
    const submitOp = doc.paths['/api/v1/public/surveys/{surveyId}/responses'].post;
    assert.ok(submitOp.requestBody.content['application/json'].schema.properties.answers);
    assert.ok(submitOp.parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key'));
    assert.ok(submitOp.responses['201']);
    assert.ok(submitOp.responses['4XX'].content['application/problem+json']);
    assert.deepEqual(doc.paths['/api/v1/surveys'].get.security, [{ bearerAuth: [] }]);
    assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
  });

  it('answers preflight and reads from any origin on public routes, exposing Retry-After', async () => {
    const preflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}/responses`,
      headers: {
        origin: 'https://lincoln-school.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(preflight.headers['access-control-allow-methods'], /POST/);
    assert.match(preflight.headers['access-control-allow-headers'].toLowerCase(), /idempotency-key/);
    assert.match(preflight.headers['access-control-allow-headers'].toLowerCase(), /content-type/);

    const read = await ctx.app.inject({
      url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}`,
      headers: { origin: 'https://another-site.example' },
    });
    assert.equal(read.headers['access-control-allow-origin'], '*');
    assert.match(read.headers['access-control-expose-headers'], /Retry-After/);
    assert.equal(read.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(read.headers['x-content-type-options'], 'nosniff', 'helmet headers are on');
  });

  it('gives staff routes no CORS grant and a same-origin resource policy', async () => {
    const tenant = await createTenant(ctx.db, 'cors-check');
    const response = await ctx.app.inject({ url: '/api/v1/surveys', headers: { ...tenant.auth, origin: 'https://evil.example' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], undefined);
    assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin');
    const preflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/surveys',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.notEqual(preflight.statusCode, 204);
  });

  it('refuses a public body over the limit with 413 problem', async () => {
    const response = await submit(
      ctx.app,
      FAMILY_SURVEY_ID,
      { locale: 'en', answers: { ...answers, 'q-improve': 'x'.repeat(3000) } },
      { remoteAddress: '10.0.0.9' },
    );
    assert.equal(response.statusCode, 413);
    assert.ok(isProblemResponse(response));
    assert.equal(response.json().type, 'https://tandem.school/problems/too-large');
  });

  it('rate-limits public writes per IP with 429 problem and Retry-After', async () => {
    const from = (remoteAddress) =>
      submit(ctx.app, FAMILY_SURVEY_ID, { locale: 'en', answers }, { remoteAddress, headers: { origin: 'https://school.example' } });
    for (let i = 0; i < 3; i++) assert.equal((await from('10.0.0.1')).statusCode, 201);
    const limited = await from('10.0.0.1');
    assert.equal(limited.statusCode, 429);
    assert.ok(isProblemResponse(limited));
    assert.equal(limited.json().type, 'https://tandem.school/problems/rate-limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(limited.headers['access-control-allow-origin'], '*', 'the widget can read the 429 from another origin');
    assert.equal((await from('10.0.0.2')).statusCode, 201, 'another family is not affected');
    // Reads are not limited.
    assert.equal((await ctx.app.inject({ url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}`, remoteAddress: '10.0.0.1' })).statusCode, 200);
  });

  it('answers unknown routes with 404 problem', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.ok(isProblemResponse(response));
    assert.equal(response.json().status, 404);
  });

  it('starts without the embed bundle and answers 404 for /tandem.js', async () => {
    const response = await ctx.app.inject({ url: '/tandem.js' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['cache-control'], undefined, 'a missing bundle is not cached');
  });
});

describe('embed bundle and demo site', () => {
  let ctx;
  before(async () => {
    const base = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'tandem-assets-'));
    const assetsDir = join(base, 'cdn');
    mkdirSync(join(assetsDir, 'widgets'), { recursive: true });
    mkdirSync(join(assetsDir, 'chunks'), { recursive: true });
    writeFileSync(join(assetsDir, 'tandem.js'), 'globalThis.tandemLoaded = true;\n');
    writeFileSync(join(assetsDir, 'widgets', 'survey.js'), 'export const survey = 1;\n');
    writeFileSync(join(assetsDir, 'chunks', 'core-abc123.js'), 'export const core = 1;\n');
    const demoDir = join(base, 'demo');
    mkdirSync(demoDir);
    writeFileSync(join(demoDir, 'index.html'), '<!doctype html><title>Lincoln Elementary</title>');
    ctx = await startApp(sqliteTarget, { assetsDir, demoDir, demo: true });
  });
  after(() => ctx.close());

  it('serves the loader and widget entries with a short cache, for any origin', async () => {
    for (const url of ['/tandem.js', '/widgets/survey.js']) {
      const response = await ctx.app.inject({ url, headers: { origin: 'https://school.example' } });
      assert.equal(response.statusCode, 200, url);
      assert.match(response.headers['content-type'], /^(text|application)\/javascript/);
      assert.equal(response.headers['cache-control'], 'public, max-age=300, stale-while-revalidate=86400');
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
    }
    assert.equal((await ctx.app.inject({ url: '/tandem.js' })).body, 'globalThis.tandemLoaded = true;\n');
  });

  it('serves hashed chunks as immutable', async () => {
    const response = await ctx.app.inject({ url: '/chunks/core-abc123.js' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal((await ctx.app.inject({ url: '/chunks/missing-000.js' })).statusCode, 404);
  });

  it('serves the demo site at / and keeps the API reachable beside it', async () => {
    const page = await ctx.app.inject({ url: '/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.body, /Lincoln Elementary/);
    const survey = await ctx.app.inject({ url: `/api/v1/public/surveys/${FAMILY_SURVEY_ID}` });
    assert.equal(survey.statusCode, 200, 'demo mode seeded the family survey');
    const missing = await ctx.app.inject({ url: '/api/v1/nope' });
    assert.equal(missing.statusCode, 404);
    assert.ok(isProblemResponse(missing));
  });
});
