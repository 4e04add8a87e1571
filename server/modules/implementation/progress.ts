import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { vnDateOf } from '../../../domain/lib/dates';
import { monthlyReportDueDate } from '../../../domain/regulation';
import type { TOverdueList, TProgressReportRequest } from '../../../domain/schemas/implementation';
import { decideTransition, registersDirectly, type TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { organizations, progressReports, proposalContracts, proposals } from '../../db/schema';
import type { TDbOrTx, TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { decide, findProposal, proposalScope, recordTransition, workflowContext } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { fieldError } from './support';

/** Statuses in which a monthly report is expected (between the contract and the acceptance). */
export const REPORTING: TProposalStatus[] = ['contracted', 'in_progress'];

/** What the overdue and due lists read of a reporting project (with `proposalContracts` and `organizations` joined). */
export const REPORTING_COLUMNS = {
  id: proposals.id,
  code: proposals.code,
  title: proposals.title,
  provinceCode: proposals.provinceCode,
  status: proposals.status,
  cycleId: proposals.cycleId,
  signedOn: proposalContracts.signedOn,
  implementingOrganizationId: proposals.implementingOrganizationId,
  implementingOrganizationName: organizations.name,
  implementingKind: organizations.kind,
  implementingProvince: organizations.provinceCode,
};

/**
 * A monthly progress report (Mẫu 3a/3b, due on the set's report day, the 25th): volume done, money
 * spent, problems. One per month (`409 report_exists`); not for a month still to come. The first one
 * moves a contracted proposal into progress (the `start` transition); whoever may start it may report.
 */
export async function submitProgressReport(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TProgressReportRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'implementation.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const p = row.proposal;
  if (!REPORTING.includes(p.status as TProposalStatus)) throw new AppError('invalid_transition');
  // The same people report every month as started the implementation.
  const start = p.status === 'contracted' ? decide(actor, row, 'start') : null;
  if (!start && !decideTransition('contracted', 'start', actor.roles, workflowContext(actor, row)).ok) {
    throw new AppError('forbidden');
  }
  if (data.month > vnDateOf(now).slice(0, 7)) {
    throw fieldError(
      'month',
      'Không thể báo cáo cho tháng chưa đến.',
      'A month still to come cannot be reported.',
    );
  }
  const [existing] = await tx
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(and(eq(progressReports.proposalId, p.id), eq(progressReports.month, data.month)));
  if (existing) throw new AppError('report_exists');
  const [created] = await tx
    .insert(progressReports)
    .values({
      proposalId: p.id,
      month: data.month,
      volumePercent: data.volumePercent,
      moneySpent: data.moneySpent,
      problems: data.problems || null,
      submittedBy: actor.via === 'system' ? null : actor.userId,
      submittedAt: now,
    })
    .returning({ id: progressReports.id });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'progress_report.submitted',
    entityType: 'proposal',
    entityId: p.id,
    provinceCode: p.provinceCode,
    after: { code: p.code, reportId: created!.id, ...data },
    at: now,
  });
  if (start) {
    await recordTransition(tx, {
      actor,
      now,
      row,
      action: start.action,
      to: start.to,
      data: { month: data.month },
    });
  }
}

export type TOverdueItem = TOverdueList['items'][number] & {
  implementingOrganizationId: string;
  registersThroughProvince: boolean;
};

/**
 * Proposals whose report for `month` is overdue at `now`: contracted or in progress, contracted on or
 * before that month's due date, no report for the month, and the due date (the set's report day of
 * the month, Vietnam calendar) passed. `actor` limits them to the caller's scope; none = every province.
 */
export async function overdueReports(
  db: TDbOrTx,
  actor: TActor | null,
  month: string,
  now: Date,
): Promise<{ dueDate: string; duePassed: boolean; items: TOverdueItem[] }> {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const conditions = [
    inArray(proposals.status, REPORTING),
    notExists(
      db
        .select({ one: sql`1` })
        .from(progressReports)
        .where(and(eq(progressReports.proposalId, proposals.id), eq(progressReports.month, month))),
    ),
  ];
  if (actor) conditions.push(proposalScope(actor));
  const rows = await db
    .select(REPORTING_COLUMNS)
    .from(proposals)
    .innerJoin(proposalContracts, eq(proposalContracts.proposalId, proposals.id))
    .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
    .where(and(...conditions))
    .orderBy(asc(proposals.code));
  const today = vnDateOf(now);
  const dueByCycle = new Map<string, string>();
  for (const cycleId of new Set(rows.map((r) => r.cycleId))) {
    const { set } = await regulationSetForCycle(db, cycleId);
    dueByCycle.set(cycleId, monthlyReportDueDate(set, year, mm));
  }
  // The list's own due date: the first cycle's (every national set so far says the 25th).
  const dueDate = dueByCycle.values().next().value ?? `${month}-25`;
  const items: TOverdueItem[] = [];
  for (const r of rows) {
    const due = dueByCycle.get(r.cycleId)!;
    if (today <= due || r.signedOn > due) continue;
    items.push({
      id: r.id,
      code: r.code,
      title: r.title,
      provinceCode: r.provinceCode,
      status: r.status,
      implementingOrganizationName: r.implementingOrganizationName,
      implementingOrganizationId: r.implementingOrganizationId,
      registersThroughProvince: !registersDirectly(
        r.implementingKind as TOrganizationKind,
        r.implementingProvince,
      ),
    });
  }
  return { dueDate, duePassed: today > dueDate, items };
}

/** The scoped overdue list of the API. */
export async function overdueList(
  db: TDbOrTx,
  actor: TActor,
  month: string,
  now: Date,
): Promise<TOverdueList> {
  assertCan(actor, 'proposals.read');
  const { dueDate, duePassed, items } = await overdueReports(db, actor, month, now);
  return {
    month,
    dueDate,
    duePassed,
    items: items.map(({ implementingOrganizationId: _o, registersThroughProvince: _r, ...item }) => item),
  };
}
