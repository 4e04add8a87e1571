import { formatVnd } from '../../../domain/lib/money';
import { maxSupport } from '../../../domain/regulation';
import type { TBaseAppraisalRequest } from '../../../domain/schemas/proposals';
import type { TProposalAction } from '../../../domain/workflow/proposal';
import { assertCan, type TActor } from '../../access/actor';
import { baseAppraisals } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { regulationSetForCycle } from '../regulations';
import { toCheckable } from './proposal-checks';
import { decide } from './proposal-workflow';
import { findProposal } from './proposals.repository';
import { recordTransition } from './record-transition';

const ACTIONS: Record<TBaseAppraisalRequest['result'], TProposalAction> = {
  pass: 'base_appraise_pass',
  return: 'base_appraise_return',
  reject: 'base_appraise_reject',
};

/**
 * The Sở's base-level appraisal (thẩm định cấp cơ sở): pass (the leader may then submit it), return to
 * the unit (it stays registered and editable) or reject. A recommended amount never exceeds the request
 * nor the cap.
 */
export async function baseAppraiseProposal(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TBaseAppraisalRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'proposals.base_appraise');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, ACTIONS[data.result]);
  const comments = data.comments?.trim() || null;
  if (rule.needsReason && !comments) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'comments',
          code: 'required',
          message: {
            vi: 'Cần ghi rõ lý do trả lại hoặc không chấp thuận.',
            en: 'Say why when returning or rejecting.',
          },
        },
      ],
    });
  }
  const recommended = data.result === 'pass' ? (data.recommendedFunding ?? null) : null;
  if (recommended !== null) {
    const { set } = await regulationSetForCycle(tx, row.proposal.cycleId);
    const cap = maxSupport(toCheckable(row, []), set)?.amount ?? Number.POSITIVE_INFINITY;
    const limit = Math.min(row.proposal.budgetRequested, cap);
    if (recommended > limit) {
      throw new AppError('cap_exceeded', {
        detail: {
          vi: `Kinh phí đề nghị hỗ trợ (${formatVnd(recommended)}) vượt kinh phí đề án xin hỗ trợ hoặc mức hỗ trợ tối đa (${formatVnd(limit)}).`,
          en: `The recommended funding (${formatVnd(recommended)}) exceeds the request or the cap (${formatVnd(limit)}).`,
        },
      });
    }
  }
  const [appraisal] = await tx
    .insert(baseAppraisals)
    .values({
      proposalId: id,
      result: data.result,
      comments,
      recommendedFunding: recommended,
      appraisedBy: actor.via === 'system' ? null : actor.userId,
      appraisedAt: now,
    })
    .returning({ id: baseAppraisals.id });
  await recordTransition(tx, {
    actor,
    now,
    row,
    action: rule.action,
    to: rule.to,
    reason: comments,
    data: { result: data.result, recommendedFunding: recommended, baseAppraisalId: appraisal?.id ?? null },
  });
}
