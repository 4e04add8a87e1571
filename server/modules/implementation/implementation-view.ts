import { asc, eq } from 'drizzle-orm';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { firstAdvance, maxAdvanceBeforeAcceptance } from '../../../domain/regulation';
import type { TAdjustmentAuthority } from '../../../domain/regulation/adjustments';
import { authorityCovers } from '../../../domain/regulation/adjustments';
import type { TImplementationAbilities, TImplementationView } from '../../../domain/schemas/implementation';
import {
  canFinance,
  decideTransition,
  type TProposalAction,
  type TProposalStatus,
} from '../../../domain/workflow/proposal';
import { assertCan, can, type TActor } from '../../access/actor';
import {
  progressReports,
  proposalAcceptances,
  proposalAdjustments,
  proposalAdvances,
  proposalContracts,
  proposalInspections,
  proposalSettlements,
} from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { findProposal, type TProposalRow, workflowContext } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { authorityOf } from './adjustments';
import { photosOfProposal } from './photos';

/** Everything about a proposal's implementation, in the caller's scope (404 outside it). */
export async function implementationView(
  db: TDbOrTx,
  actor: TActor,
  id: string,
): Promise<TImplementationView> {
  assertCan(actor, 'proposals.read');
  const row = await findProposal(db, actor, id);
  if (!row) throw notFound();
  const p = row.proposal;
  const [contract, advances, reports, adjustments, inspections, acceptance, settlement, { set }, photos] =
    await Promise.all([
      db.select().from(proposalContracts).where(eq(proposalContracts.proposalId, id)),
      db
        .select()
        .from(proposalAdvances)
        .where(eq(proposalAdvances.proposalId, id))
        .orderBy(asc(proposalAdvances.seq)),
      db
        .select()
        .from(progressReports)
        .where(eq(progressReports.proposalId, id))
        .orderBy(asc(progressReports.month)),
      db
        .select()
        .from(proposalAdjustments)
        .where(eq(proposalAdjustments.proposalId, id))
        .orderBy(asc(proposalAdjustments.requestedAt)),
      db
        .select()
        .from(proposalInspections)
        .where(eq(proposalInspections.proposalId, id))
        .orderBy(asc(proposalInspections.plannedOn)),
      db.select().from(proposalAcceptances).where(eq(proposalAcceptances.proposalId, id)),
      db.select().from(proposalSettlements).where(eq(proposalSettlements.proposalId, id)),
      regulationSetForCycle(db, p.cycleId),
      photosOfProposal(db, id),
    ]);
  const photosOf = (key: 'inspectionId' | 'progressReportId', ownerId: string) =>
    photos.filter((x) => x[key] === ownerId).map((x) => ({ id: x.id, fileName: x.fileName, size: x.size }));
  const support = p.approvedFunding ?? 0;
  const c = contract[0];
  const a = acceptance[0];
  const s = settlement[0];
  const abilities = implementationAbilities(actor, row, inspections);
  const authority = authorityOf(actor, workflowContext(actor, row).isOwnProvince);
  return {
    proposalId: p.id,
    code: p.code,
    status: p.status,
    approvedFunding: p.approvedFunding,
    contract: c
      ? { number: c.number, signedOn: c.signedOn, value: c.value, selectionMethod: c.selectionMethod }
      : null,
    advances: {
      items: advances.map((x) => ({
        seq: x.seq,
        amount: x.amount,
        paidOn: x.paidOn,
        basis: x.basis,
        note: x.note,
        recordedAt: x.createdAt.toISOString(),
      })),
      total: advances.reduce((n, x) => n + x.amount, 0),
      limitBeforeAcceptance: maxAdvanceBeforeAcceptance(set, support),
      firstAdvance: firstAdvance(set, p.activityType as TActivityType, support),
    },
    progressReports: reports.map((r) => ({
      month: r.month,
      volumePercent: r.volumePercent,
      moneySpent: r.moneySpent,
      problems: r.problems,
      submittedAt: r.submittedAt.toISOString(),
      photos: photosOf('progressReportId', r.id),
    })),
    adjustments: adjustments.map((x) => ({
      id: x.id,
      kind: x.kind,
      reason: x.reason,
      changes: x.changes as Record<string, unknown>,
      requiredAuthority: x.requiredAuthority as 'province' | 'agency' | 'minister',
      status: x.status,
      requestedAt: x.requestedAt.toISOString(),
      decidedAuthority: x.decidedAuthority,
      decisionNumber: x.decisionNumber,
      decisionNote: x.decisionNote,
      decidedAt: x.decidedAt ? x.decidedAt.toISOString() : null,
      decidable:
        x.status === 'requested' &&
        can(actor, 'adjustments.decide') &&
        authority !== null &&
        authorityCovers(authority, x.requiredAuthority as TAdjustmentAuthority),
    })),
    inspections: inspections.map((x) => ({
      id: x.id,
      plannedOn: x.plannedOn,
      doneOn: x.doneOn,
      status: x.status,
      team: x.team as string[],
      findings: x.findings,
      followUps: x.followUps as { action: string; dueOn?: string }[],
      recordedAt: x.updatedAt.toISOString(),
      photos: photosOf('inspectionId', x.id),
    })),
    acceptance: a ? { minutesNumber: a.minutesNumber, result: a.result, acceptedOn: a.acceptedOn } : null,
    settlement: s
      ? {
          settledAmount: s.settledAmount,
          advancedTotal: s.advancedTotal,
          refundAmount: s.refundAmount,
          settledOn: s.settledOn,
          late: s.late,
          liquidationDeadline: s.liquidationDeadline,
          pastLiquidationDeadline: s.pastLiquidationDeadline,
        }
      : null,
    abilities,
  };
}

/** Statuses of the use cases that are not transitions (advances.ts, adjustments.ts, inspections.ts). */
const ADVANCEABLE: TProposalStatus[] = ['contracted', 'in_progress'];
const ADJUSTABLE: TProposalStatus[] = ['approved', 'contracted', 'in_progress'];
const INSPECTABLE: TProposalStatus[] = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'stopped',
  'carried_over',
];

/**
 * What the actor may do next, by the same rules the use cases enforce (the status machine, the
 * permission, the relation to the proposal): the UI's only source for its buttons.
 */
export function implementationAbilities(
  actor: TActor,
  row: TProposalRow,
  inspections: readonly { status: string }[],
): TImplementationAbilities {
  const status = row.proposal.status as TProposalStatus;
  const ctx = workflowContext(actor, row);
  const may = (action: TProposalAction, from: TProposalStatus = status) =>
    decideTransition(from, action, actor.roles, ctx).ok;
  const write = can(actor, 'implementation.write');
  const finance = can(actor, 'implementation.finance');
  const inspect = can(actor, 'inspections.write');
  return {
    contract: write && may('contract'),
    advance: finance && ADVANCEABLE.includes(status) && canFinance(actor.roles, ctx),
    report: write && (status === 'contracted' || status === 'in_progress') && may('start', 'contracted'),
    requestAdjustment:
      can(actor, 'adjustments.request') &&
      ADJUSTABLE.includes(status) &&
      (ctx.isOwnOrganization || (ctx.isOwnProvince && !ctx.registersDirectly)),
    planInspection: inspect && INSPECTABLE.includes(status),
    recordInspection: inspect && inspections.some((i) => i.status === 'planned'),
    accept: write && may('accept'),
    settle: finance && may('settle'),
    close: finance && may('close'),
  };
}
