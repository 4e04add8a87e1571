import { z } from 'zod';
import { ZActivityType, ZBeneficiaryKind, ZVnd } from '../regulation/types';
import { PROPOSAL_STATUSES, type TProposalStatus } from '../workflow/proposal';
import { ZInstant, ZIsoDate, ZPageQuery, zSort, zText } from './common';
import { ZEffectiveDeadline, ZPlanYear } from './cycles';

/**
 * API contract of proposals (đề án), registrations, base appraisal, submission, return and withdrawal
 * (api.md). Drafts may be incomplete: the rule check and submission say what is missing.
 */

const ZProvinceCode = z.string().regex(/^\d{2}$/, 'two digits');
const zOptionalText = (max: number) => z.string().trim().max(max);

export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);

/** The establishment that benefits (đơn vị thụ hưởng); a group project names its beneficiaries later. */
export const ZBeneficiary = z.object({
  name: zOptionalText(300).optional(),
  taxCode: zOptionalText(20).optional(),
  address: zOptionalText(500).optional(),
  kind: ZBeneficiaryKind.optional(),
  /** The implementing unit is itself the beneficiary (no separate support request is needed). */
  isImplementer: z.boolean().optional(),
});
export type TBeneficiary = z.infer<typeof ZBeneficiary>;

/** Where the project runs, inside the proposal's province (post-2025 communes, no districts). */
export const ZLocation = z.object({
  commune: zOptionalText(200).optional(),
  address: zOptionalText(500).optional(),
});

export const ZBudget = z.object({
  total: ZVnd,
  requested: ZVnd,
  counterpart: ZVnd,
  other: ZVnd,
});
export type TBudget = z.infer<typeof ZBudget>;

/** An expected output (kết quả dự kiến): e.g. 1 model, 40 trainees, 3 machines. */
export const ZOutput = z.object({
  name: zText(300),
  quantity: z.number().nonnegative().max(1e12).nullable().optional(),
  unit: zOptionalText(50).nullable().optional(),
});

export const ZSelectionMethod = z.enum(['selection', 'bidding']);

/** Activity-specific fields; validated against the activity type's schema by the server. */
const ZFields = z.record(z.string(), z.unknown());

const proposalContent = {
  activityType: ZActivityType,
  title: zText(500),
  coordinatingOrganizationId: z.uuid().nullable().optional(),
  isPilot: z.boolean(),
  isGroupProject: z.boolean(),
  beneficiary: ZBeneficiary,
  location: ZLocation,
  startDate: ZIsoDate.nullable().optional(),
  endDate: ZIsoDate.nullable().optional(),
  budget: ZBudget,
  outputs: z.array(ZOutput).max(50),
  fields: ZFields,
  priorityArea: z.boolean(),
  priorityIndustry: z.boolean(),
  womenOwned: z.boolean(),
  ethnicMinorityOwned: z.boolean(),
  /** Codes of the cycle's orientations the project serves. */
  orientations: z.array(z.string().max(50)).max(20),
  selectionMethod: ZSelectionMethod.nullable().optional(),
};

export const ZCreateProposalRequest = z.object({
  planYear: ZPlanYear,
  /** `local`: into the KCĐP cycle of the implementer's province (code KCĐP-…); default national. */
  programme: z.enum(['national', 'local']).optional(),
  implementingOrganizationId: z.uuid(),
  /** Required only when the implementer has no province (regional centres): where the project runs. */
  provinceCode: ZProvinceCode.optional(),
  ...proposalContent,
  isPilot: proposalContent.isPilot.default(false),
  isGroupProject: proposalContent.isGroupProject.default(false),
  beneficiary: proposalContent.beneficiary.default({}),
  location: proposalContent.location.default({}),
  budget: proposalContent.budget.default({ total: 0, requested: 0, counterpart: 0, other: 0 }),
  outputs: proposalContent.outputs.default([]),
  fields: proposalContent.fields.default({}),
  priorityArea: proposalContent.priorityArea.default(false),
  priorityIndustry: proposalContent.priorityIndustry.default(false),
  womenOwned: proposalContent.womenOwned.default(false),
  ethnicMinorityOwned: proposalContent.ethnicMinorityOwned.default(false),
  orientations: proposalContent.orientations.default([]),
});
export type TCreateProposalRequest = z.infer<typeof ZCreateProposalRequest>;

/** Any subset of the content, with the `lockVersion` the editor read (optimistic locking). */
export const ZUpdateProposalRequest = z
  .object(proposalContent)
  .partial()
  .extend({ lockVersion: z.number().int().min(1) });
export type TUpdateProposalRequest = z.infer<typeof ZUpdateProposalRequest>;

export const ZProposalAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  register: z.boolean(),
  baseAppraise: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  withdraw: z.boolean(),
  acceptIntoAppraisal: z.boolean(),
  decide: z.boolean(),
});

export const ZProposal = z.object({
  id: z.uuid(),
  code: z.string(),
  cycleId: z.uuid(),
  programme: z.enum(['national', 'local']),
  planYear: z.number().int(),
  provinceCode: z.string(),
  implementingOrganizationId: z.uuid(),
  implementingOrganizationName: z.string(),
  /** The implementer registers and submits directly with the agency (no base appraisal by a Sở). */
  registersDirectly: z.boolean(),
  coordinatingOrganizationId: z.uuid().nullable(),
  activityType: ZActivityType,
  title: z.string(),
  isPilot: z.boolean(),
  isGroupProject: z.boolean(),
  beneficiary: ZBeneficiary,
  location: ZLocation,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budget: ZBudget,
  outputs: z.array(ZOutput),
  fields: ZFields,
  priorityArea: z.boolean(),
  priorityIndustry: z.boolean(),
  womenOwned: z.boolean(),
  ethnicMinorityOwned: z.boolean(),
  orientations: z.array(z.string()),
  selectionMethod: ZSelectionMethod.nullable(),
  status: ZProposalStatus,
  approvedFunding: z.number().int().nullable(),
  lockVersion: z.number().int(),
  submittedAt: ZInstant.nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
  abilities: ZProposalAbilities,
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalTransition = z.object({
  action: z.string(),
  fromStatus: ZProposalStatus,
  toStatus: ZProposalStatus,
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  dueDate: z.string().nullable(),
  at: ZInstant,
});

export const ZBaseAppraisalResult = z.enum(['pass', 'return', 'reject']);

export const ZProposalDetail = ZProposal.extend({
  transitions: z.array(ZProposalTransition),
  baseAppraisal: z
    .object({
      result: ZBaseAppraisalResult,
      comments: z.string().nullable(),
      recommendedFunding: z.number().int().nullable(),
      appraisedAt: ZInstant,
      appraisedByName: z.string().nullable(),
    })
    .nullable(),
  registration: z
    .object({ id: z.uuid(), letterNumber: z.string(), letterDate: z.string(), submittedAt: ZInstant })
    .nullable(),
  /** The open request for a supplement, while the proposal is returned. */
  pendingReturn: z.object({ reason: z.string(), dueDate: z.string(), at: ZInstant }).nullable(),
  /** The deadlines in force for the organisation that registers and submits this proposal. */
  deadlines: z.object({ registration: ZEffectiveDeadline, dossier: ZEffectiveDeadline }),
});
export type TProposalDetail = z.infer<typeof ZProposalDetail>;

/** `status=draft` or `status=draft,registered`. */
const ZStatusList = z
  .string()
  .max(400)
  .transform((v, ctx) => {
    const parts = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const part of parts) {
      if (!(PROPOSAL_STATUSES as readonly string[]).includes(part)) {
        ctx.addIssue({ code: 'custom', message: `Unknown status ${part}` });
        return z.NEVER;
      }
    }
    return parts as TProposalStatus[];
  });

export const PROPOSAL_SORTS = [
  'code',
  'createdAt',
  'updatedAt',
  'status',
  'budgetRequested',
  'planYear',
] as const;

export const ZProposalsQuery = ZPageQuery.extend({
  planYear: ZPlanYear.optional(),
  programme: z.enum(['national', 'local']).optional(),
  provinceCode: ZProvinceCode.optional(),
  status: ZStatusList.optional(),
  activityType: ZActivityType.optional(),
  organizationId: z.uuid().optional(),
  orientation: z.string().max(50).optional(),
  /** Drill-down from the dashboards (issue #8): a range of plan years, and with `provinces=current` a
   * province code of today also matches the old codes of the provinces merged into it. */
  fromYear: ZPlanYear.optional(),
  toYear: ZPlanYear.optional(),
  provinces: z.enum(['current', 'historical']).optional(),
  q: z.string().trim().max(200).optional(),
  sort: zSort(PROPOSAL_SORTS),
});
export type TProposalsQuery = z.infer<typeof ZProposalsQuery>;

export const ZStatusCountsQuery = z.object({ planYear: ZPlanYear.optional() });
export const ZStatusCounts = z.object({
  total: z.number().int(),
  byStatus: z.array(z.object({ status: ZProposalStatus, count: z.number().int() })),
});

export const ZCreateRegistrationRequest = z.object({
  planYear: ZPlanYear,
  /** `local`: the registration in the caller's province's KCĐP cycle; default national. */
  programme: z.enum(['national', 'local']).optional(),
  proposalIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Duplicate proposal' }),
  letterNumber: zText(100),
  letterDate: ZIsoDate,
});
export type TCreateRegistrationRequest = z.infer<typeof ZCreateRegistrationRequest>;

export const ZRegistration = z.object({
  id: z.uuid(),
  planYear: z.number().int(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  provinceCode: z.string().nullable(),
  letterNumber: z.string(),
  letterDate: z.string(),
  proposalIds: z.array(z.uuid()),
  submittedAt: ZInstant,
});

export const ZBaseAppraisalRequest = z.object({
  result: ZBaseAppraisalResult,
  comments: zOptionalText(5000).optional(),
  recommendedFunding: ZVnd.optional(),
});
export type TBaseAppraisalRequest = z.infer<typeof ZBaseAppraisalRequest>;

export const ZReturnRequest = z.object({ reason: zText(5000), dueDate: ZIsoDate });
export type TReturnRequest = z.infer<typeof ZReturnRequest>;

export const ZWithdrawRequest = z.object({ reason: zText(5000) });
export type TWithdrawRequest = z.infer<typeof ZWithdrawRequest>;
