/**
 * Checks an LTI 1.3 launch (the id_token the platform form-posts to the redirect URL) in the order the
 * specification gives: state, signature, issuer, audience, times, nonce, deployment, version and message
 * type, target link. The first check that fails names itself; nothing is created before all pass.
 */
import { compactVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import type { LtiConfig } from './config.js';
import { stateHash } from './login.js';
import type { PlatformKeys } from './platform-keys.js';
import { deploymentIdsOf, findRegistrationById, learnFirstDeployment, type RegistrationRow } from './registrations.js';
import type { LtiLoginStatesTable } from './tables.js';
import type { LtiFailure } from './texts.js';

type Db = Kysely<DatabaseSchema>;

export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  roleScopeMentor: 'https://purl.imsglobal.org/spec/lti/claim/role_scope_mentor',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const MESSAGE_TYPES = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type LaunchMessageType = (typeof MESSAGE_TYPES)[number];

export class LaunchFailure extends Error {
  constructor(
    readonly failure: LtiFailure,
    readonly detail?: string,
  ) {
    super(`LTI launch refused: ${failure}${detail ? ` (${detail})` : ''}`);
  }
}

/** The state is real, but only the platform's storage can say this browser started it: the launch page asks. */
export class NeedsStorageCheck extends Error {
  constructor(
    readonly registration: RegistrationRow,
    readonly storageTarget: string,
  ) {
    super('LTI launch needs the platform storage check');
  }
}

export interface LaunchClaims extends Record<string, unknown> {
  iss: string;
  sub?: string;
  name?: string;
  email?: string;
}

export interface ValidatedLaunch {
  registration: RegistrationRow;
  claims: LaunchClaims;
  messageType: LaunchMessageType;
  deploymentId: string;
  /** True when this launch was the first from its registration and its deployment was recorded now. */
  learnedDeployment: boolean;
}

export interface LaunchInput {
  idToken: string | undefined;
  state: string | undefined;
  /** The value of the state cookie this browser sent, if any. */
  cookieState: string | undefined;
  /** The state the launch page read back from the platform's storage, if it did. */
  storageState: string | undefined;
}

const stripSlash = (s: string) => s.replace(/\/+$/, '');

export async function validateLaunch(db: Db, config: LtiConfig, keys: PlatformKeys, input: LaunchInput): Promise<ValidatedLaunch> {
  // 1. State: one this server issued, not expired, and bound to this browser (cookie, else platform storage).
  if (!input.state) throw new LaunchFailure('state', 'no state was posted');
  if (!input.idToken) throw new LaunchFailure('token-missing');
  const login = await db.selectFrom('lti_login_states').selectAll().where('state_hash', '=', stateHash(input.state)).executeTakeFirst();
  if (!login || login.expires_at <= new Date().toISOString()) throw new LaunchFailure('state', 'unknown or expired state');
  const registration = await findRegistrationById(db, login.registration_id);
  if (!registration) throw new LaunchFailure('state', 'its registration was removed');
  const byCookie = input.cookieState !== undefined && input.cookieState === input.state;
  const byStorage = login.storage_target !== null && input.storageState !== undefined && input.storageState === input.state;
  if (!byCookie && !byStorage) {
    if (login.storage_target !== null && input.storageState === undefined) throw new NeedsStorageCheck(registration, login.storage_target);
    throw new LaunchFailure('state', 'this browser did not start this login');
  }
  // Claimed now, so a second post of the same launch cannot pass; it is refused below as a replay.
  const claimed = await db
    .updateTable('lti_login_states')
    .set({ used_at: new Date().toISOString() })
    .where('state_hash', '=', login.state_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  const stateWasUnused = Number(claimed.numUpdatedRows) === 1;

  // 2. Signature: RS256 only, by the platform's key with the token's `kid`.
  let header;
  try {
    header = decodeProtectedHeader(input.idToken);
  } catch {
    throw new LaunchFailure('malformed');
  }
  if (header.alg !== 'RS256') throw new LaunchFailure('algorithm', `alg ${String(header.alg)}`);
  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(input.idToken, keys.forUrl(registration.jwks_uri), { algorithms: ['RS256'] }));
  } catch (error) {
    throw signatureFailure(error, header.kid);
  }
  let claims: LaunchClaims;
  try {
    claims = JSON.parse(new TextDecoder().decode(payloadBytes)) as LaunchClaims;
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) throw new Error('not an object');
  } catch {
    throw new LaunchFailure('malformed');
  }

  // 3. Issuer and audience.
  if (typeof claims.iss !== 'string' || stripSlash(claims.iss) !== stripSlash(registration.issuer)) {
    throw new LaunchFailure('issuer', `iss ${String(claims.iss)}`);
  }
  const aud = claims.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  if (!audiences.includes(registration.client_id)) throw new LaunchFailure('audience', `aud ${JSON.stringify(aud)}`);
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== registration.client_id) {
    throw new LaunchFailure('audience', `azp ${String(claims.azp)}`);
  }

  // 4. Times, with bounded skew.
  const now = Math.floor(Date.now() / 1000);
  const skew = config.clockSkewSeconds;
  if (typeof claims.exp !== 'number' || claims.exp + skew <= now) throw new LaunchFailure('expired');
  if (typeof claims.iat !== 'number' || claims.iat > now + skew || claims.iat < now - config.maxTokenAgeSeconds - skew) {
    throw new LaunchFailure('issued-at');
  }

  // 5. Nonce: the one of this login, and never seen before (the store outlives every process).
  if (claims.nonce !== login.nonce) throw new LaunchFailure('nonce');
  if (!stateWasUnused || !(await rememberNonce(db, claims.iss, login.nonce, claims.exp + skew))) {
    throw new LaunchFailure('replay');
  }

  // 6. Deployment. An approved registration that lists none (Canvas names its deployment only in launches)
  // takes the deployment of its first valid launch; it is written only after checks 7 and 8 passed too.
  const deploymentId = claims[CLAIM.deploymentId];
  const knownDeployments = deploymentIdsOf(registration);
  const validId = typeof deploymentId === 'string' && deploymentId.length > 0 && deploymentId.length <= 255;
  // (One not approved learns nothing: the launch route shows it waiting for approval.)
  const firstDeployment = validId && knownDeployments.length === 0;
  if (!validId || (!firstDeployment && !knownDeployments.includes(deploymentId))) {
    throw new LaunchFailure('deployment', `deployment_id ${String(deploymentId)}`);
  }

  // 7. Version and message type.
  if (claims[CLAIM.version] !== '1.3.0') throw new LaunchFailure('version', `version ${String(claims[CLAIM.version])}`);
  const messageType = claims[CLAIM.messageType];
  if (!MESSAGE_TYPES.includes(messageType as LaunchMessageType))
    throw new LaunchFailure('message-type', `message_type ${String(messageType)}`);

  // 8. The target link agrees with the login (deep-linking requests may omit it: their return is what matters).
  const target = claims[CLAIM.targetLinkUri];
  if (!(messageType === 'LtiDeepLinkingRequest' && target === undefined) && target !== login.target_link_uri) {
    throw new LaunchFailure('target-link', `target_link_uri ${String(target)}`);
  }

  let validated = registration;
  let learnedDeployment = false;
  if (firstDeployment && registration.status === 'approved') {
    const learned = await learnFirstDeployment(db, registration, deploymentId);
    // Another first launch, from another deployment, was recorded a moment earlier: this one is now unknown.
    if (learned.outcome === 'unknown') throw new LaunchFailure('deployment', `deployment_id ${deploymentId}`);
    validated = learned.registration;
    learnedDeployment = learned.outcome === 'learned';
  }
  return { registration: validated, claims, messageType: messageType as LaunchMessageType, deploymentId, learnedDeployment };
}

/** True when the nonce was new; false when it had been used (the primary key refuses a second row). */
async function rememberNonce(db: Db, issuer: string, nonce: string, expiresAtSeconds: number): Promise<boolean> {
  const result = await db
    .insertInto('lti_used_nonces')
    .values({ issuer: stripSlash(issuer), nonce, expires_at: new Date(expiresAtSeconds * 1000).toISOString() })
    .onConflict((oc) => oc.columns(['issuer', 'nonce']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

function signatureFailure(error: unknown, kid: string | undefined): LaunchFailure {
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return new LaunchFailure('signature', `no key with kid ${String(kid)} in the platform's JWKS`);
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new LaunchFailure('signature', 'the signature does not verify');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || !(error instanceof joseErrors.JOSEError)) {
    return new LaunchFailure('jwks', error instanceof Error ? error.message : String(error));
  }
  return new LaunchFailure('signature', error.message);
}

export type LoginStateRow = LtiLoginStatesTable;
