import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { comparePriorityKeys, priorityKey } from '../../../domain/regulation';
import type { TPlan, TPlanItem } from '../../../domain/schemas/plans';
import { decideTransition, type TProposalStatus } from '../../../domain/workflow/proposal';
import { can, type TActor } from '../../access/actor';
import { scopeOf } from '../../access/scope';
import { organizations, planItems, plans, proposals, users } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { provinceNames } from '../appraisals';
import { findCycle, maySeeCycle, type TCycleRow } from '../cycles';
import { type TProposalRow, toCheckable } from '../proposals';
import { regulationSetForCycle } from '../regulations';

/** Statuses of proposals the agency has recommended, and those already in an approved plan. */
export const PLAN_STATUSES: TProposalStatus[] = [
  'recommended',
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'carried_over',
];

export type TBuiltItem = TPlanItem & { organizationId: string };

export type TBuiltPlan = {
  cycle: TCycleRow;
  /** Every item, nationally (the funding line is national); `visible` is the caller's part. */
  all: TBuiltItem[];
  visible: TBuiltItem[];
  plan: TPlan;
  latestApproved: typeof plans.$inferSelect | null;
};

/**
 * Decided proposals of a cycle, every province: the ranking and the funding line are national, so this
 * read deliberately ignores the caller's scope; `buildPlan` filters what the caller is shown.
 */
async function unsafeDecidedProposals(db: TDbOrTx, cycleId: string): Promise<TProposalRow[]> {
  const rows = await db
    .select({
      proposal: proposals,
      implementingOrganizationName: organizations.name,
      implementingOrganizationKind: organizations.kind,
      implementingOrganizationProvinceCode: organizations.provinceCode,
    })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(eq(proposals.cycleId, cycleId), inArray(proposals.status, PLAN_STATUSES)))
    .orderBy(asc(proposals.code));
  return rows as TProposalRow[];
}

export async function latestApprovedPlan(db: TDbOrTx, cycleId: string) {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.cycleId, cycleId), eq(plans.status, 'approved')))
    .orderBy(desc(plans.version))
    .limit(1);
  return row ?? null;
}

function visibleTo(actor: TActor, item: TBuiltItem): boolean {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return item.provinceCode === scope.provinceCode;
    case 'organization':
      return item.organizationId === scope.organizationId;
    case 'none':
      return false;
  }
}

/**
 * Whether the actor may approve the plan of this cycle, asked of the status machine (the only source of
 * transitions): nationally an agency leader; a local plan, a leader of the province's People's Committee.
 */
export function mayApprovePlanOf(actor: TActor, cycle: TCycleRow): boolean {
  const local = cycle.programme === 'local' && cycle.provinceCode !== null;
  return decideTransition('recommended', 'approve', actor.roles, {
    isOwnProvince: local && actor.provinceCode === cycle.provinceCode,
    isOwnOrganization: false,
    registersDirectly: false,
    programme: local ? 'local' : 'national',
    isProvincialCommittee: actor.organizationKind === 'people_committee',
  }).ok;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

/**
 * The national plan of a plan year as the caller sees it. The decided proposals are ranked by the
 * regulation set's legal priority order (domain/regulation priorityKey); walking down the ranking, each
 * recommended proposal enters the plan while the running total of approved funding stays within the
 * cycle's budget envelope; the first that does not fit draws the funding line, and it and everything
 * after it form the reserve list. Proposals already approved stay in the plan. The plan is `approved`
 * when it matches the latest approved version exactly, else a `draft` of the next version.
 */
export async function buildPlan(
  db: TDbOrTx,
  actor: TActor,
  planYear: number,
  /** A province's local (KCĐP) plan; absent: the national plan. */
  provinceCode?: string | null,
): Promise<TBuiltPlan> {
  const cycle = await findCycle(db, planYear, provinceCode);
  if (!cycle || (provinceCode && !maySeeCycle(actor, cycle))) throw notFound();
  const { set } = await regulationSetForCycle(db, cycle.id);
  const rows = await unsafeDecidedProposals(db, cycle.id);
  const names = await provinceNames(db);
  const ranked = rows
    .map((row) => ({ row, key: priorityKey(toCheckable(row, []), set) }))
    .sort((a, b) => comparePriorityKeys(a.key, b.key))
    .map(({ row }) => row);

  const envelope = cycle.budgetEnvelope;
  let cumulative = 0;
  let lineDrawn = false;
  const all: TBuiltItem[] = ranked.map((row, index) => {
    const p = row.proposal;
    const funding = p.approvedFunding ?? 0;
    const fixed = p.status !== 'recommended';
    let inPlan: boolean;
    if (fixed) inPlan = true;
    else if (!lineDrawn && cumulative + funding <= envelope) inPlan = true;
    else {
      inPlan = false;
      lineDrawn = true;
    }
    if (inPlan) cumulative += funding;
    return {
      rank: index + 1,
      proposalId: p.id,
      code: p.code,
      title: p.title,
      status: p.status as TProposalStatus,
      provinceCode: p.provinceCode,
      provinceName: names.get(p.provinceCode) ?? p.provinceCode,
      organizationId: p.implementingOrganizationId,
      organizationName: row.implementingOrganizationName,
      activityType: p.activityType as TActivityType,
      isPilot: p.isPilot,
      requestedFunding: p.budgetRequested,
      approvedFunding: funding,
      inPlan,
      cumulativeFunding: cumulative,
    };
  });

  const latestApproved = await latestApprovedPlan(db, cycle.id);
  let matches = false;
  let approvedByName: string | null = null;
  if (latestApproved) {
    const snapshot = await db
      .select()
      .from(planItems)
      .where(and(eq(planItems.planId, latestApproved.id), eq(planItems.inPlan, true)));
    const live = all.filter((i) => i.inPlan);
    const byId = new Map(snapshot.map((s) => [s.proposalId, s.approvedFunding]));
    matches =
      snapshot.length === live.length &&
      live.every((i) => byId.get(i.proposalId) === i.approvedFunding && i.status !== 'recommended');
    if (latestApproved.approvedBy) {
      const [u] = await db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, latestApproved.approvedBy));
      approvedByName = u?.name ?? null;
    }
  }

  const visible = all.filter((i) => visibleTo(actor, i));
  const inPlan = visible.filter((i) => i.inPlan);
  const reserve = visible.filter((i) => !i.inPlan);
  const nationalTotal = all.filter((i) => i.inPlan).reduce((n, i) => n + i.approvedFunding, 0);
  const group = <K extends string>(keyOf: (i: TBuiltItem) => K) => {
    const out = new Map<
      K,
      { count: number; approvedFunding: number; reserveCount: number; reserveFunding: number }
    >();
    for (const i of visible) {
      const g = out.get(keyOf(i)) ?? { count: 0, approvedFunding: 0, reserveCount: 0, reserveFunding: 0 };
      if (i.inPlan) {
        g.count += 1;
        g.approvedFunding += i.approvedFunding;
      } else {
        g.reserveCount += 1;
        g.reserveFunding += i.approvedFunding;
      }
      out.set(keyOf(i), g);
    }
    return [...out].map(([key, g]) => ({ key, ...g, envelopeShare: share(g.approvedFunding, envelope) }));
  };

  const local = cycle.programme === 'local';
  const plan: TPlan = {
    planYear,
    programme: local ? 'local' : 'national',
    provinceCode: cycle.provinceCode,
    status: matches ? 'approved' : 'draft',
    version: matches && latestApproved ? latestApproved.version : (latestApproved?.version ?? 0) + 1,
    budgetEnvelope: envelope,
    totals: { count: inPlan.length, approvedFunding: inPlan.reduce((n, i) => n + i.approvedFunding, 0) },
    headroom: envelope - nationalTotal,
    reserve: { count: reserve.length, approvedFunding: reserve.reduce((n, i) => n + i.approvedFunding, 0) },
    byProvince: group((i) => i.provinceCode)
      .map(({ key, ...g }) => ({ provinceCode: key, provinceName: names.get(key) ?? key, ...g }))
      .sort((a, b) => b.approvedFunding - a.approvedFunding || a.provinceCode.localeCompare(b.provinceCode)),
    byActivityType: group((i) => i.activityType)
      .map(({ key, ...g }) => ({ activityType: key, ...g }))
      .sort((a, b) => b.approvedFunding - a.approvedFunding || a.activityType.localeCompare(b.activityType)),
    items: visible.map(({ organizationId: _o, ...item }) => item),
    approved: latestApproved
      ? {
          version: latestApproved.version,
          decisionNumber: latestApproved.decisionNumber,
          decisionDate: latestApproved.decisionDate,
          approvedByName,
          approvedAt: latestApproved.approvedAt.toISOString(),
        }
      : null,
    // A local plan is its province's: its users see all of it.
    scoped: local ? visible.length !== all.length : scopeOf(actor).kind !== 'all',
    canApprove:
      can(actor, local ? 'local_plans.approve' : 'plans.approve') &&
      mayApprovePlanOf(actor, cycle) &&
      !matches &&
      inPlan.length > 0,
  };
  return { cycle, all, visible, plan, latestApproved };
}
