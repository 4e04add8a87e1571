import { formatVnd } from '../../../domain/lib/money';
import { maxSupport, type TRegulationSet } from '../../../domain/regulation';
import type { TDbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { type TProposalRow, toCheckable } from '../proposals';
import { regulationSetForCycle } from '../regulations';

export type TFundingLimit = {
  set: TRegulationSet;
  /** The cap of the regulation set for this proposal (domain/regulation maxSupport), null without a line. */
  maxSupport: number | null;
  /** min(request, cap): never approve more. */
  limit: number;
};

/** The most national support the agency may recommend or approve for a proposal. */
export async function fundingLimit(db: TDbOrTx, row: TProposalRow): Promise<TFundingLimit> {
  const { set } = await regulationSetForCycle(db, row.proposal.cycleId);
  const cap = maxSupport(toCheckable(row, []), set)?.amount ?? null;
  const limit = Math.min(row.proposal.budgetRequested, cap ?? Number.POSITIVE_INFINITY);
  return { set, maxSupport: cap, limit };
}

/** `422 cap_exceeded` when an amount is above the request or the cap. */
export function assertWithinLimit(amount: number, limit: TFundingLimit, label: { vi: string; en: string }) {
  if (amount > limit.limit) {
    throw new AppError('cap_exceeded', {
      detail: {
        vi: `${label.vi} (${formatVnd(amount)}) vượt kinh phí đề án xin hỗ trợ hoặc mức hỗ trợ tối đa (${formatVnd(limit.limit)}).`,
        en: `${label.en} (${formatVnd(amount)}) exceeds the request or the cap (${formatVnd(limit.limit)}).`,
      },
    });
  }
}
