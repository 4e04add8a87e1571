import { NATIONAL_2026 } from './seeds';
import type { TRegulationSet } from './types';

/**
 * A province's local (KCĐP) regulation set, seeded from the national 2026 set (domain.md §3.7): the
 * caps of local extension are "set by the People's Committee" of each province (Decree 45/2012 Art. 17,
 * a resolution of the provincial People's Council on the local support levels). No province's resolution
 * is on file, so the seed keeps the national lines at 70 % of their amounts, every one of them marked
 * `needsVerification`: the province publishes its own values as a new version of its set.
 */
const LOCAL_SHARE_OF_NATIONAL = 0.7;
const LOCAL_SOURCE =
  'Mức do UBND tỉnh quy định (NĐ 45/2012/NĐ-CP, Điều 17); giá trị khởi tạo bằng 70 % mức quốc gia, cần thay bằng mức của Nghị quyết HĐND/Quyết định UBND tỉnh';

export function localRegulationSet(provinceCode: string, provinceName: string): TRegulationSet {
  return {
    ...NATIONAL_2026,
    code: `local-${provinceCode}-2026`,
    name: `Khuyến công địa phương ${provinceName} (từ kế hoạch năm 2026)`,
    programme: 'local',
    provinceCode,
    legalBasis: [
      'NĐ 45/2012/NĐ-CP',
      'NĐ 235/2025/NĐ-CP',
      'TT 28/2018/TT-BTC',
      `Quyết định của UBND ${provinceName} về mức chi khuyến công địa phương (cần xác minh)`,
    ],
    caps: NATIONAL_2026.caps.map((c) => ({
      ...c,
      maxAmount: c.maxAmount === null ? null : Math.round(c.maxAmount * LOCAL_SHARE_OF_NATIONAL),
      source: LOCAL_SOURCE,
      needsVerification: true,
    })),
  };
}

/** The demo provinces' local sets (seeded with the reference data). */
export const LOCAL_REGULATION_SETS: readonly TRegulationSet[] = [localRegulationSet('24', 'tỉnh Bắc Ninh')];
