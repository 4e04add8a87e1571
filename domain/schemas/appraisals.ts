import { z } from 'zod';
import { ZActivityType, ZVnd } from '../regulation/types';
import { ZInstant } from './common';
import { ZProposalStatus } from './proposals';

/**
 * API contract of the ministry-level appraisal (thẩm định cấp Bộ, issue #6): the agency inbox, the
 * assignment of appraisers with conflict-of-interest warnings, each appraiser's appraisal (draft, then
 * submitted), the consensus view and the agency's decision.
 */

const zOptionalText = (max: number) => z.string().trim().max(max);

/** Automatic conflict-of-interest warnings found when an appraiser is assigned. */
export const CONFLICT_WARNINGS = ['same_organization', 'same_province'] as const;
export const ZConflictWarning = z.enum(CONFLICT_WARNINGS);
export type TConflictWarning = z.infer<typeof ZConflictWarning>;

export const CONFLICT_WARNING_LABELS: Record<TConflictWarning, { vi: string; en: string }> = {
  same_organization: {
    vi: 'Thành viên thuộc đơn vị thực hiện đề án',
    en: 'The appraiser belongs to the implementing organisation',
  },
  same_province: {
    vi: 'Thành viên thuộc cùng tỉnh, thành phố với đề án',
    en: 'The appraiser belongs to the proposal’s province',
  },
};

export const ZAssignRequest = z.object({
  userIds: z.array(z.uuid()).min(1).max(20),
});
export type TAssignRequest = z.infer<typeof ZAssignRequest>;

export const ZAcceptRequest = z.object({
  proposalIds: z.array(z.uuid()).min(1).max(500),
});
export type TAcceptRequest = z.infer<typeof ZAcceptRequest>;

export const ZAppraisalRecommendation = z.enum(['recommended', 'not_recommended']);
export type TAppraisalRecommendation = z.infer<typeof ZAppraisalRecommendation>;

export const ZCriterionAnswer = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  pass: z.boolean().nullable(),
  comment: zOptionalText(5000).optional(),
});
export type TCriterionAnswer = z.infer<typeof ZCriterionAnswer>;

/**
 * `PUT /proposals/{id}/appraisals/mine`: saves the caller's draft; `submit: true` also makes it final
 * (the same as `POST .../appraisals/mine/submit` afterwards). A draft may be incomplete.
 */
export const ZAppraisalRequest = z.object({
  conflictOfInterest: z.boolean(),
  conflictNote: zOptionalText(2000).optional(),
  criteria: z.array(ZCriterionAnswer).max(50),
  score: z.number().int().min(0).max(100).nullable().optional(),
  recommendation: ZAppraisalRecommendation.nullable().optional(),
  recommendedFunding: ZVnd.nullable().optional(),
  comments: zOptionalText(5000).optional(),
  submit: z.boolean().optional(),
});
export type TAppraisalRequest = z.infer<typeof ZAppraisalRequest>;

export const ZAppraisal = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  appraiserId: z.uuid(),
  appraiserName: z.string(),
  status: z.enum(['draft', 'submitted']),
  conflictOfInterest: z.boolean(),
  conflictNote: z.string().nullable(),
  criteria: z.array(
    z.object({ code: z.string(), pass: z.boolean().nullable(), comment: z.string().optional() }),
  ),
  score: z.number().int().nullable(),
  recommendation: ZAppraisalRecommendation.nullable(),
  recommendedFunding: z.number().int().nullable(),
  comments: z.string().nullable(),
  submittedAt: ZInstant.nullable(),
  updatedAt: ZInstant,
});
export type TAppraisal = z.infer<typeof ZAppraisal>;

export const ZAssignment = z.object({
  userId: z.uuid(),
  name: z.string(),
  organizationName: z.string(),
  warnings: z.array(ZConflictWarning),
  /** pending: nothing saved yet; draft: saved, not submitted; submitted: final. */
  appraisalStatus: z.enum(['pending', 'draft', 'submitted']),
  conflictOfInterest: z.boolean().nullable(),
  assignedAt: ZInstant,
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZCriterionDefinition = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });

export const ZDecision = z.object({
  result: ZAppraisalRecommendation,
  approvedFunding: z.number().int(),
  note: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZInstant,
});

/** The appraisal of one proposal as the caller may see it: the consensus view. */
export const ZAppraisalView = z.object({
  proposalId: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: ZProposalStatus,
  requestedFunding: z.number().int(),
  /** min(request, cap): the most the agency may approve; null when the set has no cap line. */
  fundingLimit: z.number().int(),
  maxSupport: z.number().int().nullable(),
  criteria: z.array(ZCriterionDefinition),
  assignments: z.array(ZAssignment),
  /** Submitted appraisals the caller may see (an appraiser sees others' once their own is submitted). */
  appraisals: z.array(ZAppraisal),
  mine: ZAppraisal.nullable(),
  isAssigned: z.boolean(),
  decision: ZDecision.nullable(),
  canAssign: z.boolean(),
  canDecide: z.boolean(),
});
export type TAppraisalView = z.infer<typeof ZAppraisalView>;

export const ZDecisionRequest = z.object({
  result: ZAppraisalRecommendation,
  approvedFunding: ZVnd,
  note: zOptionalText(5000).optional(),
});
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

export const ZInboxQuery = z.object({
  planYear: z.coerce.number().int().min(2000).max(2100),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  organizationId: z.uuid().optional(),
  status: z
    .union([ZProposalStatus, z.array(ZProposalStatus)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
export type TInboxQuery = z.infer<typeof ZInboxQuery>;

export const ZInboxItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: ZProposalStatus,
  provinceCode: z.string(),
  provinceName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  activityType: ZActivityType,
  requestedFunding: z.number().int(),
  approvedFunding: z.number().int().nullable(),
  submittedAt: ZInstant.nullable(),
  /** The dossier checklist of the regulation set: required kinds present and missing. */
  documents: z.object({
    required: z.number().int(),
    present: z.number().int(),
    missing: z.array(z.string()),
  }),
  errorCount: z.number().int(),
  assigned: z.number().int(),
  submittedAppraisals: z.number().int(),
  warnings: z.number().int(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInbox = z.object({
  items: z.array(ZInboxItem),
  byStatus: z.array(z.object({ status: ZProposalStatus, count: z.number().int() })),
  byProvince: z.array(
    z.object({ provinceCode: z.string(), provinceName: z.string(), count: z.number().int() }),
  ),
});

export const ZQueueItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: ZProposalStatus,
  provinceName: z.string(),
  organizationName: z.string(),
  activityType: ZActivityType,
  requestedFunding: z.number().int(),
  warnings: z.array(ZConflictWarning),
  appraisalStatus: z.enum(['pending', 'draft', 'submitted']),
  assignedAt: ZInstant,
});
export const ZQueue = z.object({
  items: z.array(ZQueueItem),
  counts: z.object({
    assigned: z.number().int(),
    pending: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    /** Still to do: pending + draft, on proposals still under appraisal. */
    left: z.number().int(),
  }),
});

export const ZAcceptResponse = z.object({ accepted: z.array(z.uuid()) });
