/**
 * Deep Linking 2.0: an instructor picks Tandem content in a server-rendered picker, and the tool answers the
 * LMS with a signed LtiDeepLinkingResponse (one ltiResourceLink whose custom parameters name the widget and
 * its id), auto-posted as the form field `JWT` to the LMS's return URL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { sha256Hex } from '../secrets.js';
import type { LinkableGroups, LinkableItem } from './content.js';
import type { ToolKeys } from './keys.js';
import { CLAIM, LaunchFailure } from './launch-validation.js';
import { escapeHtml, renderPage } from './pages.js';
import type { RegistrationRow } from './registrations.js';
import type { LtiDeepLinkSessionsTable } from './tables.js';
import { ltiTexts } from './texts.js';

type Db = Kysely<DatabaseSchema>;

const SESSION_TTL_MS = 60 * 60_000;
/** Height the LMS gives the frame until the widget reports its own (lti.frameResize). */
export const IFRAME_SIZE = { width: 800, height: 640 };

export interface DeepLinkSettings {
  returnUrl: string;
  data: string | undefined;
}

/** Reads the deep-linking settings of a launch, refusing a return URL that is not http(s) or content types without links. */
export function deepLinkSettingsOf(claims: Record<string, unknown>): DeepLinkSettings {
  const settings = claims[CLAIM.deepLinkingSettings] as Record<string, unknown> | undefined;
  const returnUrl = settings?.deep_link_return_url;
  let parsed: URL | undefined;
  try {
    parsed = typeof returnUrl === 'string' ? new URL(returnUrl) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!settings || !parsed || !['https:', 'http:'].includes(parsed.protocol))
    throw new LaunchFailure('accept-types', 'no usable deep_link_return_url');
  const accepts = settings.accept_types;
  if (Array.isArray(accepts) && !accepts.includes('ltiResourceLink'))
    throw new LaunchFailure('accept-types', `accept_types ${JSON.stringify(accepts)}`);
  return { returnUrl: parsed.href, data: typeof settings.data === 'string' ? settings.data : undefined };
}

export async function startDeepLinkSession(
  db: Db,
  registration: RegistrationRow,
  deploymentId: string,
  settings: DeepLinkSettings,
  locale: string,
): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('lti_deep_link_sessions')
    .values({
      id_hash: sha256Hex(`deep-link:${secret}`),
      registration_id: registration.id,
      deployment_id: deploymentId,
      return_url: settings.returnUrl,
      data: settings.data ?? null,
      locale,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + SESSION_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  return secret;
}

export function findDeepLinkSession(db: Db, secret: string): Promise<LtiDeepLinkSessionsTable | undefined> {
  return db
    .selectFrom('lti_deep_link_sessions')
    .selectAll()
    .where('id_hash', '=', sha256Hex(`deep-link:${secret}`))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .executeTakeFirst();
}

/** Marks the picker used; false when another submit got there first. */
export async function claimDeepLinkSession(db: Db, session: LtiDeepLinkSessionsTable): Promise<boolean> {
  const result = await db
    .updateTable('lti_deep_link_sessions')
    .set({ used_at: new Date().toISOString() })
    .where('id_hash', '=', session.id_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function signDeepLinkResponse(
  keys: ToolKeys,
  registration: RegistrationRow,
  session: Pick<LtiDeepLinkSessionsTable, 'deployment_id' | 'data'>,
  item: LinkableItem,
  targetLinkUrl: string,
): Promise<string> {
  const { kid, key } = await keys.current();
  const contentItem = {
    type: 'ltiResourceLink',
    title: item.title,
    url: targetLinkUrl,
    custom: { widget: item.widget, id: item.id },
    iframe: IFRAME_SIZE,
    window: { targetName: 'tandem' },
  };
  return new SignJWT({
    nonce: randomUUID(),
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: session.deployment_id,
    [CLAIM.contentItems]: [contentItem],
    ...(session.data !== null ? { [CLAIM.deepLinkData]: session.data } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuer(registration.client_id)
    .setAudience(registration.issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

/** Item values in the picker form: `<widget>:<id>`. */
export const itemValue = (item: Pick<LinkableItem, 'widget' | 'id'>) => `${item.widget}:${item.id}`;

/** The picker: one radio group per kind of content, a plain form (keyboard and screen readers need nothing more). */
export function pickerPage(locale: string, secret: string, groups: LinkableGroups, error?: string): string {
  const t = ltiTexts(locale);
  const order = ['surveys', 'events', 'resources', 'lessons', 'messages'] as const;
  let first = true;
  const fieldsets = order
    .map((name) => {
      const items = groups[name];
      const options = items.length
        ? items
            .map((item) => {
              const id = `item-${escapeHtml(item.widget)}-${escapeHtml(item.id)}`;
              // `required` on one radio of the name makes the whole choice required in the browser too.
              // After a refused submit, focus starts on the choice that needs attention.
              const required = first ? ` required${error ? ' autofocus' : ''}` : '';
              first = false;
              return `<label for="${id}"><input type="radio" id="${id}" name="item" value="${escapeHtml(itemValue(item))}"${required}${error ? ' aria-describedby="picker-error"' : ''}>${escapeHtml(item.title)}</label>`;
            })
            .join('\n')
        : `<p>${escapeHtml(t.nothingPublished)}</p>`;
      return `<fieldset>\n<legend>${escapeHtml(t.groups[name])}</legend>\n${options}\n</fieldset>`;
    })
    .join('\n');
  return renderPage(
    t,
    t.pickerTitle,
    `<h1>${escapeHtml(t.pickerTitle)}</h1>
<p>${escapeHtml(t.pickerIntro)}</p>
${error ? `<p id="picker-error" class="lti-error" role="alert">${escapeHtml(error)}</p>` : ''}
<form id="lti-picker" method="post" action="/lti/deep-link/items">
<input type="hidden" name="session" value="${escapeHtml(secret)}">
${fieldsets}
<button type="submit">${escapeHtml(t.add)}</button>
</form>`,
  );
}
