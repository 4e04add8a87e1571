import { AGENCY_CERTIFICATE_LEVELS, CERTIFICATE_LEVEL_LABELS } from '../../../domain/enums/typical-products';
import { can, isAgencyActor, type TActor } from '../../access/actor';
import { AppError } from '../../platform/errors';

/** What a write decision looks at: the certificate's level and the province in force today it belongs to. */
export type TCertificateTarget = { level: string; currentProvinceCode: string };

export type TWriteDecision = { ok: true } | { ok: false; detail: { vi: string; en: string } };

/**
 * Who may record or change a certificate (issue #11): the agency (Cục) every level — regional and
 * national are its own, and it keeps the registry whole; a province (the Sở's officer or leader) only
 * provincial certificates of its own province (the province in force today, so a Bắc Giang certificate of
 * 2023 belongs to today's Bắc Ninh). Everyone else: no.
 */
export function certificateWriteDecision(actor: TActor, target: TCertificateTarget): TWriteDecision {
  if (!can(actor, 'typical_products.write')) {
    return {
      ok: false,
      detail: { vi: 'Bạn không có quyền ghi sổ sản phẩm tiêu biểu.', en: 'You may not write the registry.' },
    };
  }
  if (actor.via === 'system' || isAgencyActor(actor)) return { ok: true };
  if ((AGENCY_CERTIFICATE_LEVELS as readonly string[]).includes(target.level)) {
    const level = CERTIFICATE_LEVEL_LABELS[target.level as 'regional' | 'national'];
    return {
      ok: false,
      detail: {
        vi: `Chỉ Cục ghi nhận giấy chứng nhận ${level.vi.toLowerCase()}; tỉnh ghi nhận giấy chứng nhận cấp tỉnh của tỉnh mình.`,
        en: `Only the agency records ${level.en.toLowerCase()} certificates; a province records its own provincial ones.`,
      },
    };
  }
  if (!actor.provinceCode || actor.provinceCode !== target.currentProvinceCode) {
    return {
      ok: false,
      detail: {
        vi: 'Chỉ được ghi nhận giấy chứng nhận cấp tỉnh của tỉnh mình.',
        en: 'A province records provincial certificates of its own province only.',
      },
    };
  }
  return { ok: true };
}

/**
 * Who may record a holder's yearly report: holders report to the Sở of their province (TT 26/2014), so
 * the province's staff record reports of every certificate of their province, whatever its level; the
 * agency records any.
 */
export function reportWriteDecision(actor: TActor, target: TCertificateTarget): TWriteDecision {
  if (!can(actor, 'typical_products.write')) {
    return {
      ok: false,
      detail: { vi: 'Bạn không có quyền ghi báo cáo.', en: 'You may not record reports.' },
    };
  }
  if (actor.via === 'system' || isAgencyActor(actor)) return { ok: true };
  if (actor.provinceCode && actor.provinceCode === target.currentProvinceCode) return { ok: true };
  return {
    ok: false,
    detail: {
      vi: 'Chỉ Sở Công Thương của tỉnh nơi cơ sở đặt trụ sở ghi nhận báo cáo hằng năm.',
      en: 'Only the province where the establishment is records its yearly reports.',
    },
  };
}

export function assertDecision(decision: TWriteDecision): void {
  if (!decision.ok) throw new AppError('forbidden', { detail: decision.detail });
}
