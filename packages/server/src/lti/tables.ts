/** Row types of the LTI tables (migration 0007), merged into DatabaseSchema so the shared schema file stays small. */
import type { LtiRegistrationStatus } from '@tandem/protocol';

export interface LtiToolKeysTable {
  kid: string;
  /** The private JWK as JSON, sealed with the server key. */
  sealed_private_jwk: string;
  /** The public JWK as JSON (with `kid`, `alg`, `use`). */
  public_jwk: string;
  created_at: string;
  /** Set when a newer key took over; the previous key stays published for a while. */
  retired_at: string | null;
}

export interface LtiRegistrationsTable {
  id: string;
  organization_id: string;
  issuer: string;
  client_id: string;
  /** JSON array of deployment ids. */
  deployment_ids: string;
  status: LtiRegistrationStatus;
  via: 'dynamic' | 'manual';
  platform_name: string | null;
  school_id: string | null;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  created_at: string;
  approved_at: string | null;
  disabled_at: string | null;
}

export interface LtiLoginStatesTable {
  state_hash: string;
  registration_id: string;
  nonce: string;
  target_link_uri: string;
  /** The platform frame named by `lti_storage_target`, when the platform offered its storage. */
  storage_target: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LtiUsedNoncesTable {
  issuer: string;
  nonce: string;
  expires_at: string;
}

export type LtiUserKind = 'staff' | 'student' | 'mentor';

export interface LtiUsersTable {
  registration_id: string;
  lti_user_id: string;
  organization_id: string;
  kind: LtiUserKind;
  name: string | null;
  email: string | null;
  staff_user_id: string | null;
  family_id: string | null;
  student_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface LtiMentorLinksTable {
  registration_id: string;
  mentor_user_id: string;
  student_user_id: string;
  created_at: string;
}

export interface LtiContextsTable {
  registration_id: string;
  context_id: string;
  organization_id: string;
  title: string | null;
  memberships_url: string | null;
  updated_at: string;
}

export interface LtiContextMembersTable {
  registration_id: string;
  context_id: string;
  lti_user_id: string;
  /** JSON array of role URIs. */
  roles: string;
  status: string;
  updated_at: string;
}

export interface LtiDeepLinkSessionsTable {
  id_hash: string;
  registration_id: string;
  deployment_id: string;
  return_url: string;
  data: string | null;
  locale: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

declare module '../db/schema.js' {
  interface DatabaseSchema {
    lti_tool_keys: LtiToolKeysTable;
    lti_registrations: LtiRegistrationsTable;
    lti_login_states: LtiLoginStatesTable;
    lti_used_nonces: LtiUsedNoncesTable;
    lti_users: LtiUsersTable;
    lti_mentor_links: LtiMentorLinksTable;
    lti_contexts: LtiContextsTable;
    lti_context_members: LtiContextMembersTable;
    lti_deep_link_sessions: LtiDeepLinkSessionsTable;
  }
}
