import { and, asc, eq } from 'drizzle-orm';
import { ACTIVITY_TYPE_DEFINITIONS, type TActivityType } from '../../../domain/enums/activity-types';
import type { TOpenDataPlan } from '../../../domain/schemas/plans';
import { organizations, planItems, proposals } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { provinceNames } from '../appraisals';
import { findNationalCycle } from '../cycles';
import { latestApprovedPlan } from './build-plan';

export const OPEN_DATA_LICENSE = 'Dữ liệu mở của cơ quan nhà nước; được tự do sử dụng, ghi rõ nguồn.';

/**
 * The latest approved version of a plan year's national plan, as published: the items in the plan with
 * public facts only (code, title, province, implementing organisation, activity type, approved funding).
 * Beneficiaries, people, contacts and tax codes are never read, so they cannot leak.
 */
export async function openDataPlan(db: TDbOrTx, planYear: number): Promise<TOpenDataPlan> {
  const cycle = await findNationalCycle(db, planYear);
  if (!cycle) throw notFound();
  const plan = await latestApprovedPlan(db, cycle.id);
  if (!plan) throw notFound();
  const rows = await db
    .select({
      rank: planItems.rank,
      code: proposals.code,
      title: proposals.title,
      provinceCode: planItems.provinceCode,
      implementingOrganization: organizations.name,
      activityType: planItems.activityType,
      approvedFunding: planItems.approvedFunding,
    })
    .from(planItems)
    .innerJoin(proposals, eq(proposals.id, planItems.proposalId))
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(eq(planItems.planId, plan.id), eq(planItems.inPlan, true)))
    .orderBy(asc(planItems.rank));
  const names = await provinceNames(db);
  const items = rows.map((r, index) => ({
    rank: index + 1,
    code: r.code,
    title: r.title,
    provinceCode: r.provinceCode,
    provinceName: names.get(r.provinceCode) ?? r.provinceCode,
    implementingOrganization: r.implementingOrganization,
    activityType: r.activityType as TActivityType,
    activityTypeName: ACTIVITY_TYPE_DEFINITIONS[r.activityType as TActivityType]?.nameVi ?? r.activityType,
    approvedFunding: r.approvedFunding,
  }));
  return {
    planYear,
    version: plan.version,
    decisionNumber: plan.decisionNumber,
    decisionDate: plan.decisionDate,
    budgetEnvelope: plan.budgetEnvelope,
    totals: { count: items.length, approvedFunding: items.reduce((n, i) => n + i.approvedFunding, 0) },
    items,
    license: OPEN_DATA_LICENSE,
  };
}

const CSV_COLUMNS: { header: string; value: (i: TOpenDataPlan['items'][number]) => string | number }[] = [
  { header: 'STT', value: (i) => i.rank },
  { header: 'Mã đề án', value: (i) => i.code },
  { header: 'Tên đề án', value: (i) => i.title },
  { header: 'Mã tỉnh', value: (i) => i.provinceCode },
  { header: 'Tỉnh, thành phố', value: (i) => i.provinceName },
  { header: 'Đơn vị thực hiện', value: (i) => i.implementingOrganization },
  { header: 'Mã nội dung', value: (i) => i.activityType },
  { header: 'Nội dung hoạt động', value: (i) => i.activityTypeName },
  { header: 'Kinh phí phê duyệt (đồng)', value: (i) => i.approvedFunding },
];

/** RFC 4180 field: quoted when needed; a leading =, +, - or @ is neutralised (no formula injection). */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with a UTF-8 byte-order mark (Excel opens Vietnamese text correctly) and CRLF line ends. */
export function openDataCsv(plan: TOpenDataPlan): string {
  const lines = [CSV_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const item of plan.items) lines.push(CSV_COLUMNS.map((c) => csvField(c.value(item))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
