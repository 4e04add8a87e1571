/**
 * Province-level administrative units, before and after the 2025 reform (domain.md §8).
 *
 * Pure data: the seed writes it into `admin_units`, where administrators may correct it. Several facts are
 * [recalled] in domain.md (old GSO codes, some administrative centres, the regions of merged units), so
 * nothing here may be turned into a constant elsewhere in the code; read the table instead.
 *
 * Two maps live side by side, keyed by (code, validFrom):
 * - the 63 provinces from 1 Aug 2008, the day Hà Tây merged into Hà Nội (Resolution 15/2008/QH12 [recalled]), which
 *   fixed the 63-province map, until 30 Jun 2025; codes are the GSO codes of Decision 124/2004/QĐ-TTg;
 * - the 34 units from 1 Jul 2025 (Resolution 202/2025/QH15), codes per Decision 19/2025/QĐ-TTg: a merged
 *   unit takes the old code of the province holding its administrative centre, so codes are REUSED with a
 *   different meaning (new 24 Bắc Ninh is not old 24 Bắc Giang). Always resolve a code with a date.
 */
import type { TRegion } from '../../../../domain/enums/regions';
import { isIsoDate } from '../../../../domain/lib/dates';

/** Regions: see domain/enums/regions (shared with the web app). */
export { REGIONS, type TRegion } from '../../../../domain/enums/regions';

/** `city` = thành phố trực thuộc trung ương (centrally-run city); `province` = tỉnh. */
export type TAdminUnitKind = 'province' | 'city';

export type TAdminUnitSeed = {
  /** Two digits; unique only together with the validity period. */
  code: string;
  /** Short official name with diacritics, NFC: 'Hà Nội', 'Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'. */
  name: string;
  /** 'Tỉnh Bắc Ninh', 'Thành phố Hà Nội'. */
  fullName: string;
  kind: TAdminUnitKind;
  /** First day in force, `YYYY-MM-DD`. */
  validFrom: string;
  /** Last day in force (inclusive), or null while in force. */
  validTo: string | null;
  /** For a unit of the old map: the code of the unit it became part of on the day after `validTo`. */
  successorCode: string | null;
  region: TRegion;
};

/** The 63-province map dates from Hà Tây's merger into Hà Nội on 1 Aug 2008. */
export const OLD_MAP_VALID_FROM = '2008-08-01';
/** Last day of the 63-province map. */
export const OLD_MAP_VALID_TO = '2025-06-30';
/** Resolution 202/2025/QH15 in force: first day of the 34-unit map. */
export const REFORM_DATE = '2025-07-01';

type TRow = readonly [code: string, name: string, kind: TAdminUnitKind, region: TRegion];
type TOldRow = readonly [
  code: string,
  name: string,
  kind: TAdminUnitKind,
  region: TRegion,
  successor: string,
];

const P = 'province';
const C = 'city';

/**
 * The 63 old provinces with their new code, domain.md §8.3 (old codes [recalled], GSO Decision 124/2004).
 * Note: Thừa Thiên Huế (46) became the centrally-run Thành phố Huế on 1 Jan 2025 (Resolution
 * 1314/NQ-UBTVQH15, [recalled]); it is kept here as one old row, by its long-standing name, so the old map
 * stays one row per province. An administrator may split the row if reports for H1 2025 need the new name.
 */
const OLD_ROWS: readonly TOldRow[] = [
  ['01', 'Hà Nội', C, 'red_river_delta', '01'],
  ['02', 'Hà Giang', P, 'north_mountains', '08'],
  ['04', 'Cao Bằng', P, 'north_mountains', '04'],
  ['06', 'Bắc Kạn', P, 'north_mountains', '19'],
  ['08', 'Tuyên Quang', P, 'north_mountains', '08'],
  ['10', 'Lào Cai', P, 'north_mountains', '15'],
  ['11', 'Điện Biên', P, 'north_mountains', '11'],
  ['12', 'Lai Châu', P, 'north_mountains', '12'],
  ['14', 'Sơn La', P, 'north_mountains', '14'],
  ['15', 'Yên Bái', P, 'north_mountains', '15'],
  ['17', 'Hòa Bình', P, 'north_mountains', '25'],
  ['19', 'Thái Nguyên', P, 'north_mountains', '19'],
  ['20', 'Lạng Sơn', P, 'north_mountains', '20'],
  ['22', 'Quảng Ninh', P, 'red_river_delta', '22'],
  ['24', 'Bắc Giang', P, 'north_mountains', '24'],
  ['25', 'Phú Thọ', P, 'north_mountains', '25'],
  ['26', 'Vĩnh Phúc', P, 'red_river_delta', '25'],
  ['27', 'Bắc Ninh', P, 'red_river_delta', '24'],
  ['30', 'Hải Dương', P, 'red_river_delta', '31'],
  ['31', 'Hải Phòng', C, 'red_river_delta', '31'],
  ['33', 'Hưng Yên', P, 'red_river_delta', '33'],
  ['34', 'Thái Bình', P, 'red_river_delta', '33'],
  ['35', 'Hà Nam', P, 'red_river_delta', '37'],
  ['36', 'Nam Định', P, 'red_river_delta', '37'],
  ['37', 'Ninh Bình', P, 'red_river_delta', '37'],
  ['38', 'Thanh Hóa', P, 'north_central', '38'],
  ['40', 'Nghệ An', P, 'north_central', '40'],
  ['42', 'Hà Tĩnh', P, 'north_central', '42'],
  ['44', 'Quảng Bình', P, 'north_central', '44'],
  ['45', 'Quảng Trị', P, 'north_central', '44'],
  ['46', 'Thừa Thiên Huế', P, 'north_central', '46'],
  ['48', 'Đà Nẵng', C, 'south_central_coast', '48'],
  ['49', 'Quảng Nam', P, 'south_central_coast', '48'],
  ['51', 'Quảng Ngãi', P, 'south_central_coast', '51'],
  ['52', 'Bình Định', P, 'south_central_coast', '52'],
  ['54', 'Phú Yên', P, 'south_central_coast', '66'],
  ['56', 'Khánh Hòa', P, 'south_central_coast', '56'],
  ['58', 'Ninh Thuận', P, 'south_central_coast', '56'],
  ['60', 'Bình Thuận', P, 'south_central_coast', '68'],
  ['62', 'Kon Tum', P, 'central_highlands', '51'],
  ['64', 'Gia Lai', P, 'central_highlands', '52'],
  ['66', 'Đắk Lắk', P, 'central_highlands', '66'],
  ['67', 'Đắk Nông', P, 'central_highlands', '68'],
  ['68', 'Lâm Đồng', P, 'central_highlands', '68'],
  ['70', 'Bình Phước', P, 'southeast', '75'],
  ['72', 'Tây Ninh', P, 'southeast', '80'],
  ['74', 'Bình Dương', P, 'southeast', '79'],
  ['75', 'Đồng Nai', P, 'southeast', '75'],
  ['77', 'Bà Rịa - Vũng Tàu', P, 'southeast', '79'],
  ['79', 'Hồ Chí Minh', C, 'southeast', '79'],
  ['80', 'Long An', P, 'mekong_delta', '80'],
  ['82', 'Tiền Giang', P, 'mekong_delta', '82'],
  ['83', 'Bến Tre', P, 'mekong_delta', '86'],
  ['84', 'Trà Vinh', P, 'mekong_delta', '86'],
  ['86', 'Vĩnh Long', P, 'mekong_delta', '86'],
  ['87', 'Đồng Tháp', P, 'mekong_delta', '82'],
  ['89', 'An Giang', P, 'mekong_delta', '91'],
  ['91', 'Kiên Giang', P, 'mekong_delta', '91'],
  ['92', 'Cần Thơ', C, 'mekong_delta', '92'],
  ['93', 'Hậu Giang', P, 'mekong_delta', '92'],
  ['94', 'Sóc Trăng', P, 'mekong_delta', '92'],
  ['95', 'Bạc Liêu', P, 'mekong_delta', '96'],
  ['96', 'Cà Mau', P, 'mekong_delta', '96'],
];

/**
 * The 34 units from 1 Jul 2025, domain.md §8.2. Region of a merged unit: that of the old province whose name
 * it kept (e.g. Gia Lai → Tây Nguyên although its centre is in former Bình Định; Bắc Ninh → Đồng bằng sông
 * Hồng; Tây Ninh → Đông Nam Bộ). [recalled]: no official post-2025 GSO region list was at hand; verify.
 */
const NEW_ROWS: readonly TRow[] = [
  ['01', 'Hà Nội', C, 'red_river_delta'],
  ['04', 'Cao Bằng', P, 'north_mountains'],
  ['08', 'Tuyên Quang', P, 'north_mountains'],
  ['11', 'Điện Biên', P, 'north_mountains'],
  ['12', 'Lai Châu', P, 'north_mountains'],
  ['14', 'Sơn La', P, 'north_mountains'],
  ['15', 'Lào Cai', P, 'north_mountains'],
  ['19', 'Thái Nguyên', P, 'north_mountains'],
  ['20', 'Lạng Sơn', P, 'north_mountains'],
  ['22', 'Quảng Ninh', P, 'red_river_delta'],
  ['24', 'Bắc Ninh', P, 'red_river_delta'],
  ['25', 'Phú Thọ', P, 'north_mountains'],
  ['31', 'Hải Phòng', C, 'red_river_delta'],
  ['33', 'Hưng Yên', P, 'red_river_delta'],
  ['37', 'Ninh Bình', P, 'red_river_delta'],
  ['38', 'Thanh Hóa', P, 'north_central'],
  ['40', 'Nghệ An', P, 'north_central'],
  ['42', 'Hà Tĩnh', P, 'north_central'],
  ['44', 'Quảng Trị', P, 'north_central'],
  ['46', 'Huế', C, 'north_central'],
  ['48', 'Đà Nẵng', C, 'south_central_coast'],
  ['51', 'Quảng Ngãi', P, 'south_central_coast'],
  ['52', 'Gia Lai', P, 'central_highlands'],
  ['56', 'Khánh Hòa', P, 'south_central_coast'],
  ['66', 'Đắk Lắk', P, 'central_highlands'],
  ['68', 'Lâm Đồng', P, 'central_highlands'],
  ['75', 'Đồng Nai', P, 'southeast'],
  ['79', 'Hồ Chí Minh', C, 'southeast'],
  ['80', 'Tây Ninh', P, 'southeast'],
  ['82', 'Đồng Tháp', P, 'mekong_delta'],
  ['86', 'Vĩnh Long', P, 'mekong_delta'],
  ['91', 'An Giang', P, 'mekong_delta'],
  ['92', 'Cần Thơ', C, 'mekong_delta'],
  ['96', 'Cà Mau', P, 'mekong_delta'],
];

function fullNameOf(name: string, kind: TAdminUnitKind): string {
  return `${kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${name}`;
}

/** All province-level units of both maps: the 63 old ones first, then the 34 new ones, each by code. */
export const ADMIN_UNITS: readonly TAdminUnitSeed[] = [
  ...OLD_ROWS.map(
    ([code, name, kind, region, successorCode]): TAdminUnitSeed => ({
      code,
      name,
      fullName: fullNameOf(name, kind),
      kind,
      validFrom: OLD_MAP_VALID_FROM,
      validTo: OLD_MAP_VALID_TO,
      successorCode,
      region,
    }),
  ),
  ...NEW_ROWS.map(
    ([code, name, kind, region]): TAdminUnitSeed => ({
      code,
      name,
      fullName: fullNameOf(name, kind),
      kind,
      validFrom: REFORM_DATE,
      validTo: null,
      successorCode: null,
      region,
    }),
  ),
];

/** The units in force on `date` (`YYYY-MM-DD`; `validTo` is inclusive). Throws on a malformed date. */
export function unitsInForce(date: string): TAdminUnitSeed[] {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return ADMIN_UNITS.filter((u) => u.validFrom <= date && (u.validTo === null || date <= u.validTo));
}

/** The old (pre-reform) codes that `newCode` was formed from, sorted; empty if the code is not a new unit. */
export function predecessorsOf(newCode: string): string[] {
  return ADMIN_UNITS.filter((u) => u.successorCode === newCode && u.validTo === OLD_MAP_VALID_TO)
    .map((u) => u.code)
    .sort();
}

/**
 * The unit as it appears inside an organisation's name, per the capitalisation rules of Decree 30/2020/NĐ-CP
 * (Phụ lục II): the generic word in lower case ('tỉnh Bắc Ninh', 'thành phố Hà Nội'), except the special case
 * 'Thành phố Hồ Chí Minh', always capitalised.
 */
export function administrativeName(unit: Pick<TAdminUnitSeed, 'name' | 'kind'>): string {
  if (unit.name === 'Hồ Chí Minh') return 'Thành phố Hồ Chí Minh';
  return `${unit.kind === 'city' ? 'thành phố' : 'tỉnh'} ${unit.name}`;
}

export type TAdministrativeCentre = {
  /** Old code of the former province that holds the centre; under Decision 19/2025 equal to the new code. */
  formerProvinceCode: string;
  /** Human-readable note, e.g. 'Đặt tại tỉnh Yên Bái cũ'. */
  note: string;
  /** True where domain.md §8.2 marks the centre [recalled] rather than [source]. */
  needsVerification: boolean;
};

export type TProvinceMerger = {
  newCode: string;
  newName: string;
  /** Old codes, sorted; one for the 11 units that did not merge. */
  predecessorCodes: readonly string[];
  isMerged: boolean;
  /** Null for the unmerged units (table 8.2 shows "–"). */
  administrativeCentre: TAdministrativeCentre | null;
};

/** Administrative centres of the 23 merged units, domain.md §8.2: [formerProvinceCode, needsVerification]. */
const CENTRES: Readonly<Record<string, readonly [formerProvinceCode: string, needsVerification: boolean]>> = {
  '08': ['08', false],
  '15': ['15', false],
  '19': ['19', false],
  '24': ['24', false],
  '25': ['25', false],
  '31': ['31', false],
  '33': ['33', false],
  '37': ['37', false],
  '44': ['44', false],
  '48': ['48', true],
  '51': ['51', true],
  '52': ['52', true],
  '56': ['56', true],
  '66': ['66', true],
  '68': ['68', true],
  '75': ['75', true],
  '79': ['79', true],
  '80': ['80', true],
  '82': ['82', true],
  '86': ['86', true],
  '91': ['91', true],
  '92': ['92', true],
  '96': ['96', true],
};

function oldUnit(code: string): TAdminUnitSeed | undefined {
  return ADMIN_UNITS.find((u) => u.code === code && u.validTo === OLD_MAP_VALID_TO);
}

/** For each of the 34 new units, in code order: what it was formed from and where its centre is. */
export const PROVINCE_MERGERS: readonly TProvinceMerger[] = unitsInForce(REFORM_DATE).map((unit) => {
  const predecessorCodes = predecessorsOf(unit.code);
  const centre = CENTRES[unit.code];
  const centreUnit = centre ? oldUnit(centre[0]) : undefined;
  return {
    newCode: unit.code,
    newName: unit.name,
    predecessorCodes,
    isMerged: predecessorCodes.length > 1,
    administrativeCentre: centre
      ? {
          formerProvinceCode: centre[0],
          note: `Đặt tại ${centreUnit ? administrativeName(centreUnit) : `đơn vị mã ${centre[0]}`} cũ`,
          needsVerification: centre[1],
        }
      : null,
  };
});
