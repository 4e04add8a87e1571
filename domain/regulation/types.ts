import { z } from 'zod';
import { ACTIVITY_TYPES, type TActivityType } from '../enums/activity-types';
import { DOCUMENT_KINDS } from '../enums/document-kinds';
import { ZAdjustmentRules } from './adjustments';
import { BENEFICIARY_KINDS } from './beneficiary-kinds';

/**
 * A regulation set (bộ quy định áp dụng): every rule of the regulation that the engine applies to the
 * plan years it covers — caps, documents, eligibility, priorities, deadlines, advances and appraisal
 * criteria. Data, never constants: an administrator edits it, and older plans keep the set they ran under.
 *
 * Every rule carries its `source` and a `needsVerification` flag, true when domain.md marks the value
 * as recalled, superseded, unknown for TT 28/2018 or disputed.
 */

export const ZActivityType = z.enum(ACTIVITY_TYPES);
export const ZDocumentKind = z.enum(DOCUMENT_KINDS);
export const ZBeneficiaryKind = z.enum(BENEFICIARY_KINDS);

/** Integer VND (architecture rule 5); `int()` also refuses unsafe integers. */
export const ZVnd = z.number().int().nonnegative();
const ZPercent = z.number().min(0).max(100);
const ZYear = z.number().int().min(2000).max(2100);
const ZText = z.string().trim().min(1);

const provenance = {
  /** The legal text (or the placeholder's origin) the value comes from. */
  source: ZText,
  /** True when the value must be checked against the text in force before it is relied on. */
  needsVerification: z.boolean(),
};

export const ZRuleSeverity = z.enum(['error', 'warning']);
export type TRuleSeverity = z.infer<typeof ZRuleSeverity>;

/** What one cap amount is counted per. */
export const CAP_UNITS = [
  'model',
  'establishment',
  'cluster',
  'brand',
  'enterprise',
  'product',
  'round',
  'project',
] as const;
export const ZCapUnit = z.enum(CAP_UNITS);
export type TCapUnit = z.infer<typeof ZCapUnit>;

/** A variant of a cap line chosen by one proposal field, e.g. a technology line (×1.5 of the machinery cap). */
export const ZCapVariant = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  nameVi: ZText,
  nameEn: ZText,
  /** Applies when `proposal.fields[field] === equals`; the first matching variant wins. */
  when: z.object({ field: ZText, equals: z.union([z.string(), z.number(), z.boolean()]) }),
  shareOfEligibleCost: ZPercent.optional(),
  maxAmount: ZVnd.nullable().optional(),
  amountMultiplier: z.number().positive().max(10).optional(),
  ...provenance,
});
export type TCapVariant = z.infer<typeof ZCapVariant>;

/**
 * One support cap (mức hỗ trợ tối đa): at most `shareOfEligibleCost` % of the eligible cost and at most
 * `maxAmount` VND per `unit` (null = no amount limit known), × `priorityMultiplier` in priority areas
 * or industries. `needsVerification` covers the share and the amount; the multiplier has its own flag.
 */
export const ZCapRule = z.object({
  activityType: ZActivityType,
  shareOfEligibleCost: ZPercent,
  maxAmount: ZVnd.nullable(),
  unit: ZCapUnit,
  variants: z.array(ZCapVariant).optional(),
  priorityMultiplier: z.number().min(1).max(10).default(1.5),
  priorityMultiplierNeedsVerification: z.boolean().default(true),
  ...provenance,
});
export type TCapRule = z.infer<typeof ZCapRule>;

export const ZSubmissionKind = z.enum(['full_dossier', 'pilot_registration']);
export type TSubmissionKind = z.infer<typeof ZSubmissionKind>;

/**
 * Documents required at registration. `full_dossier` applies to ordinary projects, `pilot_registration`
 * to pilot projects, which send the registration form instead (TT 17/2018). `separate_beneficiary`:
 * only when a named beneficiary is not the implementing unit itself (TT 36/2013 Art. 10).
 */
export const ZDocumentRequirement = z.object({
  activityType: z.union([ZActivityType, z.literal('*')]),
  submissionKind: ZSubmissionKind,
  kinds: z.array(ZDocumentKind).min(1),
  condition: z.enum(['always', 'separate_beneficiary']).default('always'),
  severity: ZRuleSeverity.default('error'),
  ...provenance,
});
export type TDocumentRequirement = z.infer<typeof ZDocumentRequirement>;

const ZActivityScope = z.array(ZActivityType);
export const ZCertificateLevel = z.enum(['provincial', 'regional', 'national']);
export type TCertificateLevel = z.infer<typeof ZCertificateLevel>;

/** Typed parameters of the eligibility rules; an absent rule is not checked. */
export const ZEligibilityRules = z.object({
  /** Beneficiary kinds accepted; `byActivityType` replaces the general list for one activity type. */
  beneficiaryKinds: z
    .object({
      allowed: z.array(ZBeneficiaryKind).min(1),
      byActivityType: z.partialRecord(ZActivityType, z.array(ZBeneficiaryKind).min(1)).default({}),
      /** Activity types whose beneficiary is not an establishment (information, management…): not checked. */
      exemptActivityTypes: ZActivityScope.default([]),
      ...provenance,
    })
    .optional(),
  /** The beneficiary commits the whole remaining cost after the national support (TTLT 26/2014 Art. 7). */
  counterpart: z
    .object({ activityTypes: ZActivityScope, countOtherFunds: z.boolean(), ...provenance })
    .optional(),
  /** A typical-product certificate valid at the dossier deadline. */
  typicalProductCertificate: z
    .object({
      activityTypes: ZActivityScope,
      required: z.boolean(),
      acceptedLevels: z.array(ZCertificateLevel).min(1),
      /**
       * Levels whose valid certificate, held by the beneficiary, earns the priority when the proposal
       * references it from the registry (the 2024 guidance letter: regional and national).
       */
      priorityLevels: z.array(ZCertificateLevel).default(['regional', 'national']),
      ...provenance,
    })
    .optional(),
  /** Only clusters (CCN) with a complete legal dossier. */
  clusterLegalDossier: z.object({ activityTypes: ZActivityScope, ...provenance }).optional(),
  /** The project must finish within its plan year. */
  completionInPlanYear: z.object({ activityTypes: ZActivityScope, ...provenance }).optional(),
  /** At most N overseas fairs per establishment and year (TT 46/2012 Art. 4). */
  overseasFairs: z
    .object({
      activityTypes: ZActivityScope,
      maxPerEstablishmentPerYear: z.number().int().min(1),
      ...provenance,
    })
    .optional(),
  /** A minimum number of price quotations per machine. */
  machineryQuotations: z
    .object({
      activityTypes: ZActivityScope,
      minPerItem: z.number().int().min(1),
      severity: ZRuleSeverity,
      ...provenance,
    })
    .optional(),
});
export type TEligibilityRules = z.infer<typeof ZEligibilityRules>;

export const PRIORITY_CRITERIA = [
  'pilot',
  'priority_area',
  'priority_industry',
  'ownership',
  'experience',
] as const;
export const ZPriorityCriterion = z.enum(PRIORITY_CRITERIA);
export type TPriorityCriterion = z.infer<typeof ZPriorityCriterion>;

/** The legal ranking order, most important first (TT 36/2013 Art. 7; TT 46/2012 Art. 6.3). */
export const ZPriorityRules = z.object({
  order: z.array(z.object({ criterion: ZPriorityCriterion, ...provenance })).min(1),
  /** Activity types ranked without area or industry priority (cleaner production, TT 46/2012 Art. 6.3). */
  noAreaIndustryPriority: z.object({ activityTypes: ZActivityScope, ...provenance }).optional(),
});
export type TPriorityRules = z.infer<typeof ZPriorityRules>;

/** 29 February is refused: a yearly deadline must exist every year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day of the year relative to the plan year: `yearOffset` -1 = the year before the plan year. */
export const ZAnnualDate = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().min(-2).max(2),
    ...provenance,
  })
  .refine((d) => d.day <= DAYS_IN_MONTH[d.month - 1]!, {
    message: 'No such day in this month',
    path: ['day'],
  });
export type TAnnualDate = z.infer<typeof ZAnnualDate>;

export const ZDeadlines = z.object({
  /** The Sở's registration report (before 20 June of the year before the plan year). */
  registration: ZAnnualDate,
  /** Dossiers for ministry-level appraisal (before 30 September of the year before). */
  dossier: ZAnnualDate,
  /** Monthly progress reports are due on this day of each month. */
  monthlyReportDay: z.object({ day: z.number().int().min(1).max(28), ...provenance }),
  /** Latest contract liquidation and settlement (22 January of the year after the plan year). */
  settlement: ZAnnualDate,
});
export type TDeadlines = z.infer<typeof ZDeadlines>;

export const ZAdvanceRate = z.object({
  percent: ZPercent,
  /**
   * The checkable part of the condition: the first advance needs a progress report with more than this
   * share of the volume done (TT 36/2013: 50 % for cluster works, 70 % for models and machinery).
   */
  progressAbovePercent: ZPercent.optional(),
  conditionVi: ZText,
  conditionEn: ZText,
  ...provenance,
});
export type TAdvanceRate = z.infer<typeof ZAdvanceRate>;

export const ZAdvanceRules = z.object({
  firstAdvanceRateByActivityType: z.partialRecord(ZActivityType, ZAdvanceRate),
  /** Total advances before acceptance, as a share of the national support. */
  maxBeforeAcceptancePercent: ZPercent,
  ...provenance,
});
export type TAdvanceRules = z.infer<typeof ZAdvanceRules>;

export const ZAppraisalCriterion = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  nameVi: ZText,
  nameEn: ZText,
  ...provenance,
});
export type TAppraisalCriterion = z.infer<typeof ZAppraisalCriterion>;

export const ZScoreRubricItem = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  weight: z.number().positive(),
  maxScore: z.number().positive(),
});
export type TScoreRubricItem = z.infer<typeof ZScoreRubricItem>;

const ZRegulationSetShape = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: ZText,
  programme: z.enum(['national', 'local']),
  /** The province of a local (KCĐP) set; null for the national programme. */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  effectiveFromYear: ZYear,
  effectiveToYear: ZYear.nullable(),
  legalBasis: z.array(ZText).default([]),
  activityTypes: z.array(ZActivityType).min(1),
  caps: z.array(ZCapRule),
  requiredDocuments: z.array(ZDocumentRequirement),
  eligibility: ZEligibilityRules,
  priorityRules: ZPriorityRules,
  deadlines: ZDeadlines,
  advances: ZAdvanceRules,
  /** Who decides each kind of adjustment (issue #7); absent in sets published before it: the seeds' values. */
  adjustments: ZAdjustmentRules.optional(),
  appraisalCriteria: z.array(ZAppraisalCriterion).min(1),
  scoreRubric: z.array(ZScoreRubricItem).optional(),
});

/** The regulation set, with the cross-field invariants an administrator's edit must keep. */
export const ZRegulationSet = ZRegulationSetShape.superRefine((set, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if ((set.programme === 'local') !== (set.provinceCode !== null)) {
    issue(['provinceCode'], 'A local set names its province; a national set names none');
  }
  if (set.effectiveToYear !== null && set.effectiveToYear < set.effectiveFromYear) {
    issue(['effectiveToYear'], 'The last plan year is before the first');
  }
  const inSet = new Set<TActivityType>(set.activityTypes);
  if (inSet.size !== set.activityTypes.length) issue(['activityTypes'], 'Duplicate activity type');
  const capped = new Set<TActivityType>();
  set.caps.forEach((cap, i) => {
    if (!inSet.has(cap.activityType)) issue(['caps', i, 'activityType'], 'Activity type not in this set');
    if (capped.has(cap.activityType))
      issue(['caps', i, 'activityType'], 'Two cap lines for one activity type');
    capped.add(cap.activityType);
  });
  set.requiredDocuments.forEach((req, i) => {
    if (req.activityType !== '*' && !inSet.has(req.activityType)) {
      issue(['requiredDocuments', i, 'activityType'], 'Activity type not in this set');
    }
  });
  for (const [key, rule] of Object.entries(set.eligibility)) {
    const scope = rule && 'activityTypes' in rule ? rule.activityTypes : [];
    scope.forEach((t, i) => {
      if (!inSet.has(t)) issue(['eligibility', key, 'activityTypes', i], 'Activity type not in this set');
    });
  }
  const criteria = set.priorityRules.order.map((o) => o.criterion);
  if (new Set(criteria).size !== criteria.length) issue(['priorityRules', 'order'], 'Duplicate criterion');
  const codes = set.appraisalCriteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) issue(['appraisalCriteria'], 'Duplicate criterion code');
  set.scoreRubric?.forEach((item, i) => {
    if (!codes.includes(item.code))
      issue(['scoreRubric', i, 'code'], 'Not an appraisal criterion of this set');
  });
});
export type TRegulationSet = z.infer<typeof ZRegulationSet>;
/** What an administrator sends: defaults (priority multiplier 1.5, severity error…) may be left out. */
export type TRegulationSetInput = z.input<typeof ZRegulationSet>;

/** A typical-product certificate of the registry, as the rule engine reads it. */
export const ZReferencedCertificate = z.object({
  id: z.string(),
  number: z.string(),
  level: ZCertificateLevel,
  productName: z.string(),
  holderName: z.string(),
  holderTaxCode: z.string(),
  /** Last day of validity (`YYYY-MM-DD`). */
  validUntil: z.string(),
});
export type TReferencedCertificate = z.infer<typeof ZReferencedCertificate>;

/**
 * The subset of a proposal the engine reads. Amounts are integer VND, dates `YYYY-MM-DD`. `fields` holds
 * the activity-specific data (see `fields.ts`); the engine reads it defensively, so a half-filled form
 * in the browser can be checked live.
 */
export const ZCheckableProposal = z.object({
  /** Stable identifiers, used only to break ranking ties deterministically. */
  id: z.string().optional(),
  code: z.string().optional(),
  planYear: z.number().int(),
  activityType: ZActivityType,
  isPilot: z.boolean(),
  isGroupProject: z.boolean().optional(),
  title: z.string().optional(),
  priorityArea: z.boolean().optional(),
  priorityIndustry: z.boolean().optional(),
  womenOwned: z.boolean().optional(),
  ethnicMinorityOwned: z.boolean().optional(),
  beneficiary: z
    .object({
      name: z.string().optional(),
      taxCode: z.string().optional(),
      kind: ZBeneficiaryKind.optional(),
    })
    .optional(),
  /** True when the beneficiary is the implementing unit itself (no separate support request needed). */
  beneficiaryIsImplementer: z.boolean().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  budget: z.object({ total: ZVnd, requested: ZVnd, counterpart: ZVnd, other: ZVnd }),
  fields: z.record(z.string(), z.unknown()).optional(),
  documents: z.array(z.object({ kind: ZDocumentKind })).optional(),
  unitExperienceYears: z.number().min(0).optional(),
  /**
   * Facts of the typical-product certificates the proposal references (`fields.certificateIds`), as the
   * registry holds them: the server loads them, the browser passes those the picker fetched. The engine
   * never looks them up itself.
   */
  certificates: z.array(ZReferencedCertificate).optional(),
});
export type TCheckableProposal = z.infer<typeof ZCheckableProposal>;

/** When the check runs: the dossier deadline in force for the proposer (ISO instant or date) and today. */
export type TCheckContext = { dossierDeadline?: string; today?: string };

export const FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;
export type TFindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_CODES = [
  'plan_year_outside_set',
  'activity_type_not_in_set',
  'cap_rule_missing',
  'budget_invalid',
  'budget_mismatch',
  'cap_exceeded',
  'counterpart_insufficient',
  'dates_invalid',
  'completion_outside_plan_year',
  'completion_date_missing',
  'beneficiary_kind_not_eligible',
  'missing_document',
  'certificate_required',
  'certificate_expired',
  'certificate_not_found',
  'certificate_holder_mismatch',
  'certificate_priority',
  'cluster_legal_dossier_incomplete',
  'overseas_fair_limit',
  'machinery_quotations_insufficient',
  'priority_applied',
  'ownership_priority',
  'rule_needs_verification',
] as const;
export type TFindingCode = (typeof FINDING_CODES)[number];

export type TLocalizedText = { vi: string; en: string };

/** One result of the rule check: stable code, severity, the field it concerns, and its message. */
export type TFinding = {
  code: TFindingCode;
  severity: TFindingSeverity;
  /** Dotted path of the field, e.g. `budget.requested`, `fields.items.0.quotations`, `documents`. */
  path: string;
  params: Record<string, string | number>;
  message: TLocalizedText;
};
