import { vnDateOf } from '../../../domain/lib/dates';
import type { TFieldError } from '../../platform/errors';
import type { TProvinces } from './provinces';

/** The province columns of a certificate, or the field errors that refuse it. */
export type TResolvedProvince =
  | { ok: true; provinceCode: string; currentProvinceCode: string }
  | { ok: false; errors: TFieldError[] };

/**
 * Checks what the schema cannot: the province code names a province in force on the issue date (63
 * before 1 July 2025, 34 after), and the validity does not end before the issue. Returns the province of
 * the time and the province in force today that succeeded it.
 */
export function resolveCertificateFacts(
  provinces: TProvinces,
  data: { provinceCode: string; issueDate: string; validUntil: string },
  now: Date,
): TResolvedProvince {
  const errors: TFieldError[] = [];
  const unit = provinces.on(data.provinceCode, data.issueDate);
  if (!unit) {
    errors.push({
      path: 'provinceCode',
      code: 'invalid_value',
      message: {
        vi: `Không có tỉnh mã ${data.provinceCode} vào ngày cấp ${data.issueDate.split('-').reverse().join('/')} (dùng mã tỉnh tại thời điểm cấp).`,
        en: `No province has code ${data.provinceCode} on the issue date ${data.issueDate} (use the code of the time).`,
      },
    });
  }
  if (data.issueDate > vnDateOf(now)) {
    errors.push({
      path: 'issueDate',
      code: 'invalid_value',
      message: { vi: 'Ngày cấp không được sau ngày hôm nay.', en: 'The issue date cannot be in the future.' },
    });
  }
  if (data.validUntil < data.issueDate) {
    errors.push({
      path: 'validUntil',
      code: 'invalid_value',
      message: {
        vi: 'Ngày hết hiệu lực không được trước ngày cấp.',
        en: 'The certificate cannot expire before it is issued.',
      },
    });
  }
  if (!unit || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    provinceCode: unit.code,
    currentProvinceCode: provinces.successor(unit).code,
  };
}

export function duplicateNumberError(certificateNumber: string, issuingBody: string): TFieldError {
  return {
    path: 'certificateNumber',
    code: 'invalid_value',
    message: {
      vi: `Giấy chứng nhận số ${certificateNumber} của ${issuingBody} đã có trong sổ.`,
      en: `Certificate no. ${certificateNumber} of ${issuingBody} is already in the registry.`,
    },
  };
}
