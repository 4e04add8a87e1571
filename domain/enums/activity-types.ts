/**
 * Activity types (nội dung hoạt động khuyến công): the Decree 45/2012/NĐ-CP Art. 4 contents as amended
 * by Decree 235/2025/NĐ-CP, grouped by the seven content groups of the 2021–2025 national programme
 * (Decision 1881/QĐ-TTg). A closed list: which types a plan year may use, and their caps, is decided by
 * the regulation set in force (domain/regulation), never here.
 */

/** The seven content groups of the 2021–2025 national programme (Decision 1881/QĐ-TTg, domain.md §5.2). */
export const CONTENT_GROUPS = [
  'technology',
  'cleaner_production',
  'rural_products',
  'linkage_cluster',
  'human_resources',
  'information',
  'capacity',
] as const;
export type TContentGroup = (typeof CONTENT_GROUPS)[number];

export const CONTENT_GROUP_DEFINITIONS: Record<
  TContentGroup,
  { code: TContentGroup; nameVi: string; nameEn: string }
> = {
  technology: {
    code: 'technology',
    nameVi: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ và ứng dụng máy móc tiên tiến',
    nameEn: 'Demonstration models, technology transfer and advanced machinery',
  },
  cleaner_production: {
    code: 'cleaner_production',
    nameVi:
      'Mô hình thí điểm áp dụng sản xuất sạch hơn và hệ thống xử lý ô nhiễm môi trường tại cơ sở công nghiệp nông thôn',
    nameEn: 'Cleaner-production pilots and pollution treatment at rural industrial establishments',
  },
  rural_products: {
    code: 'rural_products',
    nameVi: 'Phát triển sản phẩm công nghiệp nông thôn',
    nameEn: 'Development of rural industrial products',
  },
  linkage_cluster: {
    code: 'linkage_cluster',
    nameVi: 'Liên kết, chuỗi giá trị và phát triển cụm công nghiệp',
    nameEn: 'Linkages, value chains and industrial-cluster development',
  },
  human_resources: {
    code: 'human_resources',
    nameVi: 'Phát triển nguồn nhân lực, nâng cao năng lực quản lý và tư vấn',
    nameEn: 'Human resources, management capacity and consulting',
  },
  information: {
    code: 'information',
    nameVi: 'Thông tin, tuyên truyền',
    nameEn: 'Information and communication',
  },
  capacity: {
    code: 'capacity',
    nameVi: 'Nâng cao năng lực tổ chức thực hiện hoạt động khuyến công',
    nameEn: 'Capacity to implement industrial extension',
  },
};

export const ACTIVITY_TYPES = [
  'demonstration_model',
  'demonstration_model_operating',
  'machinery',
  'cleaner_production',
  'sustainable_production',
  'pollution_treatment',
  'cluster_pollution_treatment',
  'relocation_interest_subsidy',
  'typical_product',
  'trade_fair_domestic',
  'trade_fair_overseas',
  'brand_building',
  'showroom',
  'artisan_support',
  'cluster_planning',
  'cluster_infrastructure',
  'association_linkage',
  'vocational_training',
  'capacity_building',
  'enterprise_founding',
  'consulting',
  'information',
  'digital_transformation',
  'international_cooperation',
  'programme_management',
] as const;
export type TActivityType = (typeof ACTIVITY_TYPES)[number];

export type TActivityTypeDefinition = {
  code: TActivityType;
  contentGroup: TContentGroup;
  nameVi: string;
  nameEn: string;
  /** First plan year in which the legal basis allows the activity. */
  validFromYear: number;
  /** Last plan year, or null while still in force. */
  validToYear: number | null;
  decreeRef: string;
};

/** Decree 45/2012 took effect on 5 Jul 2012; Decree 235/2025 on 15 Oct 2025, so from plan year 2026. */
const D45 = 2012;
const D235 = 2026;

function def(
  code: TActivityType,
  contentGroup: TContentGroup,
  nameVi: string,
  nameEn: string,
  decreeRef: string,
  validFromYear = D45,
): TActivityTypeDefinition {
  return { code, contentGroup, nameVi, nameEn, validFromYear, validToYear: null, decreeRef };
}

export const ACTIVITY_TYPE_DEFINITIONS: Record<TActivityType, TActivityTypeDefinition> = {
  demonstration_model: def(
    'demonstration_model',
    'technology',
    'Mô hình trình diễn kỹ thuật',
    'Technical demonstration model (new technology or new product)',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 3',
  ),
  demonstration_model_operating: def(
    'demonstration_model_operating',
    'technology',
    'Mô hình trình diễn kỹ thuật tại cơ sở đang hoạt động hiệu quả, cần nhân rộng',
    'Demonstration model at an establishment already operating effectively, for replication',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 3',
  ),
  machinery: def(
    'machinery',
    'technology',
    'Ứng dụng máy móc tiên tiến, chuyển giao công nghệ',
    'Advanced machinery and technology transfer',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 3',
  ),
  cleaner_production: def(
    'cleaner_production',
    'cleaner_production',
    'Sản xuất sạch hơn (tư vấn, đánh giá, mô hình thí điểm)',
    'Cleaner production (consulting, assessment, pilot models)',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 2, 3',
  ),
  sustainable_production: def(
    'sustainable_production',
    'cleaner_production',
    'Sản xuất và tiêu dùng bền vững',
    'Sustainable production and consumption',
    'NĐ 235/2025/NĐ-CP (sửa đổi, bổ sung NĐ 45/2012/NĐ-CP)',
    D235,
  ),
  pollution_treatment: def(
    'pollution_treatment',
    'cleaner_production',
    'Sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường tại cơ sở công nghiệp nông thôn',
    'Repair or upgrade of pollution treatment at a rural industrial establishment',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 7 điểm c',
  ),
  cluster_pollution_treatment: def(
    'cluster_pollution_treatment',
    'cleaner_production',
    'Sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi trường tại cụm công nghiệp',
    'Repair or upgrade of pollution treatment in an industrial cluster (CCN)',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 7 điểm c',
  ),
  relocation_interest_subsidy: def(
    'relocation_interest_subsidy',
    'cleaner_production',
    'Hỗ trợ lãi suất vốn vay di dời cơ sở gây ô nhiễm vào khu, cụm công nghiệp',
    'Loan-interest support for moving polluting establishments into parks or clusters',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 7 điểm c',
  ),
  typical_product: def(
    'typical_product',
    'rural_products',
    'Sản phẩm công nghiệp nông thôn tiêu biểu',
    'Typical rural industrial products',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 4',
  ),
  trade_fair_domestic: def(
    'trade_fair_domestic',
    'rural_products',
    'Hội chợ, triển lãm trong nước',
    'Domestic trade fairs and exhibitions',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 4',
  ),
  trade_fair_overseas: def(
    'trade_fair_overseas',
    'rural_products',
    'Hội chợ, triển lãm ở nước ngoài',
    'Trade fairs and exhibitions abroad',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 2, 4',
  ),
  brand_building: def(
    'brand_building',
    'rural_products',
    'Xây dựng, đăng ký nhãn hiệu',
    'Brand building and registration',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 4',
  ),
  showroom: def(
    'showroom',
    'rural_products',
    'Phòng trưng bày giới thiệu, quảng bá sản phẩm',
    'Showroom to present and promote products',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 4',
  ),
  artisan_support: def(
    'artisan_support',
    'rural_products',
    'Hỗ trợ nghệ nhân bảo tồn, phát huy nghề truyền thống',
    'Support for artisans to preserve traditional crafts',
    'NĐ 235/2025/NĐ-CP (sửa đổi, bổ sung NĐ 45/2012/NĐ-CP)',
    D235,
  ),
  cluster_planning: def(
    'cluster_planning',
    'linkage_cluster',
    'Lập quy hoạch chi tiết cụm công nghiệp',
    'Detailed planning of an industrial cluster (CCN)',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 7 điểm b',
  ),
  cluster_infrastructure: def(
    'cluster_infrastructure',
    'linkage_cluster',
    'Đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp',
    'Industrial-cluster infrastructure',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 7 điểm b',
  ),
  association_linkage: def(
    'association_linkage',
    'linkage_cluster',
    'Thành lập hiệp hội, cụm liên kết doanh nghiệp công nghiệp',
    'Trade associations and business linkage clusters',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 7 điểm a',
  ),
  vocational_training: def(
    'vocational_training',
    'human_resources',
    'Đào tạo nghề, truyền nghề',
    'Vocational training and craft transmission',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 1',
  ),
  capacity_building: def(
    'capacity_building',
    'human_resources',
    'Nâng cao năng lực quản lý cho cơ sở công nghiệp nông thôn',
    'Management capacity building for rural industrial establishments',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 2',
  ),
  enterprise_founding: def(
    'enterprise_founding',
    'human_resources',
    'Hỗ trợ khởi sự, thành lập doanh nghiệp sản xuất công nghiệp nông thôn',
    'Support for founding rural industrial enterprises',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 2',
  ),
  consulting: def(
    'consulting',
    'human_resources',
    'Tư vấn, trợ giúp cơ sở công nghiệp nông thôn',
    'Consulting for rural industrial establishments',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 5',
  ),
  information: def(
    'information',
    'information',
    'Thông tin, tuyên truyền về khuyến công',
    'Information and communication on industrial extension',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 6',
  ),
  digital_transformation: def(
    'digital_transformation',
    'information',
    'Chuyển đổi số trong hoạt động khuyến công',
    'Digital transformation in industrial-extension activities',
    'NĐ 235/2025/NĐ-CP (sửa đổi, bổ sung NĐ 45/2012/NĐ-CP)',
    D235,
  ),
  international_cooperation: def(
    'international_cooperation',
    'capacity',
    'Hợp tác quốc tế về khuyến công',
    'International cooperation on industrial extension',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 8',
  ),
  programme_management: def(
    'programme_management',
    'capacity',
    'Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công',
    'Management and implementation capacity of industrial extension',
    'NĐ 45/2012/NĐ-CP, Điều 4 khoản 9',
  ),
};

/** True when the legal basis of `code` allows it in `planYear` (the regulation set still decides). */
export function isActivityTypeValidIn(code: TActivityType, planYear: number): boolean {
  const d = ACTIVITY_TYPE_DEFINITIONS[code];
  return planYear >= d.validFromYear && (d.validToYear === null || planYear <= d.validToYear);
}
