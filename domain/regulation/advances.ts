import type { TActivityType } from '../enums/activity-types';
import { formatVnd } from '../lib/money';
import { firstAdvance, maxAdvanceBeforeAcceptance } from './calendar';
import type { TRegulationSet } from './types';

export type TAdvanceCheck =
  | { ok: true; basis: 'first' | 'progress' }
  | {
      ok: false;
      code: 'advance_limit_exceeded' | 'advance_not_allowed';
      /** The most that could be advanced in total under the rule that refused (null: none). */
      limit: number | null;
      detail: { vi: string; en: string };
    };

/**
 * Whether an advance may be paid (TT 36/2013 Arts. 12–16; TTLT 26/2014 Art. 8.2.b), pure:
 * - in total never above the set's share of the support before acceptance (70 %);
 * - the first one at most the set's first-advance rate for the project type, and, when the rate has a
 *   progress condition, only once a report shows more than that share of the volume done;
 * - later ones (by progress) only with a report, the total at most the reported share of the support.
 */
export function checkAdvance(input: {
  set: TRegulationSet;
  activityType: TActivityType;
  support: number;
  /** Advanced so far and how many advances. */
  advanced: number;
  count: number;
  /** The latest progress report, if any. */
  latest: { month: string; volumePercent: number } | null;
  amount: number;
}): TAdvanceCheck {
  const { set, support, advanced, count, latest, amount } = input;
  const after = advanced + amount;
  const max = set.advances.maxBeforeAcceptancePercent;
  const limit = maxAdvanceBeforeAcceptance(set, support);
  if (after > limit) {
    return {
      ok: false,
      code: 'advance_limit_exceeded',
      limit,
      detail: {
        vi: `Tổng tạm ứng (${formatVnd(after)}) vượt ${max} % kinh phí hỗ trợ được duyệt (${formatVnd(limit)}) trước khi nghiệm thu.`,
        en: `The total advances (${formatVnd(after)}) exceed ${max} % of the approved support (${formatVnd(limit)}) before acceptance.`,
      },
    };
  }
  if (count === 0) {
    const first = firstAdvance(set, input.activityType, support);
    if (!first) {
      return {
        ok: false,
        code: 'advance_not_allowed',
        limit: null,
        detail: {
          vi: 'Loại đề án này không có tạm ứng lần đầu theo bộ quy định áp dụng.',
          en: 'The regulation set has no first advance for this project type.',
        },
      };
    }
    const needed = set.advances.firstAdvanceRateByActivityType[input.activityType]?.progressAbovePercent;
    if (needed !== undefined && !(latest && latest.volumePercent > needed)) {
      return {
        ok: false,
        code: 'advance_not_allowed',
        limit: null,
        detail: {
          vi: `Tạm ứng lần đầu cần báo cáo tiến độ cho thấy đã thực hiện trên ${needed} % khối lượng.`,
          en: `The first advance needs a progress report showing more than ${needed} % done.`,
        },
      };
    }
    if (amount > first.amount) {
      return {
        ok: false,
        code: 'advance_limit_exceeded',
        limit: first.amount,
        detail: {
          vi: `Tạm ứng lần đầu (${formatVnd(amount)}) vượt ${first.percent} % kinh phí hỗ trợ được duyệt (${formatVnd(first.amount)}).`,
          en: `The first advance (${formatVnd(amount)}) exceeds ${first.percent} % of the approved support (${formatVnd(first.amount)}).`,
        },
      };
    }
    return { ok: true, basis: 'first' };
  }
  if (!latest) {
    return {
      ok: false,
      code: 'advance_not_allowed',
      limit: null,
      detail: {
        vi: 'Tạm ứng các lần sau cần có báo cáo tiến độ.',
        en: 'Later advances need a progress report.',
      },
    };
  }
  const byProgress = Math.floor((support * latest.volumePercent) / 100);
  if (after > byProgress) {
    return {
      ok: false,
      code: 'advance_limit_exceeded',
      limit: byProgress,
      detail: {
        vi: `Tổng tạm ứng (${formatVnd(after)}) vượt giá trị khối lượng đã thực hiện (${latest.volumePercent} % theo báo cáo tháng ${latest.month}: ${formatVnd(byProgress)}).`,
        en: `The total advances (${formatVnd(after)}) exceed the volume done (${latest.volumePercent} % in the ${latest.month} report: ${formatVnd(byProgress)}).`,
      },
    };
  }
  return { ok: true, basis: 'progress' };
}
