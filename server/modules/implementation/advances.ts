import { desc, eq } from 'drizzle-orm';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { checkAdvance } from '../../../domain/regulation';
import type { TAdvanceRequest } from '../../../domain/schemas/implementation';
import { canFinance } from '../../../domain/workflow/proposal';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { progressReports, proposalAdvances } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findProposal, workflowContext } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { advancedTotal, assertNotFuture } from './support';

/** Advances are paid between the contract and the acceptance; the remainder comes with settlement. */
const ADVANCEABLE = ['contracted', 'in_progress'];

/**
 * An advance (tạm ứng, TT 36/2013 Arts. 12–16), recorded by whoever pays it (the agency nationally, the
 * Sở for a local project), within the rules of
 * `checkAdvance` (domain/regulation/advances.ts): the first-advance rate and its progress condition,
 * later advances by progress, in total never above 70 % before acceptance. A limit answers
 * `422 advance_limit_exceeded` with the figures; an unmet condition `422 advance_not_allowed`.
 */
export async function recordAdvance(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TAdvanceRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'implementation.finance');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  // The payer: the agency for a national project, the Sở for a local one.
  if (!canFinance(actor.roles, workflowContext(actor, row))) throw new AppError('forbidden');
  const p = row.proposal;
  if (!ADVANCEABLE.includes(p.status)) throw new AppError('invalid_transition');
  assertNotFuture('paidOn', data.paidOn, now);
  const support = p.approvedFunding ?? 0;
  const { set } = await regulationSetForCycle(tx, p.cycleId);
  const { total, count } = await advancedTotal(tx, p.id);
  const [latest] = await tx
    .select({ month: progressReports.month, volumePercent: progressReports.volumePercent })
    .from(progressReports)
    .where(eq(progressReports.proposalId, p.id))
    .orderBy(desc(progressReports.month))
    .limit(1);
  const check = checkAdvance({
    set,
    activityType: p.activityType as TActivityType,
    support,
    advanced: total,
    count,
    latest: latest ?? null,
    amount: data.amount,
  });
  if (!check.ok)
    throw new AppError(check.code, { detail: check.detail, limit: check.limit, advanced: total });
  const { basis } = check;
  const after = total + data.amount;
  const [created] = await tx
    .insert(proposalAdvances)
    .values({
      proposalId: p.id,
      seq: count + 1,
      amount: data.amount,
      paidOn: data.paidOn,
      basis,
      note: data.note || null,
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
    })
    .returning({ id: proposalAdvances.id });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'advance.recorded',
    entityType: 'proposal',
    entityId: p.id,
    provinceCode: p.provinceCode,
    before: { advanced: total },
    after: {
      code: p.code,
      advanceId: created!.id,
      seq: count + 1,
      amount: data.amount,
      basis,
      advanced: after,
    },
    at: now,
  });
}
