import { z } from 'zod';
import { ADJUSTMENT_AUTHORITIES, ADJUSTMENT_KINDS } from '../regulation/adjustments';
import { ZIsoDate } from './common';
import { ZProposalStatus } from './proposals';

/**
 * API contract of the Sở's periodic report (issue #7; domain.md §7.4: quarterly, 6-monthly and yearly
 * to the agency and the provincial People's Committee) for one province and period, computed from the
 * data as of the end of the period (Asia/Ho_Chi_Minh).
 */

export const REPORT_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Y'] as const;
export type TReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_PERIOD_LABELS: Record<TReportPeriod, { vi: string; en: string }> = {
  Q1: { vi: 'Quý I', en: 'Q1' },
  Q2: { vi: 'Quý II', en: 'Q2' },
  Q3: { vi: 'Quý III', en: 'Q3' },
  Q4: { vi: 'Quý IV', en: 'Q4' },
  H1: { vi: '6 tháng đầu năm', en: 'First half' },
  Y: { vi: 'Cả năm', en: 'Whole year' },
};

/** First and last calendar day of a period (Vietnamese calendar). */
export function reportPeriodDates(
  year: number,
  period: TReportPeriod,
): { startDate: string; endDate: string } {
  const [from, to] =
    period === 'Y'
      ? [1, 12]
      : period === 'H1'
        ? [1, 6]
        : [(Number(period[1]) - 1) * 3 + 1, Number(period[1]) * 3];
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, to, 0)).getUTCDate();
  return { startDate: `${year}-${pad(from)}-01`, endDate: `${year}-${pad(to)}-${pad(lastDay)}` };
}

/** "quý II năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function reportPeriodTextVi(year: number, period: TReportPeriod): string {
  if (period === 'Y') return `năm ${year}`;
  if (period === 'H1') return `6 tháng đầu năm ${year}`;
  return `quý ${['I', 'II', 'III', 'IV'][Number(period[1]) - 1]} năm ${year}`;
}

export const ZProvinceReportQuery = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/, { message: 'NN' }),
  year: z.coerce.number().int().min(2000).max(2100),
  period: z.enum(REPORT_PERIODS),
});
export type TProvinceReportQuery = z.infer<typeof ZProvinceReportQuery>;

export const REPORT_PROGRAMMES = ['national', 'local'] as const;

export const ZProgrammeSummary = z.object({
  /** `national` (KCQG) or `local` (KCĐP). */
  programme: z.enum(REPORT_PROGRAMMES),
  projects: z.number().int(),
  byStatus: z.array(z.object({ status: ZProposalStatus, count: z.number().int() })),
  approvedSupport: z.number().int(),
  contractedValue: z.number().int(),
  advanced: z.number().int(),
  /** Money spent as the latest monthly report submitted by the period end says (cumulative). */
  spent: z.number().int(),
  acceptedProjects: z.number().int(),
  /** Approved support of the projects accepted by the period end. */
  acceptedSupport: z.number().int(),
  settled: z.number().int(),
  refunded: z.number().int(),
});
export type TProgrammeSummary = z.infer<typeof ZProgrammeSummary>;

export const ZReportProject = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  programme: z.enum(REPORT_PROGRAMMES),
  implementingOrganizationName: z.string(),
  /** The status at the period end. */
  status: ZProposalStatus,
  approvedSupport: z.number().int(),
  contractedValue: z.number().int(),
  advanced: z.number().int(),
  spent: z.number().int(),
  volumePercent: z.number().int().nullable(),
  problems: z.string().nullable(),
});
export type TReportProject = z.infer<typeof ZReportProject>;

export const ZProvinceReport = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  year: z.number().int(),
  period: z.enum(REPORT_PERIODS),
  periodText: z.string(),
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  /** The day the report is made (Vietnam), for the "…, ngày dd tháng MM năm yyyy" line. */
  reportDate: ZIsoDate,
  issuer: z.object({ committee: z.string(), department: z.string(), place: z.string() }),
  recipients: z.array(z.string()),
  programmes: z.array(ZProgrammeSummary),
  projects: z.array(ZReportProject),
  inspections: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      plannedOn: ZIsoDate,
      doneOn: ZIsoDate,
      findings: z.string().nullable(),
      followUps: z.array(z.object({ action: z.string(), dueOn: z.string().optional() })),
    }),
  ),
  overdueReports: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      month: z.string(),
      dueDate: ZIsoDate,
      /** Submitted after the due date (Vietnam day), or null: not submitted by the period end. */
      submittedOn: ZIsoDate.nullable(),
    }),
  ),
  adjustments: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      kind: z.enum(ADJUSTMENT_KINDS),
      reason: z.string(),
      requiredAuthority: z.enum(ADJUSTMENT_AUTHORITIES),
      requestedOn: ZIsoDate,
      /** The state at the period end. */
      status: z.enum(['requested', 'approved', 'rejected']),
      decidedOn: ZIsoDate.nullable(),
      decisionNumber: z.string().nullable(),
    }),
  ),
});
export type TProvinceReport = z.infer<typeof ZProvinceReport>;
