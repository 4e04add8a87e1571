import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { checkProposal, type TRegulationSet } from '../../../domain/regulation';
import type { TInboxQuery } from '../../../domain/schemas/appraisals';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import { appraisalAssignments, appraisals, organizations, proposals } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { checksFor, proposalScope, type TProposalRow, toCheckable } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { assignmentCounts, provinceNames } from './appraisals.repository';

/** What reaches the agency: submitted, returned, in appraisal and decided proposals. */
export const INBOX_STATUSES: TProposalStatus[] = [
  'submitted',
  'returned',
  'under_appraisal',
  'recommended',
  'not_recommended',
  'approved',
];

/**
 * The agency inbox of a plan year: registrations and dossiers by province, organisation and status, each
 * with its completeness (the regulation set's document checklist: what is missing) and its appraisal
 * progress. Scoped like every proposal read.
 */
export async function inbox(db: TDbOrTx, actor: TActor, query: TInboxQuery, now: Date) {
  const conditions: SQL[] = [proposalScope(actor), eq(proposals.planYear, query.planYear)];
  conditions.push(inArray(proposals.status, query.status?.length ? query.status : INBOX_STATUSES));
  if (query.provinceCode) conditions.push(eq(proposals.provinceCode, query.provinceCode));
  if (query.organizationId) conditions.push(eq(proposals.implementingOrganizationId, query.organizationId));
  const rows = (await db
    .select({
      proposal: proposals,
      implementingOrganizationName: organizations.name,
      implementingOrganizationKind: organizations.kind,
      implementingOrganizationProvinceCode: organizations.provinceCode,
    })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(...conditions))
    .orderBy(asc(proposals.provinceCode), asc(proposals.code))
    .limit(2000)) as TProposalRow[];
  const names = await provinceNames(db);
  const counts = await assignmentCounts(
    db,
    rows.map((r) => r.proposal.id),
  );
  const sets = new Map<string, TRegulationSet>();
  const setOf = async (cycleId: string) => {
    if (!sets.has(cycleId)) sets.set(cycleId, (await regulationSetForCycle(db, cycleId)).set);
    return sets.get(cycleId)!;
  };
  const items = [];
  for (const row of rows) {
    const p = row.proposal;
    const check = await checksFor(db, row, now);
    const missing = check.findings
      .filter((f) => f.code === 'missing_document')
      .map((f) => String(f.params.kind));
    const set = await setOf(p.cycleId);
    const required = new Set(
      checkProposal(toCheckable(row, []), set, { today: now.toISOString() })
        .filter((f) => f.code === 'missing_document')
        .map((f) => String(f.params.kind)),
    );
    const c = counts.get(p.id);
    items.push({
      id: p.id,
      code: p.code,
      title: p.title,
      status: p.status as TProposalStatus,
      provinceCode: p.provinceCode,
      provinceName: names.get(p.provinceCode) ?? p.provinceCode,
      organizationId: p.implementingOrganizationId,
      organizationName: row.implementingOrganizationName,
      activityType: p.activityType as TActivityType,
      requestedFunding: p.budgetRequested,
      approvedFunding: p.approvedFunding,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      documents: { required: required.size, present: required.size - new Set(missing).size, missing },
      errorCount: check.findings.filter((f) => f.severity === 'error').length,
      assigned: c?.assigned ?? 0,
      submittedAppraisals: c?.submitted ?? 0,
      warnings: c?.warnings ?? 0,
    });
  }
  const byStatus = new Map<TProposalStatus, number>();
  const byProvince = new Map<string, number>();
  for (const item of items) {
    byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + 1);
    byProvince.set(item.provinceCode, (byProvince.get(item.provinceCode) ?? 0) + 1);
  }
  return {
    items,
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
    byProvince: [...byProvince].map(([provinceCode, count]) => ({
      provinceCode,
      provinceName: names.get(provinceCode) ?? provinceCode,
      count,
    })),
  };
}

/** The appraiser's queue: the proposals assigned to the caller, with what is left to do. */
export async function queue(db: TDbOrTx, actor: TActor) {
  const rows = await db
    .select({
      id: proposals.id,
      code: proposals.code,
      title: proposals.title,
      status: proposals.status,
      provinceCode: proposals.provinceCode,
      organizationName: organizations.name,
      activityType: proposals.activityType,
      requestedFunding: proposals.budgetRequested,
      warnings: appraisalAssignments.warnings,
      assignedAt: appraisalAssignments.assignedAt,
      appraisalStatus: appraisals.status,
    })
    .from(appraisalAssignments)
    .innerJoin(proposals, eq(proposals.id, appraisalAssignments.proposalId))
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .leftJoin(
      appraisals,
      and(eq(appraisals.proposalId, proposals.id), eq(appraisals.appraiserId, appraisalAssignments.userId)),
    )
    .where(eq(appraisalAssignments.userId, actor.userId))
    .orderBy(asc(appraisalAssignments.assignedAt), asc(proposals.code));
  const names = await provinceNames(db);
  const items = rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status as TProposalStatus,
    provinceName: names.get(r.provinceCode) ?? r.provinceCode,
    organizationName: r.organizationName,
    activityType: r.activityType as TActivityType,
    requestedFunding: r.requestedFunding,
    warnings: r.warnings as ('same_organization' | 'same_province')[],
    appraisalStatus: (r.appraisalStatus ?? 'pending') as 'pending' | 'draft' | 'submitted',
    assignedAt: r.assignedAt.toISOString(),
  }));
  const count = (s: string) => items.filter((i) => i.appraisalStatus === s).length;
  return {
    items,
    counts: {
      assigned: items.length,
      pending: count('pending'),
      draft: count('draft'),
      submitted: count('submitted'),
      left: items.filter((i) => i.appraisalStatus !== 'submitted' && i.status === 'under_appraisal').length,
    },
  };
}
