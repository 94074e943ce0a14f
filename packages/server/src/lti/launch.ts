/**
 * What a validated launch leads to. A resource link opens its widget's iframe page (`/embed/<widget>/<id>`)
 * in the launch's language; a message box opened by a learner or a mentor arrives signed in as their
 * family, through a single-use sign-in token in the URL fragment (never the query, never a log). A deep
 * linking request opens the content picker, for course staff only.
 */
import type { Kysely } from 'kysely';
import { matchSupportedLocale } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import { createEmailLink } from '../identity/invites.js';
import type { LtiConfig } from './config.js';
import { isLinkable, linkableContent } from './content.js';
import { deepLinkSettingsOf, pickerPage, startDeepLinkSession } from './deep-linking.js';
import { classifyRoles, mapLaunchIdentity, type MappedIdentity } from './identity-mapping.js';
import { CLAIM, LaunchFailure, type ValidatedLaunch } from './launch-validation.js';
import type { RegistrationRow } from './registrations.js';
import { ltiTexts } from './texts.js';

type Db = Kysely<DatabaseSchema>;

export type LaunchResult = { redirect: string; identity: MappedIdentity } | { page: string; identity: MappedIdentity };

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown, max = 255) => (typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined);

/** The launch's language: the LMS's presentation locale, else the user's, else English. */
export function launchLocale(claims: Record<string, unknown>): string {
  return text(record(claims[CLAIM.launchPresentation]).locale, 35) ?? text(claims.locale, 35) ?? 'en';
}

/** A course seen at launch, with its roster URL, so staff can import its members later. */
async function rememberContext(db: Db, registration: RegistrationRow, claims: Record<string, unknown>): Promise<void> {
  const context = record(claims[CLAIM.context]);
  const contextId = text(context.id);
  if (!contextId) return;
  const membershipsUrl = text(record(claims[CLAIM.nrps]).context_memberships_url, 2000) ?? null;
  const now = new Date().toISOString();
  await db
    .insertInto('lti_contexts')
    .values({
      registration_id: registration.id,
      context_id: contextId,
      organization_id: registration.organization_id,
      title: text(context.title, 200) ?? null,
      memberships_url: membershipsUrl,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['registration_id', 'context_id']).doUpdateSet({
        title: text(context.title, 200) ?? null,
        ...(membershipsUrl ? { memberships_url: membershipsUrl } : {}),
        updated_at: now,
      }),
    )
    .execute();
}

export async function completeLaunch(db: Db, config: LtiConfig, launch: ValidatedLaunch): Promise<LaunchResult> {
  const { registration, claims } = launch;
  const locale = launchLocale(claims);
  const sub = text(claims.sub);
  const roles = Array.isArray(claims[CLAIM.roles]) ? (claims[CLAIM.roles] as unknown[]) : [];
  const mentorOf = Array.isArray(claims[CLAIM.roleScopeMentor])
    ? (claims[CLAIM.roleScopeMentor] as unknown[]).filter((s): s is string => typeof s === 'string')
    : undefined;
  // Checked before anyone is created, so a refused picker leaves nothing behind.
  if (launch.messageType === 'LtiDeepLinkingRequest' && (!sub || classifyRoles(roles) !== 'staff')) throw new LaunchFailure('role');
  // An anonymous launch (no `sub`) is allowed for resource links: the widgets are public anyway.
  const identity: MappedIdentity = sub
    ? await mapLaunchIdentity(db, registration, {
        sub,
        name: text(claims.name, 200),
        email: text(claims.email, 254),
        locale,
        roles,
        mentorOf,
      })
    : { kind: undefined };
  await rememberContext(db, registration, claims);

  if (launch.messageType === 'LtiDeepLinkingRequest') {
    const settings = deepLinkSettingsOf(claims);
    const secret = await startDeepLinkSession(db, registration, launch.deploymentId, settings, locale);
    const groups = await linkableContent(db, registration, locale, ltiTexts(locale).messageBox);
    return { page: pickerPage(locale, secret, groups), identity };
  }

  const custom = record(claims[CLAIM.custom]);
  const widget = text(custom.widget, 64);
  const id = text(custom.id, 64);
  if (!widget || !id || !(await isLinkable(db, registration, widget, id))) {
    throw new LaunchFailure('content', `custom ${JSON.stringify({ widget: custom.widget, id: custom.id })}`);
  }
  const url = new URL(`${config.baseUrl}/embed/${encodeURIComponent(widget)}/${encodeURIComponent(id)}`);
  const lang = matchSupportedLocale(locale);
  if (lang) url.searchParams.set('lang', lang);
  if (widget === 'message-box' && identity.familyId) {
    const { token } = await createEmailLink(db, { organizationId: registration.organization_id, familyId: identity.familyId });
    url.hash = `tandem-sign-in=${encodeURIComponent(token)}`;
  }
  return { redirect: url.href, identity };
}
