#!/usr/bin/env node
/** tandem-server: start the backend, migrate, seed the demo, create organizations, schools, staff users and API tokens. */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { databaseConfigFromEnv, openDatabase, type TandemDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations.js';
import type { StaffRole } from './db/schema.js';
import { seedDemo } from './seed/demo.js';
import { exportHsds, importHsds } from './store/resource-import.js';
import {
  createApiToken,
  createStaffUser,
  ensureSchool,
  findOrganizationBySlug,
  schoolBelongsTo,
  STAFF_ROLES,
} from './store/organizations.js';
import { setSchoolMemberships } from './console-auth/memberships.js';
import { createStaffApiToken } from './messages/staff-tokens.js';
import { ServerKey } from './identity/server-key.js';
import { ToolKeys } from './lti/keys.js';

const USAGE = `Usage: tandem-server <command> [options]

Commands:
  start [--demo] [--port N] [--host H]   migrate, then serve the API (and with --demo, seed and serve demo/)
  migrate                                bring the database schema up to date
  seed-demo                              create the demo district "lincoln" with surveys, events, resources, lessons (idempotent)
  org create --slug SLUG --name N        add an organization (a district or a single school's own account)
  school create --org SLUG --name N [--id ID]
                                         add a school to an organization (the id defaults to one made from the name)
  staff create --org SLUG --email E --name N --role admin|staff [--password P] [--school ID]… [--school-admin ID]…
                                         add a staff user (password from --password, TANDEM_PASSWORD or a prompt);
                                         admin runs the whole organization; --school makes a staff user a member of a
                                         school, --school-admin its school admin (each may be repeated)
  token create --org SLUG --role admin|staff [--name N] [--staff EMAIL]
                                         create an API token; the token is the last line printed
                                         (--staff: the token acts for that staff member, e.g. their message inbox)
  resources import FILE --org SLUG [--publish] [--default-locale L] [--time-zone Z]
                                         import HSDS-style JSON; services with a known HSDS id are updated,
                                         others created as drafts (--publish: published); exits 1 if any was refused
  lti rotate-key                         give the LTI tool a new signing key; the previous one stays in the JWKS
                                         (/lti/jwks) so LMSs that cached it keep working until they fetch again
  resources export --org SLUG [--status published|draft] [--out FILE]
                                         write the organization's resources as HSDS JSON to FILE or stdout

Environment:
  PORT (8787), HOST (localhost), TANDEM_DATA_DIR (.tandem-data), DATABASE_URL (PostgreSQL instead of SQLite),
  DATABASE_SCHEMA (PostgreSQL schema, must exist), TANDEM_RATE_LIMIT_PER_MINUTE (60; 0 disables),
  TANDEM_TRUST_PROXY (1 behind a reverse proxy), LOG_LEVEL (info), TANDEM_LOG_REQUESTS (1 logs every request)`;

class UsageError extends Error {}

async function withDatabase<T>(work: (database: TandemDatabase) => Promise<T>): Promise<T> {
  const database = openDatabase(databaseConfigFromEnv());
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing --${name}.`);
  return value.trim();
}

function roleOf(values: Record<string, unknown>): StaffRole {
  const role = requireOption(values, 'role');
  if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of: ${STAFF_ROLES.join(', ')}.`);
  return role as StaffRole;
}

async function organizationId(database: TandemDatabase, slug: string): Promise<string> {
  const organization = await findOrganizationBySlug(database.db, slug);
  if (!organization)
    throw new UsageError(`No organization with slug "${slug}". Run "tandem-server seed-demo" for the demo district "lincoln".`);
  return organization.id;
}

function portOf(raw: string | undefined): number {
  const port = Number(raw ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Invalid port "${raw ?? process.env.PORT}".`);
  return port;
}

/** Reads a password without echoing it when a terminal is attached; reads one line from a pipe otherwise. */
async function promptPassword(): Promise<string> {
  const input = process.stdin;
  const rl = createInterface({ input, output: process.stderr, terminal: input.isTTY });
  if (input.isTTY) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    let prompted = false;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (text: string) => {
      if (!prompted) {
        prompted = true;
        write(text);
      }
    };
  }
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question('Password: ', (answer) => resolve(answer));
      rl.once('close', () => reject(new UsageError('No password given.')));
    });
  } finally {
    if (input.isTTY) process.stderr.write('\n');
    rl.close();
  }
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { demo: { type: 'boolean', default: false }, port: { type: 'string' }, host: { type: 'string' } },
  });
  const port = portOf(values.port);
  const host = values.host ?? process.env.HOST ?? 'localhost';
  // Sign-in links need this server's public address; without TANDEM_PUBLIC_URL it is where it listens
  // (right for development and the demo; a public deployment sets TANDEM_PUBLIC_URL).
  const publicUrl = process.env.TANDEM_PUBLIC_URL || `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const app = await buildApp({
    demo: values.demo ?? false,
    messaging: { publicUrl },
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    logRequests: process.env.TANDEM_LOG_REQUESTS === '1',
    trustProxy: process.env.TANDEM_TRUST_PROXY === '1' || process.env.TANDEM_TRUST_PROXY === 'true',
  });
  const shutdown = (signal: string) => {
    app.log.info(`${signal}: finishing pending writes and stopping`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  const database = app.tandem.database.dialect;
  console.log(`Tandem server ready at ${url} (database: ${database})${values.demo ? ` — demo school site at ${url}` : ''}`);
  if (values.demo) {
    console.log(
      'Staff API: create a token with "tandem-server token create --org lincoln --role admin", then send it as "Authorization: Bearer <token>".',
    );
  }
}

async function resources(rest: string[]): Promise<void> {
  const [sub, ...args] = rest;
  if (sub === 'import') {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        publish: { type: 'boolean' },
        'default-locale': { type: 'string' },
        'time-zone': { type: 'string' },
      },
    });
    const slug = requireOption(values, 'org');
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.');
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(positionals[0]!, 'utf8'));
    } catch (error) {
      throw new UsageError(`Cannot read ${positionals[0]} as JSON: ${(error as Error).message}`);
    }
    const result = await withDatabase(async (database) =>
      importHsds(database.db, await organizationId(database, slug), document, {
        publish: values.publish ?? false,
        ...(values['default-locale'] ? { defaultLocale: values['default-locale'] } : {}),
        ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      }),
    );
    for (const item of result.items.filter((i) => i.outcome === 'refused')) {
      const name = item.externalId ? `service "${item.externalId}"` : `service #${item.index + 1}`;
      for (const error of item.errors ?? []) console.error(`${name}: ${error.pointer || '/'} ${error.code}: ${error.detail}`);
    }
    console.log(`Imported into ${slug}: ${result.created} created, ${result.updated} updated, ${result.refused} refused.`);
    if (result.refused > 0) process.exitCode = 1;
    return;
  }
  if (sub === 'export') {
    const { values } = parseArgs({ args, options: { org: { type: 'string' }, status: { type: 'string' }, out: { type: 'string' } } });
    const slug = requireOption(values, 'org');
    const status = values.status;
    if (status !== undefined && status !== 'published' && status !== 'draft') throw new UsageError('--status must be published or draft.');
    const document = await withDatabase(async (database) => exportHsds(database.db, await organizationId(database, slug), status));
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      console.error(`Wrote ${(document.contents as unknown[]).length} resources of ${slug} to ${values.out}.`);
    } else process.stdout.write(text);
    return;
  }
  throw new UsageError('Use "resources import FILE --org SLUG" or "resources export --org SLUG".');
}

/** Slugs and school ids are what embed snippets and URLs carry: the API's own id shape. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** `lincoln-middle` from "Lincoln Middle School": lowercase ASCII letters and digits joined by dashes. */
function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents come apart under NFKD: ñ is n plus a mark
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

async function createOrganization(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { slug: { type: 'string' }, name: { type: 'string' } } });
  const slug = requireOption(values, 'slug');
  const name = requireOption(values, 'name');
  if (!ID_PATTERN.test(slug)) throw new UsageError('--slug may hold lowercase letters, digits, "-" and "_" (at most 64).');
  await withDatabase(async (database) => {
    if (await findOrganizationBySlug(database.db, slug)) throw new UsageError(`An organization with slug "${slug}" already exists.`);
    await database.db.insertInto('organizations').values({ id: randomUUID(), slug, name, created_at: new Date().toISOString() }).execute();
    console.log(`Created organization "${name}" (${slug}). Add its schools with "school create --org ${slug}".`);
  });
}

async function createSchool(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { org: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } } });
  const slug = requireOption(values, 'org');
  const name = requireOption(values, 'name');
  const id = values.id?.trim() || idFromName(name);
  if (!ID_PATTERN.test(id)) throw new UsageError('--id may hold lowercase letters, digits, "-" and "_" (at most 64).');
  await withDatabase(async (database) => {
    const orgId = await organizationId(database, slug);
    const taken = await database.db.selectFrom('schools').select('organization_id').where('id', '=', id).executeTakeFirst();
    if (taken) throw new UsageError(`A school with id "${id}" already exists; choose another with --id.`);
    await ensureSchool(database.db, orgId, id, name);
    console.log(`Created school "${name}" (${id}) in ${slug}.`);
    console.log(id);
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'migrate': {
      parseArgs({ args: rest, options: {} });
      const database = openDatabase(databaseConfigFromEnv());
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}.` : 'Database is already up to date.');
      } finally {
        await database.close();
      }
      return;
    }
    case 'seed-demo': {
      parseArgs({ args: rest, options: {} });
      await withDatabase((database) => seedDemo(database.db));
      console.log('Demo district "lincoln" with Lincoln Elementary, its surveys, Family Math Night, resources and lessons is in place.');
      return;
    }
    case 'org': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('Use "org create".');
      return createOrganization(args);
    }
    case 'school': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('Use "school create".');
      return createSchool(args);
    }
    case 'staff': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('Use "staff create".');
      const { values } = parseArgs({
        args,
        options: {
          org: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          password: { type: 'string' },
          school: { type: 'string', multiple: true },
          'school-admin': { type: 'string', multiple: true },
        },
      });
      const slug = requireOption(values, 'org');
      const email = requireOption(values, 'email');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`"${email}" is not an email address.`);
      const name = requireOption(values, 'name');
      const role = roleOf(values);
      await withDatabase(async (database) => {
        const orgId = await organizationId(database, slug);
        const password = values.password ?? process.env.TANDEM_PASSWORD ?? (await promptPassword());
        if ([...password].length < 10) throw new UsageError('The password needs at least 10 characters.');
        const existing = await database.db
          .selectFrom('staff_users')
          .select('id')
          .where('email', '=', email.toLowerCase())
          .executeTakeFirst();
        if (existing) throw new UsageError(`A staff user with email ${email.toLowerCase()} already exists.`);
        const schools = [
          ...(values.school ?? []).map((schoolId) => ({ schoolId, role: 'staff' as const })),
          ...(values['school-admin'] ?? []).map((schoolId) => ({ schoolId, role: 'admin' as const })),
        ];
        for (const { schoolId } of schools) {
          if (!(await schoolBelongsTo(database.db, schoolId, orgId))) throw new UsageError(`No school "${schoolId}" in ${slug}.`);
        }
        const user = await createStaffUser(database.db, { organizationId: orgId, email, name, role, password });
        await setSchoolMemberships(database.db, { organizationId: orgId, staffUserId: user.id, schools });
        const memberships = schools.map((s) => `${s.schoolId}: ${s.role}`).join(', ');
        console.log(`Created ${role} ${user.email} in ${slug}${memberships ? ` (${memberships})` : ''}.`);
      });
      return;
    }
    case 'token': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('Use "token create".');
      const { values } = parseArgs({
        args,
        options: { org: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, staff: { type: 'string' } },
      });
      const slug = requireOption(values, 'org');
      const role = roleOf(values);
      const name = values.name?.trim() || `${role} token`;
      await withDatabase(async (database) => {
        const orgId = await organizationId(database, slug);
        const staffEmail = values.staff?.trim().toLowerCase();
        const staffUser = staffEmail
          ? await database.db
              .selectFrom('staff_users')
              .select('id')
              .where('organization_id', '=', orgId)
              .where('email', '=', staffEmail)
              .executeTakeFirst()
          : undefined;
        if (staffEmail && !staffUser)
          throw new UsageError(`No staff user "${staffEmail}" in ${slug}; create one with "staff create" first.`);
        const { token } = staffUser
          ? await createStaffApiToken(database.db, { organizationId: orgId, staffUserId: staffUser.id, role, name })
          : await createApiToken(database.db, { organizationId: orgId, role, name });
        console.log(`Created ${role} API token "${name}" for ${slug}. It is shown only this once; store it somewhere safe.`);
        console.log(token);
      });
      return;
    }
    case 'lti': {
      const [sub, ...args] = rest;
      if (sub !== 'rotate-key') throw new UsageError('Use "lti rotate-key".');
      parseArgs({ args, options: {} });
      await withDatabase(async (database) => {
        const serverKey = new ServerKey(database.db, process.env.TANDEM_SECRET_KEY || undefined);
        const kid = await new ToolKeys(database.db, serverKey).rotate();
        console.log(`The LTI tool now signs with key ${kid}; the previous key stays published at /lti/jwks.`);
      });
      return;
    }
    case 'resources':
      return resources(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      if (command === undefined) process.exitCode = 1;
      return;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(`tandem-server: ${(error as Error).message}`);
  if (isUsage) console.error('Run "tandem-server help" for usage.');
  process.exitCode = isUsage ? 2 : 1;
});
