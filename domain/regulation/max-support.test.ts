import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TActivityType } from '../enums/activity-types';
import { maxSupport } from './max-support';
import { NATIONAL_2012, NATIONAL_2026, NATIONAL_REGULATION_SETS } from './seeds';
import { proposal } from './test-helpers';
import type { TCapUnit, TCheckableProposal, TRegulationSet } from './types';

const BIG = 10_000_000_000; // large enough that every amount limit binds
const SMALL = 100_000_000; // small enough that most share limits bind

type TRow = {
  activityType: TActivityType;
  sharePercent: number;
  maxAmount: number | null;
  unit: TCapUnit;
  needsVerification: boolean;
  /** Expected maximum at a total of 10 billion, then at 100 million. */
  atBig: number;
  atSmall: number;
};

const row = (
  activityType: TActivityType,
  sharePercent: number,
  maxAmount: number | null,
  unit: TCapUnit,
  needsVerification: boolean,
  atBig: number,
  atSmall: number,
): TRow => ({ activityType, sharePercent, maxAmount, unit, needsVerification, atBig, atSmall });

/** Every cap line of the set before Decree 235, with values written out by hand from domain.md §5.3–§5.4. */
const LINES_BEFORE_2026: TRow[] = [
  row('demonstration_model', 30, 1_000_000_000, 'model', false, 1_000_000_000, 30_000_000),
  row('demonstration_model_operating', 100, 100_000_000, 'model', true, 100_000_000, 100_000_000),
  row('machinery', 50, 300_000_000, 'establishment', false, 300_000_000, 50_000_000),
  row('cleaner_production', 30, 300_000_000, 'establishment', true, 300_000_000, 30_000_000),
  row('pollution_treatment', 30, 300_000_000, 'establishment', true, 300_000_000, 30_000_000),
  row('cluster_pollution_treatment', 30, 1_500_000_000, 'cluster', true, 1_500_000_000, 30_000_000),
  row('relocation_interest_subsidy', 50, 500_000_000, 'establishment', true, 500_000_000, 50_000_000),
  row('typical_product', 100, 100_000_000, 'round', true, 100_000_000, 100_000_000),
  row('trade_fair_domestic', 100, null, 'project', true, BIG, SMALL),
  row('trade_fair_overseas', 100, null, 'project', true, BIG, SMALL),
  row('brand_building', 50, 35_000_000, 'brand', true, 35_000_000, 35_000_000),
  row('showroom', 100, null, 'project', true, BIG, SMALL),
  row('cluster_planning', 50, 500_000_000, 'cluster', true, 500_000_000, 50_000_000),
  row('cluster_infrastructure', 100, 3_000_000_000, 'cluster', true, 3_000_000_000, 100_000_000),
  row('association_linkage', 50, 150_000_000, 'project', true, 150_000_000, 50_000_000),
  row('vocational_training', 100, null, 'project', true, BIG, SMALL),
  row('capacity_building', 100, null, 'project', true, BIG, SMALL),
  row('enterprise_founding', 100, 10_000_000, 'enterprise', false, 10_000_000, 10_000_000),
  row('consulting', 50, 35_000_000, 'establishment', true, 35_000_000, 35_000_000),
  row('information', 100, null, 'project', true, BIG, SMALL),
  row('international_cooperation', 100, null, 'project', true, BIG, SMALL),
  row('programme_management', 100, null, 'project', true, BIG, SMALL),
];
const LINES_ADDED_2026: TRow[] = [
  row('sustainable_production', 30, 300_000_000, 'establishment', true, 300_000_000, 30_000_000),
  row('artisan_support', 100, null, 'project', true, BIG, SMALL),
  row('digital_transformation', 100, null, 'project', true, BIG, SMALL),
];
const TABLE: [TRegulationSet, TRow[]][] = [
  [NATIONAL_2012, LINES_BEFORE_2026],
  [NATIONAL_2026, [...LINES_BEFORE_2026, ...LINES_ADDED_2026]],
];

const planYearOf = (set: TRegulationSet) => set.effectiveFromYear;
const at = (
  set: TRegulationSet,
  activityType: TActivityType,
  total: number,
  extra: Partial<TCheckableProposal> = {},
) =>
  maxSupport(
    proposal({
      planYear: planYearOf(set),
      activityType,
      budget: { total, requested: 0, counterpart: total, other: 0 },
      ...extra,
    }),
    set,
  );

describe.each(TABLE)('every cap line of %s', (set, rows) => {
  it('the table lists exactly the cap lines of the set', () => {
    expect(rows.map((r) => r.activityType).sort()).toEqual(set.caps.map((c) => c.activityType).sort());
  });

  it.each(rows)('$activityType', (r) => {
    const big = at(set, r.activityType, BIG);
    expect(big?.rule).toMatchObject({
      activityType: r.activityType,
      sharePercent: r.sharePercent,
      maxAmount: r.maxAmount,
      unit: r.unit,
      units: 1,
      multiplier: 1,
      variantCode: null,
      needsVerification: r.needsVerification,
    });
    expect(big?.amount).toBe(r.atBig);
    expect(big?.limitedBy).toBe(
      r.maxAmount !== null && r.atBig < BIG * (r.sharePercent / 100) ? 'amount' : 'share',
    );
    expect(at(set, r.activityType, SMALL)?.amount).toBe(r.atSmall);
    expect(at(set, r.activityType, 0)?.amount).toBe(0);
  });
});

describe.each([NATIONAL_2012, NATIONAL_2026])('variants and multipliers in %s', (set) => {
  it('a technology line raises the machinery limit to 1.5 × 300,000,000', () => {
    const line = at(set, 'machinery', BIG, { fields: { isTechnologyLine: true } });
    expect(line?.amount).toBe(450_000_000);
    expect(line?.rule).toMatchObject({
      variantCode: 'technology_line',
      multiplier: 1.5,
      needsVerification: false,
    });
    expect(at(set, 'machinery', BIG, { fields: { isTechnologyLine: false } })?.amount).toBe(300_000_000);
  });

  it('a technology line in a priority area stacks both multipliers (flagged)', () => {
    const line = at(set, 'machinery', BIG, { fields: { isTechnologyLine: true }, priorityArea: true });
    expect(line?.amount).toBe(675_000_000);
    expect(line?.rule).toMatchObject({ multiplier: 2.25, priorityMultiplier: 1.5, needsVerification: true });
  });

  it('a national typical-product selection may cost 200,000,000 per round', () => {
    expect(at(set, 'typical_product', BIG, { fields: { selectionLevel: 'national' } })?.amount).toBe(
      200_000_000,
    );
    expect(at(set, 'typical_product', BIG, { fields: { selectionLevel: 'regional' } })?.amount).toBe(
      100_000_000,
    );
  });

  it('another domestic fair is supported at 80 % of booth rent', () => {
    const other = at(set, 'trade_fair_domestic', 1_000_000, { fields: { isOtherFair: true } });
    expect(other).toMatchObject({ amount: 800_000, limitedBy: 'share', amountCap: null });
  });

  it('trade associations: 30 % and 70 or 100 million; linkage clusters 50 % and 150 million', () => {
    expect(
      at(set, 'association_linkage', BIG, { fields: { linkageKind: 'association_regional' } })?.amount,
    ).toBe(70_000_000);
    expect(
      at(set, 'association_linkage', BIG, { fields: { linkageKind: 'association_national' } })?.amount,
    ).toBe(100_000_000);
    expect(
      at(set, 'association_linkage', SMALL, { fields: { linkageKind: 'association_national' } })?.amount,
    ).toBe(30_000_000);
    expect(at(set, 'association_linkage', BIG, { fields: { linkageKind: 'linkage_cluster' } })?.amount).toBe(
      150_000_000,
    );
  });

  it('priority area or industry multiplies the amount limit by 1.5, flagged as unverified', () => {
    for (const flags of [
      { priorityArea: true },
      { priorityIndustry: true },
      { priorityArea: true, priorityIndustry: true },
    ]) {
      const s = at(set, 'demonstration_model', BIG, flags);
      expect(s?.amount).toBe(1_500_000_000);
      expect(s?.rule).toMatchObject({ priorityMultiplier: 1.5, multiplier: 1.5, needsVerification: true });
    }
    expect(at(set, 'demonstration_model', BIG, { priorityArea: false })?.amount).toBe(1_000_000_000);
  });

  it('cleaner production gets no priority multiplier (TT 46/2012 Art. 6.3)', () => {
    expect(at(set, 'cleaner_production', BIG, { priorityArea: true })?.amount).toBe(300_000_000);
  });

  it('the amount limit counts units from the fields', () => {
    expect(at(set, 'demonstration_model', 20_000_000_000, { fields: { models: 2 } })?.amount).toBe(
      2_000_000_000,
    );
    expect(
      at(set, 'demonstration_model', 20_000_000_000, { fields: { models: 2 }, priorityArea: true })?.amount,
    ).toBe(3_000_000_000);
    expect(at(set, 'enterprise_founding', BIG, { fields: { enterprises: 3 } })?.amount).toBe(30_000_000);
    expect(at(set, 'cluster_planning', BIG, { fields: { clusters: 2 } })?.amount).toBe(1_000_000_000);
    // Nonsense counts fall back to one unit.
    for (const models of [0, -1, 1.5, '3', null]) {
      expect(at(set, 'demonstration_model', BIG, { fields: { models } })?.amount).toBe(1_000_000_000);
    }
  });

  it('an invalid total counts as zero eligible cost', () => {
    expect(at(set, 'demonstration_model', Number.NaN)?.amount).toBe(0);
    expect(at(set, 'demonstration_model', -5)?.amount).toBe(0);
  });
});

describe('maxSupport edge cases', () => {
  it('on a tie between the two limits, the share is named as the limit', () => {
    expect(at(NATIONAL_2026, 'typical_product', 100_000_000)).toMatchObject({
      amount: 100_000_000,
      shareCap: 100_000_000,
      amountCap: 100_000_000,
      limitedBy: 'share',
    });
    expect(at(NATIONAL_2026, 'typical_product', 100_000_001)?.limitedBy).toBe('amount');
  });

  it('a line without priority multiplier ignores the flags, and its sourced values stay unflagged', () => {
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      caps: [{ ...NATIONAL_2026.caps[0]!, priorityMultiplier: 1 }],
    };
    expect(at(set, 'demonstration_model', BIG, { priorityArea: true })?.rule).toMatchObject({
      priorityMultiplier: 1,
      multiplier: 1,
      needsVerification: false,
    });
  });

  it('is null when the set has no cap line for the activity type', () => {
    expect(at(NATIONAL_2012, 'digital_transformation', BIG)).toBeNull();
  });

  it('floors fractional shares to whole đồng', () => {
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      caps: [{ ...NATIONAL_2026.caps[0]!, shareOfEligibleCost: 33.3, maxAmount: null }],
    };
    expect(at(set, 'demonstration_model', 1_000)?.amount).toBe(333);
    expect(at(set, 'demonstration_model', 999_999_999_999)?.amount).toBe(332_999_999_999);
  });
});

describe('maxSupport properties', () => {
  const arbSet = fc.constantFrom(...NATIONAL_REGULATION_SETS);
  const arbCase = arbSet.chain((set) =>
    fc.record({
      set: fc.constant(set),
      activityType: fc.constantFrom(...set.activityTypes),
      total: fc.integer({ min: 0, max: 1e13 }),
      priorityArea: fc.boolean(),
      priorityIndustry: fc.boolean(),
      fields: fc.record(
        {
          models: fc.integer({ min: -2, max: 50 }),
          establishments: fc.integer({ min: 1, max: 50 }),
          clusters: fc.integer({ min: 1, max: 5 }),
          brands: fc.integer({ min: 1, max: 5 }),
          enterprises: fc.integer({ min: 1, max: 50 }),
          rounds: fc.integer({ min: 1, max: 3 }),
          isTechnologyLine: fc.boolean(),
          isOtherFair: fc.boolean(),
          selectionLevel: fc.constantFrom('regional', 'national'),
          linkageKind: fc.constantFrom('linkage_cluster', 'association_regional', 'association_national'),
        },
        { requiredKeys: [] },
      ),
    }),
  );

  it('never exceeds the share limit nor the amount limit × units × multiplier, and equals the smaller', () => {
    fc.assert(
      fc.property(arbCase, ({ set, activityType, total, priorityArea, priorityIndustry, fields }) => {
        const p = proposal({
          planYear: set.effectiveFromYear,
          activityType,
          priorityArea,
          priorityIndustry,
          fields,
          budget: { total, requested: 0, counterpart: total, other: 0 },
        });
        const s = maxSupport(p, set);
        const cap = set.caps.find((c) => c.activityType === activityType);
        if (!cap) return s === null;
        if (!s) return false;
        // The applied values come from the line or one of its variants.
        const shares = [cap.shareOfEligibleCost, ...(cap.variants ?? []).map((v) => v.shareOfEligibleCost)];
        const amounts = [cap.maxAmount, ...(cap.variants ?? []).map((v) => v.maxAmount)];
        expect(shares).toContain(s.rule.sharePercent);
        expect(amounts).toContain(s.rule.maxAmount);
        const shareCap = (BigInt(total) * BigInt(s.rule.sharePercent)) / 100n;
        expect(BigInt(s.amount) <= shareCap).toBe(true);
        if (s.rule.maxAmount !== null) {
          const multiplied = s.rule.maxAmount * s.rule.units * s.rule.multiplier;
          expect(s.amount).toBeLessThanOrEqual(multiplied);
          expect(s.amount).toBe(Math.min(Number(shareCap), Math.floor(multiplied)));
          expect(s.rule.multiplier).toBeLessThanOrEqual(cap.priorityMultiplier * 1.5);
        } else {
          expect(s.amount).toBe(Number(shareCap));
        }
        expect(Number.isSafeInteger(s.amount) && s.amount >= 0).toBe(true);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
