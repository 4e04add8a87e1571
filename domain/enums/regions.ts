/**
 * Socio-economic regions used to group provinces in reports: the General Statistics Office's six,
 * with "Bắc Trung Bộ và Duyên hải miền Trung" split in two (Bắc Trung Bộ: Thanh Hóa to Thừa Thiên
 * Huế; Duyên hải Nam Trung Bộ: Đà Nẵng to Bình Thuận) as khuyến công reports often do.
 */
export const REGIONS = [
  'north_mountains',
  'red_river_delta',
  'north_central',
  'south_central_coast',
  'central_highlands',
  'southeast',
  'mekong_delta',
] as const;
export type TRegion = (typeof REGIONS)[number];

export const REGION_LABELS: Record<TRegion, { vi: string; en: string }> = {
  north_mountains: { vi: 'Trung du và miền núi phía Bắc', en: 'Northern midlands and mountains' },
  red_river_delta: { vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
  north_central: { vi: 'Bắc Trung Bộ', en: 'North Central' },
  south_central_coast: { vi: 'Duyên hải Nam Trung Bộ', en: 'South Central Coast' },
  central_highlands: { vi: 'Tây Nguyên', en: 'Central Highlands' },
  southeast: { vi: 'Đông Nam Bộ', en: 'Southeast' },
  mekong_delta: { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta' },
};

export function isRegion(value: string): value is TRegion {
  return (REGIONS as readonly string[]).includes(value);
}
