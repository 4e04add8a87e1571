/**
 * Kinds of beneficiary (đơn vị thụ hưởng). Decree 45/2012 Art. 1.2 (original wording) names rural
 * industrial establishments and establishments applying cleaner production; Decree 235/2025 adds unions
 * of cooperatives, recognised craft villages, establishments applying sustainable production, investors
 * in industrial-cluster infrastructure and People's / Meritorious Artisans (domain.md §1.3–§1.4).
 * Which kinds a plan year accepts is regulation data (`eligibility.beneficiaryKinds`).
 */
export const BENEFICIARY_KINDS = [
  'sme',
  'cooperative',
  'cooperative_group',
  'household_business',
  'cleaner_production_establishment',
  'cooperative_union',
  'craft_village',
  'sustainable_production_establishment',
  'cluster_infrastructure_investor',
  'artisan',
] as const;
export type TBeneficiaryKind = (typeof BENEFICIARY_KINDS)[number];

export const BENEFICIARY_KIND_LABELS: Record<TBeneficiaryKind, { vi: string; en: string }> = {
  sme: { vi: 'Doanh nghiệp nhỏ và vừa', en: 'Small or medium-sized enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  cooperative_group: { vi: 'Tổ hợp tác', en: 'Cooperative group' },
  household_business: { vi: 'Hộ kinh doanh', en: 'Business household' },
  cleaner_production_establishment: {
    vi: 'Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn',
    en: 'Industrial establishment applying cleaner production',
  },
  cooperative_union: { vi: 'Liên hiệp hợp tác xã', en: 'Union of cooperatives' },
  craft_village: {
    vi: 'Làng nghề được Ủy ban nhân dân tỉnh công nhận',
    en: "Craft village recognised by the provincial People's Committee",
  },
  sustainable_production_establishment: {
    vi: 'Cơ sở áp dụng sản xuất và tiêu dùng bền vững',
    en: 'Establishment applying sustainable production and consumption',
  },
  cluster_infrastructure_investor: {
    vi: 'Doanh nghiệp, hợp tác xã đầu tư hạ tầng cụm công nghiệp',
    en: 'Enterprise or cooperative investing in industrial-cluster infrastructure',
  },
  artisan: { vi: 'Nghệ nhân nhân dân, nghệ nhân ưu tú', en: "People's or Meritorious Artisan" },
};
