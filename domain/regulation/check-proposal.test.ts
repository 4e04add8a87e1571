import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProposal, hasNoErrors } from './check-proposal';
import { maxSupport } from './max-support';
import { NATIONAL_2012, NATIONAL_2026, NATIONAL_REGULATION_SETS } from './seeds';
import { codes, proposal, withCode } from './test-helpers';
import type { TCheckableProposal, TRegulationSet } from './types';

const ALL_DOCS: NonNullable<TCheckableProposal['documents']> = [
  { kind: 'request_letter' },
  { kind: 'project_document' },
  { kind: 'cost_estimate' },
];
describe('the cap (issue #3 examples)', () => {
  it('demonstration model 2026: 1,200,000,000 of 5,000,000,000 exceeds 30 % / 1,000,000,000 per model', () => {
    const p = proposal({
      budget: { total: 5_000_000_000, requested: 1_200_000_000, counterpart: 3_800_000_000, other: 0 },
      documents: ALL_DOCS,
    });
    const findings = checkProposal(p, NATIONAL_2026);
    const [cap, ...others] = withCode(findings, 'cap_exceeded');
    expect(others).toEqual([]);
    expect(cap).toEqual({
      code: 'cap_exceeded',
      severity: 'error',
      path: 'budget.requested',
      params: {
        requested: 1_200_000_000,
        allowed: 1_000_000_000,
        sharePercent: 30,
        maxAmount: 1_000_000_000,
        unit: 'model',
        units: 1,
        multiplier: 1,
        limitedBy: 'amount',
      },
      message: {
        vi: 'Kinh phí đề nghị hỗ trợ 1.200.000.000 ₫ vượt mức tối đa 1.000.000.000 ₫ (30 % chi phí, tối đa 1.000.000.000 ₫/mô hình).',
        en: 'The requested support of 1.200.000.000 ₫ exceeds the maximum of 1.000.000.000 ₫ (30 % of the cost, at most 1.000.000.000 ₫ per model).',
      },
    });
    expect(codes(findings.filter((f) => f.severity === 'error'))).toEqual(['cap_exceeded']);
  });

  it('the same in a priority area: maximum 1,500,000,000, no error at 1,200,000,000', () => {
    const p = proposal({
      priorityArea: true,
      budget: { total: 5_000_000_000, requested: 1_200_000_000, counterpart: 3_800_000_000, other: 0 },
      documents: ALL_DOCS,
    });
    expect(maxSupport(p, NATIONAL_2026)?.amount).toBe(1_500_000_000);
    const findings = checkProposal(p, NATIONAL_2026);
    expect(hasNoErrors(findings)).toBe(true);
    expect(withCode(findings, 'priority_applied')).toEqual([
      expect.objectContaining({
        severity: 'info',
        params: { multiplier: 1.5, basis: 'area' },
        message: {
          vi: 'Áp dụng mức hỗ trợ ưu tiên (địa bàn ưu tiên): mức tối đa × 1,5.',
          en: 'Priority support applies (priority area): cap × 1.5.',
        },
      }),
    ]);
    // The ×1.5 is unknown for TT 28/2018, so the applied rule is flagged.
    expect(withCode(findings, 'rule_needs_verification')).toHaveLength(1);
    const over = { ...p, budget: { ...p.budget, requested: 1_500_000_001, counterpart: 3_499_999_999 } };
    expect(withCode(checkProposal(over, NATIONAL_2026), 'cap_exceeded')[0]?.message.vi).toBe(
      'Kinh phí đề nghị hỗ trợ 1.500.000.001 ₫ vượt mức tối đa 1.500.000.000 ₫ (30 % chi phí, tối đa 1.000.000.000 ₫/mô hình × 1,5).',
    );
  });

  it.each([NATIONAL_2012, NATIONAL_2026])(
    'machinery in %s: 50 % and 300,000,000 per establishment',
    (set) => {
      const machinery = (total: number, requested: number, fields = {}) =>
        withCode(
          checkProposal(
            proposal({
              planYear: set.effectiveFromYear,
              activityType: 'machinery',
              fields,
              budget: { total, requested, counterpart: total - requested, other: 0 },
            }),
            set,
          ),
          'cap_exceeded',
        );
      expect(machinery(1_000_000_000, 300_000_000)).toEqual([]);
      expect(machinery(1_000_000_000, 300_000_001)[0]?.params).toMatchObject({
        allowed: 300_000_000,
        limitedBy: 'amount',
        sharePercent: 50,
        maxAmount: 300_000_000,
        unit: 'establishment',
      });
      expect(machinery(1_000_000_000, 300_000_001)[0]?.message.vi).toBe(
        'Kinh phí đề nghị hỗ trợ 300.000.001 ₫ vượt mức tối đa 300.000.000 ₫ (50 % chi phí, tối đa 300.000.000 ₫/cơ sở).',
      );
      expect(machinery(500_000_000, 250_000_000)).toEqual([]);
      expect(machinery(500_000_000, 250_000_001)[0]?.params).toMatchObject({
        allowed: 250_000_000,
        limitedBy: 'share',
      });
      expect(machinery(2_000_000_000, 600_000_000, { establishments: 2 })).toEqual([]);
      expect(machinery(2_000_000_000, 450_000_000, { isTechnologyLine: true })).toEqual([]);
      expect(machinery(2_000_000_000, 450_000_001, { isTechnologyLine: true })[0]?.message.vi).toBe(
        'Kinh phí đề nghị hỗ trợ 450.000.001 ₫ vượt mức tối đa 450.000.000 ₫ (50 % chi phí, tối đa 300.000.000 ₫/cơ sở × 1,5).',
      );
    },
  );

  it('names the units and omits the amount of a line without one', () => {
    const two = checkProposal(
      proposal({
        fields: { models: 2 },
        budget: { total: 10_000_000_000, requested: 2_000_000_001, counterpart: 7_999_999_999, other: 0 },
      }),
      NATIONAL_2026,
    );
    expect(withCode(two, 'cap_exceeded')[0]?.message.en).toBe(
      'The requested support of 2.000.000.001 ₫ exceeds the maximum of 2.000.000.000 ₫ (30 % of the cost, at most 1.000.000.000 ₫ per model × 2).',
    );
    const both = checkProposal(
      proposal({
        fields: { models: 2 },
        priorityIndustry: true,
        budget: { total: 10_000_000_000, requested: 3_000_000_001, counterpart: 6_999_999_999, other: 0 },
      }),
      NATIONAL_2026,
    );
    expect(withCode(both, 'cap_exceeded')[0]?.message.vi).toBe(
      'Kinh phí đề nghị hỗ trợ 3.000.000.001 ₫ vượt mức tối đa 3.000.000.000 ₫ (30 % chi phí, tối đa 1.000.000.000 ₫/mô hình × 2 × 1,5).',
    );
    const info = withCode(
      checkProposal(
        proposal({
          activityType: 'information',
          budget: { total: 100, requested: 101, counterpart: 0, other: 0 },
        }),
        NATIONAL_2026,
      ),
      'cap_exceeded',
    )[0];
    expect(info?.params).not.toHaveProperty('maxAmount');
    expect(info?.message.vi).toBe('Kinh phí đề nghị hỗ trợ 101 ₫ vượt mức tối đa 100 ₫ (100 % chi phí).');
    const founding = withCode(
      checkProposal(
        proposal({
          activityType: 'enterprise_founding',
          budget: { total: 20_000_000, requested: 10_000_001, counterpart: 9_999_999, other: 0 },
        }),
        NATIONAL_2026,
      ),
      'cap_exceeded',
    )[0];
    expect(founding?.message.vi).toBe(
      'Kinh phí đề nghị hỗ trợ 10.000.001 ₫ vượt mức tối đa 10.000.000 ₫ (tối đa 10.000.000 ₫/doanh nghiệp).',
    );
  });

  it('flags an applied line that needs verification, not a sourced one', () => {
    const demo = checkProposal(proposal(), NATIONAL_2026);
    expect(withCode(demo, 'rule_needs_verification')).toEqual([]);
    const brand = checkProposal(
      proposal({
        activityType: 'brand_building',
        budget: { total: 70_000_000, requested: 35_000_000, counterpart: 35_000_000, other: 0 },
      }),
      NATIONAL_2026,
    );
    expect(withCode(brand, 'rule_needs_verification')[0]).toMatchObject({
      severity: 'info',
      params: { rule: 'cap' },
    });
    expect(withCode(brand, 'rule_needs_verification')[0]?.params.source).toContain('TTLT 26/2014');
  });

  it('says so when an activity type of the set has no cap line', () => {
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      caps: NATIONAL_2026.caps.filter((c) => c.activityType !== 'showroom'),
    };
    const findings = checkProposal(proposal({ activityType: 'showroom' }), set);
    expect(withCode(findings, 'cap_rule_missing')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'activityType',
        params: { activityType: 'showroom' },
      }),
    ]);
  });
});

describe('scope of the set', () => {
  it('refuses activity types the set does not have (Decree 235 types before 2026)', () => {
    const p = proposal({ planYear: 2025, activityType: 'digital_transformation' });
    const findings = checkProposal(p, NATIONAL_2012);
    expect(withCode(findings, 'activity_type_not_in_set')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'activityType',
        message: {
          vi: 'Nội dung hoạt động «Chuyển đổi số trong hoạt động khuyến công» không thuộc bộ quy định national-2012.',
          en: 'The activity type “Digital transformation in industrial-extension activities” is not part of regulation set national-2012.',
        },
      }),
    ]);
    expect(withCode(findings, 'cap_exceeded')).toEqual([]);
    expect(withCode(findings, 'cap_rule_missing')).toEqual([]);
    expect(
      withCode(checkProposal({ ...p, planYear: 2026 }, NATIONAL_2026), 'activity_type_not_in_set'),
    ).toEqual([]);
  });

  it('refuses plan years outside the set', () => {
    expect(
      withCode(checkProposal(proposal({ planYear: 2026 }), NATIONAL_2012), 'plan_year_outside_set')[0],
    ).toMatchObject({
      path: 'planYear',
      params: { planYear: 2026, setCode: 'national-2012', period: '2013–2025' },
    });
    expect(
      withCode(checkProposal(proposal({ planYear: 2012 }), NATIONAL_2012), 'plan_year_outside_set'),
    ).toHaveLength(1);
    expect(
      withCode(checkProposal(proposal({ planYear: 2025 }), NATIONAL_2026), 'plan_year_outside_set')[0]
        ?.message.vi,
    ).toBe('Năm kế hoạch 2025 nằm ngoài thời gian áp dụng của bộ quy định national-2026 (2026–…).');
    expect(
      withCode(checkProposal(proposal({ planYear: 2040 }), NATIONAL_2026), 'plan_year_outside_set'),
    ).toEqual([]);
  });
});

describe('budget', () => {
  it('total must equal requested + counterpart + other', () => {
    const p = proposal({
      budget: {
        total: 5_000_000_000,
        requested: 1_000_000_000,
        counterpart: 3_000_000_000,
        other: 900_000_000,
      },
    });
    expect(withCode(checkProposal(p, NATIONAL_2026), 'budget_mismatch')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'budget.total',
        params: {
          total: 5_000_000_000,
          sum: 4_900_000_000,
          requested: 1_000_000_000,
          counterpart: 3_000_000_000,
          other: 900_000_000,
        },
        message: {
          vi: 'Tổng kinh phí 5.000.000.000 ₫ không bằng tổng kinh phí KCQG đề nghị hỗ trợ, kinh phí đối ứng và nguồn khác (4.900.000.000 ₫).',
          en: 'The total budget 5.000.000.000 ₫ differs from requested support + counterpart + other sources (4.900.000.000 ₫).',
        },
      }),
    ]);
    expect(withCode(checkProposal(proposal(), NATIONAL_2026), 'budget_mismatch')).toEqual([]);
  });

  it('reports every amount that is not integer VND, and skips the sums', () => {
    const p = proposal({ budget: { total: Number.NaN, requested: 1.5, counterpart: -1, other: 0 } });
    const findings = checkProposal(p, NATIONAL_2026);
    expect(withCode(findings, 'budget_invalid').map((f) => f.path)).toEqual([
      'budget.total',
      'budget.requested',
      'budget.counterpart',
    ]);
    expect(withCode(findings, 'budget_invalid')[0]?.message.vi).toBe(
      'Tổng kinh phí không hợp lệ: phải là số nguyên đồng, không âm.',
    );
    expect(codes(findings)).not.toContain('budget_mismatch');
    expect(codes(findings)).not.toContain('counterpart_insufficient');
    expect(codes(findings)).not.toContain('cap_exceeded');
  });
});

describe('cap_exceeded properties', () => {
  const arb = fc.constantFrom(...NATIONAL_REGULATION_SETS).chain((set) =>
    fc.record({
      set: fc.constant(set),
      activityType: fc.constantFrom(...set.activityTypes),
      total: fc.integer({ min: 0, max: 1e12 }),
      offset: fc.integer({ min: -1_000, max: 1_000 }),
      raise: fc.integer({ min: 0, max: 1e12 }),
      priorityArea: fc.boolean(),
      models: fc.integer({ min: 1, max: 4 }),
    }),
  );

  it('is reported exactly when requested > maxSupport, and raising the request never removes it', () => {
    fc.assert(
      fc.property(arb, ({ set, activityType, total, offset, raise, priorityArea, models }) => {
        const base = proposal({
          planYear: set.effectiveFromYear,
          activityType,
          priorityArea,
          fields: { models },
        });
        const cap = maxSupport({ ...base, budget: { total, requested: 0, counterpart: 0, other: 0 } }, set);
        const requested = Math.max(0, (cap?.amount ?? 0) + offset);
        const at = (r: number) =>
          withCode(
            checkProposal({ ...base, budget: { total, requested: r, counterpart: 0, other: 0 } }, set),
            'cap_exceeded',
          );
        const before = at(requested);
        expect(before.length > 0).toBe(cap !== null && requested > cap.amount);
        if (before.length > 0) expect(at(requested + raise)).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });
});

describe('counterpart (TTLT 26/2014 Art. 7)', () => {
  it.each([NATIONAL_2012, NATIONAL_2026])(
    'in %s the beneficiary covers the whole remaining cost itself',
    (set) => {
      const p = proposal({
        planYear: set.effectiveFromYear,
        budget: {
          total: 5_000_000_000,
          requested: 1_000_000_000,
          counterpart: 3_500_000_000,
          other: 500_000_000,
        },
      });
      expect(withCode(checkProposal(p, set), 'counterpart_insufficient')).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'budget.counterpart',
          params: { counterpart: 3_500_000_000, required: 4_000_000_000 },
          message: {
            vi: 'Kinh phí đối ứng 3.500.000.000 ₫ thấp hơn phần kinh phí còn lại đơn vị thụ hưởng phải cam kết đầu tư (4.000.000.000 ₫).',
            en: 'Counterpart funds of 3.500.000.000 ₫ are below the remaining cost the beneficiary must commit (4.000.000.000 ₫).',
          },
        }),
      ]);
      expect(
        withCode(
          checkProposal(proposal({ planYear: set.effectiveFromYear }), set),
          'counterpart_insufficient',
        ),
      ).toEqual([]);
      // Lines funded in full by the state are out of scope.
      const info = proposal({
        planYear: set.effectiveFromYear,
        activityType: 'information',
        budget: { total: 100, requested: 50, counterpart: 0, other: 50 },
      });
      expect(withCode(checkProposal(info, set), 'counterpart_insufficient')).toEqual([]);
    },
  );

  it('counts other funds when the set says so', () => {
    const rule = NATIONAL_2026.eligibility.counterpart!;
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      eligibility: { ...NATIONAL_2026.eligibility, counterpart: { ...rule, countOtherFunds: true } },
    };
    const p = proposal({
      budget: {
        total: 5_000_000_000,
        requested: 1_000_000_000,
        counterpart: 3_500_000_000,
        other: 500_000_000,
      },
    });
    expect(withCode(checkProposal(p, set), 'counterpart_insufficient')).toEqual([]);
  });
});

describe('dates', () => {
  it('end before start', () => {
    const findings = checkProposal(
      proposal({ startDate: '2026-05-01', endDate: '2026-04-30' }),
      NATIONAL_2026,
    );
    expect(withCode(findings, 'dates_invalid')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'endDate',
        params: { reason: 'end_before_start', startDate: '2026-05-01', endDate: '2026-04-30' },
        message: {
          vi: 'Ngày kết thúc 30/04/2026 trước ngày bắt đầu 01/05/2026.',
          en: 'The end date 2026-04-30 is before the start date 2026-05-01.',
        },
      }),
    ]);
    expect(
      withCode(
        checkProposal(proposal({ startDate: '2026-05-01', endDate: '2026-05-01' }), NATIONAL_2026),
        'dates_invalid',
      ),
    ).toEqual([]);
  });

  it('dates that are not real dates', () => {
    const findings = checkProposal(
      proposal({ startDate: '2026-02-30', endDate: '31/12/2026' }),
      NATIONAL_2026,
    );
    expect(withCode(findings, 'dates_invalid').map((f) => [f.path, f.params.reason])).toEqual([
      ['startDate', 'start_format'],
      ['endDate', 'end_format'],
    ]);
    expect(withCode(findings, 'dates_invalid')[0]?.message.vi).toBe(
      'Ngày bắt đầu không phải ngày hợp lệ (YYYY-MM-DD).',
    );
    expect(withCode(findings, 'dates_invalid')[1]?.message.en).toBe(
      'The end date is not a valid date (YYYY-MM-DD).',
    );
    expect(
      withCode(checkProposal(proposal({ startDate: '', endDate: '' }), NATIONAL_2026), 'dates_invalid'),
    ).toEqual([]);
  });
});

describe.each([NATIONAL_2012, NATIONAL_2026])(
  'completion within the plan year in %s (480/CTĐP-QLKC)',
  (set) => {
    const year = set.effectiveFromYear;
    const at = (activityType: TCheckableProposal['activityType'], endDate?: string) =>
      checkProposal(proposal({ planYear: year, activityType, ...(endDate ? { endDate } : {}) }), set);

    it.each(['cluster_planning', 'cluster_pollution_treatment'] as const)('%s', (activityType) => {
      expect(withCode(at(activityType, `${year}-12-31`), 'completion_outside_plan_year')).toEqual([]);
      expect(withCode(at(activityType, `${year + 1}-01-15`), 'completion_outside_plan_year')).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'endDate',
          message: {
            vi: `Nội dung này phải hoàn thành trong năm kế hoạch ${year}, nhưng ngày kết thúc là 15/01/${year + 1}.`,
            en: `This activity must be completed within plan year ${year}, but it ends on ${year + 1}-01-15.`,
          },
        }),
      ]);
      expect(withCode(at(activityType, `${year - 1}-12-31`), 'completion_outside_plan_year')).toHaveLength(1);
      expect(withCode(at(activityType), 'completion_date_missing')).toEqual([
        expect.objectContaining({ severity: 'warning', path: 'endDate', params: { planYear: year } }),
      ]);
      expect(withCode(at(activityType, 'not a date'), 'completion_outside_plan_year')).toEqual([]);
    });

    it('does not apply to other lines', () => {
      expect(
        withCode(at('cluster_infrastructure', `${year + 1}-06-30`), 'completion_outside_plan_year'),
      ).toEqual([]);
      expect(withCode(at('machinery'), 'completion_date_missing')).toEqual([]);
    });
  },
);

describe('beneficiary kinds', () => {
  const kindOf = (
    set: TRegulationSet,
    activityType: TCheckableProposal['activityType'],
    kind: NonNullable<TCheckableProposal['beneficiary']>['kind'],
  ) =>
    withCode(
      checkProposal(
        proposal({ planYear: set.effectiveFromYear, activityType, beneficiary: { name: 'Cơ sở A', kind } }),
        set,
      ),
      'beneficiary_kind_not_eligible',
    ).length;

  it('national-2012: rural establishments; cleaner-production establishments only for cleaner production', () => {
    for (const kind of ['sme', 'cooperative', 'cooperative_group', 'household_business'] as const) {
      expect(kindOf(NATIONAL_2012, 'machinery', kind)).toBe(0);
    }
    expect(kindOf(NATIONAL_2012, 'machinery', 'cleaner_production_establishment')).toBe(1);
    expect(kindOf(NATIONAL_2012, 'cleaner_production', 'cleaner_production_establishment')).toBe(0);
    expect(kindOf(NATIONAL_2012, 'machinery', 'craft_village')).toBe(1);
    expect(kindOf(NATIONAL_2012, 'machinery', 'cooperative_union')).toBe(1);
    // Cluster works and information have no establishment beneficiary to check.
    expect(kindOf(NATIONAL_2012, 'cluster_planning', 'cluster_infrastructure_investor')).toBe(0);
    expect(kindOf(NATIONAL_2012, 'information', 'artisan')).toBe(0);
  });

  it('national-2026: Decree 235 adds unions, craft villages, artisans and cluster investors', () => {
    expect(kindOf(NATIONAL_2026, 'machinery', 'craft_village')).toBe(0);
    expect(kindOf(NATIONAL_2026, 'machinery', 'cooperative_union')).toBe(0);
    expect(kindOf(NATIONAL_2026, 'machinery', 'artisan')).toBe(1);
    expect(kindOf(NATIONAL_2026, 'artisan_support', 'artisan')).toBe(0);
    expect(kindOf(NATIONAL_2026, 'artisan_support', 'sme')).toBe(1);
    expect(kindOf(NATIONAL_2026, 'sustainable_production', 'sustainable_production_establishment')).toBe(0);
    expect(kindOf(NATIONAL_2026, 'cleaner_production', 'sustainable_production_establishment')).toBe(1);
    expect(kindOf(NATIONAL_2026, 'cluster_infrastructure', 'cluster_infrastructure_investor')).toBe(0);
    expect(kindOf(NATIONAL_2026, 'cluster_infrastructure', 'household_business')).toBe(1);
    expect(kindOf(NATIONAL_2026, 'digital_transformation', 'artisan')).toBe(0);
  });

  it('explains the refusal and ignores a proposal without a kind', () => {
    const [f] = withCode(
      checkProposal(
        proposal({ activityType: 'artisan_support', beneficiary: { kind: 'household_business' } }),
        NATIONAL_2026,
      ),
      'beneficiary_kind_not_eligible',
    );
    expect(f).toMatchObject({ severity: 'error', path: 'beneficiary.kind' });
    expect(f?.message.vi).toBe(
      'Đơn vị thụ hưởng loại «Hộ kinh doanh» không thuộc đối tượng được hỗ trợ nội dung «Hỗ trợ nghệ nhân bảo tồn, phát huy nghề truyền thống».',
    );
    expect(
      withCode(
        checkProposal(proposal({ beneficiary: { name: 'X' } }), NATIONAL_2026),
        'beneficiary_kind_not_eligible',
      ),
    ).toEqual([]);
  });
});
