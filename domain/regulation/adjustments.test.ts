import { describe, expect, it } from 'vitest';
import {
  ADJUSTMENT_KINDS,
  authorityCovers,
  requiredAuthority,
  seedAdjustmentRules,
  type TAdjustmentRules,
} from './adjustments';
import { NATIONAL_2012, NATIONAL_2026 } from './seeds';
import { ZRegulationSet } from './types';

describe('adjustment authorities (TT 36/2013 Art. 11, domain.md §3.6)', () => {
  it.each([
    ['funding_increase', 'minister', 'minister'],
    ['content_change', 'minister', 'minister'],
    ['carry_over', 'minister', 'minister'],
    ['addition', 'minister', 'minister'],
    ['stop', 'minister', 'minister'],
    ['location', 'agency', 'province'],
    ['beneficiary', 'agency', 'province'],
    ['coordinating_unit', 'agency', 'province'],
    ['timing', 'agency', 'agency'],
    ['decrease', 'agency', 'agency'],
    ['group_change', 'agency', 'province'],
  ] as const)('%s: %s; for a group project of the Sở: %s', (kind, single, group) => {
    expect(requiredAuthority(NATIONAL_2026.adjustments, kind, false)).toBe(single);
    expect(requiredAuthority(NATIONAL_2026.adjustments, kind, true)).toBe(group);
  });

  it('is data: a set that says otherwise wins; a set without the table falls back to the seeds', () => {
    const custom: TAdjustmentRules = seedAdjustmentRules();
    custom.authorityByKind.timing = { authority: 'province', source: 'test', needsVerification: false };
    expect(requiredAuthority(custom, 'timing', false)).toBe('province');
    expect(requiredAuthority(undefined, 'stop', false)).toBe('minister');
  });

  it('every kind is in both seed sets, marked for verification, and the sets still validate', () => {
    for (const set of [NATIONAL_2012, NATIONAL_2026]) {
      expect(Object.keys(set.adjustments!.authorityByKind).sort()).toEqual([...ADJUSTMENT_KINDS].sort());
      for (const rule of Object.values(set.adjustments!.authorityByKind))
        expect(rule.needsVerification).toBe(true);
      expect(ZRegulationSet.safeParse(set).success).toBe(true);
    }
  });

  it('a higher authority covers a lower one, never the reverse', () => {
    expect(authorityCovers('minister', 'agency')).toBe(true);
    expect(authorityCovers('agency', 'agency')).toBe(true);
    expect(authorityCovers('agency', 'minister')).toBe(false);
    expect(authorityCovers('province', 'agency')).toBe(false);
  });
});
