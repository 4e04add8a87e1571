import { desc, eq } from 'drizzle-orm';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { formatVnd } from '../../../domain/lib/money';
import { firstAdvance, maxAdvanceBeforeAcceptance } from '../../../domain/regulation';
import type { TAdvanceRequest } from '../../../domain/schemas/implementation';
import { assertCan, auditActor, type TActor } from '../../access/actor';
import { progressReports, proposalAdvances } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { findProposal } from '../proposals';
import { regulationSetForCycle } from '../regulations';
import { advancedTotal, assertNotFuture } from './support';

/** Advances are paid between the contract and the acceptance; the remainder comes with settlement. */
const ADVANCEABLE = ['contracted', 'in_progress'];

/**
 * An advance (tạm ứng, TT 36/2013 Arts. 12–16), recorded by the agency that pays it:
 * - the first one at most the regulation set's first-advance rate for the project type;
 * - later ones at most the share of the support matching the latest reported volume (by progress);
 * - in total never above the set's share of the approved support before acceptance (70 %).
 * Each limit answers `422 advance_limit_exceeded` with the figures; a type without a first advance, or a
 * later advance without any progress report, answers `422 advance_not_allowed`.
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
  const p = row.proposal;
  if (!ADVANCEABLE.includes(p.status)) throw new AppError('invalid_transition');
  assertNotFuture('paidOn', data.paidOn, now);
  const support = p.approvedFunding ?? 0;
  const { set } = await regulationSetForCycle(tx, p.cycleId);
  const { total, count } = await advancedTotal(tx, p.id);
  const limit = maxAdvanceBeforeAcceptance(set, support);
  const after = total + data.amount;
  if (after > limit) {
    throw new AppError('advance_limit_exceeded', {
      detail: {
        vi: `Tổng tạm ứng (${formatVnd(after)}) vượt ${set.advances.maxBeforeAcceptancePercent} % kinh phí hỗ trợ được duyệt (${formatVnd(limit)}) trước khi nghiệm thu.`,
        en: `The total advances (${formatVnd(after)}) exceed ${set.advances.maxBeforeAcceptancePercent} % of the approved support (${formatVnd(limit)}) before acceptance.`,
      },
      limit,
      advanced: total,
    });
  }
  let basis: 'first' | 'progress';
  if (count === 0) {
    basis = 'first';
    const first = firstAdvance(set, p.activityType as TActivityType, support);
    if (!first) {
      throw new AppError('advance_not_allowed', {
        detail: {
          vi: 'Loại đề án này không có tạm ứng lần đầu theo bộ quy định áp dụng.',
          en: 'The regulation set has no first advance for this project type.',
        },
      });
    }
    if (data.amount > first.amount) {
      throw new AppError('advance_limit_exceeded', {
        detail: {
          vi: `Tạm ứng lần đầu (${formatVnd(data.amount)}) vượt ${first.percent} % kinh phí hỗ trợ được duyệt (${formatVnd(first.amount)}).`,
          en: `The first advance (${formatVnd(data.amount)}) exceeds ${first.percent} % of the approved support (${formatVnd(first.amount)}).`,
        },
        limit: first.amount,
        advanced: total,
      });
    }
  } else {
    basis = 'progress';
    const [latest] = await tx
      .select({ month: progressReports.month, volumePercent: progressReports.volumePercent })
      .from(progressReports)
      .where(eq(progressReports.proposalId, p.id))
      .orderBy(desc(progressReports.month))
      .limit(1);
    if (!latest) {
      throw new AppError('advance_not_allowed', {
        detail: {
          vi: 'Tạm ứng các lần sau cần có báo cáo tiến độ.',
          en: 'Later advances need a progress report.',
        },
      });
    }
    const byProgress = Math.floor((support * latest.volumePercent) / 100);
    if (after > byProgress) {
      throw new AppError('advance_limit_exceeded', {
        detail: {
          vi: `Tổng tạm ứng (${formatVnd(after)}) vượt giá trị khối lượng đã thực hiện (${latest.volumePercent} % theo báo cáo tháng ${latest.month}: ${formatVnd(byProgress)}).`,
          en: `The total advances (${formatVnd(after)}) exceed the volume done (${latest.volumePercent} % in the ${latest.month} report: ${formatVnd(byProgress)}).`,
        },
        limit: byProgress,
        advanced: total,
      });
    }
  }
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
