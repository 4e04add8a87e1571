import { ACTIVITY_TYPES, type TActivityType } from '../enums/activity-types';
import { seedAdjustmentRules } from './adjustments';
import { CAPS_ADDED_2026, CAPS_BEFORE_2026 } from './seed-caps';
import type {
  TAdvanceRate,
  TAppraisalCriterion,
  TDocumentRequirement,
  TEligibilityRules,
  TPriorityRules,
  TRegulationSet,
} from './types';

/**
 * The two national regulation sets the system starts with (domain.md §3–§7). They are seed data: the
 * server writes them into the database, and administrators edit new versions there.
 *
 * `national-2012`: plan years 2013–2025 under Decree 45/2012, TT 36/2013 as amended by TT 17/2018 and
 * the TT 28/2018 caps. (Plan years before 2019 ran under TTLT 26/2014 caps and, before 2018, other
 * deadlines; an administrator can split the set if those years are ever re-checked.)
 * `national-2026`: from plan year 2026, after Decree 235/2025. The procedure circular and the MOF
 * circular may have been replaced after Decree 235 (domain.md §10 Q1–Q2), so every procedural value
 * in it is flagged `needsVerification`.
 */

const ADDED_BY_DECREE_235: readonly TActivityType[] = [
  'sustainable_production',
  'artisan_support',
  'digital_transformation',
];
const TYPES_BEFORE_2026 = ACTIVITY_TYPES.filter((t) => !ADDED_BY_DECREE_235.includes(t));

const TT36 = 'TT 36/2013/TT-BCT';
const TT17 = 'TT 17/2018/TT-BCT (sửa đổi TT 36/2013/TT-BCT)';
const LETTER_480 = 'Công văn 480/CTĐP-QLKC (2024) hướng dẫn kế hoạch năm 2025';
const MAYBE_REPLACED = 'có thể đã được thay thế sau NĐ 235/2025/NĐ-CP';

/** Beneficiary-based lines: the beneficiary commits the rest of the cost. */
const COUNTERPART_TYPES: TActivityType[] = [
  'demonstration_model',
  'demonstration_model_operating',
  'machinery',
  'cleaner_production',
  'pollution_treatment',
  'cluster_pollution_treatment',
  'relocation_interest_subsidy',
  'brand_building',
  'cluster_planning',
  'cluster_infrastructure',
  'association_linkage',
  'consulting',
];

function requiredDocuments(procedureUnsure: boolean): TDocumentRequirement[] {
  const note = procedureUnsure ? `; ${MAYBE_REPLACED}` : '';
  const req = (
    activityType: TDocumentRequirement['activityType'],
    kinds: TDocumentRequirement['kinds'],
    source: string,
    needsVerification: boolean,
    extra: Partial<Pick<TDocumentRequirement, 'submissionKind' | 'condition' | 'severity'>> = {},
  ): TDocumentRequirement => ({
    activityType,
    submissionKind: 'full_dossier',
    kinds,
    condition: 'always',
    severity: 'error',
    ...extra,
    source: `${source}${note}`,
    needsVerification: needsVerification || procedureUnsure,
  });
  const phuLuc2 = `${TT36}, Phụ lục 2 (danh mục tài liệu gửi kèm chưa đối chiếu)`;
  return [
    req('*', ['request_letter', 'project_document', 'cost_estimate'], `${TT36}, Điều 5, 10; ${TT17}`, false),
    req('*', ['beneficiary_request'], `${TT36}, Điều 10`, false, { condition: 'separate_beneficiary' }),
    req(
      '*',
      ['counterpart_commitment'],
      'TTLT 26/2014/TTLT-BTC-BCT, Điều 7 (TT 28/2018 chưa đối chiếu)',
      true,
      {
        condition: 'separate_beneficiary',
        severity: 'warning',
      },
    ),
    req('*', ['pilot_registration_form'], TT17, false, { submissionKind: 'pilot_registration' }),
    req('machinery', ['price_quotations'], phuLuc2, true, { severity: 'warning' }),
    req('typical_product', ['typical_product_certificate'], `${phuLuc2}; TT 26/2014/TT-BCT`, true, {
      severity: 'warning',
    }),
    req('cluster_pollution_treatment', ['cluster_legal_dossier'], LETTER_480, true),
    req('vocational_training', ['training_programme'], `${TT36}, Mẫu 12`, true, { severity: 'warning' }),
  ];
}

function eligibility(after235: boolean): TEligibilityRules {
  const rural = after235
    ? ([
        'sme',
        'cooperative',
        'cooperative_group',
        'cooperative_union',
        'household_business',
        'craft_village',
      ] as const)
    : (['sme', 'cooperative', 'cooperative_group', 'household_business'] as const);
  const clusterInvestor = ['cluster_infrastructure_investor'] as const;
  return {
    beneficiaryKinds: {
      allowed: [...rural],
      byActivityType: after235
        ? {
            cleaner_production: [...rural, 'cleaner_production_establishment'],
            sustainable_production: [...rural, 'sustainable_production_establishment'],
            artisan_support: ['artisan', 'craft_village'],
            cluster_planning: [...clusterInvestor],
            cluster_infrastructure: [...clusterInvestor],
            cluster_pollution_treatment: [...clusterInvestor],
          }
        : { cleaner_production: [...rural, 'cleaner_production_establishment'] },
      exemptActivityTypes: [
        ...(after235
          ? []
          : (['cluster_planning', 'cluster_infrastructure', 'cluster_pollution_treatment'] as const)),
        'information',
        ...(after235 ? (['digital_transformation'] as const) : []),
        'international_cooperation',
        'programme_management',
      ],
      source: after235
        ? 'NĐ 235/2025/NĐ-CP (đối tượng áp dụng); phân theo nội dung hoạt động là suy luận'
        : 'NĐ 45/2012/NĐ-CP, Điều 1 khoản 2 (bản gốc)',
      needsVerification: after235,
    },
    counterpart: {
      activityTypes: [...COUNTERPART_TYPES, ...(after235 ? (['sustainable_production'] as const) : [])],
      countOtherFunds: false,
      source:
        'TTLT 26/2014/TTLT-BTC-BCT, Điều 7: đơn vị thụ hưởng cam kết đầu tư toàn bộ phần kinh phí còn lại, không nhận kinh phí nhà nước khác cho cùng nội dung (TT 28/2018 chưa đối chiếu)',
      needsVerification: true,
    },
    typicalProductCertificate: {
      activityTypes: ['typical_product'],
      required: true,
      acceptedLevels: ['provincial', 'regional', 'national'],
      priorityLevels: ['regional', 'national'],
      source: `${LETTER_480}: ưu tiên sản phẩm có giấy chứng nhận còn hiệu lực; TT 26/2014/TT-BCT`,
      needsVerification: true,
    },
    clusterLegalDossier: {
      activityTypes: ['cluster_pollution_treatment'],
      source: `${LETTER_480}: chỉ hỗ trợ CCN có hồ sơ pháp lý đầy đủ`,
      needsVerification: true,
    },
    completionInPlanYear: {
      activityTypes: ['cluster_planning', 'cluster_pollution_treatment'],
      source: `${LETTER_480}: chỉ đề án hoàn thành trong năm kế hoạch`,
      needsVerification: true,
    },
    overseasFairs: {
      activityTypes: ['trade_fair_overseas'],
      maxPerEstablishmentPerYear: 2,
      source: 'TT 46/2012/TT-BCT, Điều 4 (đã được TT 20/2017/TT-BCT thay thế; chưa đối chiếu)',
      needsVerification: true,
    },
    machineryQuotations: {
      activityTypes: ['machinery'],
      minPerItem: 3,
      severity: 'warning',
      source: 'Thông lệ thẩm định giá (3 báo giá); chưa thấy trong các văn bản đã đối chiếu',
      needsVerification: true,
    },
  };
}

function priorityRules(after235: boolean): TPriorityRules {
  const unsure = after235 ? `; ${MAYBE_REPLACED}` : '';
  const areaIndustry = 'NĐ 45/2012/NĐ-CP, Điều 6; TT 46/2012/TT-BCT, Điều 6.3 (địa bàn trước ngành nghề)';
  return {
    order: [
      { criterion: 'pilot', source: `${TT36}, Điều 7.1${unsure}`, needsVerification: after235 },
      { criterion: 'priority_area', source: `${TT36}, Điều 7.2; ${areaIndustry}`, needsVerification: true },
      {
        criterion: 'priority_industry',
        source: `${TT36}, Điều 7.2; ${areaIndustry}`,
        needsVerification: true,
      },
      ...(after235
        ? [
            {
              criterion: 'ownership' as const,
              source:
                'NĐ 235/2025/NĐ-CP: ưu tiên doanh nghiệp do phụ nữ, người dân tộc thiểu số làm chủ; vị trí trong thứ tự là suy luận',
              needsVerification: true,
            },
          ]
        : []),
      { criterion: 'experience', source: `${TT36}, Điều 7.3${unsure}`, needsVerification: after235 },
    ],
    noAreaIndustryPriority: {
      activityTypes: after235 ? ['cleaner_production', 'sustainable_production'] : ['cleaner_production'],
      source: `TT 46/2012/TT-BCT, Điều 6.3${after235 ? '; áp dụng cho sản xuất bền vững là suy luận' : ''}`,
      needsVerification: true,
    },
  };
}

function deadlines(after235: boolean): TRegulationSet['deadlines'] {
  const unsure = after235 ? `; ${MAYBE_REPLACED}` : '';
  return {
    registration: {
      month: 6,
      day: 20,
      yearOffset: -1,
      source: `${TT17}; ${LETTER_480}${unsure}`,
      needsVerification: after235,
    },
    dossier: {
      month: 9,
      day: 30,
      yearOffset: -1,
      source: `${LETTER_480}; chưa rõ TT 17/2018 có quy định (bản 2013: 15/6)`,
      needsVerification: true,
    },
    monthlyReportDay: { day: 25, source: `${TT36}, Điều 23.3${unsure}`, needsVerification: after235 },
    settlement: {
      month: 1,
      day: 22,
      yearOffset: 1,
      source: `${TT36}, Điều 19 (bản 2013); chưa rõ TT 17/2018 có sửa`,
      needsVerification: true,
    },
  };
}

function advances(after235: boolean): TRegulationSet['advances'] {
  const unsure = after235 ? `; ${MAYBE_REPLACED}` : '';
  const source = `${TT36}, Điều 12–16 (bản 2013)${unsure}`;
  const rate = (
    percent: number,
    conditionVi: string,
    conditionEn: string,
    inferred = false,
  ): TAdvanceRate => ({
    percent,
    conditionVi,
    conditionEn,
    source: inferred ? `${source}; áp dụng cho nội dung mới là suy luận` : source,
    needsVerification: after235 || inferred,
  });
  const cluster = rate(
    30,
    'Có hợp đồng hỗ trợ với chủ đầu tư, hợp đồng thi công và báo cáo khối lượng hoàn thành trên 50 % hạng mục được hỗ trợ',
    'Support contract with the investor, works contract and a report showing more than 50 % of the supported item done',
  );
  cluster.progressAbovePercent = 50;
  const byPlan = rate(70, 'Có hợp đồng và kế hoạch triển khai', 'Contract and implementation plan');
  const byProgress = rate(
    70,
    'Báo cáo tiến độ cho thấy đã thực hiện trên 70 % tổng vốn đầu tư',
    'Progress report showing more than 70 % of the total investment done',
  );
  byProgress.progressAbovePercent = 70;
  return {
    firstAdvanceRateByActivityType: {
      cluster_infrastructure: cluster,
      cluster_pollution_treatment: cluster,
      vocational_training: rate(70, 'Có hợp đồng và kế hoạch đào tạo', 'Contract and training plan'),
      consulting: byPlan,
      capacity_building: byPlan,
      brand_building: byPlan,
      association_linkage: byPlan,
      cleaner_production: byPlan,
      trade_fair_domestic: byPlan,
      trade_fair_overseas: byPlan,
      information: byPlan,
      cluster_planning: rate(
        70,
        'Có hợp đồng và hợp đồng hỗ trợ lập quy hoạch',
        'Contract and planning support contract',
      ),
      demonstration_model: byProgress,
      demonstration_model_operating: byProgress,
      machinery: byProgress,
      pollution_treatment: byProgress,
      enterprise_founding: rate(
        100,
        'Sau nghiệm thu cơ sở (Mẫu 5b), báo cáo khối lượng (Mẫu 3b) và giấy chứng nhận đăng ký doanh nghiệp',
        'After base acceptance (Form 5b), the volume report (Form 3b) and the business registration',
      ),
      ...(after235
        ? {
            sustainable_production: rate(
              70,
              'Có hợp đồng và kế hoạch triển khai',
              'Contract and implementation plan',
              true,
            ),
            digital_transformation: rate(
              70,
              'Có hợp đồng và kế hoạch triển khai',
              'Contract and implementation plan',
              true,
            ),
          }
        : {}),
    },
    maxBeforeAcceptancePercent: 70,
    source: 'TTLT 26/2014/TTLT-BTC-BCT, Điều 8.2.b (TT 28/2018 chưa đối chiếu)',
    needsVerification: true,
  };
}

function appraisalCriteria(after235: boolean): TAppraisalCriterion[] {
  const source = `${TT36}, Điều 9${after235 ? `; ${MAYBE_REPLACED}` : ''}`;
  const c = (code: string, nameVi: string, nameEn: string): TAppraisalCriterion => ({
    code,
    nameVi,
    nameEn,
    source,
    needsVerification: after235,
  });
  return [
    c(
      'policy_conformity',
      'Sự phù hợp với chủ trương, chính sách, chiến lược, quy hoạch và chương trình khuyến công',
      'Conformity with policy, strategy, plans and the industrial-extension programme',
    ),
    c(
      'necessity_effectiveness',
      'Mục tiêu, sự cần thiết và hiệu quả của đề án',
      'Objectives, necessity and effectiveness',
    ),
    c(
      'reasonable_cost',
      'Tính hợp lý trong sử dụng kinh phí, nguồn lực và cơ sở vật chất',
      'Reasonable use of funds, resources and facilities',
    ),
    c(
      'unit_capacity',
      'Năng lực của đơn vị thực hiện, đơn vị phối hợp và đơn vị thụ hưởng',
      'Capacity of the implementing, coordinating and beneficiary units',
    ),
    c(
      'programme_integration',
      'Khả năng lồng ghép với các chương trình, dự án khác',
      'Ability to combine with other programmes and projects',
    ),
    c(
      'dossier_completeness',
      'Sự phù hợp và đầy đủ của hồ sơ đề án',
      'Appropriateness and completeness of the dossier',
    ),
  ];
}

export const NATIONAL_2012: TRegulationSet = {
  code: 'national-2012',
  name: 'Khuyến công quốc gia theo Nghị định 45/2012/NĐ-CP (kế hoạch năm 2013–2025)',
  programme: 'national',
  provinceCode: null,
  effectiveFromYear: 2013,
  effectiveToYear: 2025,
  legalBasis: ['NĐ 45/2012/NĐ-CP', 'TT 36/2013/TT-BCT', 'TT 17/2018/TT-BCT', 'TT 28/2018/TT-BTC'],
  activityTypes: TYPES_BEFORE_2026,
  caps: CAPS_BEFORE_2026,
  requiredDocuments: requiredDocuments(false),
  eligibility: eligibility(false),
  priorityRules: priorityRules(false),
  deadlines: deadlines(false),
  advances: advances(false),
  adjustments: seedAdjustmentRules(),
  appraisalCriteria: appraisalCriteria(false),
};

export const NATIONAL_2026: TRegulationSet = {
  code: 'national-2026',
  name: 'Khuyến công quốc gia theo Nghị định 45/2012/NĐ-CP, sửa đổi bởi Nghị định 235/2025/NĐ-CP (từ kế hoạch năm 2026)',
  programme: 'national',
  provinceCode: null,
  effectiveFromYear: 2026,
  effectiveToYear: null,
  legalBasis: [
    'NĐ 45/2012/NĐ-CP',
    'NĐ 235/2025/NĐ-CP',
    'QĐ 2646/QĐ-BCT',
    'TT 36/2013/TT-BCT',
    'TT 17/2018/TT-BCT',
    'TT 28/2018/TT-BTC',
  ],
  activityTypes: [...ACTIVITY_TYPES],
  caps: [...CAPS_BEFORE_2026, ...CAPS_ADDED_2026],
  requiredDocuments: requiredDocuments(true),
  eligibility: eligibility(true),
  priorityRules: priorityRules(true),
  deadlines: deadlines(true),
  advances: advances(true),
  adjustments: seedAdjustmentRules(),
  appraisalCriteria: appraisalCriteria(true),
};

/** Both national seed sets, oldest first. */
export const NATIONAL_REGULATION_SETS: readonly TRegulationSet[] = [NATIONAL_2012, NATIONAL_2026];
