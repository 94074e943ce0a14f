/** @tandem/server: the reference backend (app factory, database, seed) behind the tandem-server CLI. */
export { buildApp, isPublicPath, DEFAULT_ASSETS_DIR, DEFAULT_DEMO_DIR, type BuildAppOptions } from './app.js';
export { databaseConfigFromEnv, defaultSqliteFile, openDatabase, type DatabaseConfig, type TandemDatabase } from './db/database.js';
export { migrateToLatest, migrations } from './db/migrations.js';
export type { DatabaseSchema, StaffRole } from './db/schema.js';
export { rejectAllIdentities, type IdentityVerifier, type VerifiedIdentity } from './identity.js';
export { loggingNotificationSink, type NotificationSink, type RsvpPromotion } from './notifications.js';
export { calendarIcs, escapeIcsText, foldIcsLine } from './ics.js';
export { seedDemo } from './seed/demo.js';
export { BEDTIME_READING_ID, KITCHEN_MATH_ID, CONFERENCE_QUESTIONS_ID, demoLessons } from './seed/demo-lessons.js';
export { demoResources } from './seed/demo-resources.js';
export { importHsds, exportHsds, type ImportOptions } from './store/resource-import.js';
export { FAMILY_SURVEY_ID, PICNIC_SURVEY_ID, FAMILY_MATH_NIGHT_ID, LINCOLN, LINCOLN_ELEMENTARY } from './seed/demo-content.js';
export {
  createApiToken,
  createStaffUser,
  ensureOrganization,
  ensureSchool,
  findOrganizationBySlug,
  revokeApiToken,
  STAFF_ROLES,
} from './store/organizations.js';
export { hashPassword, verifyPassword } from './secrets.js';
export { computeResults, resultsCsv } from './results.js';
export { csvCell, csvDocument } from './csv.js';
export { SHORT_CACHE, IMMUTABLE_CACHE } from './routes/assets.js';
export { pruneIdempotencyKeys } from './store/idempotency.js';
export { SubmissionBatcher, type PendingSubmission } from './store/submission-batcher.js';
