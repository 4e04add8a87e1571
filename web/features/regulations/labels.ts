import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type TDocumentKind,
} from '../../../domain/enums/document-kinds';
import { formatVnd } from '../../../domain/lib/money';
import {
  BENEFICIARY_KIND_LABELS,
  type TAnnualDate,
  type TCapUnit,
  type TPriorityCriterion,
} from '../../../domain/regulation';
import type { TLanguage } from '../../lib/i18n';

/** Labels of the engine's codes in the UI language; an unknown code (a newer server) shows as itself. */

const CAP_UNIT_LABELS: Record<TCapUnit, { vi: string; en: string }> = {
  model: { vi: 'mô hình', en: 'model' },
  establishment: { vi: 'cơ sở', en: 'establishment' },
  cluster: { vi: 'cụm công nghiệp', en: 'industrial cluster' },
  brand: { vi: 'nhãn hiệu', en: 'brand' },
  enterprise: { vi: 'doanh nghiệp', en: 'enterprise' },
  product: { vi: 'sản phẩm', en: 'product' },
  round: { vi: 'đợt bình chọn', en: 'selection round' },
  project: { vi: 'đề án', en: 'project' },
};

const CRITERION_LABELS: Record<TPriorityCriterion, { vi: string; en: string }> = {
  pilot: { vi: 'Đề án khuyến công quốc gia điểm', en: 'Pilot projects' },
  priority_area: { vi: 'Địa bàn ưu tiên', en: 'Priority areas' },
  priority_industry: { vi: 'Ngành nghề ưu tiên', en: 'Priority industries' },
  ownership: {
    vi: 'Cơ sở do phụ nữ, người dân tộc thiểu số làm chủ',
    en: 'Establishments owned by women or ethnic-minority people',
  },
  experience: { vi: 'Kinh nghiệm, năng lực của đơn vị thực hiện', en: 'Experience and capacity of the unit' },
};

const CERTIFICATE_LEVEL_LABELS: Record<string, { vi: string; en: string }> = {
  provincial: { vi: 'cấp tỉnh', en: 'provincial' },
  regional: { vi: 'cấp khu vực', en: 'regional' },
  national: { vi: 'cấp quốc gia', en: 'national' },
};

export function capUnitLabel(unit: string, language: TLanguage): string {
  return (CAP_UNIT_LABELS as Partial<Record<string, { vi: string; en: string }>>)[unit]?.[language] ?? unit;
}

export function documentKindLabel(kind: string, language: TLanguage): string {
  return (
    (DOCUMENT_KIND_LABELS as Partial<Record<string, { vi: string; en: string }>>)[kind]?.[language] ?? kind
  );
}

export function documentKindOptions(language: TLanguage): { value: TDocumentKind; label: string }[] {
  return DOCUMENT_KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind][language] }));
}

export function beneficiaryKindLabel(kind: string, language: TLanguage): string {
  return (
    (BENEFICIARY_KIND_LABELS as Partial<Record<string, { vi: string; en: string }>>)[kind]?.[language] ?? kind
  );
}

export function criterionLabel(criterion: string, language: TLanguage): string {
  return (
    (CRITERION_LABELS as Partial<Record<string, { vi: string; en: string }>>)[criterion]?.[language] ??
    criterion
  );
}

export function certificateLevelLabel(level: string, language: TLanguage): string {
  return CERTIFICATE_LEVEL_LABELS[level]?.[language] ?? level;
}

/** `1.5` → `1,5` in Vietnamese, `1.5` in English. */
export function formatDecimal(value: number, language: TLanguage): string {
  return language === 'vi' ? String(value).replace('.', ',') : String(value);
}

export function formatPercent(value: number, language: TLanguage): string {
  return `${formatDecimal(value, language)} %`;
}

export function formatMultiplier(value: number, language: TLanguage): string {
  return `×${formatDecimal(value, language)}`;
}

/** An amount cap, or null when the line has none. */
export function formatMaxAmount(value: number | null): string | null {
  return value === null ? null : formatVnd(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A yearly deadline as `dd/MM`. */
export function formatDayMonth(date: Pick<TAnnualDate, 'day' | 'month'>): string {
  return `${pad(date.day)}/${pad(date.month)}`;
}
