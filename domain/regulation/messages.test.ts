import { describe, expect, it } from 'vitest';
import * as engine from './index';
import { activityName, renderFindingMessage } from './messages';
import { proposal } from './test-helpers';
import { FINDING_CODES, type TCheckableProposal } from './types';

const REGISTRY_CERTIFICATE = {
  id: 'a',
  number: '15/QĐ-BCT',
  level: 'national' as const,
  productName: 'Chè Shan tuyết',
  holderName: 'HTX Chè Suối Giàng',
  holderTaxCode: '0101234567',
  validUntil: '2030-12-31',
};

/** Proposals that together raise every finding code of both seeds. */
const CASES: [TCheckableProposal, engine.TRegulationSet][] = [
  [proposal({ planYear: 2026, activityType: 'digital_transformation' }), engine.NATIONAL_2012],
  [
    proposal({
      priorityArea: true,
      priorityIndustry: true,
      womenOwned: true,
      startDate: '2026-02-30',
      endDate: '2026-13-01',
      beneficiary: { name: 'Cơ sở Đặng Văn Ánh', kind: 'artisan' },
      budget: { total: 10, requested: 2_000_000_000, counterpart: 0, other: 1 },
    }),
    engine.NATIONAL_2026,
  ],
  [
    proposal({
      activityType: 'brand_building',
      budget: { total: Number.NaN, requested: 0, counterpart: 0, other: 0 },
    }),
    engine.NATIONAL_2026,
  ],
  [
    proposal({ activityType: 'cluster_pollution_treatment', endDate: '2027-01-01', startDate: '2027-02-01' }),
    engine.NATIONAL_2026,
  ],
  [proposal({ activityType: 'cluster_planning' }), engine.NATIONAL_2026],
  [proposal({ budget: { total: 10, requested: 1, counterpart: 1, other: 8 } }), engine.NATIONAL_2026],
  [proposal({ activityType: 'typical_product' }), engine.NATIONAL_2026],
  [
    proposal({
      activityType: 'typical_product',
      fields: { certificateLevel: 'provincial', certificateNumber: '1', validUntil: '2020-01-01' },
    }),
    engine.NATIONAL_2026,
  ],
  [
    proposal({
      activityType: 'typical_product',
      beneficiary: { taxCode: '0101234567' },
      fields: { certificateIds: ['a', 'b', 'c', 'missing'] },
      certificates: [
        { ...REGISTRY_CERTIFICATE, id: 'a' },
        { ...REGISTRY_CERTIFICATE, id: 'b', validUntil: '2020-01-01', holderTaxCode: '0309999999' },
      ],
    }),
    engine.NATIONAL_2026,
  ],
  [proposal({ activityType: 'trade_fair_overseas', fields: { fairsThisYear: 4 } }), engine.NATIONAL_2026],
  [
    proposal({
      activityType: 'machinery',
      fields: { items: [{ name: 'Máy cưa', price: 1, quotations: 0 }] },
    }),
    engine.NATIONAL_2026,
  ],
  [proposal({ activityType: 'showroom' }), { ...engine.NATIONAL_2026, caps: [] }],
];

describe('finding messages', () => {
  const findings = CASES.flatMap(([p, set]) => engine.checkProposal(p, set));

  it('the cases raise every finding code', () => {
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual([...FINDING_CODES].sort());
  });

  it('are rebuilt from code and params alone', () => {
    for (const f of findings) expect(renderFindingMessage(f)).toEqual(f.message);
  });

  it('are Vietnamese and English, never empty, never showing undefined', () => {
    for (const f of findings) {
      expect(f.message.vi.length).toBeGreaterThan(10);
      expect(f.message.en.length).toBeGreaterThan(10);
      expect(`${f.message.vi} ${f.message.en}`).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('name unknown codes as they are', () => {
    expect(activityName('karaoke')).toEqual({ vi: 'karaoke', en: 'karaoke' });
    expect(
      renderFindingMessage({
        code: 'beneficiary_kind_not_eligible',
        params: { kind: 'guild', activityType: 'machinery' },
      }).en,
    ).toBe('A beneficiary of kind “guild” is not eligible for “Advanced machinery and technology transfer”.');
    expect(renderFindingMessage({ code: 'budget_invalid', params: { field: 'fees' } }).vi).toBe(
      'fees không hợp lệ: phải là số nguyên đồng, không âm.',
    );
  });
});

describe('public API (index.ts)', () => {
  it('exports the engine, the seeds and the schemas', () => {
    for (const fn of [
      engine.checkProposal,
      engine.maxSupport,
      engine.priorityKey,
      engine.compareByPriority,
      engine.rankByPriority,
      engine.defaultDeadlines,
      engine.selectRegulationSet,
      engine.firstAdvance,
      engine.maxAdvanceBeforeAcceptance,
      engine.activityFieldsSchema,
      engine.renderFindingMessage,
    ]) {
      expect(typeof fn).toBe('function');
    }
    expect(engine.NATIONAL_REGULATION_SETS.map((s) => s.code)).toEqual(['national-2012', 'national-2026']);
    expect(engine.ZRegulationSet.safeParse(engine.NATIONAL_2026).success).toBe(true);
  });
});
