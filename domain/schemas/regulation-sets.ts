import { z } from 'zod';
import {
  FINDING_CODES,
  FINDING_SEVERITIES,
  PRIORITY_CRITERIA,
  ZActivityType,
  ZCapUnit,
  ZCheckableProposal,
  ZRegulationSet,
} from '../regulation/types';
import { ZBooleanQuery, ZInstant, ZPageQuery } from './common';

/** API contract of the regulation sets (api.md: `/api/v1/regulation-sets`). */

const ZProvinceCode = z.string().regex(/^\d{2}$/, 'two digits');

export const ZRegulationSetsQuery = ZPageQuery.extend({
  programme: z.enum(['national', 'local']).optional(),
  provinceCode: ZProvinceCode.optional(),
  /** Sets whose effective years cover this plan year. */
  planYear: z.coerce.number().int().min(2000).max(2100).optional(),
  code: z.string().trim().min(1).max(100).optional(),
  /** `true`: only the newest version of each code. */
  latest: ZBooleanQuery.optional(),
});
export type TRegulationSetsQuery = z.infer<typeof ZRegulationSetsQuery>;

export const ZRegulationSetSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  programme: z.enum(['national', 'local']),
  provinceCode: z.string().nullable(),
  effectiveFromYear: z.number().int(),
  effectiveToYear: z.number().int().nullable(),
  previousId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdAt: ZInstant,
  /** The newest version of its code (the one a new version must be based on). */
  isLatest: z.boolean(),
  /** A closed cycle ran under this version: it is kept as it is for good. */
  usedByClosedCycle: z.boolean(),
  /** How many values in the set are flagged `needsVerification`. */
  needsVerificationCount: z.number().int(),
});
export type TRegulationSetSummary = z.infer<typeof ZRegulationSetSummary>;

export const ZRegulationSetDetail = ZRegulationSetSummary.extend({ body: ZRegulationSet });
export type TRegulationSetDetail = z.infer<typeof ZRegulationSetDetail>;

/** Publishes a new version of `basedOnId`'s code; `basedOnId` must be its newest version. */
export const ZPublishRegulationSetRequest = z.object({
  basedOnId: z.uuid(),
  body: ZRegulationSet,
  note: z.string().trim().min(1).max(2000).optional(),
});
export type TPublishRegulationSetRequest = z.infer<typeof ZPublishRegulationSetRequest>;

export const ZCheckContext = z.object({
  /** The dossier deadline in force for the proposer (ISO date or instant). */
  dossierDeadline: z.string().max(40).optional(),
  /** Today's date or instant, for a check made after the deadline. */
  today: z.string().max(40).optional(),
});

/** A proposal as the engine reads it, plus when the check runs. */
export const ZCheckRequest = ZCheckableProposal.extend({ context: ZCheckContext.optional() });
export type TCheckRequest = z.infer<typeof ZCheckRequest>;

export const ZCheckFinding = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(FINDING_SEVERITIES),
  path: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** In the language of `Accept-Language` (Vietnamese by default). */
  message: z.string(),
});

export const ZMaxSupport = z.object({
  amount: z.number().int(),
  shareCap: z.number().int(),
  amountCap: z.number().int().nullable(),
  eligibleCost: z.number().int(),
  limitedBy: z.enum(['share', 'amount']),
  rule: z.object({
    activityType: ZActivityType,
    sharePercent: z.number(),
    maxAmount: z.number().int().nullable(),
    unit: ZCapUnit,
    units: z.number().int(),
    multiplier: z.number(),
    priorityMultiplier: z.number(),
    variantCode: z.string().nullable(),
    source: z.string(),
    needsVerification: z.boolean(),
  }),
});

export const ZCheckResponse = z.object({
  findings: z.array(ZCheckFinding),
  /** Null when the set has no cap line for the activity type. */
  maxSupport: ZMaxSupport.nullable(),
  priority: z.object({
    /** One rank per criterion of the set's legal order (0 = has the priority; experience as minus years). */
    ranks: z.array(z.object({ criterion: z.enum(PRIORITY_CRITERIA), rank: z.number() })),
    /** The full ranking key (ranks, then tie-breakers): compare element by element, smaller first. */
    key: z.array(z.union([z.number(), z.string()])),
  }),
});
export type TCheckResponse = z.infer<typeof ZCheckResponse>;
