import { z } from 'zod';

/**
 * Adjustments, supplements and stops of an approved project (điều chỉnh, bổ sung, ngừng triển khai;
 * TT 36/2013 Art. 11, domain.md §3.6): the kinds of request and the authority each one needs. The
 * authority is DATA of the regulation set (`adjustments.authorityByKind`); these are the seeds' values.
 */

export const ADJUSTMENT_KINDS = [
  'funding_increase',
  'content_change',
  'carry_over',
  'addition',
  'stop',
  'location',
  'beneficiary',
  'coordinating_unit',
  'timing',
  'decrease',
  'group_change',
] as const;
export type TAdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const ZAdjustmentKind = z.enum(ADJUSTMENT_KINDS);

export const ADJUSTMENT_KIND_LABELS: Record<TAdjustmentKind, { vi: string; en: string }> = {
  funding_increase: { vi: 'Tăng kinh phí hỗ trợ', en: 'Higher support' },
  content_change: { vi: 'Thay đổi nội dung', en: 'Changed content' },
  carry_over: { vi: 'Chuyển tiếp sang năm sau', en: 'Carry over into the next year' },
  addition: { vi: 'Bổ sung đề án', en: 'Added project' },
  stop: { vi: 'Ngừng triển khai', en: 'Stop' },
  location: { vi: 'Thay đổi địa điểm', en: 'Changed location' },
  beneficiary: { vi: 'Thay đổi đơn vị thụ hưởng', en: 'Changed beneficiary' },
  coordinating_unit: { vi: 'Thay đổi đơn vị phối hợp', en: 'Changed coordinating unit' },
  timing: { vi: 'Thay đổi thời gian trong năm tài chính', en: 'Changed timing within the fiscal year' },
  decrease: { vi: 'Giảm kinh phí hỗ trợ', en: 'Lower support' },
  group_change: { vi: 'Thay đổi đề án nhóm', en: 'Change to a group project' },
};

/** Who decides, lowest first: the Sở, the agency (Cục), the Minister. */
export const ADJUSTMENT_AUTHORITIES = ['province', 'agency', 'minister'] as const;
export type TAdjustmentAuthority = (typeof ADJUSTMENT_AUTHORITIES)[number];
export const ZAdjustmentAuthority = z.enum(ADJUSTMENT_AUTHORITIES);

export const AUTHORITY_LABELS: Record<TAdjustmentAuthority, { vi: string; en: string }> = {
  province: { vi: 'Sở Công Thương', en: 'Provincial department' },
  agency: { vi: 'Cục', en: 'Agency' },
  minister: { vi: 'Bộ trưởng Bộ Công Thương', en: 'Minister of Industry and Trade' },
};

export const ZAdjustmentRule = z.object({
  authority: ZAdjustmentAuthority,
  /** The authority for group projects the Sở registered or appraised, when it differs. */
  groupProjectAuthority: ZAdjustmentAuthority.optional(),
  source: z.string().min(1),
  needsVerification: z.boolean(),
});
export type TAdjustmentRule = z.infer<typeof ZAdjustmentRule>;

export const ZAdjustmentRules = z.object({
  authorityByKind: z.record(ZAdjustmentKind, ZAdjustmentRule),
});
export type TAdjustmentRules = z.infer<typeof ZAdjustmentRules>;

const ART11 = 'TT 36/2013/TT-BCT, Điều 11 (bản 2013; TT 17/2018/TT-BCT có thể đã sửa đổi)';

/** The seeds' authorities (domain.md §3.6). Every value awaits checking against the text in force. */
export function seedAdjustmentRules(): TAdjustmentRules {
  const rule = (
    authority: TAdjustmentAuthority,
    groupProjectAuthority?: TAdjustmentAuthority,
    note = '',
  ): TAdjustmentRule => ({
    authority,
    ...(groupProjectAuthority ? { groupProjectAuthority } : {}),
    source: `${ART11}${note}`,
    needsVerification: true,
  });
  return {
    authorityByKind: {
      // The Minister, on the agency's submission (Art. 11).
      funding_increase: rule('minister'),
      content_change: rule('minister'),
      carry_over: rule('minister'),
      addition: rule('minister'),
      stop: rule('minister'),
      // The agency; the Sở for group projects it registered or appraised.
      location: rule('agency', 'province'),
      beneficiary: rule('agency', 'province'),
      coordinating_unit: rule('agency', 'province'),
      timing: rule('agency'),
      decrease: rule('agency'),
      group_change: rule(
        'agency',
        'province',
        '; loại "thay đổi đề án nhóm" là suy luận, chưa có căn cứ riêng',
      ),
    },
  };
}

/** The authority a request of `kind` needs under a set (the seeds' value when the set has none). */
export function requiredAuthority(
  rules: TAdjustmentRules | undefined,
  kind: TAdjustmentKind,
  isGroupProject: boolean,
): TAdjustmentAuthority {
  const rule =
    (rules ?? seedAdjustmentRules()).authorityByKind[kind] ?? seedAdjustmentRules().authorityByKind[kind];
  return isGroupProject && rule.groupProjectAuthority ? rule.groupProjectAuthority : rule.authority;
}

/** True when `actual` is the required authority or above it. */
export function authorityCovers(actual: TAdjustmentAuthority, required: TAdjustmentAuthority): boolean {
  return ADJUSTMENT_AUTHORITIES.indexOf(actual) >= ADJUSTMENT_AUTHORITIES.indexOf(required);
}
