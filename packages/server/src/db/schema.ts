/** Row types of every table, as Kysely sees them; timestamps are ISO 8601 text and JSON is text in both dialects. */
import type { Generated } from 'kysely';

export type StaffRole = 'admin' | 'staff';

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface SchoolsTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: string;
}

export interface StaffUsersTable {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  name: string;
  role: StaffRole;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SurveysTable {
  id: string;
  organization_id: string;
  school_id: string;
  status: 'draft' | 'published' | 'closed';
  default_locale: string;
  /** JSON: `{ title, description?, sections }`. */
  content: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closed_at: string | null;
}

export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  organization_id: string;
  school_id: string;
  locale: string;
  /** JSON: `{ [questionId]: AnswerValue }`. */
  answers: string;
  family_id: string | null;
  submitted_at: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface EventsTable {
  id: string;
  organization_id: string;
  school_id: string;
  status: 'draft' | 'published' | 'cancelled';
  default_locale: string;
  time_zone: string;
  /** JSON: `{ title, description?, location?, place?, onlineUrl?, audience?, needsAsked }`. */
  content: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  cancelled_at: string | null;
}

export interface EventSessionsTable {
  event_id: string;
  id: string;
  organization_id: string;
  position: number;
  starts_at: string;
  ends_at: string;
  /** People; null is unlimited. */
  capacity: number | null;
}

export interface RsvpsTable {
  id: string;
  event_id: string;
  session_id: string;
  organization_id: string;
  school_id: string;
  response: 'going' | 'maybe' | 'not-going';
  status: 'confirmed' | 'waitlisted' | 'declined' | 'cancelled';
  adults: number;
  children: number;
  /** JSON array of strings. */
  names: string;
  email: string | null;
  phone: string | null;
  /** JSON: RsvpNeeds. */
  needs: string;
  note: string | null;
  locale: string;
  family_id: string | null;
  /** SHA-256 of the family's edit token; the token itself is never stored. */
  edit_token_hash: string;
  /** Waitlist order within the session. */
  queue_seq: number;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  attended_at: string | null;
}

export interface ResourcesTable {
  id: string;
  organization_id: string;
  /** The id the resource had in an imported HSDS file; unique within the organization. */
  external_id: string | null;
  status: 'draft' | 'published';
  default_locale: string;
  time_zone: string;
  /** Primary category, a column so lists can filter on it. */
  category: string;
  /** JSON: the whole ResourceInput. */
  content: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface ResourceFeedbackTable {
  id: string;
  resource_id: string;
  organization_id: string;
  /** 1 helpful, 0 not helpful (an integer, the same in both dialects). */
  helpful: number;
  locale: string;
  comment: string | null;
  created_at: string;
}

export interface LessonsTable {
  id: string;
  organization_id: string;
  status: 'draft' | 'published';
  default_locale: string;
  /** JSON: the whole LessonInput. */
  content: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface LessonCompletionsTable {
  id: string;
  lesson_id: string;
  organization_id: string;
  locale: string;
  reflection: string | null;
  completed_at: string;
}

/** A staff console session; the cookie holds a secret whose SHA-256 is `secret_hash`. */
export interface StaffSessionsTable {
  id: string;
  secret_hash: string;
  organization_id: string;
  staff_user_id: string;
  created_at: string;
  /** Moved on at most once a minute; the session ends after the idle timeout without use. */
  last_seen_at: string;
  /** The absolute end, however busy the session is. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface PasswordResetTokensTable {
  /** SHA-256 of the token in the emailed link. */
  token_hash: string;
  organization_id: string;
  staff_user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInThrottleTable {
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  failures: number;
  window_started_at: string;
}

export interface AuditLogTable {
  id: string;
  organization_id: string;
  at: string;
  actor_kind: 'staff' | 'token' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  /** JSON object. */
  details: string | null;
  ip: string | null;
  /** What the target was called when the entry was written (migration 0008; older entries have none). */
  target_label?: string | null;
}

/** The schools an audit entry concerns, for school admins' view of the log (migration 0008). */
export interface AuditLogSchoolsTable {
  audit_id: string;
  organization_id: string;
  school_id: string;
}

/** A site allowed to embed the organization's widgets (migration 0008); none means any site. */
export interface EmbedOriginsTable {
  organization_id: string;
  origin: string;
  /** Order as staff listed them. */
  position: number;
}

export interface DatabaseSchema {
  organizations: OrganizationsTable;
  schools: SchoolsTable;
  staff_users: StaffUsersTable;
  api_tokens: ApiTokensTable;
  surveys: SurveysTable;
  survey_responses: SurveyResponsesTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  event_sessions: EventSessionsTable;
  rsvps: RsvpsTable;
  resources: ResourcesTable;
  resource_feedback: ResourceFeedbackTable;
  lessons: LessonsTable;
  lesson_completions: LessonCompletionsTable;
  staff_sessions: StaffSessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  audit_log_schools: AuditLogSchoolsTable;
  embed_origins: EmbedOriginsTable;
}

declare module '../messages/tables.js' {
  interface StaffSchoolMembersTable {
    /** `admin`: a school admin of this school (migration 0006; the database fills in `staff`). */
    role?: 'admin' | 'staff';
  }
}

/** Kept for tables that may later need database-generated columns. */
export type { Generated };
