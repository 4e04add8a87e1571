/**
 * Kinds of document in a project dossier (hồ sơ đề án), TT 36/2013/TT-BCT Arts. 5, 10 as amended by
 * TT 17/2018/TT-BCT (domain.md §4.1, §4.2, §7). A closed list; which kinds an activity type needs is
 * regulation data (domain/regulation), never decided here.
 */
export const DOCUMENT_KINDS = [
  'request_letter',
  'project_document',
  'cost_estimate',
  'beneficiary_request',
  'counterpart_commitment',
  'pilot_registration_form',
  'base_appraisal_form',
  'implementation_plan',
  'price_quotations',
  'business_registration',
  'typical_product_certificate',
  'cluster_legal_dossier',
  'training_programme',
  'other',
] as const;
export type TDocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<TDocumentKind, { vi: string; en: string }> = {
  request_letter: { vi: 'Công văn đề nghị', en: 'Request letter of the implementing unit' },
  project_document: { vi: 'Thuyết minh đề án', en: 'Project document' },
  cost_estimate: { vi: 'Dự toán kinh phí (Mẫu số 1)', en: 'Cost estimate (Form 1)' },
  beneficiary_request: {
    vi: 'Văn bản đề nghị hỗ trợ của đơn vị thụ hưởng',
    en: 'Support request letter of the beneficiary',
  },
  counterpart_commitment: {
    vi: 'Văn bản cam kết bố trí kinh phí đối ứng của đơn vị thụ hưởng',
    en: "Beneficiary's commitment to provide the counterpart funds",
  },
  pilot_registration_form: {
    vi: 'Bản đăng ký kế hoạch khuyến công quốc gia (đề án điểm)',
    en: 'National plan registration form (pilot project)',
  },
  base_appraisal_form: {
    vi: 'Phiếu thẩm định cấp cơ sở (Mẫu 4a/4b)',
    en: 'Base-level appraisal form (Form 4a/4b)',
  },
  implementation_plan: {
    vi: 'Kế hoạch triển khai đề án theo nhóm (Mẫu 11)',
    en: 'Implementation plan of a group project (Form 11)',
  },
  price_quotations: { vi: 'Báo giá máy móc thiết bị', en: 'Price quotations for machinery and equipment' },
  business_registration: {
    vi: 'Giấy chứng nhận đăng ký doanh nghiệp / hộ kinh doanh',
    en: 'Business registration certificate',
  },
  typical_product_certificate: {
    vi: 'Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu',
    en: 'Typical rural industrial product certificate',
  },
  cluster_legal_dossier: {
    vi: 'Hồ sơ pháp lý cụm công nghiệp',
    en: 'Legal dossier of the industrial cluster',
  },
  training_programme: {
    vi: 'Chương trình đào tạo nghề (Mẫu 12)',
    en: 'Vocational training programme (Form 12)',
  },
  other: { vi: 'Tài liệu khác', en: 'Other document' },
};
