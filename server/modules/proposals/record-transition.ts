import { eq, sql } from 'drizzle-orm';
import type { TProposalAction, TProposalStatus } from '../../../domain/workflow/proposal';
import { auditActor, type TActor } from '../../access/actor';
import { proposals, proposalTransitions } from '../../db/schema';
import type { TTx } from '../../platform/db';
import type { TAuditAction } from '../audit/audit-actions';
import { recordAudit } from '../audit/record-audit';
import type { TProposalRow } from './proposals.repository';

/** The audit action each workflow action is recorded under. */
const AUDIT_ACTION: Partial<Record<TProposalAction, TAuditAction>> = {
  register: 'proposal.registered',
  base_appraise_pass: 'proposal.base_appraisal_passed',
  base_appraise_return: 'proposal.base_appraisal_returned',
  base_appraise_reject: 'proposal.base_appraisal_rejected',
  submit: 'proposal.submitted',
  resubmit: 'proposal.resubmitted',
  return: 'proposal.returned',
  withdraw: 'proposal.withdrawn',
  accept_into_appraisal: 'proposal.accepted_into_appraisal',
  recommend: 'proposal.recommended',
  not_recommend: 'proposal.not_recommended',
  approve: 'proposal.approved',
  contract: 'proposal.contracted',
  start: 'proposal.started',
  accept: 'proposal.accepted',
  settle: 'proposal.settled',
  close: 'proposal.closed',
  stop: 'proposal.stopped',
  carry_over: 'proposal.carried_over',
};

/**
 * Moves a locked proposal to its new status: the proposal row (status, lockVersion + 1), one row in
 * proposal_transitions and one audit event, all in the caller's transaction.
 */
export async function recordTransition(
  tx: TTx,
  input: {
    actor: TActor;
    now: Date;
    row: TProposalRow;
    action: TProposalAction;
    to: TProposalStatus;
    reason?: string | null;
    dueDate?: string | null;
    data?: Record<string, unknown>;
    /** The agency's decision sets (or clears) the approved funding with the status. */
    approvedFunding?: number | null;
  },
): Promise<void> {
  const { actor, now, row, action, to } = input;
  const p = row.proposal;
  const auditAction = AUDIT_ACTION[action];
  if (!auditAction) throw new Error(`no audit action for ${action}`);
  await tx
    .update(proposals)
    .set({
      status: to,
      lockVersion: sql`${proposals.lockVersion} + 1`,
      updatedAt: now,
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(input.approvedFunding !== undefined ? { approvedFunding: input.approvedFunding } : {}),
    })
    .where(eq(proposals.id, p.id));
  await tx.insert(proposalTransitions).values({
    proposalId: p.id,
    action,
    fromStatus: p.status,
    toStatus: to,
    actorUserId: actor.via === 'system' ? null : actor.userId,
    reason: input.reason ?? null,
    dueDate: input.dueDate ?? null,
    data: input.data ?? null,
    at: now,
  });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: auditAction,
    entityType: 'proposal',
    entityId: p.id,
    provinceCode: p.provinceCode,
    before: { status: p.status, lockVersion: p.lockVersion },
    after: {
      code: p.code,
      status: to,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      ...(input.data ?? {}),
    },
    at: now,
  });
}
