import type { TActivityType } from '../enums/activity-types';
import { isIsoDate, vnDateOf } from '../lib/dates';
import type { TAnnualDate, TRegulationSet } from './types';

/**
 * Deadlines, advances and set selection derived from a regulation set. Pure: "today" and instants are
 * always inputs.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date (`YYYY-MM-DD`) of a yearly deadline for a plan year, e.g. 20 June of the year before. */
export function annualDate(date: TAnnualDate, planYear: number): string {
  return `${planYear + date.yearOffset}-${pad(date.month)}-${pad(date.day)}`;
}

/** The default deadlines of a plan year under a set, as Vietnamese calendar dates. */
export function defaultDeadlines(
  set: TRegulationSet,
  planYear: number,
): { registration: string; dossier: string; settlement: string } {
  return {
    registration: annualDate(set.deadlines.registration, planYear),
    dossier: annualDate(set.deadlines.dossier, planYear),
    settlement: annualDate(set.deadlines.settlement, planYear),
  };
}

/** The due date of the monthly progress report for a month (1–12) of a year. */
export function monthlyReportDueDate(set: TRegulationSet, year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(set.deadlines.monthlyReportDay.day)}`;
}

/**
 * A date or an instant as a Vietnamese calendar date: `2025-09-30` stays as it is,
 * `2025-09-30T17:00:00Z` becomes `2025-10-01`. Undefined when the text is neither.
 */
export function toVnDate(value: string): string | undefined {
  if (isIsoDate(value)) return value;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : vnDateOf(new Date(time));
}

/**
 * The first advance allowed for an activity type on a given national support (TT 36/2013 Arts. 12–16),
 * or null when the set defines no first advance for it (e.g. interest subsidies, paid on proof).
 */
export function firstAdvance(
  set: TRegulationSet,
  activityType: TActivityType,
  support: number,
): { percent: number; amount: number; needsVerification: boolean } | null {
  const rate = set.advances.firstAdvanceRateByActivityType[activityType];
  if (!rate) return null;
  return {
    percent: rate.percent,
    amount: Math.floor((support * rate.percent) / 100),
    needsVerification: rate.needsVerification,
  };
}

/** The most that may be advanced before acceptance (≤ 70 % of the support, TTLT 26/2014 Art. 8.2.b). */
export function maxAdvanceBeforeAcceptance(set: TRegulationSet, support: number): number {
  return Math.floor((support * set.advances.maxBeforeAcceptancePercent) / 100);
}

/** True when a set covers a plan year. */
export function isSetEffectiveIn(set: TRegulationSet, planYear: number): boolean {
  return (
    planYear >= set.effectiveFromYear && (set.effectiveToYear === null || planYear <= set.effectiveToYear)
  );
}

/**
 * The set in force for a plan year and programme (and province, for local sets). When several cover
 * the year, the one that took effect last wins: a new version supersedes an open-ended older one.
 */
export function selectRegulationSet(
  sets: readonly TRegulationSet[],
  query: { planYear: number; programme: 'national' | 'local'; provinceCode?: string },
): TRegulationSet | undefined {
  const candidates = sets.filter(
    (s) =>
      s.programme === query.programme &&
      (query.programme === 'national' || s.provinceCode === query.provinceCode) &&
      isSetEffectiveIn(s, query.planYear),
  );
  return candidates.reduce<TRegulationSet | undefined>(
    (best, s) => (best === undefined || s.effectiveFromYear > best.effectiveFromYear ? s : best),
    undefined,
  );
}
