import type { TActivityType } from '../enums/activity-types';
import type { TCapRule, TCapUnit, TCapVariant } from './types';

/**
 * Cap lines of the national seed sets (domain.md §5.3–§5.4). Only three lines are sourced for
 * TT 28/2018/TT-BTC Art. 8 (demonstration model, machinery with the technology-line ×1.5, enterprise
 * founding); every other line carries the superseded TTLT 26/2014 value, or a placeholder, with
 * `needsVerification: true`. The ×1.5 priority multiplier is unknown for TT 28/2018, so it is flagged
 * on every line.
 */

const TT28 = 'TT 28/2018/TT-BTC, Điều 8';
const TTLT26 = 'TTLT 26/2014/TTLT-BTC-BCT, Điều 6.2 (đã bị TT 28/2018/TT-BTC thay thế; giá trị tạm)';
const NO_AMOUNT =
  'Chưa có mức tối đa theo TT 28/2018/TT-BTC; tạm tính 100 % dự toán được duyệt (TTLT 26/2014/TTLT-BTC-BCT)';

function cap(
  activityType: TActivityType,
  shareOfEligibleCost: number,
  maxAmount: number | null,
  unit: TCapUnit,
  source: string,
  needsVerification: boolean,
  extra: { variants?: TCapVariant[]; priorityMultiplier?: number } = {},
): TCapRule {
  return {
    activityType,
    shareOfEligibleCost,
    maxAmount,
    unit,
    ...(extra.variants ? { variants: extra.variants } : {}),
    priorityMultiplier: extra.priorityMultiplier ?? 1.5,
    priorityMultiplierNeedsVerification: true,
    source,
    needsVerification,
  };
}

/** TT 46/2012 Art. 6.3: cleaner production is ranked without area or industry priority, so no ×1.5. */
const NO_PRIORITY = { priorityMultiplier: 1 };

/** The lines of the national programme as it stood before Decree 235/2025. */
export const CAPS_BEFORE_2026: TCapRule[] = [
  cap('demonstration_model', 30, 1_000_000_000, 'model', TT28, false),
  cap('demonstration_model_operating', 100, 100_000_000, 'model', TTLT26, true),
  cap('machinery', 50, 300_000_000, 'establishment', TT28, false, {
    variants: [
      {
        code: 'technology_line',
        nameVi: 'Dây chuyền công nghệ',
        nameEn: 'Technology line',
        when: { field: 'isTechnologyLine', equals: true },
        amountMultiplier: 1.5,
        source: `${TT28} (dây chuyền công nghệ tối đa 1,5 lần)`,
        needsVerification: false,
      },
    ],
  }),
  cap(
    'cleaner_production',
    30,
    300_000_000,
    'establishment',
    'Chưa có giá trị nguồn; tạm lấy theo dòng xử lý ô nhiễm tại cơ sở CNNT của TTLT 26/2014/TTLT-BTC-BCT',
    true,
    NO_PRIORITY,
  ),
  cap('pollution_treatment', 30, 300_000_000, 'establishment', TTLT26, true),
  cap('cluster_pollution_treatment', 30, 1_500_000_000, 'cluster', TTLT26, true),
  cap(
    'relocation_interest_subsidy',
    50,
    500_000_000,
    'establishment',
    `${TTLT26}; 50 % lãi vay trong 2 năm đầu`,
    true,
  ),
  cap('typical_product', 100, 100_000_000, 'round', `${TTLT26}; tổ chức bình chọn cấp khu vực`, true, {
    variants: [
      {
        code: 'national_selection',
        nameVi: 'Bình chọn cấp quốc gia',
        nameEn: 'National-level selection',
        when: { field: 'selectionLevel', equals: 'national' },
        maxAmount: 200_000_000,
        source: TTLT26,
        needsVerification: true,
      },
    ],
  }),
  cap(
    'trade_fair_domestic',
    100,
    null,
    'project',
    `${TTLT26}; 100 % thuê gian hàng, tuyên truyền, tổ chức`,
    true,
    {
      variants: [
        {
          code: 'other_domestic_fair',
          nameVi: 'Cơ sở tham gia hội chợ, triển lãm khác trong nước',
          nameEn: 'Establishment attending another domestic fair',
          when: { field: 'isOtherFair', equals: true },
          shareOfEligibleCost: 80,
          source: `${TTLT26}; 80 % chi phí thuê gian hàng`,
          needsVerification: true,
        },
      ],
    },
  ),
  cap('trade_fair_overseas', 100, null, 'project', `${TTLT26}; 100 % các khoản chi được liệt kê`, true),
  cap('brand_building', 50, 35_000_000, 'brand', TTLT26, true),
  cap('showroom', 100, null, 'project', NO_AMOUNT, true),
  cap('cluster_planning', 50, 500_000_000, 'cluster', TTLT26, true),
  cap('cluster_infrastructure', 100, 3_000_000_000, 'cluster', TTLT26, true),
  cap('association_linkage', 50, 150_000_000, 'project', `${TTLT26}; cụm liên kết doanh nghiệp`, true, {
    variants: [
      {
        code: 'association_regional',
        nameVi: 'Hiệp hội ngành nghề cấp vùng',
        nameEn: 'Regional trade association',
        when: { field: 'linkageKind', equals: 'association_regional' },
        shareOfEligibleCost: 30,
        maxAmount: 70_000_000,
        source: TTLT26,
        needsVerification: true,
      },
      {
        code: 'association_national',
        nameVi: 'Hiệp hội ngành nghề cấp quốc gia',
        nameEn: 'National trade association',
        when: { field: 'linkageKind', equals: 'association_national' },
        shareOfEligibleCost: 30,
        maxAmount: 100_000_000,
        source: TTLT26,
        needsVerification: true,
      },
    ],
  }),
  cap('vocational_training', 100, null, 'project', NO_AMOUNT, true),
  cap('capacity_building', 100, null, 'project', NO_AMOUNT, true),
  cap('enterprise_founding', 100, 10_000_000, 'enterprise', TT28, false),
  cap('consulting', 50, 35_000_000, 'establishment', TTLT26, true),
  cap('information', 100, null, 'project', NO_AMOUNT, true),
  cap('international_cooperation', 100, null, 'project', NO_AMOUNT, true),
  cap('programme_management', 100, null, 'project', NO_AMOUNT, true),
];

/** Lines for the contents Decree 235/2025 added; no cap is known for any of them yet. */
export const CAPS_ADDED_2026: TCapRule[] = [
  cap(
    'sustainable_production',
    30,
    300_000_000,
    'establishment',
    'NĐ 235/2025/NĐ-CP; chưa có mức hỗ trợ, tạm lấy như sản xuất sạch hơn',
    true,
    NO_PRIORITY,
  ),
  cap('artisan_support', 100, null, 'project', `NĐ 235/2025/NĐ-CP; ${NO_AMOUNT}`, true),
  cap('digital_transformation', 100, null, 'project', `NĐ 235/2025/NĐ-CP; ${NO_AMOUNT}`, true),
];
