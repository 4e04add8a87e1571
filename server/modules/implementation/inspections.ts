import { and, eq } from 'drizzle-orm';
import type {
  TInspectionPlanRequest,
  TInspectionResultRequest,
} from '../../../domain/schemas/implementation';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { proposalInspections } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findProposal } from '../proposals';
import { assertNotFuture } from './support';

/** Projects that may be inspected: from approval to settlement (and stopped ones). */
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

/** Plans an inspection visit (the agency, or the Sở in its province). */
export async function planInspection(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TInspectionPlanRequest;
}): Promise<string> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'inspections.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  if (!INSPECTABLE.includes(row.proposal.status as TProposalStatus)) throw new AppError('invalid_transition');
  const [created] = await tx
    .insert(proposalInspections)
    .values({
      proposalId: row.proposal.id,
      plannedOn: data.plannedOn,
      team: data.team ?? [],
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: proposalInspections.id });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'inspection.planned',
    entityType: 'inspection',
    entityId: created!.id,
    provinceCode: row.proposal.provinceCode,
    after: { code: row.proposal.code, plannedOn: data.plannedOn, team: data.team ?? [] },
    at: now,
  });
  return created!.id;
}

/** Records a planned visit as done, with its findings and follow-ups. */
export async function recordInspection(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  inspectionId: string;
  data: TInspectionResultRequest;
}): Promise<string> {
  const { actor, tx, now, inspectionId, data } = input;
  assertCan(actor, 'inspections.write');
  const [inspection] = await tx
    .select()
    .from(proposalInspections)
    .where(eq(proposalInspections.id, inspectionId))
    .for('update');
  if (!inspection) throw notFound();
  const row = await findProposal(tx, actor, inspection.proposalId);
  if (!row) throw notFound();
  if (inspection.status !== 'planned') throw new AppError('invalid_transition');
  assertNotFuture('doneOn', data.doneOn, now);
  await tx
    .update(proposalInspections)
    .set({
      status: 'done',
      doneOn: data.doneOn,
      findings: data.findings,
      followUps: data.followUps,
      ...(data.team ? { team: data.team } : {}),
      updatedAt: now,
    })
    .where(and(eq(proposalInspections.id, inspectionId), eq(proposalInspections.status, 'planned')));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'inspection.recorded',
    entityType: 'inspection',
    entityId: inspectionId,
    provinceCode: row.proposal.provinceCode,
    before: { status: 'planned' },
    after: {
      code: row.proposal.code,
      status: 'done',
      doneOn: data.doneOn,
      findings: data.findings,
      followUps: data.followUps,
      team: data.team ?? inspection.team,
    },
    at: now,
  });
  return row.proposal.id;
}
