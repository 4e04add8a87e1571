import type { TActivityType } from '../enums/activity-types';
import { isVnd } from '../lib/money';
import { readUnits } from './fields';
import type { TCapRule, TCapUnit, TCapVariant, TCheckableProposal, TRegulationSet } from './types';

/** The cap rule as applied to one proposal. */
export type TAppliedCapRule = {
  activityType: TActivityType;
  sharePercent: number;
  /** Per unit, before multipliers; null when the line has no amount limit. */
  maxAmount: number | null;
  unit: TCapUnit;
  units: number;
  /** Everything the amount limit is multiplied by: the priority multiplier × the variant's multiplier. */
  multiplier: number;
  priorityMultiplier: number;
  variantCode: string | null;
  source: string;
  /** True when any value used (share, amount, variant, applied multiplier) is flagged in the set. */
  needsVerification: boolean;
};

export type TMaxSupport = {
  /** The most national support the proposal may receive, integer VND. */
  amount: number;
  /** Share limit: ⌊share % × eligible cost⌋. */
  shareCap: number;
  /** Amount limit: ⌊maxAmount × units × multiplier⌋; null when the line has none. */
  amountCap: number | null;
  /** The cost the share applies to: the proposal's total budget. */
  eligibleCost: number;
  limitedBy: 'share' | 'amount';
  rule: TAppliedCapRule;
};

/** The cap line of an activity type in a set, if any. */
export function findCapRule(set: TRegulationSet, activityType: string): TCapRule | undefined {
  return set.caps.find((c) => c.activityType === activityType);
}

/** The first variant whose condition field equals its value in `fields`. */
export function matchingVariant(
  cap: TCapRule,
  fields: Record<string, unknown> | undefined,
): TCapVariant | undefined {
  if (!fields) return undefined;
  return cap.variants?.find(
    (v) => Object.hasOwn(fields, v.when.field) && fields[v.when.field] === v.when.equals,
  );
}

/** Which priority flags a proposal carries (area, industry, both) for the cap multiplier, or null. */
export function priorityBasis(proposal: TCheckableProposal): 'area' | 'industry' | 'area_industry' | null {
  const area = proposal.priorityArea === true;
  const industry = proposal.priorityIndustry === true;
  if (area && industry) return 'area_industry';
  if (area) return 'area';
  return industry ? 'industry' : null;
}

/** Decimals as exact integers (millionths) so that money is computed without floating-point error. */
const SCALE = 1_000_000;
const toScaled = (x: number) => BigInt(Math.round(x * SCALE));

/**
 * The maximum national support for a proposal under its cap line:
 * `min(⌊share % × total⌋, ⌊maxAmount × units × multiplier⌋)` in integer VND, where `units` is the
 * number of models / establishments / clusters… in `fields` (1 by default), and the multiplier is the
 * line's priority multiplier (×1.5) when the proposal is in a priority area or industry, times the
 * multiplier of a matching variant (a technology line ×1.5). Independent of the requested amount.
 *
 * @returns null when the set has no cap line for the proposal's activity type.
 */
export function maxSupport(proposal: TCheckableProposal, set: TRegulationSet): TMaxSupport | null {
  const cap = findCapRule(set, proposal.activityType);
  if (!cap) return null;
  const variant = matchingVariant(cap, proposal.fields);
  const sharePercent = variant?.shareOfEligibleCost ?? cap.shareOfEligibleCost;
  const maxAmount = variant?.maxAmount !== undefined ? variant.maxAmount : cap.maxAmount;
  const priorityApplies = cap.priorityMultiplier > 1 && priorityBasis(proposal) !== null;
  const priorityMultiplier = priorityApplies ? cap.priorityMultiplier : 1;
  const variantMultiplier = variant?.amountMultiplier ?? 1;
  const units = readUnits(proposal.fields, cap.unit);
  const eligibleCost = isVnd(proposal.budget.total) ? proposal.budget.total : 0;

  const shareCap = Number((BigInt(eligibleCost) * toScaled(sharePercent)) / BigInt(100 * SCALE));
  const amountCap =
    maxAmount === null
      ? null
      : Number(
          (BigInt(maxAmount) * BigInt(units) * toScaled(priorityMultiplier) * toScaled(variantMultiplier)) /
            BigInt(SCALE * SCALE),
        );
  const limitedBy = amountCap !== null && amountCap < shareCap ? 'amount' : 'share';
  const needsVerification =
    cap.needsVerification ||
    (variant?.needsVerification ?? false) ||
    (priorityApplies && maxAmount !== null && cap.priorityMultiplierNeedsVerification);
  return {
    amount: limitedBy === 'amount' ? (amountCap as number) : shareCap,
    shareCap,
    amountCap,
    eligibleCost,
    limitedBy,
    rule: {
      activityType: cap.activityType,
      sharePercent,
      maxAmount,
      unit: cap.unit,
      units,
      multiplier: priorityMultiplier * variantMultiplier,
      priorityMultiplier,
      variantCode: variant?.code ?? null,
      source: variant ? `${cap.source}; ${variant.source}` : cap.source,
      needsVerification,
    },
  };
}
