import { eq } from 'drizzle-orm';
import { canChangeContent, type TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { proposals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { workflowContext } from './proposal-workflow';
import { findProposal } from './proposals.repository';
import { contentOf } from './update-proposal';

/** Deletes a draft that was never registered; anything later is withdrawn instead (its trail stays). */
export async function deleteProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
}): Promise<void> {
  const { actor, tx, now, id } = input;
  assertCan(actor, 'proposals.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const allowed = canChangeContent(
    'delete',
    row.proposal.status as TProposalStatus,
    actor.roles,
    workflowContext(actor, row),
  );
  if (!allowed.ok) throw new AppError(allowed.reason);
  await tx.delete(proposals).where(eq(proposals.id, id));
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'proposal.deleted',
    entityType: 'proposal',
    entityId: id,
    provinceCode: row.proposal.provinceCode,
    before: { code: row.proposal.code, status: row.proposal.status, ...contentOf(row.proposal) },
    at: now,
  });
}
