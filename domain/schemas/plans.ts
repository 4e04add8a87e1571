import { z } from 'zod';
import { ZActivityType } from '../regulation/types';
import { ZInstant, ZIsoDate, zText } from './common';
import { ZProposalStatus } from './proposals';

/**
 * API contract of the national plan (issue #6): the decided proposals ranked by the regulation set's
 * priority order, the funding line against the cycle's budget envelope, headroom by province and by
 * activity type, the reserve list, and approved versions.
 */

export const ZPlanItem = z.object({
  rank: z.number().int(),
  proposalId: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: ZProposalStatus,
  provinceCode: z.string(),
  provinceName: z.string(),
  organizationName: z.string(),
  activityType: ZActivityType,
  isPilot: z.boolean(),
  requestedFunding: z.number().int(),
  approvedFunding: z.number().int(),
  /** Above the funding line (in the plan) or in reserve. */
  inPlan: z.boolean(),
  /** Running total of the approved funding of the items in the plan, up to this one. */
  cumulativeFunding: z.number().int(),
});
export type TPlanItem = z.infer<typeof ZPlanItem>;

const ZGroup = {
  count: z.number().int(),
  approvedFunding: z.number().int(),
  reserveCount: z.number().int(),
  reserveFunding: z.number().int(),
  /** Share of the budget envelope taken by this group's items in the plan, in percent (1 decimal). */
  envelopeShare: z.number(),
};

export const ZPlan = z.object({
  planYear: z.number().int(),
  /** The national plan, or a province's local (KCĐP) plan, approved by its People's Committee. */
  programme: z.enum(['national', 'local']),
  /** Null for the national plan; the province of a local plan. */
  provinceCode: z.string().nullable(),
  /** draft: not approved, or changed since the last approved version; approved: as approved. */
  status: z.enum(['draft', 'approved']),
  /** The version being shown: the approved one, or the next one for a draft. */
  version: z.number().int(),
  budgetEnvelope: z.number().int(),
  totals: z.object({ count: z.number().int(), approvedFunding: z.number().int() }),
  /** budgetEnvelope − totals.approvedFunding (scoped callers see the national figure too). */
  headroom: z.number().int(),
  reserve: z.object({ count: z.number().int(), approvedFunding: z.number().int() }),
  byProvince: z.array(z.object({ provinceCode: z.string(), provinceName: z.string(), ...ZGroup })),
  byActivityType: z.array(z.object({ activityType: ZActivityType, ...ZGroup })),
  items: z.array(ZPlanItem),
  approved: z
    .object({
      version: z.number().int(),
      decisionNumber: z.string(),
      decisionDate: ZIsoDate,
      approvedByName: z.string().nullable(),
      approvedAt: ZInstant,
    })
    .nullable(),
  /** The caller sees only their province's or organisation's items. */
  scoped: z.boolean(),
  canApprove: z.boolean(),
});
export type TPlan = z.infer<typeof ZPlan>;

export const ZApprovePlanRequest = z.object({
  decisionNumber: zText(100),
  decisionDate: ZIsoDate,
});
export type TApprovePlanRequest = z.infer<typeof ZApprovePlanRequest>;

/** One line of the published plan: no personal data (no beneficiary, no people, no contacts). */
export const ZOpenDataItem = z.object({
  rank: z.number().int(),
  code: z.string(),
  title: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  implementingOrganization: z.string(),
  activityType: ZActivityType,
  activityTypeName: z.string(),
  approvedFunding: z.number().int(),
});
export const ZOpenDataPlan = z.object({
  planYear: z.number().int(),
  version: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: ZIsoDate,
  budgetEnvelope: z.number().int(),
  totals: z.object({ count: z.number().int(), approvedFunding: z.number().int() }),
  items: z.array(ZOpenDataItem),
  license: z.string(),
});
export type TOpenDataPlan = z.infer<typeof ZOpenDataPlan>;
