// Shared test setup: a fresh database per suite (SQLite file in a temp dir, and PostgreSQL in its own
// schema when DATABASE_URL is set), an app built on it, and small request helpers.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, createApiToken, ensureOrganization, ensureSchool } from '../dist/index.js';

/** The databases every suite runs against. */
export function databaseTargets() {
  const targets = [{ name: 'sqlite', create: createSqliteTarget }];
  if (process.env.DATABASE_URL) targets.push({ name: 'postgres', create: createPostgresTarget });
  return targets;
}

async function createSqliteTarget() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  return {
    dir,
    config: { dialect: 'sqlite', file: join(dir, 'tandem.sqlite') },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function createPostgresTarget() {
  const url = process.env.DATABASE_URL;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  return {
    dir,
    schema,
    config: { dialect: 'postgres', url, schema, poolSize: 4 },
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/**
 * Builds an app on a fresh database of `target`. Returns the app and `close()`, which also removes
 * the database. Rate limiting is off unless the test asks for it.
 */
export async function startApp(target, options = {}) {
  const db = await target.create();
  const app = await buildApp({ database: db.config, rateLimitPerMinute: 0, assetsDir: join(db.dir, 'no-assets'), ...options });
  return {
    app,
    db: app.tandem.database.db,
    dir: db.dir,
    config: db.config,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

/** An organization with one school and an API token, for staff-route tests. */
export async function createTenant(db, slug, role = 'admin') {
  const organization = await ensureOrganization(db, slug, `${slug} district`);
  const schoolId = `${slug}-school`;
  await ensureSchool(db, organization.id, schoolId, `${slug} school`);
  const { token } = await createApiToken(db, { organizationId: organization.id, role, name: 'test' });
  return { organizationId: organization.id, schoolId, token, auth: { authorization: `Bearer ${token}` } };
}

export function submit(app, surveyId, body, { key = randomUUID(), headers = {}, remoteAddress } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/public/surveys/${encodeURIComponent(surveyId)}/responses`,
    headers: { 'idempotency-key': key, ...headers },
    payload: body,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

export async function countRows(db, table, where = {}) {
  let query = db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A survey covering every question type, for creating through the staff API. */
export function sampleSurveyInput(schoolId, overrides = {}) {
  return {
    schoolId,
    defaultLocale: 'en',
    title: { en: 'Test survey', es: 'Encuesta de prueba' },
    sections: [
      {
        id: 's1',
        questions: [
          {
            id: 'color',
            type: 'single-choice',
            required: true,
            prompt: { en: 'Favourite colour?', es: '¿Color favorito?' },
            options: [
              { id: 'red', label: { en: 'Red', es: 'Rojo' } },
              { id: 'blue', label: { en: 'Blue', es: 'Azul' } },
            ],
          },
          {
            id: 'days',
            type: 'multiple-choice',
            prompt: { en: 'Which days work?' },
            options: [
              { id: 'mon', label: { en: 'Monday' } },
              { id: 'tue', label: { en: 'Tuesday' } },
              { id: 'wed', label: { en: 'Wednesday' } },
            ],
          },
          { id: 'score', type: 'rating', scale: 5, prompt: { en: 'How satisfied are you?' } },
          { id: 'again', type: 'yes-no', prompt: { en: 'Would you come again?' } },
          { id: 'name', type: 'short-text', maxLength: 20, prompt: { en: 'Nickname' } },
          { id: 'notes', type: 'long-text', prompt: { en: 'Anything else?' } },
        ],
      },
    ],
    ...overrides,
  };
}

/** Creates and publishes a survey through the staff API; returns its id. */
export async function createPublishedSurvey(app, tenant, input = sampleSurveyInput(tenant.schoolId)) {
  const created = await app.inject({ method: 'POST', url: '/api/v1/surveys', headers: tenant.auth, payload: input });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id;
  const published = await app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/publish`, headers: tenant.auth });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return id;
}

export function isProblemResponse(response) {
  return /^application\/problem\+json/.test(response.headers['content-type'] ?? '');
}

/** An event for creating through the staff API: two future sessions, every need asked. */
export function sampleEventInput(schoolId, overrides = {}) {
  const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    schoolId,
    defaultLocale: 'en',
    timeZone: 'America/Chicago',
    title: { en: 'Family night', es: 'Noche familiar', hmn: 'Hmo tsev neeg' },
    description: { en: 'Games, dinner; fun\nfor all' },
    place: { name: { en: 'Gym' }, address: '1 Main St, Springfield', mapUrl: 'https://maps.example/1' },
    needsAsked: ['interpreter', 'childcare', 'transportation', 'accessibility'],
    sessions: [
      { id: 'early', startsAt: `${day}T17:00:00-06:00`, endsAt: `${day}T18:15:00-06:00`, capacity: 10 },
      { id: 'late', startsAt: `${day}T18:30:00-06:00`, endsAt: `${day}T19:45:00-06:00`, capacity: null },
    ],
    ...overrides,
  };
}

/** Creates and publishes an event through the staff API; returns its id. */
export async function createPublishedEvent(app, tenant, input = sampleEventInput(tenant.schoolId)) {
  const created = await app.inject({ method: 'POST', url: '/api/v1/events', headers: tenant.auth, payload: input });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id;
  const published = await app.inject({ method: 'POST', url: `/api/v1/events/${id}/publish`, headers: tenant.auth });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return id;
}

/** A valid RSVP body; override any field. */
export function rsvpBody(overrides = {}) {
  return {
    sessionId: 'early',
    response: 'going',
    adults: 1,
    children: 0,
    contact: { email: 'family@example.org' },
    locale: 'en',
    ...overrides,
  };
}

export function rsvp(app, eventId, body, { key = randomUUID(), remoteAddress } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/public/events/${encodeURIComponent(eventId)}/rsvps`,
    headers: { 'idempotency-key': key },
    payload: body,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

/** A resource for creating through the staff API: weekday hours in Chicago, Spanish and Somali spoken. */
export function sampleResourceInput(schoolIds, overrides = {}) {
  return {
    schoolIds,
    defaultLocale: 'en',
    name: { en: 'Food shelf', es: 'Despensa' },
    organizationName: 'Neighbors United',
    description: { en: 'Groceries once a week.', es: 'Comida una vez por semana.' },
    category: 'food',
    languages: ['en', 'es', 'so'],
    eligibility: { en: 'Anyone' },
    fees: { en: 'Free' },
    phones: [{ number: '651-555-0100', type: 'voice' }],
    location: { address: '1 Main St', city: 'Saint Paul', region: 'MN', postalCode: '55101' },
    timeZone: 'America/Chicago',
    schedule: { regular: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '17:00' })) },
    ...overrides,
  };
}

/** Creates and publishes a resource through the staff API; returns its id. */
export async function createPublishedResource(app, tenant, input = sampleResourceInput([tenant.schoolId])) {
  const created = await app.inject({ method: 'POST', url: '/api/v1/resources', headers: tenant.auth, payload: input });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id;
  const published = await app.inject({ method: 'POST', url: `/api/v1/resources/${id}/publish`, headers: tenant.auth });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return id;
}

/** A lesson for creating through the staff API, in English and Spanish. */
export function sampleLessonInput(overrides = {}) {
  return {
    schoolIds: [],
    defaultLocale: 'en',
    title: { en: 'Counting stairs', es: 'Contar escalones' },
    summary: { en: 'Count together on the way home.', es: 'Cuenten juntos camino a casa.' },
    gradeBand: 'k-2',
    subject: 'math',
    minutes: 10,
    sections: [{ id: 'intro', heading: { en: 'Why' }, body: { en: 'Counting *out loud* helps.', es: 'Contar *en voz alta* ayuda.' } }],
    steps: [{ en: 'Count each stair.', es: 'Cuenten cada escalón.' }],
    questions: [{ en: 'How many stairs?', es: '¿Cuántos escalones?' }],
    tip: { en: 'Count by twos next time.', es: 'La próxima vez cuenten de dos en dos.' },
    ...overrides,
  };
}

/** Creates and publishes a lesson through the staff API; returns its id. */
export async function createPublishedLesson(app, tenant, input = sampleLessonInput()) {
  const created = await app.inject({ method: 'POST', url: '/api/v1/lessons', headers: tenant.auth, payload: input });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id;
  const published = await app.inject({ method: 'POST', url: `/api/v1/lessons/${id}/publish`, headers: tenant.auth });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return id;
}
