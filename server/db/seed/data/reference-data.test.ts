import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS } from '../../../../domain/enums/organization-kinds';
import { isIsoDate } from '../../../../domain/lib/dates';
import { foldVietnamese } from '../../../../domain/lib/text';
import {
  ADMIN_UNITS,
  OLD_MAP_VALID_TO,
  PROVINCE_MERGERS,
  predecessorsOf,
  REFORM_DATE,
  REGIONS,
  unitsInForce,
} from './admin-units';
import { ORGANIZATION_SEEDS } from './organizations';

const oldUnits = unitsInForce(OLD_MAP_VALID_TO);
const newUnits = unitsInForce(REFORM_DATE);
const newByCode = new Map(newUnits.map((u) => [u.code, u]));
const oldByCode = new Map(oldUnits.map((u) => [u.code, u]));

/** Every letter of Vietnamese (with f, j, w, z for loanwords), each vowel with its five tone marks, NFC. */
const VIETNAMESE_LETTERS = (() => {
  const letters = new Set('abcdđefghijklmnopqrstuvwxyz'.split(''));
  for (const vowel of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    for (const tone of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
      letters.add((vowel + tone).normalize('NFC'));
    }
  }
  for (const l of [...letters]) letters.add(l.toUpperCase());
  return letters;
})();
const ALLOWED_PUNCTUATION = new Set([' ', '-', ',', '&', ...'0123456789']);

function foreignCharacters(text: string): string[] {
  return [...text].filter((ch) => !VIETNAMESE_LETTERS.has(ch) && !ALLOWED_PUNCTUATION.has(ch));
}

const allUnitStrings = ADMIN_UNITS.flatMap((u) => [u.name, u.fullName]);
const allOrgStrings = ORGANIZATION_SEEDS.flatMap((o) =>
  o.names.flatMap((n) => (n.shortName === undefined ? [n.name] : [n.name, n.shortName])),
);

describe('administrative units', () => {
  it('has 63 units in force on the last day of the old map and 34 on the first day of the new', () => {
    expect(oldUnits).toHaveLength(63);
    expect(newUnits).toHaveLength(34);
    expect(unitsInForce('2008-08-01')).toHaveLength(63);
    expect(unitsInForce('2026-11-28')).toHaveLength(34);
    expect(unitsInForce('2008-07-31')).toHaveLength(0);
    expect(ADMIN_UNITS).toHaveLength(97);
  });

  it('rejects a malformed date in unitsInForce', () => {
    expect(() => unitsInForce('2025-7-1')).toThrow(RangeError);
    expect(() => unitsInForce('2025-02-30')).toThrow(RangeError);
  });

  it('has well-formed fields', () => {
    for (const u of ADMIN_UNITS) {
      expect(u.code, u.name).toMatch(/^\d{2}$/);
      expect(isIsoDate(u.validFrom), u.name).toBe(true);
      if (u.validTo !== null) {
        expect(isIsoDate(u.validTo), u.name).toBe(true);
        expect(u.validTo >= u.validFrom, u.name).toBe(true);
      }
      expect(REGIONS, u.name).toContain(u.region);
      expect(u.fullName).toBe(`${u.kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${u.name}`);
    }
  });

  it('has unique codes per validity period', () => {
    for (const set of [oldUnits, newUnits]) {
      expect(new Set(set.map((u) => u.code)).size).toBe(set.length);
    }
    const keys = ADMIN_UNITS.map((u) => `${u.code}@${u.validFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('dates the old map 2008-08-01 → 2025-06-30 and the new one from 2025-07-01, open-ended', () => {
    for (const u of oldUnits) {
      expect([u.validFrom, u.validTo], u.name).toEqual(['2008-08-01', '2025-06-30']);
      expect(u.successorCode, u.name).not.toBeNull();
    }
    for (const u of newUnits) {
      expect([u.validFrom, u.validTo, u.successorCode], u.name).toEqual(['2025-07-01', null, null]);
    }
  });

  it('marks the centrally-run cities', () => {
    const cities = (units: typeof ADMIN_UNITS) =>
      units
        .filter((u) => u.kind === 'city')
        .map((u) => u.code)
        .sort();
    expect(cities(oldUnits)).toEqual(['01', '31', '48', '79', '92']);
    expect(cities(newUnits)).toEqual(['01', '31', '46', '48', '79', '92']);
    expect(newByCode.get('46')).toMatchObject({ name: 'Huế', fullName: 'Thành phố Huế', kind: 'city' });
    expect(newByCode.get('79')?.fullName).toBe('Thành phố Hồ Chí Minh');
    expect(oldByCode.get('46')?.name).toBe('Thừa Thiên Huế');
    expect(oldByCode.get('77')?.name).toBe('Bà Rịa - Vũng Tàu');
  });

  it('gives every old unit a successor among the new ones', () => {
    for (const u of oldUnits) {
      expect(newByCode.has(u.successorCode ?? ''), `${u.code} ${u.name} → ${u.successorCode}`).toBe(true);
    }
  });

  it('gives every new unit at least one predecessor, and every old unit exactly one successor', () => {
    const all = newUnits.flatMap((u) => predecessorsOf(u.code));
    expect(all.sort()).toEqual(oldUnits.map((u) => u.code).sort());
    for (const u of newUnits) expect(predecessorsOf(u.code).length, u.name).toBeGreaterThanOrEqual(1);
    expect(predecessorsOf('99')).toEqual([]);
  });

  it('keeps exactly the 11 unmerged units with a single predecessor', () => {
    const unmerged = newUnits.filter((u) => predecessorsOf(u.code).length === 1).map((u) => u.name);
    expect(unmerged.sort()).toEqual(
      [
        'Hà Nội',
        'Huế',
        'Cao Bằng',
        'Điện Biên',
        'Hà Tĩnh',
        'Lai Châu',
        'Lạng Sơn',
        'Nghệ An',
        'Quảng Ninh',
        'Thanh Hóa',
        'Sơn La',
      ].sort(),
    );
    for (const u of newUnits.filter((n) => predecessorsOf(n.code).length === 1)) {
      expect(predecessorsOf(u.code), u.name).toEqual([u.code]);
    }
  });

  it('maps both old Bắc Giang (24) and old Bắc Ninh (27) to new 24 Bắc Ninh (codes are reused)', () => {
    expect(oldByCode.get('24')).toMatchObject({ name: 'Bắc Giang', successorCode: '24' });
    expect(oldByCode.get('27')).toMatchObject({ name: 'Bắc Ninh', successorCode: '24' });
    expect(newByCode.get('24')?.name).toBe('Bắc Ninh');
    expect(predecessorsOf('24')).toEqual(['24', '27']);
  });

  it('matches the formed-from lists of domain.md §8.2', () => {
    const expected: Record<string, string[]> = {
      '08': ['02', '08'],
      '15': ['10', '15'],
      '19': ['06', '19'],
      '25': ['17', '25', '26'],
      '31': ['30', '31'],
      '33': ['33', '34'],
      '37': ['35', '36', '37'],
      '44': ['44', '45'],
      '48': ['48', '49'],
      '51': ['51', '62'],
      '52': ['52', '64'],
      '56': ['56', '58'],
      '66': ['54', '66'],
      '68': ['60', '67', '68'],
      '75': ['70', '75'],
      '79': ['74', '77', '79'],
      '80': ['72', '80'],
      '82': ['82', '87'],
      '86': ['83', '84', '86'],
      '91': ['89', '91'],
      '92': ['92', '93', '94'],
      '96': ['95', '96'],
    };
    for (const [code, olds] of Object.entries(expected)) expect(predecessorsOf(code), code).toEqual(olds);
  });

  it('gives each new unit the region of one of its predecessors', () => {
    for (const u of newUnits) {
      const regions = predecessorsOf(u.code).map((c) => oldByCode.get(c)?.region);
      expect(regions, u.name).toContain(u.region);
    }
  });

  it('derives PROVINCE_MERGERS with the administrative centre in the province whose code was kept', () => {
    expect(PROVINCE_MERGERS.map((m) => m.newCode)).toEqual(newUnits.map((u) => u.code));
    expect(PROVINCE_MERGERS.filter((m) => m.isMerged)).toHaveLength(23);
    for (const m of PROVINCE_MERGERS) {
      expect(m.predecessorCodes).toEqual(predecessorsOf(m.newCode));
      if (!m.isMerged) {
        expect(m.administrativeCentre, m.newName).toBeNull();
        continue;
      }
      // Decision 19/2025/QĐ-TTg: the merged unit keeps the code of the province holding its centre.
      expect(m.administrativeCentre?.formerProvinceCode, m.newName).toBe(m.newCode);
      expect(m.predecessorCodes).toContain(m.administrativeCentre?.formerProvinceCode);
    }
    const byCode = new Map(PROVINCE_MERGERS.map((m) => [m.newCode, m]));
    expect(byCode.get('15')?.administrativeCentre).toEqual({
      formerProvinceCode: '15',
      note: 'Đặt tại tỉnh Yên Bái cũ',
      needsVerification: false,
    });
    expect(byCode.get('52')?.administrativeCentre?.needsVerification).toBe(true);
    const recalled = PROVINCE_MERGERS.filter((m) => m.administrativeCentre?.needsVerification);
    expect(recalled.map((m) => m.newCode)).toEqual(
      ['48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96'].sort(),
    );
  });
});

describe('organisations', () => {
  const byKey = new Map(ORGANIZATION_SEEDS.map((o) => [o.key, o]));

  it('has unique keys and known kinds', () => {
    expect(byKey.size).toBe(ORGANIZATION_SEEDS.length);
    for (const o of ORGANIZATION_SEEDS) expect(ORGANIZATION_KINDS, o.key).toContain(o.kind);
    expect(ORGANIZATION_SEEDS).toHaveLength(1 + 3 + 34 * 3);
  });

  it('resolves every parentKey, listing parents before their children', () => {
    const seen = new Set<string>();
    for (const o of ORGANIZATION_SEEDS) {
      if (o.parentKey !== null) {
        expect(byKey.has(o.parentKey), `${o.key} → ${o.parentKey}`).toBe(true);
        expect(seen.has(o.parentKey), `${o.parentKey} before ${o.key}`).toBe(true);
      }
      seen.add(o.key);
    }
  });

  it('uses province codes of the new map, null only for national organisations', () => {
    for (const o of ORGANIZATION_SEEDS) {
      if (o.kind === 'agency' || o.kind === 'regional_center') expect(o.provinceCode, o.key).toBeNull();
      else expect(newByCode.has(o.provinceCode ?? ''), o.key).toBe(true);
    }
  });

  it('gives every province exactly one Sở, one centre (under that Sở) and one People’s Committee', () => {
    for (const u of newUnits) {
      const own = ORGANIZATION_SEEDS.filter((o) => o.provinceCode === u.code);
      const of = (kind: string) => own.filter((o) => o.kind === kind);
      expect(of('provincial_department'), u.name).toHaveLength(1);
      expect(of('extension_center'), u.name).toHaveLength(1);
      expect(of('people_committee'), u.name).toHaveLength(1);
      expect(of('extension_center')[0]?.parentKey).toBe(of('provincial_department')[0]?.key);
    }
  });

  it('keeps name histories ordered, non-overlapping, newest last and open-ended', () => {
    for (const o of ORGANIZATION_SEEDS) {
      expect(o.names.length, o.key).toBeGreaterThanOrEqual(1);
      o.names.forEach((n, i) => {
        expect(isIsoDate(n.validFrom), o.key).toBe(true);
        if (n.validTo !== null) expect(n.validTo >= n.validFrom, o.key).toBe(true);
        const next = o.names[i + 1];
        if (next) expect(n.validTo !== null && n.validTo < next.validFrom, o.key).toBe(true);
      });
      expect(o.names.at(-1)?.validTo, o.key).toBeNull();
    }
  });

  it('records the agency’s 2025 rename (Decree 40/2025)', () => {
    expect(byKey.get('agency')?.names.map((n) => [n.name, n.validFrom, n.validTo])).toEqual([
      ['Cục Công Thương địa phương', '2017-01-01', '2025-02-28'],
      ['Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công', '2025-03-01', null],
    ]);
  });

  it('names provincial organisations by one convention', () => {
    const nameOf = (key: string) => byKey.get(key)?.names.at(-1)?.name;
    expect(nameOf('so-ct-24')).toBe('Sở Công Thương tỉnh Bắc Ninh');
    expect(nameOf('so-ct-01')).toBe('Sở Công Thương thành phố Hà Nội');
    expect(nameOf('ubnd-24')).toBe('Ủy ban nhân dân tỉnh Bắc Ninh');
    expect(nameOf('ubnd-01')).toBe('Ủy ban nhân dân thành phố Hà Nội');
    expect(nameOf('ubnd-79')).toBe('Ủy ban nhân dân Thành phố Hồ Chí Minh');
    expect(nameOf('ubnd-46')).toBe('Ủy ban nhân dân thành phố Huế');
    expect(nameOf('ttkc-24')).toBe('Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Bắc Ninh');
    expect(nameOf('ttkc-79')).toBe(
      'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Thành phố Hồ Chí Minh',
    );
    expect(nameOf('so-ct-79')).toBe('Sở Công Thương Thành phố Hồ Chí Minh');
    for (const o of ORGANIZATION_SEEDS.filter((x) => x.kind === 'extension_center')) {
      expect(
        o.names.every((n) => n.isPlaceholder),
        o.key,
      ).toBe(true);
      expect(
        o.names.every((n) => n.validFrom === '2025-07-01'),
        o.key,
      ).toBe(true);
    }
  });
});

describe('Vietnamese text', () => {
  it('is NFC-normalised', () => {
    for (const s of [...allUnitStrings, ...allOrgStrings]) expect(s === s.normalize('NFC'), s).toBe(true);
  });

  it('uses only Vietnamese letters (no look-alikes such as Ð U+00D0 for Đ)', () => {
    for (const s of [...allUnitStrings, ...allOrgStrings]) expect(foreignCharacters(s), s).toEqual([]);
  });

  it('carries diacritics: no unit name is ASCII-only except the four that have none', () => {
    const asciiOnly = new Set(['Long An', 'Gia Lai', 'Kon Tum', 'An Giang']);
    for (const u of ADMIN_UNITS) {
      if (asciiOnly.has(u.name)) continue;
      expect(foldVietnamese(u.name) === u.name.toLowerCase(), u.name).toBe(false);
    }
    const names = ADMIN_UNITS.map((u) => u.name);
    for (const s of ['Hà Nội', 'Thừa Thiên Huế', 'Bà Rịa - Vũng Tàu', 'Hồ Chí Minh', 'Đắk Lắk', 'Huế']) {
      expect(names).toContain(s);
    }
    expect(names.some((n) => /^[\x20-\x7e]*$/.test(n) && !asciiOnly.has(n))).toBe(false);
  });
});
