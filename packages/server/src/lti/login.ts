/**
 * OIDC login initiation (LTI 1.3 step one): find the registration, make a state and a nonce, keep them in
 * the database (so any server process can take the launch), and send the browser to the platform's
 * authorization endpoint. The browser proves it started the login with a cookie named after the state,
 * or, when the platform offers its storage (`lti_storage_target`), with the state kept in the LMS frame.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { sha256Hex } from '../secrets.js';
import type { LtiConfig } from './config.js';
import { findRegistrationForLogin, type RegistrationRow } from './registrations.js';
import type { LtiFailure } from './texts.js';

type Db = Kysely<DatabaseSchema>;

export interface LoginParams {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
  lti_storage_target?: string;
}

export type LoginOutcome =
  | { kind: 'failure'; failure: LtiFailure; detail?: string }
  | { kind: 'waiting'; registration: RegistrationRow }
  | { kind: 'redirect'; authUrl: string; authOrigin: string; state: string; nonce: string; storageTarget?: string };

export const STATE_COOKIE_PREFIX = 'tandem_lti_';

/** The cookie that binds a state to this browser; named after part of its hash, so parallel launches in several frames do not collide. */
export function stateCookieName(state: string): string {
  return STATE_COOKIE_PREFIX + sha256Hex(`cookie:${state}`).slice(0, 24);
}

export const stateHash = (state: string) => sha256Hex(`lti-state:${state}`);

const STORAGE_TARGET = /^[A-Za-z0-9_-]{1,100}$/;

export async function beginLogin(db: Db, config: LtiConfig, params: LoginParams): Promise<LoginOutcome> {
  if (!config.baseUrl) return { kind: 'failure', failure: 'not-configured' };
  const issuer = params.iss?.trim();
  if (!issuer || !params.login_hint || !params.target_link_uri) return { kind: 'failure', failure: 'missing-parameters' };
  // The launch lands where the tool says, never where a request says: the target must be one of Tandem's own pages.
  if (!params.target_link_uri.startsWith(`${config.baseUrl}/lti/`)) return { kind: 'failure', failure: 'login-target' };
  const found = await findRegistrationForLogin(db, issuer, params.client_id || undefined);
  if (found === 'ambiguous') return { kind: 'failure', failure: 'ambiguous-registration' };
  if (!found) return { kind: 'failure', failure: 'unknown-registration', detail: `${issuer} / ${params.client_id ?? '?'}` };
  if (found.status !== 'approved') return { kind: 'waiting', registration: found };

  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  const storageTarget = params.lti_storage_target && STORAGE_TARGET.test(params.lti_storage_target) ? params.lti_storage_target : undefined;
  const now = Date.now();
  await db
    .insertInto('lti_login_states')
    .values({
      state_hash: stateHash(state),
      registration_id: found.id,
      nonce,
      target_link_uri: params.target_link_uri,
      storage_target: storageTarget ?? null,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + config.loginTtlMs).toISOString(),
      used_at: null,
    })
    .execute();

  const auth = new URL(found.authorization_endpoint);
  const query: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: found.client_id,
    redirect_uri: `${config.baseUrl}/lti/launch`,
    login_hint: params.login_hint,
    state,
    nonce,
  };
  if (params.lti_message_hint) query.lti_message_hint = params.lti_message_hint;
  for (const [name, value] of Object.entries(query)) auth.searchParams.set(name, value);
  return { kind: 'redirect', authUrl: auth.href, authOrigin: auth.origin, state, nonce, ...(storageTarget ? { storageTarget } : {}) };
}

/** Expired login states and nonces are of no use to anyone; the replay store keeps a nonce until its token expired. */
export async function pruneLtiStates(db: Db): Promise<void> {
  const now = new Date().toISOString();
  await db.deleteFrom('lti_login_states').where('expires_at', '<', now).execute();
  await db.deleteFrom('lti_used_nonces').where('expires_at', '<', now).execute();
  await db.deleteFrom('lti_deep_link_sessions').where('expires_at', '<', now).execute();
}
