/**
 * Names and Role Provisioning Services: a client-credentials token (a client assertion signed with the
 * tool key), then every page of the course's memberships (following `Link: rel="next"`), stored as
 * course members and LTI users. Upserts throughout, so importing the same roster again changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Insertable, Kysely } from 'kysely';
import type { LtiRosterImportResult } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { LtiConfig } from './config.js';
import { NRPS_SCOPE } from './dynamic-registration.js';
import { classifyRoles, studentIdFor } from './identity-mapping.js';
import type { ToolKeys } from './keys.js';
import { OutboundError, outboundJson } from './outbound.js';
import type { RegistrationRow } from './registrations.js';
import type { LtiContextMembersTable, LtiMentorLinksTable, LtiUsersTable } from './tables.js';

type Db = Kysely<DatabaseSchema>;

export const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** A roster bigger than this is refused rather than fetched forever (a looping `next` link, say). */
const MAX_PAGES = 500;

export async function clientCredentialsToken(
  config: LtiConfig,
  keys: ToolKeys,
  registration: RegistrationRow,
  scope: string,
): Promise<string> {
  const { kid, key } = await keys.current();
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuer(registration.client_id)
    .setSubject(registration.client_id)
    .setAudience(registration.token_endpoint)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(key);
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope,
  }).toString();
  const { json } = await outboundJson(config.fetchPolicy, registration.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  if (typeof json.access_token !== 'string') throw new OutboundError('The LMS token endpoint answered without an access_token.');
  return json.access_token;
}

/** The `rel="next"` target of a Link header, if any. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (!value) return undefined;
  for (const part of value.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

interface Member {
  user_id?: unknown;
  roles?: unknown;
  status?: unknown;
  name?: unknown;
  email?: unknown;
  role_scope_mentor?: unknown;
}

export async function importRoster(
  db: Db,
  config: LtiConfig,
  keys: ToolKeys,
  registration: RegistrationRow,
  contextId: string,
  membershipsUrl: string,
): Promise<LtiRosterImportResult> {
  const accessToken = await clientCredentialsToken(config, keys, registration, NRPS_SCOPE);
  const result: LtiRosterImportResult = {
    contextId,
    registrationId: registration.id,
    pages: 0,
    members: 0,
    learners: 0,
    staff: 0,
    mentors: 0,
    inactive: 0,
  };
  const seen = new Set<string>();
  let url: string | undefined = membershipsUrl;
  while (url) {
    if (result.pages >= MAX_PAGES) throw new OutboundError(`The roster has more than ${MAX_PAGES} pages.`);
    // Every page must stay on the LMS that gave the first one: a `next` link cannot send the token elsewhere.
    if (new URL(url).origin !== new URL(membershipsUrl).origin) throw new OutboundError('A roster page pointed at another site.');
    const { json, headers } = await outboundJson(config.fetchPolicy, url, {
      headers: { accept: NRPS_MEDIA_TYPE, authorization: `Bearer ${accessToken}` },
    });
    result.pages += 1;
    const members = Array.isArray(json.members) ? (json.members as Member[]) : [];
    await storePage(db, registration, contextId, members, result, seen);
    url = nextLink(headers.link);
  }
  return result;
}

async function storePage(
  db: Db,
  registration: RegistrationRow,
  contextId: string,
  members: Member[],
  result: LtiRosterImportResult,
  seen: Set<string>,
) {
  const now = new Date().toISOString();
  const memberRows: Insertable<LtiContextMembersTable>[] = [];
  const userRows: Insertable<LtiUsersTable>[] = [];
  const mentorLinks: Insertable<LtiMentorLinksTable>[] = [];
  for (const member of members) {
    const userId = typeof member.user_id === 'string' && member.user_id.length <= 255 ? member.user_id : undefined;
    if (!userId || seen.has(userId)) continue;
    seen.add(userId);
    const roles = Array.isArray(member.roles) ? member.roles.filter((r): r is string => typeof r === 'string') : [];
    const status = typeof member.status === 'string' ? member.status : 'Active';
    memberRows.push({
      registration_id: registration.id,
      context_id: contextId,
      lti_user_id: userId,
      roles: JSON.stringify(roles),
      status,
      updated_at: now,
    });
    result.members += 1;
    if (status !== 'Active') {
      result.inactive += 1;
      continue;
    }
    const kind = classifyRoles(roles);
    if (!kind) continue;
    if (kind === 'student') result.learners += 1;
    else if (kind === 'staff') result.staff += 1;
    else result.mentors += 1;
    userRows.push({
      registration_id: registration.id,
      lti_user_id: userId,
      organization_id: registration.organization_id,
      kind,
      name: typeof member.name === 'string' ? member.name.slice(0, 200) : null,
      email: typeof member.email === 'string' ? member.email.slice(0, 254) : null,
      staff_user_id: null,
      family_id: null,
      student_id: kind === 'student' ? studentIdFor(registration.id, userId) : null,
      created_at: now,
      updated_at: now,
    });
    // NRPS does not say whom a mentor observes; some platforms add it per member, and then it is kept.
    if (kind === 'mentor' && Array.isArray(member.role_scope_mentor)) {
      for (const student of member.role_scope_mentor) {
        if (typeof student === 'string' && student.length <= 255) {
          mentorLinks.push({ registration_id: registration.id, mentor_user_id: userId, student_user_id: student, created_at: now });
        }
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    // Chunks keep each statement under SQLite's and PostgreSQL's parameter limits.
    for (let i = 0; i < memberRows.length; i += 100) {
      await trx
        .insertInto('lti_context_members')
        .values(memberRows.slice(i, i + 100))
        .onConflict((oc) =>
          oc.columns(['registration_id', 'context_id', 'lti_user_id']).doUpdateSet((eb) => ({
            roles: eb.ref('excluded.roles'),
            status: eb.ref('excluded.status'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    for (let i = 0; i < userRows.length; i += 50) {
      await trx
        .insertInto('lti_users')
        .values(userRows.slice(i, i + 50))
        .onConflict((oc) =>
          // A launch may already have linked this person to a staff member or a family: keep those links.
          oc.columns(['registration_id', 'lti_user_id']).doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            name: eb.fn.coalesce('excluded.name', 'lti_users.name'),
            email: eb.fn.coalesce('excluded.email', 'lti_users.email'),
            student_id: eb.fn.coalesce('lti_users.student_id', 'excluded.student_id'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    for (let i = 0; i < mentorLinks.length; i += 100) {
      await trx
        .insertInto('lti_mentor_links')
        .values(mentorLinks.slice(i, i + 100))
        .onConflict((oc) => oc.columns(['registration_id', 'mentor_user_id', 'student_user_id']).doNothing())
        .execute();
    }
  });
}
