import type { TCheckableProposal, TPriorityCriterion, TRegulationSet } from './types';

/**
 * Ranking when the plan is assigned (TT 36/2013 Art. 7; TT 46/2012 Art. 6.3): pilot projects first;
 * then area priority before industry priority; then (from the 2026 set) women- or ethnic-minority-owned
 * establishments; then the unit with more experience. The order of the criteria is the set's data.
 *
 * A key is compared element by element, smaller first. Ties are broken by code, id, title and finally
 * by a canonical serialisation of the proposal, so the order is total and a sort gives the same result
 * whatever the input order.
 */
export type TPriorityKey = readonly (number | string)[];

/** 0 ranks before 1. */
const rank = (hasPriority: boolean) => (hasPriority ? 0 : 1);

function experienceRank(years: number | undefined): number {
  const y = typeof years === 'number' && Number.isFinite(years) && years > 0 ? years : 0;
  return y === 0 ? 0 : -y;
}

function criterionRank(
  criterion: TPriorityCriterion,
  p: TCheckableProposal,
  noAreaIndustry: boolean,
): number {
  switch (criterion) {
    case 'pilot':
      return rank(p.isPilot === true);
    case 'priority_area':
      return rank(!noAreaIndustry && p.priorityArea === true);
    case 'priority_industry':
      return rank(!noAreaIndustry && p.priorityIndustry === true);
    case 'ownership':
      return rank(p.womenOwned === true || p.ethnicMinorityOwned === true);
    case 'experience':
      return experienceRank(p.unitExperienceYears);
  }
}

/**
 * JSON-like text with sorted keys (undefined members dropped; -0, NaN and Infinity kept apart):
 * equal text ⇔ equal data.
 */
export function canonicalSerialize(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonicalSerialize).join(',')}]`;
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'object': {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalSerialize(v)}`).join(',')}}`;
    }
    default:
      // bigint, symbol, function: not proposal data, but still told apart from strings.
      return `${typeof value}(${String(value)})`;
  }
}

/**
 * The ranking key of a proposal under a set: one number per criterion of `priorityRules.order`
 * (0 = has the priority; experience as minus the years), then the tie-breakers.
 */
export function priorityKey(proposal: TCheckableProposal, set: TRegulationSet): TPriorityKey {
  const noAreaIndustry =
    set.priorityRules.noAreaIndustryPriority?.activityTypes.includes(proposal.activityType) === true;
  const ranks = set.priorityRules.order.map((o) => criterionRank(o.criterion, proposal, noAreaIndustry));
  return [
    ...ranks,
    proposal.code ?? '',
    proposal.id ?? '',
    proposal.title ?? '',
    canonicalSerialize(proposal),
  ];
}

/** Compares two keys element by element (numbers numerically, strings by code unit); shorter first on a tie. */
export function comparePriorityKeys(a: TPriorityKey, b: TPriorityKey): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    const sx = String(x);
    const sy = String(y);
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return a.length - b.length;
}

/** Negative when `a` ranks before `b` under the set's legal order, positive after, 0 only for equal data. */
export function compareByPriority(a: TCheckableProposal, b: TCheckableProposal, set: TRegulationSet): number {
  return comparePriorityKeys(priorityKey(a, set), priorityKey(b, set));
}

/** A ranked copy of the proposals (keys computed once each). */
export function rankByPriority<T extends TCheckableProposal>(
  proposals: readonly T[],
  set: TRegulationSet,
): T[] {
  return proposals
    .map((p) => ({ p, key: priorityKey(p, set) }))
    .sort((a, b) => comparePriorityKeys(a.key, b.key))
    .map(({ p }) => p);
}
