/**
 * LTI Dynamic Registration: the LMS opens the organization's registration URL with `openid_configuration`
 * and `registration_token`; the tool reads the platform's configuration, registers itself at the
 * platform's registration endpoint and keeps the answer as a pending registration for an admin to approve.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { toolUrls, type LtiConfig } from './config.js';
import { outboundJson, urlProblem } from './outbound.js';
import { savePendingRegistration, type RegistrationRow } from './registrations.js';

type Db = Kysely<DatabaseSchema>;

export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
/** Canvas shares names and emails only with tools that ask for this level; other LMSs ignore the key. */
const CANVAS_PRIVACY_LEVEL = 'https://canvas.instructure.com/lti/privacy_level';
/** Families are matched by name and email; without this Canvas launches anonymously. Also in the JSON configuration. */
export const CANVAS_PRIVACY = 'public';
/** How Canvas tells Tandem's installations apart from other tools'; also in the JSON configuration. */
export const CANVAS_TOOL_ID = 'tandem';

export const TOOL_DESCRIPTION = 'Family surveys, events, resources, lessons and messages for schools';

/**
 * Where teachers find Tandem in Canvas: the content picker (deep linking) from a module's "external tool"
 * item, an assignment's submission type and the rich content editor. One list for both ways of installing
 * (dynamic registration's messages and the JSON configuration's placements), so they cannot drift apart.
 */
export const DEEP_LINKING_PLACEMENTS = ['link_selection', 'assignment_selection', 'editor_button'] as const;

export class RegistrationError extends Error {}

/** What Tandem tells an LMS about itself (dynamic registration's client metadata). */
export function clientMetadata(baseUrl: string) {
  const urls = toolUrls(baseUrl);
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.loginUrl,
    redirect_uris: [urls.redirectUrl],
    client_name: 'Tandem',
    jwks_uri: urls.jwksUrl,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: NRPS_SCOPE,
    [TOOL_CONFIGURATION]: {
      domain: new URL(baseUrl).host,
      description: TOOL_DESCRIPTION,
      target_link_uri: urls.targetLinkUrl,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'],
      messages: [
        { type: 'LtiResourceLinkRequest', target_link_uri: urls.targetLinkUrl },
        { type: 'LtiDeepLinkingRequest', target_link_uri: urls.deepLinkUrl, label: 'Tandem', placements: [...DEEP_LINKING_PLACEMENTS] },
      ],
      [CANVAS_PRIVACY_LEVEL]: CANVAS_PRIVACY,
      'https://canvas.instructure.com/lti/tool_id': CANVAS_TOOL_ID,
    },
  };
}

const str = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 2000 ? value : undefined);

export async function registerDynamically(
  db: Db,
  config: LtiConfig,
  organizationId: string,
  openidConfigurationUrl: string,
  registrationToken: string | undefined,
): Promise<RegistrationRow> {
  if (!config.baseUrl) throw new RegistrationError('This Tandem server has no public address (TANDEM_PUBLIC_URL).');
  const problem = urlProblem(openidConfigurationUrl, config.fetchPolicy);
  if (problem) throw new RegistrationError(`openid_configuration: ${problem}`);
  // The registration token goes with the configuration request too: Canvas answers its configuration only to
  // the holder of the token, and other LMSs ignore the header.
  const bearer: Record<string, string> = registrationToken ? { authorization: `Bearer ${registrationToken}` } : {};
  let platform: Record<string, unknown>;
  try {
    ({ json: platform } = await outboundJson(config.fetchPolicy, openidConfigurationUrl, {
      headers: { accept: 'application/json', ...bearer },
    }));
  } catch (error) {
    throw new RegistrationError(`The LMS configuration could not be read: ${(error as Error).message}`);
  }
  const issuer = str(platform.issuer);
  if (!issuer) throw new RegistrationError('The LMS configuration names no issuer.');
  const issuerProblem = issuerMismatch(issuer, openidConfigurationUrl, str(platform.registration_endpoint), config.baseUrl);
  if (issuerProblem) throw new RegistrationError(issuerProblem);
  const vouched = !sameOrigin(issuer, openidConfigurationUrl);
  const endpoints = {
    authorization_endpoint: str(platform.authorization_endpoint),
    token_endpoint: str(platform.token_endpoint),
    jwks_uri: str(platform.jwks_uri),
    registration_endpoint: str(platform.registration_endpoint),
  };
  for (const [name, value] of Object.entries(endpoints)) {
    if (!value) throw new RegistrationError(`The LMS configuration has no ${name}.`);
    const bad = urlProblem(value, config.fetchPolicy);
    if (bad) throw new RegistrationError(`${name}: ${bad}`);
  }
  const algs = platform.id_token_signing_alg_values_supported;
  if (Array.isArray(algs) && !algs.includes('RS256')) throw new RegistrationError('The LMS does not sign with RS256.');

  let answer: Record<string, unknown>;
  try {
    ({ json: answer } = await outboundJson(config.fetchPolicy, endpoints.registration_endpoint!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...bearer,
      },
      body: JSON.stringify(clientMetadata(config.baseUrl)),
    }));
  } catch (error) {
    throw new RegistrationError(`The LMS refused the registration: ${(error as Error).message}`);
  }
  const clientId = str(answer.client_id);
  if (!clientId) throw new RegistrationError('The LMS answered without a client_id.');
  const toolConfig = answer[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
  const deploymentId = str(toolConfig?.deployment_id);
  const platformConfig = platform[PLATFORM_CONFIGURATION] as Record<string, unknown> | undefined;
  const family = str(platformConfig?.product_family_code) ?? new URL(issuer).host;
  // When the issuer is not the site the configuration came from, the admin sees that site before approving.
  const platformName = vouched ? `${family.slice(0, 100)} (${new URL(openidConfigurationUrl).host})` : family;
  try {
    return await savePendingRegistration(
      db,
      organizationId,
      { onlyNew: vouched },
      {
        issuer: issuer.replace(/\/+$/, ''),
        client_id: clientId,
        deployment_ids: JSON.stringify(deploymentId ? [deploymentId] : []),
        platform_name: platformName.slice(0, 200),
        authorization_endpoint: endpoints.authorization_endpoint!,
        token_endpoint: endpoints.token_endpoint!,
        jwks_uri: endpoints.jwks_uri!,
      },
    );
  } catch (error) {
    throw new RegistrationError((error as Error).message);
  }
}

/**
 * Whether the configuration's issuer may be believed. LTI Dynamic Registration (§3.5.1, "Issuer and OpenID
 * Configuration URL Match") asks the tool to check the configuration's issuer against the openid_configuration
 * URL the platform passed. Instructure-hosted Canvas cannot pass that check as written: every instance signs
 * as `https://canvas.instructure.com` while each institution serves its configuration (and its registration
 * endpoint) from its own host. So the rule here is the spec's intent rather than its letter:
 *
 * - An issuer on the configuration's own site is trusted as before.
 * - An issuer elsewhere is believed only because the configuration was fetched, with the platform's
 *   registration token, from the exact URL the platform gave, over https (urlProblem refuses http except for
 *   local development and tests), and that same site takes the registration (registration_endpoint on the
 *   configuration's origin): the site vouching for the issuer is the one the client ID comes from.
 * - What a vouched issuer may never do is take over what exists: savePendingRegistration refuses it for an
 *   issuer and client ID that are already registered (a real Canvas gives every registration a new client ID),
 *   and the console shows the vouching site's host next to the platform name, so an admin approving a
 *   "canvas.instructure.com" registration sees who asked.
 * - Obviously wrong combinations are refused: an issuer that is not an https URL (http only where the fetch
 *   policy allows local addresses), one with a query or fragment, and one on Tandem's own site.
 */
export function issuerMismatch(
  issuer: string,
  configurationUrl: string,
  registrationEndpoint: string | undefined,
  toolBaseUrl: string,
): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(issuer);
  } catch {
    return `The LMS configuration's issuer (${issuer}) is not a URL.`;
  }
  const config = new URL(configurationUrl);
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    return `The LMS configuration's issuer (${issuer}) is not a plain address.`;
  }
  if (parsed.origin === new URL(toolBaseUrl).origin) return `The LMS configuration's issuer (${issuer}) is Tandem itself.`;
  if (sameOrigin(issuer, configurationUrl)) return undefined;
  // An http issuer is only ever a local test or development LMS, whose configuration was read over http too.
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && config.protocol === 'http:')) {
    return `The LMS configuration's issuer (${issuer}) is not an https address.`;
  }
  if (!registrationEndpoint || !sameOrigin(registrationEndpoint, configurationUrl)) {
    return `The LMS configuration's issuer (${issuer}) is not on the site it was read from, and that site does not take the registration itself.`;
  }
  return undefined;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
