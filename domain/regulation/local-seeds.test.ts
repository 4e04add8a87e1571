import { describe, expect, it } from 'vitest';
import { localRegulationSet } from './local-seeds';
import { NATIONAL_2026 } from './seeds';
import { ZRegulationSet } from './types';

describe('the local (KCĐP) regulation set template', () => {
  const set = localRegulationSet('24', 'tỉnh Bắc Ninh');

  it('is a valid local set of its province', () => {
    const parsed = ZRegulationSet.parse(set);
    expect(parsed).toMatchObject({ code: 'local-24-2026', programme: 'local', provinceCode: '24' });
  });

  it('marks every cap as to be verified and keeps each at or under the national amount', () => {
    for (const [index, cap] of set.caps.entries()) {
      const national = NATIONAL_2026.caps[index]!;
      expect(cap.needsVerification).toBe(true);
      expect(cap.activityType).toBe(national.activityType);
      if (national.maxAmount === null) expect(cap.maxAmount).toBeNull();
      else expect(cap.maxAmount).toBeLessThanOrEqual(national.maxAmount);
    }
  });
});
