import { describe, expect, it } from 'vitest';
import {
  defaultDeadlines,
  firstAdvance,
  maxAdvanceBeforeAcceptance,
  monthlyReportDueDate,
  selectRegulationSet,
  toVnDate,
} from './calendar';
import { NATIONAL_2012, NATIONAL_2026, NATIONAL_REGULATION_SETS } from './seeds';
import type { TRegulationSet } from './types';

describe('deadlines', () => {
  it.each([
    [NATIONAL_2012, 2025, { registration: '2024-06-20', dossier: '2024-09-30', settlement: '2026-01-22' }],
    [NATIONAL_2026, 2026, { registration: '2025-06-20', dossier: '2025-09-30', settlement: '2027-01-22' }],
  ])('%s, plan year %i', (set, year, expected) => {
    expect(defaultDeadlines(set, year)).toEqual(expected);
  });

  it('monthly reports are due on the 25th', () => {
    expect(monthlyReportDueDate(NATIONAL_2026, 2026, 3)).toBe('2026-03-25');
    expect(monthlyReportDueDate(NATIONAL_2012, 2025, 12)).toBe('2025-12-25');
  });

  it('flags what is not confirmed: the dossier and settlement dates, and everything procedural after Decree 235', () => {
    const flags = (set: TRegulationSet) => ({
      registration: set.deadlines.registration.needsVerification,
      dossier: set.deadlines.dossier.needsVerification,
      monthlyReportDay: set.deadlines.monthlyReportDay.needsVerification,
      settlement: set.deadlines.settlement.needsVerification,
    });
    expect(flags(NATIONAL_2012)).toEqual({
      registration: false,
      dossier: true,
      monthlyReportDay: false,
      settlement: true,
    });
    expect(flags(NATIONAL_2026)).toEqual({
      registration: true,
      dossier: true,
      monthlyReportDay: true,
      settlement: true,
    });
  });
});

describe('toVnDate', () => {
  it('keeps dates and converts instants to the Vietnamese calendar day', () => {
    expect(toVnDate('2025-09-30')).toBe('2025-09-30');
    expect(toVnDate('2025-09-30T16:59:59Z')).toBe('2025-09-30');
    expect(toVnDate('2025-09-30T17:00:00Z')).toBe('2025-10-01');
    expect(toVnDate('2025-09-30T23:59:59+07:00')).toBe('2025-09-30');
  });

  it('refuses anything else', () => {
    expect(toVnDate('30/09/2025')).toBeUndefined();
    expect(toVnDate('2025-02-30')).toBeUndefined();
    expect(toVnDate('2025-13-01T00:00:00Z')).toBeUndefined();
  });
});

describe.each([NATIONAL_2012, NATIONAL_2026])('advances in %s (TT 36/2013 Arts. 12–16)', (set) => {
  it.each([
    ['cluster_infrastructure', 30],
    ['cluster_pollution_treatment', 30],
    ['vocational_training', 70],
    ['consulting', 70],
    ['capacity_building', 70],
    ['brand_building', 70],
    ['association_linkage', 70],
    ['cleaner_production', 70],
    ['trade_fair_domestic', 70],
    ['trade_fair_overseas', 70],
    ['information', 70],
    ['cluster_planning', 70],
    ['demonstration_model', 70],
    ['demonstration_model_operating', 70],
    ['machinery', 70],
    ['pollution_treatment', 70],
    ['enterprise_founding', 100],
  ] as const)('%s: first advance %i %%', (activityType, percent) => {
    expect(firstAdvance(set, activityType, 1_000_000_001)).toEqual({
      percent,
      amount: Math.floor((1_000_000_001 * percent) / 100),
      needsVerification: set === NATIONAL_2026,
    });
  });

  it('no first advance for interest subsidies (paid on bank proof)', () => {
    expect(firstAdvance(set, 'relocation_interest_subsidy', 100)).toBeNull();
  });

  it('at most 70 % before acceptance', () => {
    expect(maxAdvanceBeforeAcceptance(set, 1_000_000_001)).toBe(700_000_000);
    expect(set.advances.needsVerification).toBe(true);
  });
});

describe('advances only in national-2026', () => {
  it.each(['sustainable_production', 'digital_transformation'] as const)(
    '%s: 70 %%, inferred',
    (activityType) => {
      expect(firstAdvance(NATIONAL_2026, activityType, 100)).toEqual({
        percent: 70,
        amount: 70,
        needsVerification: true,
      });
      expect(firstAdvance(NATIONAL_2012, activityType, 100)).toBeNull();
    },
  );

  it('the tables list exactly the rates of each set', () => {
    expect(Object.keys(NATIONAL_2012.advances.firstAdvanceRateByActivityType)).toHaveLength(17);
    expect(Object.keys(NATIONAL_2026.advances.firstAdvanceRateByActivityType)).toHaveLength(19);
  });
});

describe('selectRegulationSet', () => {
  const national = (planYear: number) =>
    selectRegulationSet(NATIONAL_REGULATION_SETS, { planYear, programme: 'national' })?.code;

  it('picks the set covering the plan year', () => {
    expect(national(2013)).toBe('national-2012');
    expect(national(2025)).toBe('national-2012');
    expect(national(2026)).toBe('national-2026');
    expect(national(2031)).toBe('national-2026');
    expect(national(2012)).toBeUndefined();
  });

  it('a newer version supersedes an open-ended one; local sets match their province', () => {
    const v2: TRegulationSet = { ...NATIONAL_2026, code: 'national-2028', effectiveFromYear: 2028 };
    const local: TRegulationSet = {
      ...NATIONAL_2026,
      code: 'local-37',
      programme: 'local',
      provinceCode: '37',
    };
    const sets = [v2, ...NATIONAL_REGULATION_SETS, local];
    expect(selectRegulationSet(sets, { planYear: 2027, programme: 'national' })?.code).toBe('national-2026');
    expect(selectRegulationSet(sets, { planYear: 2028, programme: 'national' })?.code).toBe('national-2028');
    expect(selectRegulationSet(sets, { planYear: 2028, programme: 'local', provinceCode: '37' })?.code).toBe(
      'local-37',
    );
    expect(
      selectRegulationSet(sets, { planYear: 2028, programme: 'local', provinceCode: '01' }),
    ).toBeUndefined();
  });
});
