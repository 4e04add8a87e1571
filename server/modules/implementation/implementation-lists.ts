import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { vnDateOf } from '../../../domain/lib/dates';
import { defaultDeadlines, monthlyReportDueDate } from '../../../domain/regulation';
import type { TDueReports, TLateSettlements } from '../../../domain/schemas/implementation';
import { registersDirectly, type TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, type TActor } from '../../access/actor';
import {
  organizations,
  progressReports,
  proposalAcceptances,
  proposalContracts,
  proposalSettlements,
  proposals,
} from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { proposalScope } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { SETTLEMENT_DAYS_AFTER_ACCEPTANCE } from './closing';
import { REPORTING, REPORTING_COLUMNS } from './progress';
import { addDays } from './support';

/** The months from `from` to `to` inclusive, `YYYY-MM`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The caller's monthly reports to send ("Báo cáo tháng cần nộp"): the contracted or in-progress
 * proposals the caller answers for, as the reminder job counts them — the implementing unit's own,
 * and a Sở's for the proposals of its province that go through it (the agency answers for none: it
 * reads the overdue list). Each with the month's due date, whether it is overdue, and the earlier
 * months since the contract whose report is still missing after its due date.
 */
export async function dueReports(
  db: TDbOrTx,
  actor: TActor,
  now: Date,
  month?: string,
): Promise<TDueReports> {
  assertCan(actor, 'implementation.write');
  const today = vnDateOf(now);
  const asked = month ?? today.slice(0, 7);
  const [year, mm] = asked.split('-').map(Number) as [number, number];
  const isProvince = actor.roles.includes('province_officer') || actor.roles.includes('province_leader');
  const isUnit = actor.roles.includes('unit_officer');
  const forProvince = isProvince && Boolean(actor.provinceCode);
  const forUnit = isUnit && Boolean(actor.organizationId);
  if (!forProvince && !forUnit) return { month: asked, dueDate: `${asked}-25`, items: [] };
  // The Sở answers for every project of its province, merged old provinces included (proposalScope);
  // a unit for its own.
  const mine = forProvince ? undefined : eq(proposals.implementingOrganizationId, actor.organizationId);
  const rows = await db
    .select({
      ...REPORTING_COLUMNS,
      reported: sql<
        string[]
      >`coalesce((select array_agg(r.month order by r.month) from ${progressReports} r where r.proposal_id = ${proposals.id}), '{}')`,
    })
    .from(proposals)
    .innerJoin(proposalContracts, eq(proposalContracts.proposalId, proposals.id))
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(inArray(proposals.status, REPORTING), proposalScope(actor), mine))
    .orderBy(asc(proposals.code));
  const sets = new Map<string, Awaited<ReturnType<typeof regulationSetForCycle>>['set']>();
  for (const cycleId of new Set(rows.map((r) => r.cycleId))) {
    sets.set(cycleId, (await regulationSetForCycle(db, cycleId)).set);
  }
  const items: TDueReports['items'] = [];
  for (const r of rows) {
    const ownUnit = isUnit && r.implementingOrganizationId === actor.organizationId;
    const throughProvince = !registersDirectly(
      r.implementingKind as TOrganizationKind,
      r.implementingProvince,
    );
    const ownProvince = isProvince && throughProvince;
    if (!ownUnit && !ownProvince) continue;
    const set = sets.get(r.cycleId)!;
    const dueOf = (m: string) => {
      const [y, n] = m.split('-').map(Number) as [number, number];
      return monthlyReportDueDate(set, y, n);
    };
    const reported = new Set(r.reported);
    const dueDate = monthlyReportDueDate(set, year, mm);
    // Months due since the contract: those whose due date is on or after the signing.
    const missingMonths = monthsBetween(r.signedOn.slice(0, 7), asked)
      .filter((m) => m < asked && !reported.has(m) && dueOf(m) >= r.signedOn && dueOf(m) < today)
      .sort();
    const owesThisMonth = !reported.has(asked) && dueDate >= r.signedOn;
    if (!owesThisMonth && missingMonths.length === 0) continue;
    items.push({
      id: r.id,
      code: r.code,
      title: r.title,
      provinceCode: r.provinceCode,
      status: r.status,
      implementingOrganizationName: r.implementingOrganizationName,
      dueDate,
      overdue: owesThisMonth && today > dueDate,
      missingMonths,
      lastReportedMonth: r.reported.length > 0 ? r.reported[r.reported.length - 1]! : null,
    });
  }
  const first = rows[0] ? sets.get(rows[0].cycleId) : undefined;
  return {
    month: asked,
    dueDate: first ? monthlyReportDueDate(first, year, mm) : `${asked}-25`,
    items,
  };
}

/**
 * Late settlement and liquidation in the caller's scope (domain.md §7.3): accepted projects whose
 * settlement is not in 15 days after the acceptance (or was settled late), and projects accepted or
 * settled but not closed by the set's liquidation deadline (22 January of the year after the plan
 * year), or settled after it.
 */
export async function lateSettlements(db: TDbOrTx, actor: TActor, now: Date): Promise<TLateSettlements> {
  assertCan(actor, 'proposals.read');
  const today = vnDateOf(now);
  const statuses: TProposalStatus[] = ['accepted', 'settled', 'closed'];
  const rows = await db
    .select({
      id: proposals.id,
      code: proposals.code,
      title: proposals.title,
      provinceCode: proposals.provinceCode,
      status: proposals.status,
      planYear: proposals.planYear,
      cycleId: proposals.cycleId,
      implementingOrganizationName: organizations.name,
      acceptedOn: proposalAcceptances.acceptedOn,
      settledOn: proposalSettlements.settledOn,
      late: proposalSettlements.late,
      liquidationDeadline: proposalSettlements.liquidationDeadline,
      pastLiquidationDeadline: proposalSettlements.pastLiquidationDeadline,
    })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .leftJoin(proposalAcceptances, eq(proposalAcceptances.proposalId, proposals.id))
    .leftJoin(proposalSettlements, eq(proposalSettlements.proposalId, proposals.id))
    .where(
      and(
        inArray(proposals.status, statuses),
        proposalScope(actor),
        or(
          isNull(proposalSettlements.proposalId),
          eq(proposalSettlements.late, true),
          eq(proposalSettlements.pastLiquidationDeadline, true),
        ),
      ),
    )
    .orderBy(asc(proposals.code));
  const deadlines = new Map<string, string>();
  const items: TLateSettlements['items'] = [];
  for (const r of rows) {
    let liquidationDeadline = r.liquidationDeadline;
    if (!liquidationDeadline) {
      const key = `${r.cycleId}:${r.planYear}`;
      if (!deadlines.has(key)) {
        const { set } = await regulationSetForCycle(db, r.cycleId);
        deadlines.set(key, defaultDeadlines(set, r.planYear).settlement);
      }
      liquidationDeadline = deadlines.get(key)!;
    }
    const settlementDueOn = r.acceptedOn ? addDays(r.acceptedOn, SETTLEMENT_DAYS_AFTER_ACCEPTANCE) : null;
    const settlementLate = r.settledOn
      ? r.late === true
      : settlementDueOn !== null && today > settlementDueOn;
    const liquidationLate = r.settledOn ? r.pastLiquidationDeadline === true : today > liquidationDeadline;
    if (!settlementLate && !liquidationLate) continue;
    items.push({
      id: r.id,
      code: r.code,
      title: r.title,
      provinceCode: r.provinceCode,
      status: r.status,
      implementingOrganizationName: r.implementingOrganizationName,
      acceptedOn: r.acceptedOn,
      settlementDueOn,
      settledOn: r.settledOn,
      settlementLate,
      liquidationDeadline,
      liquidationLate,
    });
  }
  return { items };
}
