import { eq } from 'drizzle-orm';
import { formatVnd } from '../../../domain/lib/money';
import { defaultDeadlines } from '../../../domain/regulation';
import type { TAcceptanceRequest, TSettlementRequest } from '../../../domain/schemas/implementation';
import { assertCan, type TActor } from '../../access/actor';
import { proposalAcceptances, proposalSettlements } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { decide, findProposal, recordTransition } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { addDays, advancedTotal, assertNotFuture, fieldError } from './support';

/** Settlement documents are due this many days after the acceptance (domain.md §7.3; issue #7). */
export const SETTLEMENT_DAYS_AFTER_ACCEPTANCE = 15;

/** Base acceptance (nghiệm thu): minutes number, result, date → `accepted` (the Sở, or the agency). */
export async function recordAcceptance(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TAcceptanceRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'implementation.write');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, 'accept');
  assertNotFuture('acceptedOn', data.acceptedOn, now);
  await tx.insert(proposalAcceptances).values({
    proposalId: row.proposal.id,
    minutesNumber: data.minutesNumber,
    result: data.result,
    acceptedOn: data.acceptedOn,
    createdBy: actor.via === 'system' ? null : actor.userId,
    createdAt: now,
  });
  await recordTransition(tx, {
    actor,
    now,
    row,
    action: rule.action,
    to: rule.to,
    data: { acceptance: data },
  });
}

/**
 * Settlement (quyết toán, TT 36/2013 Arts. 17–19) by the agency → `settled`: the settled amount is never
 * above the approved support (`422 settlement_exceeded`); the refund of unspent advances (advanced −
 * settled, never negative) is computed and kept; `late` when settled more than 15 days after the
 * acceptance; `pastLiquidationDeadline` when after the set's settlement deadline (22 January of the year
 * after the plan year).
 */
export async function recordSettlement(input: {
  actor: TActor;
  tx: TTx;
  now: Date;
  id: string;
  data: TSettlementRequest;
}): Promise<void> {
  const { actor, tx, now, id, data } = input;
  assertCan(actor, 'implementation.finance');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, 'settle');
  const p = row.proposal;
  assertNotFuture('settledOn', data.settledOn, now);
  const [acceptance] = await tx
    .select()
    .from(proposalAcceptances)
    .where(eq(proposalAcceptances.proposalId, p.id));
  if (!acceptance) throw new AppError('invalid_transition');
  if (data.settledOn < acceptance.acceptedOn) {
    throw fieldError(
      'settledOn',
      'Ngày quyết toán không được trước ngày nghiệm thu.',
      'The settlement cannot be dated before the acceptance.',
    );
  }
  const support = p.approvedFunding ?? 0;
  if (data.settledAmount > support) {
    throw new AppError('settlement_exceeded', {
      detail: {
        vi: `Số tiền quyết toán (${formatVnd(data.settledAmount)}) vượt kinh phí hỗ trợ được duyệt (${formatVnd(support)}).`,
        en: `The settled amount (${formatVnd(data.settledAmount)}) exceeds the approved support (${formatVnd(support)}).`,
      },
    });
  }
  const { total } = await advancedTotal(tx, p.id);
  const refundAmount = Math.max(0, total - data.settledAmount);
  const late = data.settledOn > addDays(acceptance.acceptedOn, SETTLEMENT_DAYS_AFTER_ACCEPTANCE);
  const { set } = await regulationSetForCycle(tx, p.cycleId);
  const liquidationDeadline = defaultDeadlines(set, p.planYear).settlement;
  const pastLiquidationDeadline = data.settledOn > liquidationDeadline;
  const settlement = {
    settledAmount: data.settledAmount,
    advancedTotal: total,
    refundAmount,
    settledOn: data.settledOn,
    late,
    liquidationDeadline,
    pastLiquidationDeadline,
  };
  await tx.insert(proposalSettlements).values({
    proposalId: p.id,
    ...settlement,
    createdBy: actor.via === 'system' ? null : actor.userId,
    createdAt: now,
  });
  await recordTransition(tx, { actor, now, row, action: rule.action, to: rule.to, data: { settlement } });
}

/** Closes a settled proposal (the agency) → `closed`. */
export async function closeProposal(input: { actor: TActor; tx: TTx; now: Date; id: string }): Promise<void> {
  const { actor, tx, now, id } = input;
  assertCan(actor, 'implementation.finance');
  const row = await findProposal(tx, actor, id, { forUpdate: true });
  if (!row) throw notFound();
  const rule = decide(actor, row, 'close');
  await recordTransition(tx, { actor, now, row, action: rule.action, to: rule.to });
}
