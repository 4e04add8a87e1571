import type { TCapRule, TDocumentRequirement, TRegulationSet } from '../../../domain/regulation';

/** Pure helpers of the side-by-side comparison of two regulation sets. */

export type TCapComparison = {
  activityType: string;
  a: TCapRule | undefined;
  b: TCapRule | undefined;
  changed: { share: boolean; maxAmount: boolean; multiplier: boolean; verification: boolean; other: boolean };
};

/** One row per activity type of either set (A's order first), with which cells differ. */
export function compareCaps(a: TRegulationSet, b: TRegulationSet): TCapComparison[] {
  const types = [...new Set([...a.caps.map((c) => c.activityType), ...b.caps.map((c) => c.activityType)])];
  return types.map((activityType) => {
    const x = a.caps.find((c) => c.activityType === activityType);
    const y = b.caps.find((c) => c.activityType === activityType);
    const differs = (pick: (cap: TCapRule) => unknown) =>
      x === undefined || y === undefined || JSON.stringify(pick(x)) !== JSON.stringify(pick(y));
    return {
      activityType,
      a: x,
      b: y,
      changed: {
        share: differs((c) => c.shareOfEligibleCost),
        maxAmount: differs((c) => c.maxAmount),
        multiplier: differs((c) => c.priorityMultiplier),
        verification: differs((c) => [c.needsVerification, c.priorityMultiplierNeedsVerification]),
        other: differs((c) => [c.unit, c.variants ?? [], c.source]),
      },
    };
  });
}

export type TDocumentComparison = {
  key: string;
  activityType: string;
  submissionKind: TDocumentRequirement['submissionKind'];
  condition: TDocumentRequirement['condition'];
  a: TDocumentRequirement | undefined;
  b: TDocumentRequirement | undefined;
  changed: boolean;
};

const requirementKey = (r: TDocumentRequirement) => `${r.activityType}|${r.submissionKind}|${r.condition}`;

/** Requirements matched by activity type, submission kind and condition. */
export function compareDocuments(a: TRegulationSet, b: TRegulationSet): TDocumentComparison[] {
  const keys = [...new Set([...a.requiredDocuments, ...b.requiredDocuments].map(requirementKey))];
  return keys.map((key) => {
    const x = a.requiredDocuments.find((r) => requirementKey(r) === key);
    const y = b.requiredDocuments.find((r) => requirementKey(r) === key);
    const sample = (x ?? y) as TDocumentRequirement;
    const summary = (r: TDocumentRequirement) =>
      JSON.stringify([[...r.kinds].sort(), r.severity, r.needsVerification]);
    return {
      key,
      activityType: sample.activityType,
      submissionKind: sample.submissionKind,
      condition: sample.condition,
      a: x,
      b: y,
      changed: x === undefined || y === undefined || summary(x) !== summary(y),
    };
  });
}

/** Every leaf of a JSON value by dotted path (`deadlines.dossier.day` → `30`). */
export function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '[]' : '{}');
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** Differences outside the caps and document lists (which have their own tables). */
export function compareOther(
  a: TRegulationSet,
  b: TRegulationSet,
): { path: string; a: string | undefined; b: string | undefined }[] {
  const strip = ({ caps: _c, requiredDocuments: _d, ...rest }: TRegulationSet) => rest;
  const x = flatten(strip(a));
  const y = flatten(strip(b));
  const paths = [...new Set([...x.keys(), ...y.keys()])];
  return paths.filter((p) => x.get(p) !== y.get(p)).map((path) => ({ path, a: x.get(path), b: y.get(path) }));
}
