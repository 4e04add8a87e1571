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

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';

/** The natural key of an array item (`code`, `criterion`, `activityType`), so a reordering is no change. */
function itemKey(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const record = item as Record<string, unknown>;
  for (const name of ['code', 'criterion', 'activityType']) {
    if (typeof record[name] === 'string') return record[name] as string;
  }
  return undefined;
}

/**
 * Every leaf of a JSON value by dotted path (`deadlines.dossier.day` → `30`). A list of plain values is
 * one leaf (`a, b, c`); a list of records with a natural key is addressed by it (`order[pilot].source`),
 * so inserting one activity type does not mark every later entry as changed.
 */
export function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.every(isPrimitive)) {
      out.set(prefix, value.length === 0 ? '[]' : value.map((v) => String(v)).join(', '));
      return out;
    }
    const keys = value.map(itemKey);
    const keyed = keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;
    value.forEach((child, i) => {
      flatten(child, keyed ? `${prefix}[${keys[i]}]` : `${prefix}.${i}`, out);
    });
    if (value.length === 0) out.set(prefix, '[]');
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(prefix, '{}');
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return out;
  }
  out.set(prefix, value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
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
