import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAdvance } from './advances';
import { NATIONAL_2012, NATIONAL_2026 } from './seeds';

const M = 1_000_000;
const base = {
  set: NATIONAL_2026,
  support: 400 * M,
  advanced: 0,
  count: 0,
  latest: null as { month: string; volumePercent: number } | null,
};

describe('checkAdvance (TT 36/2013 Arts. 12–16)', () => {
  it('consulting (70 % on contract and plan): no report needed for the first; later ones by progress', () => {
    const c = { ...base, activityType: 'consulting' as const };
    expect(checkAdvance({ ...c, amount: 280 * M })).toEqual({ ok: true, basis: 'first' });
    expect(checkAdvance({ ...c, amount: 280 * M + 1 })).toMatchObject({
      ok: false,
      code: 'advance_limit_exceeded',
      limit: 280 * M,
    });
    const later = { ...c, advanced: 100 * M, count: 1 };
    expect(checkAdvance({ ...later, amount: 10 * M })).toMatchObject({
      ok: false,
      code: 'advance_not_allowed',
    });
    const at40 = { ...later, latest: { month: '2026-04', volumePercent: 40 } };
    expect(checkAdvance({ ...at40, amount: 60 * M })).toEqual({ ok: true, basis: 'progress' });
    const refused = checkAdvance({ ...at40, amount: 60 * M + 1 });
    expect(refused).toMatchObject({ ok: false, code: 'advance_limit_exceeded', limit: 160 * M });
  });

  it('cluster works: 30 % first, only with a report above 50 %', () => {
    const c = { ...base, activityType: 'cluster_infrastructure' as const };
    expect(checkAdvance({ ...c, amount: M })).toMatchObject({ ok: false, code: 'advance_not_allowed' });
    const at50 = { ...c, latest: { month: '2026-05', volumePercent: 50 } };
    expect(checkAdvance({ ...at50, amount: M })).toMatchObject({ ok: false, code: 'advance_not_allowed' });
    const at51 = { ...c, latest: { month: '2026-05', volumePercent: 51 } };
    expect(checkAdvance({ ...at51, amount: 120 * M })).toEqual({ ok: true, basis: 'first' });
    expect(checkAdvance({ ...at51, amount: 120 * M + 1 })).toMatchObject({
      code: 'advance_limit_exceeded',
      limit: 120 * M,
    });
  });

  it('demonstration models: the first advance waits for a report above 70 %', () => {
    const c = { ...base, activityType: 'demonstration_model' as const };
    const at70 = { ...c, latest: { month: '2026-05', volumePercent: 70 } };
    expect(checkAdvance({ ...at70, amount: M })).toMatchObject({ code: 'advance_not_allowed' });
    expect(
      checkAdvance({ ...at70, latest: { month: '2026-05', volumePercent: 71 }, amount: 280 * M }),
    ).toEqual({
      ok: true,
      basis: 'first',
    });
  });

  it('interest subsidies have no first advance', () => {
    const r = checkAdvance({
      ...base,
      set: NATIONAL_2012,
      activityType: 'relocation_interest_subsidy',
      amount: M,
    });
    expect(r).toMatchObject({ ok: false, code: 'advance_not_allowed' });
  });

  it('property: whatever is accepted, the total stays within 70 % of the support', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 * M }),
        fc.integer({ min: 0, max: 10_000 * M }),
        fc.integer({ min: 1, max: 10_000 * M }),
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        (support, advanced, amount, count, volume) => {
          const r = checkAdvance({
            set: NATIONAL_2026,
            activityType: 'consulting',
            support,
            advanced: count === 0 ? 0 : advanced,
            count,
            latest: volume === null ? null : { month: '2026-06', volumePercent: volume },
            amount,
          });
          if (r.ok)
            expect((count === 0 ? 0 : advanced) + amount).toBeLessThanOrEqual(Math.floor(support * 0.7));
        },
      ),
    );
  });
});
