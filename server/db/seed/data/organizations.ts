/**
 * Reference organisations (domain.md §1.5, §2; glossary "Organisations and people").
 *
 * Pure data for the seed, which writes `organizations` and `organization_names`; administrators rename and
 * add organisations afterwards. Names flagged `isPlaceholder` are stand-ins to be confirmed or replaced.
 *
 * Naming convention (Decree 30/2020/NĐ-CP, Phụ lục II, capitalisation of agency and place names):
 * - People's Committee: 'Ủy ban nhân dân tỉnh Bắc Ninh', 'Ủy ban nhân dân thành phố Hà Nội',
 *   'Ủy ban nhân dân Thành phố Hồ Chí Minh' (the one special case written with a capital T);
 * - Department: the same place phrase, 'Sở Công Thương tỉnh Bắc Ninh', 'Sở Công Thương thành phố Hà Nội'
 *   (mirroring the letterhead "UBND TỈNH … / SỞ CÔNG THƯƠNG");
 * - extension centre: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Bắc Ninh', with the bare unit
 *   name ('… Thành phố Hồ Chí Minh' for the city named after a person). Real names vary (some centres were merged with trade promotion, "… và Xúc tiến thương mại") and the
 *   names after the 2025 mergers are unknown, so every centre name is a placeholder for administrators.
 */
import type { TOrganizationKind } from '../../../../domain/enums/organization-kinds';
import { administrativeName, REFORM_DATE, unitsInForce } from './admin-units';

export type TOrganizationName = {
  name: string;
  shortName?: string;
  validFrom: string;
  /** Last day the name was used (inclusive), or null for the current name. */
  validTo: string | null;
  /** The name or its dates are a stand-in to be confirmed by an administrator. */
  isPlaceholder?: boolean;
};

export type TOrganizationSeed = {
  /** Stable, unique seed key (`organizations.seed_key`); never reuse one for another organisation. */
  key: string;
  kind: TOrganizationKind;
  /** A province code in force from 1 Jul 2025; null for the agency and the regional centres. */
  provinceCode: string | null;
  parentKey: string | null;
  /** Name history, oldest first, newest last; periods do not overlap. */
  names: readonly TOrganizationName[];
};

/** The day the 34-unit map took effect: start of every provincial record below, not a founding date. */
const PROVINCIAL_FROM = REFORM_DATE;

/** Placeholder start of records whose real start date is unknown and irrelevant to plans in the system. */
const UNKNOWN_START = '2017-01-01';

const AGENCY: TOrganizationSeed = {
  key: 'agency',
  kind: 'agency',
  provinceCode: null,
  parentKey: null,
  names: [
    // Successor of the Cục Công nghiệp địa phương (2003); the date of that rename is not in domain.md, so the
    // start date is a placeholder. Letter code "CTĐP", as in 480/CTĐP-QLKC.
    {
      name: 'Cục Công Thương địa phương',
      shortName: 'Cục CTĐP',
      validFrom: UNKNOWN_START,
      validTo: '2025-02-28',
      isPlaceholder: true,
    },
    // Decree 40/2025/NĐ-CP, MOIT's structure from 1 Mar 2025.
    {
      name: 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công',
      shortName: 'Cục ĐMST, CĐX & KC',
      validFrom: '2025-03-01',
      validTo: null,
    },
  ],
};

/**
 * National regional centres under the agency (Decree 45/2012 Art. 7.2; domain.md §1.5 names centre "1").
 * Three is [recalled] (seated in Hà Nội, Đà Nẵng and Thành phố Hồ Chí Minh), and their fate after the 2025
 * reorganisation is unconfirmed (domain.md §10 Q5): placeholders.
 */
const REGIONAL_CENTRES: readonly TOrganizationSeed[] = [1, 2, 3].map(
  (n): TOrganizationSeed => ({
    key: `ttkc-vung-${n}`,
    kind: 'regional_center',
    provinceCode: null,
    parentKey: AGENCY.key,
    names: [
      {
        name: `Trung tâm Khuyến công và Tư vấn phát triển công nghiệp ${n}`,
        shortName: `TTKC&TVPTCN ${n}`,
        validFrom: UNKNOWN_START,
        validTo: null,
        isPlaceholder: true,
      },
    ],
  }),
);

/**
 * For each of the 34 provinces, parents before children: the People's Committee; its Sở Công Thương (a
 * specialised agency of the committee); the extension centre, a public service unit under the Sở.
 */
const PROVINCIAL: readonly TOrganizationSeed[] = unitsInForce(REFORM_DATE).flatMap((unit) => {
  const place = administrativeName(unit);
  // The bare name, except that Hồ Chí Minh alone would name the person, not the city.
  const isHcm = unit.name === 'Hồ Chí Minh';
  const bare = isHcm ? 'Thành phố Hồ Chí Minh' : unit.name;
  const short = isHcm ? 'TP Hồ Chí Minh' : unit.name;
  const committee: TOrganizationSeed = {
    key: `ubnd-${unit.code}`,
    kind: 'people_committee',
    provinceCode: unit.code,
    parentKey: null,
    names: [
      {
        name: `Ủy ban nhân dân ${place}`,
        shortName: `UBND ${place}`,
        validFrom: PROVINCIAL_FROM,
        validTo: null,
      },
    ],
  };
  const department: TOrganizationSeed = {
    key: `so-ct-${unit.code}`,
    kind: 'provincial_department',
    provinceCode: unit.code,
    parentKey: committee.key,
    names: [
      {
        name: `Sở Công Thương ${place}`,
        shortName: `SCT ${short}`,
        validFrom: PROVINCIAL_FROM,
        validTo: null,
      },
    ],
  };
  const centre: TOrganizationSeed = {
    key: `ttkc-${unit.code}`,
    kind: 'extension_center',
    provinceCode: unit.code,
    parentKey: department.key,
    names: [
      {
        name: `Trung tâm Khuyến công và Tư vấn phát triển công nghiệp ${bare}`,
        shortName: `TTKC ${short}`,
        validFrom: PROVINCIAL_FROM,
        validTo: null,
        isPlaceholder: true,
      },
    ],
  };
  return [committee, department, centre];
});

/** All reference organisations; every parent comes before its children, so they can be inserted in order. */
export const ORGANIZATION_SEEDS: readonly TOrganizationSeed[] = [AGENCY, ...REGIONAL_CENTRES, ...PROVINCIAL];
