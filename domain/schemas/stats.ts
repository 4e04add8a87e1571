import { z } from 'zod';
import { PROPOSAL_STATUSES } from '../workflow/proposal';
import { ZPlanYear } from './cycles';

/** Statuses whose funding counts as approved: the plan was approved and the project went ahead. */
export const APPROVED_STATUSES = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
] as const satisfies readonly (typeof PROPOSAL_STATUSES)[number][];
/** Statuses of a project whose results were accepted (nghiệm thu) and beyond. */
export const ACCEPTED_STATUSES = ['accepted', 'settled', 'closed'] as const;

export const STATS_GROUPS = ['province', 'activityType', 'status', 'year', 'region'] as const;
export type TStatsGroup = (typeof STATS_GROUPS)[number];
export const PROVINCE_MODES = ['current', 'historical'] as const;
export type TProvinceMode = (typeof PROVINCE_MODES)[number];

export const ZStatsQuery = z
  .object({
    planYear: ZPlanYear.optional(),
    fromYear: ZPlanYear.optional(),
    toYear: ZPlanYear.optional(),
    groupBy: z.enum(STATS_GROUPS).default('province'),
    provinces: z.enum(PROVINCE_MODES).default('current'),
    programme: z.enum(['national', 'local']).optional(),
  })
  .refine((q) => q.fromYear === undefined || q.toYear === undefined || q.fromYear <= q.toYear, {
    path: ['toYear'],
    message: 'toYear ≥ fromYear',
  });
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

const ZFigures = z.object({
  /** Proposals counted (every status but drafts). */
  count: z.number().int(),
  /** Support requested from the programme, VND. */
  requestedFunding: z.number().int(),
  /** Approved proposals (approved and beyond) and their approved funding, VND. */
  approvedCount: z.number().int(),
  approvedFunding: z.number().int(),
  /** Accepted projects (accepted, settled, closed). */
  acceptedCount: z.number().int(),
  /** Approved funding where decided, else the support requested: the headline money figure. */
  funding: z.number().int(),
});
export type TFigures = z.infer<typeof ZFigures>;

export const ZStatsItem = ZFigures.extend({
  /** The group's key: a province code, an activity-type code, a status, a year or a region. */
  key: z.string(),
  /** Province groups: the unit's name at the time (historical) or today (current). */
  name: z.string().nullable(),
  /** Province groups: true when the unit belongs to the 63-province map (until 30 Jun 2025). */
  formerUnit: z.boolean().nullable(),
  /** Year groups: the national cycle's budget envelope, VND. */
  budgetEnvelope: z.number().int().nullable(),
});
export type TStatsItem = z.infer<typeof ZStatsItem>;

export const ZStatsResponse = z.object({
  groupBy: z.enum(STATS_GROUPS),
  provinces: z.enum(PROVINCE_MODES),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  totals: ZFigures.extend({ budgetEnvelope: z.number().int().nullable() }),
  items: z.array(ZStatsItem),
});
export type TStatsResponse = z.infer<typeof ZStatsResponse>;

export const LAG_REASONS = ['late_acceptance', 'late_settlement', 'overdue_supplement'] as const;
export type TLagReason = (typeof LAG_REASONS)[number];

export const ZLaggingQuery = z.object({
  planYear: ZPlanYear.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZLaggingResponse = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      planYear: z.number().int(),
      provinceCode: z.string(),
      status: z.enum(PROPOSAL_STATUSES),
      reason: z.enum(LAG_REASONS),
      /** The date that passed (end date, end date + 90 days, supplement due date). */
      dueDate: z.string(),
      daysLate: z.number().int(),
    }),
  ),
});
export type TLaggingResponse = z.infer<typeof ZLaggingResponse>;
