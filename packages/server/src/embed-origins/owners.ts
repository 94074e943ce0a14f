/**
 * Which organization a public request or an embed page is about: from the content id in its path, the
 * school or organization it names, or the family credential it carries. Content never moves to another
 * organization, so what was found once is remembered (unknown ids are not: they may be created later).
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { normalizeInviteCode } from '@tandem/protocol';
import { bearerTokenOf } from '../auth.js';
import type { DatabaseSchema } from '../db/schema.js';
import { authenticateFamily } from '../identity/family-sessions.js';
import { inviteCodeHash } from '../identity/invites.js';
import { sha256Hex } from '../secrets.js';

type Db = Kysely<DatabaseSchema>;

export type OwnedKind = 'survey' | 'event' | 'rsvp' | 'resource' | 'lesson' | 'school' | 'organization-slug';

const TABLES = {
  survey: 'surveys',
  event: 'events',
  rsvp: 'rsvps',
  resource: 'resources',
  lesson: 'lessons',
  school: 'schools',
} as const satisfies Record<Exclude<OwnedKind, 'organization-slug'>, string>;

/** Route parameters that name owned content. */
const PARAM_KINDS: [string, OwnedKind][] = [
  ['surveyId', 'survey'],
  ['eventId', 'event'],
  ['rsvpId', 'rsvp'],
  ['resourceId', 'resource'],
  ['lessonId', 'lesson'],
  ['schoolId', 'school'],
];

/** The embed page widgets and the kind of id their path carries. */
export const EMBED_WIDGET_KINDS: Readonly<Record<string, OwnedKind>> = {
  survey: 'survey',
  'event-rsvp': 'event',
  'resource-card': 'resource',
  'resource-list': 'school',
  'lesson-viewer': 'lesson',
  'message-box': 'school',
};

export class ContentOwners {
  readonly #known = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly limit = 10_000,
  ) {}

  async of(kind: OwnedKind, id: string): Promise<string | undefined> {
    const key = `${kind}:${id}`;
    const hit = this.#known.get(key);
    if (hit) return hit;
    const found = await this.#lookUp(kind, id);
    if (found) {
      if (this.#known.size >= this.limit) this.#known.delete(this.#known.keys().next().value!);
      this.#known.set(key, found);
    }
    return found;
  }

  async #lookUp(kind: OwnedKind, id: string): Promise<string | undefined> {
    if (kind === 'organization-slug') {
      return (await this.db.selectFrom('organizations').select('id').where('slug', '=', id).executeTakeFirst())?.id;
    }
    const row = await this.db
      .selectFrom(TABLES[kind] as 'surveys')
      .select('organization_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.organization_id;
  }

  /**
   * The organization a public or family API request concerns, or undefined when it names none the server
   * knows (the route then answers as it always does, usually 404 or 401).
   */
  async ofRequest(request: FastifyRequest): Promise<string | undefined> {
    const params = (request.params ?? {}) as Record<string, unknown>;
    for (const [param, kind] of PARAM_KINDS) {
      const value = params[param];
      if (typeof value === 'string') return this.of(kind, value);
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (typeof query.school === 'string') return this.of('school', query.school);
    if (typeof query.organization === 'string') return this.of('organization-slug', query.organization);
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    if (typeof body.organization === 'string') return this.of('organization-slug', body.organization);
    return this.#ofFamilyCredential(request, query, body);
  }

  /** Family sign-in and message routes: the organization of the token, code or ticket presented (none is used up here). */
  async #ofFamilyCredential(
    request: FastifyRequest,
    query: Record<string, unknown>,
    body: Record<string, unknown>,
  ): Promise<string | undefined> {
    const bearer = bearerTokenOf(request);
    if (bearer && request.url.startsWith('/api/v1/family/')) return (await authenticateFamily(this.db, bearer))?.organizationId;
    if (typeof body.refreshToken === 'string') {
      const row = await this.db
        .selectFrom('family_tokens as t')
        .innerJoin('family_sessions as s', 's.id', 't.session_id')
        .select('s.organization_id')
        .where('t.token_hash', '=', sha256Hex(body.refreshToken))
        .executeTakeFirst();
      return row?.organization_id;
    }
    // Email links are hashed as `email-link:<token>` (identity/invites.ts), printed codes by inviteCodeHash.
    const inviteHash =
      typeof body.token === 'string'
        ? sha256Hex(`email-link:${body.token.trim()}`)
        : typeof body.code === 'string' && normalizeInviteCode(body.code)
          ? inviteCodeHash(body.code)
          : undefined;
    if (inviteHash) {
      const row = await this.db
        .selectFrom('family_invites')
        .select('organization_id')
        .where('code_hash', '=', inviteHash)
        .executeTakeFirst();
      return row?.organization_id;
    }
    if (typeof query.ticket === 'string') {
      const row = await this.db
        .selectFrom('stream_tickets')
        .select('organization_id')
        .where('ticket_hash', '=', sha256Hex(query.ticket))
        .executeTakeFirst();
      return row?.organization_id;
    }
    return undefined;
  }
}
