import { ACTIVITY_TYPE_DEFINITIONS } from '../enums/activity-types';
import { DOCUMENT_KIND_LABELS, type TDocumentKind } from '../enums/document-kinds';
import { formatDateVi } from '../lib/dates';
import { formatVnd } from '../lib/money';
import { BENEFICIARY_KIND_LABELS } from './beneficiary-kinds';
import type { TCapUnit, TFinding, TFindingCode, TFindingSeverity, TLocalizedText } from './types';

/**
 * Parameters of each finding code. A finding's message is derived from its code and parameters only,
 * so a stored finding can be shown again in either language (`renderFindingMessage`).
 */
export type TFindingParamsMap = {
  plan_year_outside_set: { planYear: number; setCode: string; period: string };
  activity_type_not_in_set: { activityType: string; setCode: string };
  cap_rule_missing: { activityType: string };
  budget_invalid: { field: string };
  budget_mismatch: { total: number; sum: number; requested: number; counterpart: number; other: number };
  cap_exceeded: {
    requested: number;
    allowed: number;
    sharePercent: number;
    /** Absent when the line has no amount limit. */
    maxAmount?: number;
    unit: TCapUnit;
    units: number;
    multiplier: number;
    limitedBy: 'share' | 'amount';
  };
  counterpart_insufficient: { counterpart: number; required: number };
  dates_invalid: {
    reason: 'start_format' | 'end_format' | 'end_before_start';
    startDate: string;
    endDate: string;
  };
  completion_outside_plan_year: { planYear: number; endDate: string };
  completion_date_missing: { planYear: number };
  beneficiary_kind_not_eligible: { kind: string; activityType: string };
  missing_document: { kind: TDocumentKind };
  certificate_required: { reason: 'missing' | 'level_not_accepted'; acceptedLevels: string };
  /** `number`: the registry certificate's number, when the finding concerns a referenced certificate. */
  certificate_expired: { validUntil: string; checkDate: string; number?: string };
  certificate_not_found: { certificateId: string };
  certificate_holder_mismatch: {
    number: string;
    holderName: string;
    holderTaxCode: string;
    /** Empty when the proposal names no beneficiary tax code. */
    beneficiaryTaxCode: string;
  };
  certificate_priority: { number: string; level: string; validUntil: string; checkDate: string };
  cluster_legal_dossier_incomplete: { clusterName: string };
  overseas_fair_limit: { fairsThisYear: number; max: number };
  machinery_quotations_insufficient: { item: string; index: number; quotations: number; min: number };
  priority_applied: { multiplier: number; basis: 'area' | 'industry' | 'area_industry' };
  ownership_priority: { basis: 'women' | 'ethnic_minority' | 'women_ethnic_minority' };
  rule_needs_verification: { rule: string; source: string };
};

const UNIT_LABELS: Record<TCapUnit, TLocalizedText> = {
  model: { vi: 'mô hình', en: 'model' },
  establishment: { vi: 'cơ sở', en: 'establishment' },
  cluster: { vi: 'cụm công nghiệp', en: 'industrial cluster' },
  brand: { vi: 'nhãn hiệu', en: 'brand' },
  enterprise: { vi: 'doanh nghiệp', en: 'enterprise' },
  product: { vi: 'sản phẩm', en: 'product' },
  round: { vi: 'đợt', en: 'round' },
  project: { vi: 'đề án', en: 'project' },
};

const CERTIFICATE_LEVELS: Record<string, TLocalizedText> = {
  provincial: { vi: 'cấp tỉnh', en: 'provincial' },
  regional: { vi: 'cấp khu vực', en: 'regional' },
  national: { vi: 'cấp quốc gia', en: 'national' },
};

/** `1.5` → `1,5` (Vietnamese decimal comma). */
function decimalVi(value: number): string {
  return String(value).replace('.', ',');
}

/** Vietnamese and English names of an activity type code (the code itself when unknown). */
export function activityName(code: string): TLocalizedText {
  const d = (ACTIVITY_TYPE_DEFINITIONS as Partial<Record<string, { nameVi: string; nameEn: string }>>)[code];
  return d ? { vi: d.nameVi, en: d.nameEn } : { vi: code, en: code };
}

function beneficiaryKindName(kind: string): TLocalizedText {
  return (BENEFICIARY_KIND_LABELS as Partial<Record<string, TLocalizedText>>)[kind] ?? { vi: kind, en: kind };
}

function levelList(levels: string, lang: 'vi' | 'en'): string {
  return levels
    .split(',')
    .map((l) => CERTIFICATE_LEVELS[l]?.[lang] ?? l)
    .join(', ');
}

function capDescription(p: TFindingParamsMap['cap_exceeded']): TLocalizedText {
  const unit = UNIT_LABELS[p.unit];
  const vi: string[] = [];
  const en: string[] = [];
  if (p.sharePercent < 100 || p.maxAmount === undefined) {
    vi.push(`${decimalVi(p.sharePercent)} % chi phí`);
    en.push(`${p.sharePercent} % of the cost`);
  }
  if (p.maxAmount !== undefined) {
    const units = p.units > 1 ? ` × ${p.units}` : '';
    const times = (m: string) => (p.multiplier !== 1 ? `${units} × ${m}` : units);
    vi.push(`tối đa ${formatVnd(p.maxAmount)}/${unit.vi}${times(decimalVi(p.multiplier))}`);
    en.push(`at most ${formatVnd(p.maxAmount)} per ${unit.en}${times(String(p.multiplier))}`);
  }
  return { vi: vi.join(', '), en: en.join(', ') };
}

const BUDGET_FIELDS: Record<string, TLocalizedText> = {
  total: { vi: 'Tổng kinh phí', en: 'Total budget' },
  requested: { vi: 'Kinh phí KCQG đề nghị hỗ trợ', en: 'Requested national support' },
  counterpart: { vi: 'Kinh phí đối ứng', en: 'Counterpart funds' },
  other: { vi: 'Nguồn khác', en: 'Other sources' },
};

const PRIORITY_BASIS: Record<TFindingParamsMap['priority_applied']['basis'], TLocalizedText> = {
  area: { vi: 'địa bàn ưu tiên', en: 'priority area' },
  industry: { vi: 'ngành nghề ưu tiên', en: 'priority industry' },
  area_industry: { vi: 'địa bàn và ngành nghề ưu tiên', en: 'priority area and industry' },
};

const OWNERSHIP_BASIS: Record<TFindingParamsMap['ownership_priority']['basis'], TLocalizedText> = {
  women: { vi: 'phụ nữ', en: 'women' },
  ethnic_minority: { vi: 'người dân tộc thiểu số', en: 'ethnic-minority people' },
  women_ethnic_minority: { vi: 'phụ nữ, người dân tộc thiểu số', en: 'women and ethnic-minority people' },
};

export const FINDING_MESSAGES: { [K in TFindingCode]: (p: TFindingParamsMap[K]) => TLocalizedText } = {
  plan_year_outside_set: (p) => ({
    vi: `Năm kế hoạch ${p.planYear} nằm ngoài thời gian áp dụng của bộ quy định ${p.setCode} (${p.period}).`,
    en: `Plan year ${p.planYear} is outside the years of regulation set ${p.setCode} (${p.period}).`,
  }),
  activity_type_not_in_set: (p) => ({
    vi: `Nội dung hoạt động «${activityName(p.activityType).vi}» không thuộc bộ quy định ${p.setCode}.`,
    en: `The activity type “${activityName(p.activityType).en}” is not part of regulation set ${p.setCode}.`,
  }),
  cap_rule_missing: (p) => ({
    vi: `Bộ quy định chưa có mức hỗ trợ tối đa cho nội dung «${activityName(p.activityType).vi}».`,
    en: `The regulation set has no support cap for “${activityName(p.activityType).en}”.`,
  }),
  budget_invalid: (p) => ({
    vi: `${BUDGET_FIELDS[p.field]?.vi ?? p.field} không hợp lệ: phải là số nguyên đồng, không âm.`,
    en: `${BUDGET_FIELDS[p.field]?.en ?? p.field} is not valid: it must be a whole, non-negative number of đồng.`,
  }),
  budget_mismatch: (p) => ({
    vi: `Tổng kinh phí ${formatVnd(p.total)} không bằng tổng kinh phí KCQG đề nghị hỗ trợ, kinh phí đối ứng và nguồn khác (${formatVnd(p.sum)}).`,
    en: `The total budget ${formatVnd(p.total)} differs from requested support + counterpart + other sources (${formatVnd(p.sum)}).`,
  }),
  cap_exceeded: (p) => {
    const cap = capDescription(p);
    return {
      vi: `Kinh phí đề nghị hỗ trợ ${formatVnd(p.requested)} vượt mức tối đa ${formatVnd(p.allowed)} (${cap.vi}).`,
      en: `The requested support of ${formatVnd(p.requested)} exceeds the maximum of ${formatVnd(p.allowed)} (${cap.en}).`,
    };
  },
  counterpart_insufficient: (p) => ({
    vi: `Kinh phí đối ứng ${formatVnd(p.counterpart)} thấp hơn phần kinh phí còn lại đơn vị thụ hưởng phải cam kết đầu tư (${formatVnd(p.required)}).`,
    en: `Counterpart funds of ${formatVnd(p.counterpart)} are below the remaining cost the beneficiary must commit (${formatVnd(p.required)}).`,
  }),
  dates_invalid: (p) =>
    p.reason === 'end_before_start'
      ? {
          vi: `Ngày kết thúc ${formatDateVi(p.endDate)} trước ngày bắt đầu ${formatDateVi(p.startDate)}.`,
          en: `The end date ${p.endDate} is before the start date ${p.startDate}.`,
        }
      : {
          vi: `${p.reason === 'start_format' ? 'Ngày bắt đầu' : 'Ngày kết thúc'} không phải ngày hợp lệ (YYYY-MM-DD).`,
          en: `The ${p.reason === 'start_format' ? 'start' : 'end'} date is not a valid date (YYYY-MM-DD).`,
        },
  completion_outside_plan_year: (p) => ({
    vi: `Nội dung này phải hoàn thành trong năm kế hoạch ${p.planYear}, nhưng ngày kết thúc là ${formatDateVi(p.endDate)}.`,
    en: `This activity must be completed within plan year ${p.planYear}, but it ends on ${p.endDate}.`,
  }),
  completion_date_missing: (p) => ({
    vi: `Cần nhập ngày kết thúc: nội dung này phải hoàn thành trong năm kế hoạch ${p.planYear}.`,
    en: `Enter the end date: this activity must be completed within plan year ${p.planYear}.`,
  }),
  beneficiary_kind_not_eligible: (p) => ({
    vi: `Đơn vị thụ hưởng loại «${beneficiaryKindName(p.kind).vi}» không thuộc đối tượng được hỗ trợ nội dung «${activityName(p.activityType).vi}».`,
    en: `A beneficiary of kind “${beneficiaryKindName(p.kind).en}” is not eligible for “${activityName(p.activityType).en}”.`,
  }),
  missing_document: (p) => ({
    vi: `Thiếu tài liệu: ${DOCUMENT_KIND_LABELS[p.kind].vi}.`,
    en: `Missing document: ${DOCUMENT_KIND_LABELS[p.kind].en}.`,
  }),
  certificate_required: (p) => ({
    vi: `Cần Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu (${levelList(p.acceptedLevels, 'vi')}) với số giấy và thời hạn hiệu lực.`,
    en: `A typical rural industrial product certificate (${levelList(p.acceptedLevels, 'en')}) with its number and expiry date is required.`,
  }),
  certificate_expired: (p) => ({
    vi: `Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu${p.number ? ` số ${p.number}` : ''} hết hiệu lực ngày ${formatDateVi(p.validUntil)}, trước ngày ${formatDateVi(p.checkDate)} (hạn nộp hồ sơ).`,
    en: `The typical-product certificate${p.number ? ` no. ${p.number}` : ''} expires on ${p.validUntil}, before ${p.checkDate} (the dossier deadline).`,
  }),
  certificate_not_found: () => ({
    vi: 'Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu được chọn không có trong sổ đăng ký.',
    en: 'The selected typical-product certificate is not in the registry.',
  }),
  certificate_holder_mismatch: (p) =>
    p.beneficiaryTaxCode
      ? {
          vi: `Giấy chứng nhận số ${p.number} cấp cho ${p.holderName} (mã số thuế ${p.holderTaxCode}), không phải đơn vị thụ hưởng (mã số thuế ${p.beneficiaryTaxCode}).`,
          en: `Certificate no. ${p.number} belongs to ${p.holderName} (tax code ${p.holderTaxCode}), not to the beneficiary (tax code ${p.beneficiaryTaxCode}).`,
        }
      : {
          vi: `Chưa nhập mã số thuế của đơn vị thụ hưởng nên chưa đối chiếu được Giấy chứng nhận số ${p.number} (cấp cho ${p.holderName}, mã số thuế ${p.holderTaxCode}).`,
          en: `Enter the beneficiary's tax code: certificate no. ${p.number} (held by ${p.holderName}, tax code ${p.holderTaxCode}) cannot be matched without it.`,
        },
  certificate_priority: (p) => ({
    vi: `Được ưu tiên: sản phẩm có Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu ${CERTIFICATE_LEVELS[p.level]?.vi ?? p.level} số ${p.number}, còn hiệu lực đến ${formatDateVi(p.validUntil)} (sau hạn nộp hồ sơ ${formatDateVi(p.checkDate)}).`,
    en: `Priority: the product holds ${CERTIFICATE_LEVELS[p.level]?.en ?? p.level} typical-product certificate no. ${p.number}, valid until ${p.validUntil} (past the dossier deadline ${p.checkDate}).`,
  }),
  cluster_legal_dossier_incomplete: (p) => ({
    vi: `Cụm công nghiệp${p.clusterName ? ` ${p.clusterName}` : ''} chưa có hồ sơ pháp lý đầy đủ; chỉ hỗ trợ cụm công nghiệp có hồ sơ pháp lý đầy đủ.`,
    en: `The industrial cluster${p.clusterName ? ` ${p.clusterName}` : ''} has no complete legal dossier; only such clusters are supported.`,
  }),
  overseas_fair_limit: (p) => ({
    vi: `Mỗi cơ sở chỉ được hỗ trợ tham gia hội chợ, triển lãm ở nước ngoài tối đa ${p.max} lần/năm; đây là lần thứ ${p.fairsThisYear}.`,
    en: `An establishment may be supported for at most ${p.max} overseas fairs a year; this is number ${p.fairsThisYear}.`,
  }),
  machinery_quotations_insufficient: (p) => ({
    vi: `Máy móc «${p.item}» có ${p.quotations} báo giá; cần ít nhất ${p.min} báo giá.`,
    en: `Machine “${p.item}” has ${p.quotations} quotation(s); at least ${p.min} are needed.`,
  }),
  priority_applied: (p) => ({
    vi: `Áp dụng mức hỗ trợ ưu tiên (${PRIORITY_BASIS[p.basis].vi}): mức tối đa × ${decimalVi(p.multiplier)}.`,
    en: `Priority support applies (${PRIORITY_BASIS[p.basis].en}): cap × ${p.multiplier}.`,
  }),
  ownership_priority: (p) => ({
    vi: `Được ưu tiên khi xét chọn: cơ sở do ${OWNERSHIP_BASIS[p.basis].vi} làm chủ.`,
    en: `Ranked with priority: establishment owned by ${OWNERSHIP_BASIS[p.basis].en}.`,
  }),
  rule_needs_verification: (p) => ({
    vi: `Quy định áp dụng (${p.source}) chưa được đối chiếu với văn bản hiện hành; cần kiểm tra lại.`,
    en: `The rule applied (${p.source}) has not been checked against the text in force; verify it.`,
  }),
};

/** Builds a finding with its message from typed parameters. */
export function makeFinding<K extends TFindingCode>(
  code: K,
  severity: TFindingSeverity,
  path: string,
  params: TFindingParamsMap[K],
): TFinding {
  const message = (FINDING_MESSAGES[code] as (p: TFindingParamsMap[K]) => TLocalizedText)(params);
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) flat[k] = v as string | number;
  return { code, severity, path, params: flat, message };
}

/** The message of a stored finding, rebuilt from its code and parameters. */
export function renderFindingMessage(finding: Pick<TFinding, 'code' | 'params'>): TLocalizedText {
  const render = FINDING_MESSAGES[finding.code] as (p: Record<string, string | number>) => TLocalizedText;
  return render(finding.params);
}
