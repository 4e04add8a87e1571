import { describe, expect, it } from 'vitest';
import { ADMIN_UNITS } from '../../db/seed/data/admin-units';
import type { TAdminUnitRow } from '../admin-units/admin-units.repository';
import { provinceMapping } from './province-mapping';

const units = ADMIN_UNITS.map((u) => ({ ...u })) as unknown as TAdminUnitRow[];
const mapping = provinceMapping(units);
const OLD = '2008-08-01';
const NEW = '2025-07-01';

describe('provinceMapping (63 → 34 through the successor chain)', () => {
  it('keeps a code’s meaning at the time: old 24 is Bắc Giang, new 24 is Bắc Ninh', () => {
    expect(mapping.unitOf('24', OLD)?.name).toBe('Bắc Giang');
    expect(mapping.unitOf('24', NEW)?.name).toBe('Bắc Ninh');
  });

  it('takes every old province to the unit in force today', () => {
    const cases: [string, string][] = [
      ['24', '24'], // Bắc Giang → Bắc Ninh
      ['27', '24'], // Bắc Ninh → Bắc Ninh
      ['10', '15'], // Lào Cai → Lào Cai (centre in Yên Bái's former capital, code 15)
      ['91', '91'], // Kiên Giang → An Giang
      ['89', '91'], // An Giang → An Giang
      ['54', '66'], // Phú Yên → Đắk Lắk
      ['01', '01'], // Hà Nội unchanged
    ];
    for (const [old, today] of cases) {
      const current = mapping.currentOf(mapping.unitOf(old, OLD)!);
      expect([old, current.code, current.validTo]).toEqual([old, today, null]);
    }
  });

  it('maps the 63 old provinces onto exactly the 34 units of today', () => {
    const old = units.filter((u) => u.validTo !== null);
    expect(old).toHaveLength(63);
    const targets = new Set(old.map((u) => mapping.currentOf(u).code));
    expect(targets.size).toBe(34);
    expect(units.filter((u) => u.validTo === null).every((u) => mapping.currentOf(u) === u)).toBe(true);
  });

  it('falls back on the newest unit of a code when the record’s date matches none', () => {
    expect(mapping.unitOf('24', null)?.validFrom).toBe(NEW);
    expect(mapping.unitOf('99', null)).toBeNull();
  });
});
