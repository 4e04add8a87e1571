import type { TRegulationSet } from '../../../domain/regulation';
import type {
  TCheckResponse,
  TRegulationSetDetail,
  TRegulationSetSummary,
} from '../../../domain/schemas/regulation-sets';
import type { TLanguage } from '../../http/problem';
import type { TCheckResult } from './check-proposal-against-set';
import type { TRegulationSetListRow } from './regulations.repository';

/**
 * How many values of a set are flagged for verification: every `needsVerification: true` and every
 * `priorityMultiplierNeedsVerification: true`, wherever they sit in the set.
 */
export function countNeedsVerification(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + countNeedsVerification(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'needsVerification' || key === 'priorityMultiplierNeedsVerification') && child === true) n++;
    else n += countNeedsVerification(child);
  }
  return n;
}

export function presentRegulationSetSummary({
  row,
  isLatest,
  usedByClosedCycle,
}: TRegulationSetListRow): TRegulationSetSummary {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    programme: row.programme as 'national' | 'local',
    provinceCode: row.provinceCode,
    effectiveFromYear: row.effectiveFromYear,
    effectiveToYear: row.effectiveToYear,
    previousId: row.previousId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    isLatest: Boolean(isLatest),
    usedByClosedCycle: Boolean(usedByClosedCycle),
    needsVerificationCount: countNeedsVerification(row.body),
  };
}

export function presentRegulationSetDetail(
  listRow: TRegulationSetListRow,
  body: TRegulationSet,
): TRegulationSetDetail {
  return { ...presentRegulationSetSummary(listRow), body };
}

/** A check result as the API sends it: each finding's message in the caller's language. */
export function presentCheckResult(result: TCheckResult, language: TLanguage): TCheckResponse {
  return {
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      path: f.path,
      params: f.params,
      message: f.message[language],
    })),
    maxSupport: result.maxSupport,
    priority: { ranks: result.priority.ranks, key: [...result.priority.key] },
  };
}
