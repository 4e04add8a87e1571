/**
 * Typical rural industrial products (sản phẩm công nghiệp nông thôn tiêu biểu, TT 26/2014/TT-BCT;
 * domain.md §5.7): the four product groups and the selection levels still in use (the district level
 * is gone).
 */

export const PRODUCT_GROUPS = ['handicrafts', 'food_processing', 'machinery_tools', 'other'] as const;
export type TProductGroup = (typeof PRODUCT_GROUPS)[number];

export const PRODUCT_GROUP_LABELS: Record<TProductGroup, { vi: string; en: string }> = {
  handicrafts: { vi: 'Thủ công mỹ nghệ', en: 'Handicrafts' },
  food_processing: {
    vi: 'Chế biến nông, lâm, thủy sản và thực phẩm',
    en: 'Agro-forestry-fishery and food processing',
  },
  machinery_tools: {
    vi: 'Máy móc, dụng cụ và cơ khí',
    en: 'Machinery, tools and mechanical parts',
  },
  other: { vi: 'Sản phẩm khác', en: 'Other products' },
};

export const CERTIFICATE_LEVELS = ['provincial', 'regional', 'national'] as const;
export type TCertificateLevelCode = (typeof CERTIFICATE_LEVELS)[number];

export const CERTIFICATE_LEVEL_LABELS: Record<TCertificateLevelCode, { vi: string; en: string }> = {
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial' },
  regional: { vi: 'Cấp khu vực', en: 'Regional' },
  national: { vi: 'Cấp quốc gia', en: 'National' },
};

/** Levels only the agency (Cục) records; a province records its own provincial certificates. */
export const AGENCY_CERTIFICATE_LEVELS: readonly TCertificateLevelCode[] = ['regional', 'national'];
