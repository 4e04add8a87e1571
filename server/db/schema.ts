import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The database schema. Migrations are generated from it by drizzle-kit into `server/db/migrations`
 * (reviewed SQL, never edited after landing); extensions, functions and triggers that drizzle-kit
 * cannot express live in custom migrations beside them.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** Key/value settings of this installation (e.g. the generated instance secret). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Provinces with their history (63 until 2025-06-30, 34 from 2025-07-01). Codes were reused in 2025. */
export const adminUnits = pgTable(
  'admin_units',
  {
    code: text('code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').notNull(),
    region: text('region').notNull(),
    successorCode: text('successor_code'),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.validFrom] }),
    check('admin_units_kind_check', sql`${t.kind} in ('province', 'city')`),
    check('admin_units_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const activityTypes = pgTable('activity_types', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  contentGroup: text('content_group').notNull(),
  validFromYear: integer('valid_from_year').notNull(),
  validToYear: integer('valid_to_year'),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key of reference organisations created by the seeds (null for those admins add). */
    seedKey: text('seed_key').unique(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** Province (a code in force today) for provincial organisations; null for national ones. */
    provinceCode: text('province_code'),
    parentId: uuid('parent_id'),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    index('organizations_province_idx').on(t.provinceCode),
    index('organizations_parent_idx').on(t.parentId),
    check(
      'organizations_kind_check',
      sql`${t.kind} in ('agency','provincial_department','extension_center','regional_center','service_org','people_committee')`,
    ),
  ],
);

/** Name history (e.g. the agency's 2025 rename): one row per name with its validity. */
export const organizationNames = pgTable(
  'organization_names',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    shortName: text('short_name'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [uniqueIndex('organization_names_org_from_idx').on(t.organizationId, t.validFrom)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('vi'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    index('users_organization_idx').on(t.organizationId),
    check('users_locale_check', sql`${t.locale} in ('vi', 'en')`),
  ],
);

/** Cookie sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Bearer API tokens issued to a user; only the SHA-256 is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Login attempts, for throttling per account and per address across all instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

/** One-time links (set a password after an admin created the account). */
export const passwordTokens = pgTable('password_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * TOTP second factor (RFC 6238, issue #9): one per user. `confirmedAt` is null while enrolling (the
 * secret was shown, no code proved it yet); `lastUsedStep` refuses a code used twice (replay).
 */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Base32 secret (20 random bytes). */
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One-time recovery codes of the TOTP factor; only their SHA-256 is kept. */
export const userRecoveryCodes = pgTable(
  'user_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('user_recovery_codes_user_idx').on(t.userId)],
);

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained:
 * each row's `hash` covers its content and the previous row's hash. See server/modules/audit.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    provinceCode: text('province_code'),
    ip: text('ip'),
    requestId: text('request_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorUserId),
  ],
);

/** Transactional outbox: a mail row is written in the same transaction as the change that causes it. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    template: text('template').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check('mail_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);

/**
 * Regulation sets (issue #3): versioned rule data (domain/regulation TRegulationSet in `body`).
 * Copy-on-write: a change publishes a new version; rows are never edited. Open cycles follow the
 * newest version of their set's code; closed cycles keep the version they ran under.
 */
export const regulationSets = pgTable(
  'regulation_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    programme: text('programme').notNull(),
    provinceCode: text('province_code'),
    effectiveFromYear: integer('effective_from_year').notNull(),
    effectiveToYear: integer('effective_to_year'),
    body: jsonb('body').notNull(),
    previousId: uuid('previous_id'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('regulation_sets_code_version_idx').on(t.code, t.version),
    check('regulation_sets_programme_check', sql`${t.programme} in ('national', 'local')`),
  ],
);

/**
 * Plan cycles (issue #4): one per programme, province (local plans) and plan year. Deadlines are
 * instants (Asia/Ho_Chi_Minh); the regulation set is a specific version.
 */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programme: text('programme').notNull().default('national'),
    /** Null for the national programme; the province of a local (KCĐP) cycle. */
    provinceCode: text('province_code'),
    planYear: integer('plan_year').notNull(),
    status: text('status').notNull().default('draft'),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    dossierDeadline: timestamp('dossier_deadline', { withTimezone: true }).notNull(),
    budgetEnvelope: bigint('budget_envelope', { mode: 'number' }).notNull().default(0),
    regulationSetId: uuid('regulation_set_id')
      .notNull()
      .references(() => regulationSets.id),
    guidanceLetterNumber: text('guidance_letter_number'),
    guidanceLetterDate: date('guidance_letter_date', { mode: 'string' }),
    orientations: jsonb('orientations').notNull().default(sql`'[]'::jsonb`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cycles_programme_province_year_idx').on(
      t.programme,
      sql`coalesce(${t.provinceCode}, '')`,
      t.planYear,
    ),
    check('cycles_programme_check', sql`${t.programme} in ('national', 'local')`),
    check(
      'cycles_status_check',
      sql`${t.status} in ('draft', 'open', 'registration_closed', 'dossier_closed', 'appraisal', 'approved', 'closed')`,
    ),
  ],
);

/** A later deadline for one organisation at one stage of a cycle (audited). */
export const cycleExtensions = pgTable(
  'cycle_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    stage: text('stage').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cycle_extensions_cycle_org_idx').on(t.cycleId, t.organizationId),
    check('cycle_extensions_stage_check', sql`${t.stage} in ('registration', 'dossier')`),
  ],
);

/**
 * Proposals (đề án, issue #4). Money is integer VND. `status` follows domain/workflow; `lockVersion`
 * guards concurrent edits (optimistic locking). The province is the implementing unit's province at
 * creation (a code in force then); every read goes through the province scope on it.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    programme: text('programme').notNull().default('national'),
    planYear: integer('plan_year').notNull(),
    provinceCode: text('province_code').notNull(),
    implementingOrganizationId: uuid('implementing_organization_id')
      .notNull()
      .references(() => organizations.id),
    coordinatingOrganizationId: uuid('coordinating_organization_id').references(() => organizations.id),
    activityType: text('activity_type').notNull(),
    title: text('title').notNull(),
    isPilot: boolean('is_pilot').notNull().default(false),
    isGroupProject: boolean('is_group_project').notNull().default(false),
    beneficiary: jsonb('beneficiary').notNull().default(sql`'{}'::jsonb`),
    location: jsonb('location').notNull().default(sql`'{}'::jsonb`),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    budgetTotal: bigint('budget_total', { mode: 'number' }).notNull().default(0),
    budgetRequested: bigint('budget_requested', { mode: 'number' }).notNull().default(0),
    budgetCounterpart: bigint('budget_counterpart', { mode: 'number' }).notNull().default(0),
    budgetOther: bigint('budget_other', { mode: 'number' }).notNull().default(0),
    priorityArea: boolean('priority_area').notNull().default(false),
    priorityIndustry: boolean('priority_industry').notNull().default(false),
    womenOwned: boolean('women_owned').notNull().default(false),
    ethnicMinorityOwned: boolean('ethnic_minority_owned').notNull().default(false),
    orientations: text('orientations').array().notNull().default(sql`'{}'::text[]`),
    outputs: jsonb('outputs').notNull().default(sql`'[]'::jsonb`),
    fields: jsonb('fields').notNull().default(sql`'{}'::jsonb`),
    selectionMethod: text('selection_method'),
    status: text('status').notNull().default('draft'),
    approvedFunding: bigint('approved_funding', { mode: 'number' }),
    lockVersion: integer('lock_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('proposals_cycle_status_idx').on(t.cycleId, t.status),
    index('proposals_province_year_idx').on(t.provinceCode, t.planYear),
    /** The lists' usual filters without a province (agency, dashboards): year, then status (benchmark P1). */
    index('proposals_year_status_idx').on(t.planYear, t.status, t.activityType),
    index('proposals_org_idx').on(t.implementingOrganizationId),
    check(
      'proposals_budget_check',
      sql`${t.budgetTotal} >= 0 and ${t.budgetRequested} >= 0 and ${t.budgetCounterpart} >= 0 and ${t.budgetOther} >= 0`,
    ),
  ],
);

/** Per (programme, plan year, province) sequence behind codes like KCQG-2026-24-0007. */
export const proposalCodeCounters = pgTable(
  'proposal_code_counters',
  {
    programme: text('programme').notNull(),
    planYear: integer('plan_year').notNull(),
    provinceCode: text('province_code').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.programme, t.planYear, t.provinceCode] })],
);

/** Every status change of a proposal, with who, why and when (the audit trail has the same, hashed). */
export const proposalTransitions = pgTable(
  'proposal_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id'),
    reason: text('reason'),
    dueDate: date('due_date', { mode: 'string' }),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proposal_transitions_proposal_idx').on(t.proposalId, t.at)],
);

/**
 * Dossier documents: one row per stored version; a new upload of a kind supersedes the previous one,
 * which is kept. The file lives in storage under a generated key; the SHA-256 is the receipt.
 */
export const proposalDocuments = pgTable(
  'proposal_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('proposal_documents_kind_version_idx').on(t.proposalId, t.kind, t.version),
    index('proposal_documents_current_idx').on(t.proposalId).where(sql`${t.supersededAt} is null`),
  ],
);

/** The Sở's registration report (báo cáo đăng ký), or a directly registering unit's own. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    provinceCode: text('province_code'),
    letterNumber: text('letter_number').notNull(),
    letterDate: date('letter_date', { mode: 'string' }).notNull(),
    letterDocumentId: uuid('letter_document_id'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('registrations_cycle_org_idx').on(t.cycleId, t.organizationId)],
);

export const registrationItems = pgTable(
  'registration_items',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.proposalId] })],
);

/** The Sở's base-level appraisal (thẩm định cấp cơ sở) of a proposal; the latest one counts. */
export const baseAppraisals = pgTable(
  'base_appraisals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    result: text('result').notNull(),
    comments: text('comments'),
    recommendedFunding: bigint('recommended_funding', { mode: 'number' }),
    appraisedBy: uuid('appraised_by').references(() => users.id),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('base_appraisals_proposal_idx').on(t.proposalId, t.appraisedAt),
    check('base_appraisals_result_check', sql`${t.result} in ('pass', 'return', 'reject')`),
  ],
);

/**
 * Deadline reminders already sent (issue #4): one row per cycle, stage, organisation and threshold
 * (14, 7, 3 or 1 days before), so the daily job never sends the same reminder twice.
 */
export const cycleReminders = pgTable(
  'cycle_reminders',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    daysBefore: integer('days_before').notNull(),
    /** The deadline the reminder was about (the organisation's own, with its extension). */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    recipients: integer('recipients').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.stage, t.organizationId, t.daysBefore] }),
    check('cycle_reminders_stage_check', sql`${t.stage} in ('registration', 'dossier')`),
  ],
);

/**
 * Ministry-level appraisal (issue #6): who appraises a proposal. `warnings` are the automatic
 * conflict-of-interest flags found at assignment (`same_organization`, `same_province`).
 */
export const appraisalAssignments = pgTable(
  'appraisal_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    warnings: text('warnings').array().notNull().default(sql`'{}'::text[]`),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('appraisal_assignments_proposal_user_idx').on(t.proposalId, t.userId),
    index('appraisal_assignments_user_idx').on(t.userId),
  ],
);

/**
 * One appraiser's appraisal of one proposal: the conflict-of-interest declaration, the regulation
 * set's criteria (pass/fail with a comment), an optional score and a recommendation. A draft is seen
 * by its author only; once submitted it is final.
 */
export const appraisals = pgTable(
  'appraisals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    appraiserId: uuid('appraiser_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('draft'),
    conflictOfInterest: boolean('conflict_of_interest').notNull().default(false),
    conflictNote: text('conflict_note'),
    criteria: jsonb('criteria').notNull().default(sql`'[]'::jsonb`),
    score: integer('score'),
    recommendation: text('recommendation'),
    recommendedFunding: bigint('recommended_funding', { mode: 'number' }),
    comments: text('comments'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('appraisals_proposal_appraiser_idx').on(t.proposalId, t.appraiserId),
    check('appraisals_status_check', sql`${t.status} in ('draft', 'submitted')`),
    check(
      'appraisals_recommendation_check',
      sql`${t.recommendation} is null or ${t.recommendation} in ('recommended', 'not_recommended')`,
    ),
    check('appraisals_score_check', sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 100)`),
    check('appraisals_funding_check', sql`${t.recommendedFunding} is null or ${t.recommendedFunding} >= 0`),
  ],
);

/**
 * Approved versions of a national plan (issue #6). The draft is computed live from the decided
 * proposals; approving freezes a version with its decision number and date, and its items.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    planYear: integer('plan_year').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull().default('approved'),
    budgetEnvelope: bigint('budget_envelope', { mode: 'number' }).notNull(),
    totalFunding: bigint('total_funding', { mode: 'number' }).notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('plans_cycle_version_idx').on(t.cycleId, t.version),
    check('plans_status_check', sql`${t.status} in ('approved', 'superseded')`),
  ],
);

/** The items of an approved plan version: in the plan (above the funding line) or in reserve. */
export const planItems = pgTable(
  'plan_items',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    rank: integer('rank').notNull(),
    inPlan: boolean('in_plan').notNull(),
    provinceCode: text('province_code').notNull(),
    activityType: text('activity_type').notNull(),
    approvedFunding: bigint('approved_funding', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.proposalId] })],
);

/**
 * Programmes for a period (issue #8): the national programme 2021–2025 (Decision 1881/QĐ-TTg), 2026–2030
 * (Decision 2646/QĐ-BCT) and each province's local programme, entered by administrators.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    /** `national` (KCQG) or `local` (KCĐP, then with the province it belongs to). */
    scope: text('scope').notNull(),
    provinceCode: text('province_code'),
    name: text('name').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    check('programmes_scope_check', sql`${t.scope} in ('national', 'local')`),
    check('programmes_province_check', sql`(${t.scope} = 'national') = (${t.provinceCode} is null)`),
    check('programmes_period_check', sql`${t.toYear} >= ${t.fromYear}`),
  ],
);

/**
 * A programme's target (e.g. 500 demonstration models): fed by the projects of the listed activity
 * types; progress is counted from approved and accepted projects, never stored.
 */
export const programmeTargets = pgTable(
  'programme_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    activityTypes: text('activity_types').array().notNull(),
    target: integer('target').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('programme_targets_metric_idx').on(t.programmeId, t.metric),
    check('programme_targets_target_check', sql`${t.target} >= 0`),
  ],
);

/**
 * The typical rural industrial product registry (issue #11): one row per certificate. `provinceCode` is
 * the province of the time (in force on the issue date; codes were reused in 2025);
 * `currentProvinceCode` the province in force today that succeeded it, kept for scope and filters.
 * The scanned certificate is a stored file (server/platform/uploads).
 */
export const typicalProductCertificates = pgTable(
  'typical_product_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productName: text('product_name').notNull(),
    productGroup: text('product_group').notNull(),
    establishmentName: text('establishment_name').notNull(),
    establishmentTaxCode: text('establishment_tax_code').notNull(),
    provinceCode: text('province_code').notNull(),
    currentProvinceCode: text('current_province_code').notNull(),
    commune: text('commune'),
    level: text('level').notNull(),
    selectionRound: text('selection_round'),
    selectionYear: integer('selection_year').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    issuingBody: text('issuing_body').notNull(),
    scanStorageKey: text('scan_storage_key'),
    scanFileName: text('scan_file_name'),
    scanContentType: text('scan_content_type'),
    scanSize: bigint('scan_size', { mode: 'number' }),
    scanSha256: text('scan_sha256'),
    scanUploadedAt: timestamp('scan_uploaded_at', { withTimezone: true }),
    lockVersion: integer('lock_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('typical_product_certificates_number_idx').on(t.issuingBody, t.certificateNumber),
    index('typical_product_certificates_province_idx').on(t.currentProvinceCode, t.level),
    index('typical_product_certificates_tax_code_idx').on(t.establishmentTaxCode),
    check(
      'typical_product_certificates_level_check',
      sql`${t.level} in ('provincial', 'regional', 'national')`,
    ),
    check(
      'typical_product_certificates_group_check',
      sql`${t.productGroup} in ('handicrafts', 'food_processing', 'machinery_tools', 'other')`,
    ),
    check('typical_product_certificates_validity_check', sql`${t.validUntil} >= ${t.issueDate}`),
  ],
);

/** A certificate holder's yearly report (TT 26/2014: holders report annually): one per certificate and year. */
export const typicalProductReports = pgTable(
  'typical_product_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => typicalProductCertificates.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    exportRevenue: bigint('export_revenue', { mode: 'number' }),
    workers: integer('workers').notNull(),
    outputQuantity: doublePrecision('output_quantity'),
    outputUnit: text('output_unit'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('typical_product_reports_certificate_year_idx').on(t.certificateId, t.year),
    check(
      'typical_product_reports_figures_check',
      sql`${t.revenue} >= 0 and ${t.workers} >= 0 and (${t.exportRevenue} is null or ${t.exportRevenue} >= 0)`,
    ),
  ],
);

/*
 * Implementation (issue #7, domain.md §3.6, §7): contract, advances, monthly progress reports and their
 * reminders, adjustments, inspections, acceptance and settlement of an approved proposal. Money is
 * integer VND; dates are Vietnam calendar dates.
 */

/** The contract (hợp đồng) of an approved proposal: one per proposal. */
export const proposalContracts = pgTable(
  'proposal_contracts',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    /** `selection` (tuyển chọn) or `bidding` (đấu thầu). */
    selectionMethod: text('selection_method').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('proposal_contracts_value_check', sql`${t.value} > 0`)],
);

/** Advances (tạm ứng) paid on a proposal, numbered from 1; the first follows the set's rate. */
export const proposalAdvances = pgTable(
  'proposal_advances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /** `first` (rate by project type) or `progress` (by the progress reported). */
    basis: text('basis').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('proposal_advances_seq_idx').on(t.proposalId, t.seq),
    check('proposal_advances_amount_check', sql`${t.amount} > 0`),
  ],
);

/** Monthly progress reports (Mẫu 3a/3b), due on the 25th: one per proposal and month (YYYY-MM). */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    /** Share of the volume done, 0–100. */
    volumePercent: integer('volume_percent').notNull(),
    moneySpent: bigint('money_spent', { mode: 'number' }).notNull(),
    problems: text('problems'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('progress_reports_month_idx').on(t.proposalId, t.month),
    check(
      'progress_reports_figures_check',
      sql`${t.volumePercent} between 0 and 100 and ${t.moneySpent} >= 0`,
    ),
  ],
);

/** The overdue-report reminder sent to a user for a month: once (the job is idempotent). */
export const progressReminders = pgTable(
  'progress_reminders',
  {
    month: text('month').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposals: integer('proposals').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.userId] })],
);

/** Adjustment requests (điều chỉnh, bổ sung, ngừng) and the authority's decision on them. */
export const proposalAdjustments = pgTable(
  'proposal_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    /** The requested change (e.g. the new amount), as the request gave it. */
    changes: jsonb('changes').notNull().default(sql`'{}'::jsonb`),
    /** `minister`, `agency` or `province`: from the regulation set at the time of the request. */
    requiredAuthority: text('required_authority').notNull(),
    status: text('status').notNull().default('requested'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAuthority: text('decided_authority'),
    decisionNumber: text('decision_number'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('proposal_adjustments_proposal_idx').on(t.proposalId, t.requestedAt)],
);

/** Inspection visits (kiểm tra): planned, then done with findings and follow-ups. */
export const proposalInspections = pgTable(
  'proposal_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    findings: text('findings'),
    followUps: jsonb('follow_ups').notNull().default(sql`'[]'::jsonb`),
    /** The inspection team's members (names and positions), as entered on the visit. */
    team: jsonb('team').notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('proposal_inspections_proposal_idx').on(t.proposalId, t.plannedOn)],
);

/**
 * Photos of the implementation (issue #7): taken on an inspection visit or sent with a monthly progress
 * report, JPEG or PNG through the upload pipeline (sniffed, hashed, virus-scanned), one of the two owners.
 */
export const implementationPhotos = pgTable(
  'implementation_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    inspectionId: uuid('inspection_id').references(() => proposalInspections.id, { onDelete: 'cascade' }),
    progressReportId: uuid('progress_report_id').references(() => progressReports.id, {
      onDelete: 'cascade',
    }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('implementation_photos_proposal_idx').on(t.proposalId),
    check(
      'implementation_photos_owner_check',
      sql`(${t.inspectionId} is null) <> (${t.progressReportId} is null)`,
    ),
  ],
);

/** Base acceptance (nghiệm thu): one per proposal. */
export const proposalAcceptances = pgTable('proposal_acceptances', {
  proposalId: uuid('proposal_id')
    .primaryKey()
    .references(() => proposals.id, { onDelete: 'cascade' }),
  minutesNumber: text('minutes_number').notNull(),
  result: text('result').notNull(),
  acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Settlement (quyết toán): the settled amount, the refund of unspent advances, the late flags. */
export const proposalSettlements = pgTable(
  'proposal_settlements',
  {
    proposalId: uuid('proposal_id')
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    settledAmount: bigint('settled_amount', { mode: 'number' }).notNull(),
    advancedTotal: bigint('advanced_total', { mode: 'number' }).notNull(),
    refundAmount: bigint('refund_amount', { mode: 'number' }).notNull(),
    settledOn: date('settled_on', { mode: 'string' }).notNull(),
    /** More than 15 days after the acceptance. */
    late: boolean('late').notNull(),
    liquidationDeadline: date('liquidation_deadline', { mode: 'string' }).notNull(),
    pastLiquidationDeadline: boolean('past_liquidation_deadline').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'proposal_settlements_amounts_check',
      sql`${t.settledAmount} >= 0 and ${t.advancedTotal} >= 0 and ${t.refundAmount} >= 0`,
    ),
  ],
);
