import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPE_DEFINITIONS,
  ACTIVITY_TYPES,
  CONTENT_GROUP_DEFINITIONS,
  CONTENT_GROUPS,
  isActivityTypeValidIn,
} from '../enums/activity-types';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../enums/document-kinds';
import { BENEFICIARY_KIND_LABELS, BENEFICIARY_KINDS } from './beneficiary-kinds';
import { NATIONAL_2012, NATIONAL_2026, NATIONAL_REGULATION_SETS } from './seeds';
import { type TRegulationSet, type TRegulationSetInput, ZRegulationSet } from './types';

/** Every string in a value, recursively. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('activity types', () => {
  it('are a closed list of 25 codes, each defined under its own key', () => {
    expect(new Set(ACTIVITY_TYPES).size).toBe(25);
    for (const code of ACTIVITY_TYPES) expect(ACTIVITY_TYPE_DEFINITIONS[code].code).toBe(code);
    expect(Object.keys(ACTIVITY_TYPE_DEFINITIONS).sort()).toEqual([...ACTIVITY_TYPES].sort());
  });

  it('fall into the seven content groups of Decision 1881/QĐ-TTg', () => {
    expect(CONTENT_GROUPS).toHaveLength(7);
    const byGroup = Object.fromEntries(
      CONTENT_GROUPS.map((g) => [
        g,
        ACTIVITY_TYPES.filter((t) => ACTIVITY_TYPE_DEFINITIONS[t].contentGroup === g),
      ]),
    );
    expect(byGroup).toEqual({
      technology: ['demonstration_model', 'demonstration_model_operating', 'machinery'],
      cleaner_production: [
        'cleaner_production',
        'sustainable_production',
        'pollution_treatment',
        'cluster_pollution_treatment',
        'relocation_interest_subsidy',
      ],
      rural_products: [
        'typical_product',
        'trade_fair_domestic',
        'trade_fair_overseas',
        'brand_building',
        'showroom',
        'artisan_support',
      ],
      linkage_cluster: ['cluster_planning', 'cluster_infrastructure', 'association_linkage'],
      human_resources: ['vocational_training', 'capacity_building', 'enterprise_founding', 'consulting'],
      information: ['information', 'digital_transformation'],
      capacity: ['international_cooperation', 'programme_management'],
    });
    for (const g of CONTENT_GROUPS) expect(CONTENT_GROUP_DEFINITIONS[g].code).toBe(g);
  });

  it('the Decree 235 contents start with plan year 2026', () => {
    const from2026 = ACTIVITY_TYPES.filter((t) => ACTIVITY_TYPE_DEFINITIONS[t].validFromYear === 2026);
    expect(from2026).toEqual(['sustainable_production', 'artisan_support', 'digital_transformation']);
    expect(isActivityTypeValidIn('digital_transformation', 2025)).toBe(false);
    expect(isActivityTypeValidIn('digital_transformation', 2026)).toBe(true);
    expect(isActivityTypeValidIn('machinery', 2012)).toBe(true);
    expect(isActivityTypeValidIn('machinery', 2011)).toBe(false);
    expect(ACTIVITY_TYPE_DEFINITIONS.digital_transformation.decreeRef).toContain('235/2025/NĐ-CP');
  });

  it('carry the glossary labels with their diacritics', () => {
    expect(ACTIVITY_TYPE_DEFINITIONS.demonstration_model.nameVi).toBe('Mô hình trình diễn kỹ thuật');
    expect(ACTIVITY_TYPE_DEFINITIONS.machinery.nameVi).toBe(
      'Ứng dụng máy móc tiên tiến, chuyển giao công nghệ',
    );
    expect(ACTIVITY_TYPE_DEFINITIONS.cluster_planning.nameVi).toBe('Lập quy hoạch chi tiết cụm công nghiệp');
    expect(ACTIVITY_TYPE_DEFINITIONS.typical_product.nameVi).toBe('Sản phẩm công nghiệp nông thôn tiêu biểu');
  });
});

describe('labels', () => {
  it('every document kind and beneficiary kind has both labels', () => {
    for (const k of DOCUMENT_KINDS)
      expect(DOCUMENT_KIND_LABELS[k].vi && DOCUMENT_KIND_LABELS[k].en).toBeTruthy();
    for (const k of BENEFICIARY_KINDS)
      expect(BENEFICIARY_KIND_LABELS[k].vi && BENEFICIARY_KIND_LABELS[k].en).toBeTruthy();
    expect(DOCUMENT_KIND_LABELS.pilot_registration_form.vi).toBe(
      'Bản đăng ký kế hoạch khuyến công quốc gia (đề án điểm)',
    );
  });

  it('Vietnamese text is stored in NFC (precomposed), so search and comparison agree', () => {
    const all = strings([
      ACTIVITY_TYPE_DEFINITIONS,
      CONTENT_GROUP_DEFINITIONS,
      DOCUMENT_KIND_LABELS,
      BENEFICIARY_KIND_LABELS,
      NATIONAL_REGULATION_SETS,
    ]);
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((s) => s !== s.normalize('NFC'))).toEqual([]);
  });
});

describe.each(NATIONAL_REGULATION_SETS)('seed %s', (set) => {
  it('is a valid regulation set, unchanged by parsing', () => {
    expect(ZRegulationSet.parse(set)).toEqual(set);
  });

  it('allows only activity types whose legal basis covers its first plan year', () => {
    for (const t of set.activityTypes) expect(isActivityTypeValidIn(t, set.effectiveFromYear)).toBe(true);
  });

  it('has a cap line for every activity type, amounts in integer VND', () => {
    expect(set.caps.map((c) => c.activityType).sort()).toEqual([...set.activityTypes].sort());
    for (const c of set.caps) if (c.maxAmount !== null) expect(Number.isSafeInteger(c.maxAmount)).toBe(true);
  });

  it('marks as sourced only the three TT 28/2018 lines, and flags the priority multiplier everywhere', () => {
    expect(set.caps.filter((c) => !c.needsVerification).map((c) => c.activityType)).toEqual([
      'demonstration_model',
      'machinery',
      'enterprise_founding',
    ]);
    expect(set.caps.every((c) => c.priorityMultiplierNeedsVerification)).toBe(true);
    expect(set.caps.filter((c) => c.priorityMultiplier !== 1.5).map((c) => c.activityType)).toEqual(
      set === NATIONAL_2026 ? ['cleaner_production', 'sustainable_production'] : ['cleaner_production'],
    );
  });

  it('lists the six appraisal contents of TT 36/2013 Art. 9', () => {
    expect(set.appraisalCriteria.map((c) => c.code)).toEqual([
      'policy_conformity',
      'necessity_effectiveness',
      'reasonable_cost',
      'unit_capacity',
      'programme_integration',
      'dossier_completeness',
    ]);
    expect(set.scoreRubric).toBeUndefined();
  });

  it('advances: at most 70 % before acceptance', () => {
    expect(set.advances.maxBeforeAcceptancePercent).toBe(70);
  });
});

describe('differences between the two national sets', () => {
  it('Decree 235 adds three activity types', () => {
    expect(NATIONAL_2026.activityTypes.filter((t) => !NATIONAL_2012.activityTypes.includes(t))).toEqual([
      'sustainable_production',
      'artisan_support',
      'digital_transformation',
    ]);
    expect(NATIONAL_2012.effectiveToYear).toBe(2025);
    expect(NATIONAL_2026).toMatchObject({ effectiveFromYear: 2026, effectiveToYear: null });
  });

  it('shares the cap values of the older lines', () => {
    const strip = (set: TRegulationSet) =>
      set.caps.filter((c) => NATIONAL_2012.activityTypes.includes(c.activityType));
    expect(strip(NATIONAL_2026)).toEqual(NATIONAL_2012.caps);
  });

  it('adds the ownership priority from 2026 only, between industry and experience', () => {
    expect(NATIONAL_2012.priorityRules.order.map((o) => o.criterion)).toEqual([
      'pilot',
      'priority_area',
      'priority_industry',
      'experience',
    ]);
    expect(NATIONAL_2026.priorityRules.order.map((o) => o.criterion)).toEqual([
      'pilot',
      'priority_area',
      'priority_industry',
      'ownership',
      'experience',
    ]);
  });

  it('flags every procedural value of 2026 (the TT 36/2013 successor is unknown)', () => {
    expect(NATIONAL_2026.requiredDocuments.every((r) => r.needsVerification)).toBe(true);
    expect(NATIONAL_2026.appraisalCriteria.every((c) => c.needsVerification)).toBe(true);
    expect(NATIONAL_2026.priorityRules.order.every((o) => o.needsVerification)).toBe(true);
    expect(NATIONAL_2012.requiredDocuments.filter((r) => !r.needsVerification).map((r) => r.kinds)).toEqual([
      ['request_letter', 'project_document', 'cost_estimate'],
      ['beneficiary_request'],
      ['pilot_registration_form'],
    ]);
  });
});

describe('ZRegulationSet invariants', () => {
  const input = (patch: Partial<TRegulationSetInput>): TRegulationSetInput => ({
    ...NATIONAL_2026,
    ...patch,
  });
  const issues = (patch: Partial<TRegulationSetInput>) => {
    const r = ZRegulationSet.safeParse(input(patch));
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };
  const cap0 = NATIONAL_2026.caps[0]!;

  it('fills defaults an administrator may leave out', () => {
    const { priorityMultiplier, priorityMultiplierNeedsVerification, ...bare } = cap0;
    const req = NATIONAL_2026.requiredDocuments[0]!;
    const parsed = ZRegulationSet.parse(
      input({
        caps: [bare, ...NATIONAL_2026.caps.slice(1)],
        requiredDocuments: [
          {
            activityType: '*',
            submissionKind: 'full_dossier',
            kinds: ['other'],
            source: req.source,
            needsVerification: false,
          },
        ],
        legalBasis: undefined,
      }),
    );
    expect(parsed.caps[0]).toMatchObject({
      priorityMultiplier: 1.5,
      priorityMultiplierNeedsVerification: true,
    });
    expect(parsed.requiredDocuments[0]).toMatchObject({ condition: 'always', severity: 'error' });
    expect(parsed.legalBasis).toEqual([]);
  });

  it.each<[string, Partial<TRegulationSetInput>, string]>([
    ['a local set without province', { programme: 'local' }, 'provinceCode'],
    ['a national set with a province', { provinceCode: '01' }, 'provinceCode'],
    ['years reversed', { effectiveFromYear: 2026, effectiveToYear: 2025 }, 'effectiveToYear'],
    [
      'duplicate activity types',
      { activityTypes: [...NATIONAL_2026.activityTypes, 'machinery'] },
      'activityTypes',
    ],
    [
      'a cap for a type outside the set',
      { activityTypes: NATIONAL_2026.activityTypes.filter((t) => t !== 'showroom') },
      `caps.${NATIONAL_2026.caps.findIndex((c) => c.activityType === 'showroom')}.activityType`,
    ],
    [
      'two caps for one type',
      { caps: [...NATIONAL_2026.caps, cap0] },
      `caps.${NATIONAL_2026.caps.length}.activityType`,
    ],
    [
      'documents for a type outside the set',
      {
        activityTypes: NATIONAL_2026.activityTypes.filter((t) => t !== 'vocational_training'),
        caps: NATIONAL_2026.caps.filter((c) => c.activityType !== 'vocational_training'),
      },
      `requiredDocuments.${NATIONAL_2026.requiredDocuments.findIndex((r) => r.activityType === 'vocational_training')}.activityType`,
    ],
    [
      'an eligibility rule for a type outside the set',
      {
        activityTypes: NATIONAL_2026.activityTypes.filter((t) => t !== 'trade_fair_overseas'),
        caps: NATIONAL_2026.caps.filter((c) => c.activityType !== 'trade_fair_overseas'),
      },
      'eligibility.overseasFairs.activityTypes.0',
    ],
    [
      'a criterion twice in the ranking',
      {
        priorityRules: {
          order: [...NATIONAL_2026.priorityRules.order, NATIONAL_2026.priorityRules.order[0]!],
        },
      },
      'priorityRules.order',
    ],
    [
      'an appraisal criterion twice',
      { appraisalCriteria: [...NATIONAL_2026.appraisalCriteria, NATIONAL_2026.appraisalCriteria[0]!] },
      'appraisalCriteria',
    ],
    [
      'a rubric item that is no criterion',
      { scoreRubric: [{ code: 'beauty', weight: 1, maxScore: 10 }] },
      'scoreRubric.0.code',
    ],
    [
      'a deadline on 31 September',
      { deadlines: { ...NATIONAL_2026.deadlines, dossier: { ...NATIONAL_2026.deadlines.dossier, day: 31 } } },
      'deadlines.dossier.day',
    ],
    [
      'a deadline on 29 February',
      {
        deadlines: {
          ...NATIONAL_2026.deadlines,
          settlement: { ...NATIONAL_2026.deadlines.settlement, month: 2, day: 29 },
        },
      },
      'deadlines.settlement.day',
    ],
    [
      'a fractional amount',
      { caps: [{ ...cap0, maxAmount: 1.5 }, ...NATIONAL_2026.caps.slice(1)] },
      'caps.0.maxAmount',
    ],
    [
      'a share above 100 %',
      { caps: [{ ...cap0, shareOfEligibleCost: 101 }, ...NATIONAL_2026.caps.slice(1)] },
      'caps.0.shareOfEligibleCost',
    ],
  ])('refuses %s', (_, patch, path) => {
    expect(issues(patch)).toContain(path);
  });

  it('accepts a rubric on its own criteria and a valid local set', () => {
    expect(issues({ scoreRubric: [{ code: 'reasonable_cost', weight: 2, maxScore: 10 }] })).toEqual([]);
    expect(issues({ programme: 'local', provinceCode: '37', code: 'local-37-2026' })).toEqual([]);
  });
});
