import { z } from 'zod';
import { ADJUSTMENT_AUTHORITIES, ADJUSTMENT_KINDS } from '../regulation/adjustments';
import { ZVnd } from '../regulation/types';
import { ZInstant, ZIsoDate, zText } from './common';

/**
 * Implementation of an approved proposal (issue #7; domain.md §3.6, §7): the contract, advances,
 * monthly progress reports, adjustments, inspections, acceptance and settlement. Money is integer VND.
 */

const ZPositiveVnd = ZVnd.refine((n) => n > 0, { message: 'Số tiền phải lớn hơn 0' });
/** A calendar month, `YYYY-MM`. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'YYYY-MM' });

export const SELECTION_METHODS = ['selection', 'bidding'] as const;

export const ZContractRequest = z.strictObject({
  number: zText(100),
  signedOn: ZIsoDate,
  value: ZPositiveVnd,
  /** `selection` (tuyển chọn) or `bidding` (đấu thầu). */
  selectionMethod: z.enum(SELECTION_METHODS),
});
export type TContractRequest = z.infer<typeof ZContractRequest>;

export const ZAdvanceRequest = z.strictObject({
  amount: ZPositiveVnd,
  paidOn: ZIsoDate,
  note: z.string().trim().max(2000).optional(),
});
export type TAdvanceRequest = z.infer<typeof ZAdvanceRequest>;

export const ZProgressReportRequest = z.strictObject({
  month: ZMonth,
  /** The share of the volume done, 0–100 %. */
  volumePercent: z.number().int().min(0).max(100),
  moneySpent: ZVnd,
  problems: z.string().trim().max(4000).optional(),
});
export type TProgressReportRequest = z.infer<typeof ZProgressReportRequest>;

export const ZAdjustmentRequest = z.strictObject({
  kind: z.enum(ADJUSTMENT_KINDS),
  reason: zText(4000),
  /** The new approved support, for funding_increase and decrease. */
  newApprovedFunding: ZPositiveVnd.optional(),
  /** The requested change in words (new location, beneficiary, timing…). */
  description: z.string().trim().max(4000).optional(),
});
export type TAdjustmentRequest = z.infer<typeof ZAdjustmentRequest>;

export const ZAdjustmentDecisionRequest = z.strictObject({
  result: z.enum(['approved', 'rejected']),
  decisionNumber: zText(100),
  note: z.string().trim().max(4000).optional(),
});
export type TAdjustmentDecisionRequest = z.infer<typeof ZAdjustmentDecisionRequest>;

export const ZAcceptanceRequest = z.strictObject({
  minutesNumber: zText(100),
  /** `passed` (đạt) or `passed_with_remarks` (đạt, có ý kiến cần hoàn thiện). */
  result: z.enum(['passed', 'passed_with_remarks']),
  acceptedOn: ZIsoDate,
});
export type TAcceptanceRequest = z.infer<typeof ZAcceptanceRequest>;

export const ZSettlementRequest = z.strictObject({
  settledAmount: ZVnd,
  settledOn: ZIsoDate,
});
export type TSettlementRequest = z.infer<typeof ZSettlementRequest>;

/** The inspection team: its members' names and positions, one per entry. */
const ZInspectionTeam = z.array(zText(200)).max(30);

export const ZInspectionPlanRequest = z.strictObject({
  plannedOn: ZIsoDate,
  team: ZInspectionTeam.optional(),
});
export type TInspectionPlanRequest = z.infer<typeof ZInspectionPlanRequest>;

export const ZInspectionResultRequest = z.strictObject({
  doneOn: ZIsoDate,
  findings: zText(8000),
  /** The team that made the visit (replaces the planned one when given). */
  team: ZInspectionTeam.optional(),
  followUps: z
    .array(z.strictObject({ action: zText(1000), dueOn: ZIsoDate.optional() }))
    .max(50)
    .default([]),
});
export type TInspectionResultRequest = z.infer<typeof ZInspectionResultRequest>;

const ZAuthority = z.enum(ADJUSTMENT_AUTHORITIES);

/**
 * What the caller may do next on the proposal's implementation, decided by the server (the status
 * machine, the permissions and the scope): the UI shows its buttons from these only.
 */
export const ZImplementationAbilities = z.object({
  contract: z.boolean(),
  advance: z.boolean(),
  report: z.boolean(),
  requestAdjustment: z.boolean(),
  planInspection: z.boolean(),
  recordInspection: z.boolean(),
  accept: z.boolean(),
  settle: z.boolean(),
  close: z.boolean(),
});
export type TImplementationAbilities = z.infer<typeof ZImplementationAbilities>;

/** A photo of an inspection or a monthly report: download at `/implementation-photos/{id}/content`. */
export const ZImplementationPhoto = z.object({ id: z.uuid(), fileName: z.string(), size: z.number() });
export type TImplementationPhoto = z.infer<typeof ZImplementationPhoto>;

export const ZImplementationView = z.object({
  proposalId: z.uuid(),
  code: z.string(),
  status: z.string(),
  approvedFunding: z.number().nullable(),
  contract: z
    .object({ number: z.string(), signedOn: z.string(), value: z.number(), selectionMethod: z.string() })
    .nullable(),
  advances: z.object({
    items: z.array(
      z.object({
        seq: z.number(),
        amount: z.number(),
        paidOn: z.string(),
        basis: z.string(),
        note: z.string().nullable(),
        /** When it was recorded (the timeline's order). */
        recordedAt: ZInstant,
      }),
    ),
    total: z.number(),
    /** The most that may be advanced before acceptance (70 % of the approved support). */
    limitBeforeAcceptance: z.number(),
    /** The first advance the regulation set allows for this project type, null when it has none. */
    firstAdvance: z
      .object({ percent: z.number(), amount: z.number(), needsVerification: z.boolean() })
      .nullable(),
  }),
  progressReports: z.array(
    z.object({
      month: z.string(),
      volumePercent: z.number(),
      moneySpent: z.number(),
      problems: z.string().nullable(),
      submittedAt: ZInstant,
      photos: z.array(ZImplementationPhoto),
    }),
  ),
  adjustments: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      reason: z.string(),
      changes: z.record(z.string(), z.unknown()),
      requiredAuthority: ZAuthority,
      status: z.string(),
      requestedAt: ZInstant,
      decidedAuthority: z.string().nullable(),
      decisionNumber: z.string().nullable(),
      decisionNote: z.string().nullable(),
      decidedAt: ZInstant.nullable(),
      /** The caller may decide it now (the authority it needs, or one above). */
      decidable: z.boolean(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: z.uuid(),
      plannedOn: z.string(),
      doneOn: z.string().nullable(),
      status: z.string(),
      team: z.array(z.string()),
      findings: z.string().nullable(),
      followUps: z.array(z.object({ action: z.string(), dueOn: z.string().optional() })),
      /** When it was planned or last recorded (the timeline's order). */
      recordedAt: ZInstant,
      photos: z.array(ZImplementationPhoto),
    }),
  ),
  acceptance: z.object({ minutesNumber: z.string(), result: z.string(), acceptedOn: z.string() }).nullable(),
  settlement: z
    .object({
      settledAmount: z.number(),
      advancedTotal: z.number(),
      refundAmount: z.number(),
      settledOn: z.string(),
      late: z.boolean(),
      liquidationDeadline: z.string(),
      pastLiquidationDeadline: z.boolean(),
    })
    .nullable(),
  abilities: ZImplementationAbilities,
});
export type TImplementationView = z.infer<typeof ZImplementationView>;

export const ZOverdueQuery = z.object({ month: ZMonth });
export const ZOverdueList = z.object({
  month: z.string(),
  /** The report day of that month (the 25th). */
  dueDate: z.string(),
  /** False while the due date has not passed: nothing is overdue yet. */
  duePassed: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      provinceCode: z.string(),
      status: z.string(),
      implementingOrganizationName: z.string(),
    }),
  ),
});
export type TOverdueList = z.infer<typeof ZOverdueList>;

/** The caller's projects that owe monthly progress reports (`GET /progress-reports/due`). */
export const ZDueReportsQuery = z.object({ month: ZMonth.optional() });
export const ZDueReports = z.object({
  /** The current month (Vietnam calendar) unless asked for another. */
  month: z.string(),
  dueDate: z.string(),
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      provinceCode: z.string(),
      status: z.string(),
      implementingOrganizationName: z.string(),
      /** The report day of the month asked for. */
      dueDate: z.string(),
      /** That month's report is missing and its due date has passed. */
      overdue: z.boolean(),
      /** Earlier months (from the contract on) still without a report whose due date passed. */
      missingMonths: z.array(z.string()),
      lastReportedMonth: z.string().nullable(),
    }),
  ),
});
export type TDueReports = z.infer<typeof ZDueReports>;

/** Accepted projects whose settlement is late, and projects past their liquidation deadline. */
export const ZLateSettlements = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      provinceCode: z.string(),
      status: z.string(),
      implementingOrganizationName: z.string(),
      acceptedOn: z.string().nullable(),
      /** The acceptance date plus 15 days. */
      settlementDueOn: z.string().nullable(),
      settledOn: z.string().nullable(),
      settlementLate: z.boolean(),
      liquidationDeadline: z.string(),
      liquidationLate: z.boolean(),
    }),
  ),
});
export type TLateSettlements = z.infer<typeof ZLateSettlements>;
