import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalSerialize,
  compareByPriority,
  comparePriorityKeys,
  priorityKey,
  rankByPriority,
} from './priority';
import { NATIONAL_2012, NATIONAL_2026, NATIONAL_REGULATION_SETS } from './seeds';
import { proposal } from './test-helpers';
import type { TCheckableProposal, TRegulationSet } from './types';

const p = (code: string, overrides: Partial<TCheckableProposal> = {}) => proposal({ code, ...overrides });

const LIST: TCheckableProposal[] = [
  p('G-women', { womenOwned: true }),
  p('F-exp2', { unitExperienceYears: 2 }),
  p('C-industry', { priorityIndustry: true }),
  p('H-cleaner-area', { activityType: 'cleaner_production', priorityArea: true, unitExperienceYears: 5 }),
  p('B-area', { priorityArea: true }),
  p('E-exp10', { unitExperienceYears: 10 }),
  p('A-pilot', { isPilot: true }),
  p('D-area-industry', { priorityArea: true, priorityIndustry: true }),
  p('I-minority-area', { ethnicMinorityOwned: true, priorityArea: true }),
];
const order = (set: TRegulationSet) => rankByPriority(LIST, set).map((x) => x.code);

describe('the legal ranking order (TT 36/2013 Art. 7; TT 46/2012 Art. 6.3)', () => {
  it('national-2012: pilot, area before industry, then experience; cleaner production without area priority', () => {
    expect(order(NATIONAL_2012)).toEqual([
      'A-pilot',
      'D-area-industry',
      'B-area',
      'I-minority-area',
      'C-industry',
      'E-exp10',
      'H-cleaner-area',
      'F-exp2',
      'G-women',
    ]);
  });

  it('national-2026: women- or ethnic-minority-owned after area and industry, before experience', () => {
    expect(order(NATIONAL_2026)).toEqual([
      'A-pilot',
      'D-area-industry',
      'I-minority-area',
      'B-area',
      'C-industry',
      'G-women',
      'E-exp10',
      'H-cleaner-area',
      'F-exp2',
    ]);
  });

  it('breaks ties by code, then id, then title, then the data', () => {
    const tie = [
      proposal({ id: 'b' }),
      proposal({ id: 'a', title: 'Z' }),
      proposal({ code: 'KC-2', id: 'a' }),
      proposal({ code: 'KC-1' }),
      proposal({ id: 'a', title: 'Á' }),
      proposal({ id: 'a', title: 'Á', budget: { total: 1, requested: 0, counterpart: 1, other: 0 } }),
    ];
    expect(
      rankByPriority(tie, NATIONAL_2026).map((x) => [
        x.code ?? '',
        x.id ?? '',
        x.title ?? '',
        x.budget.total,
      ]),
    ).toEqual([
      ['', 'a', 'Z', 5_000_000_000],
      ['', 'a', 'Á', 1],
      ['', 'a', 'Á', 5_000_000_000],
      ['', 'b', '', 5_000_000_000],
      ['KC-1', '', '', 5_000_000_000],
      ['KC-2', 'a', '', 5_000_000_000],
    ]);
  });

  it('exposes the key: one rank per criterion, then the tie-breakers', () => {
    const key = priorityKey(
      p('KC-7', { isPilot: true, priorityIndustry: true, unitExperienceYears: 3, title: 'Đề án' }),
      NATIONAL_2026,
    );
    expect(key.slice(0, 8)).toEqual([0, 1, 0, 1, -3, 'KC-7', '', 'Đề án']);
    expect(priorityKey(p('x', { unitExperienceYears: Number.NaN }), NATIONAL_2012).slice(0, 4)).toEqual([
      1, 1, 1, 0,
    ]);
    expect(priorityKey(p('x', { unitExperienceYears: -4 }), NATIONAL_2012)[3]).toBe(0);
  });

  it('compares keys of different lengths, shorter first', () => {
    expect(comparePriorityKeys([0, 'a'], [0, 'a', 'b'])).toBeLessThan(0);
    expect(comparePriorityKeys([1, 'a'], [0, 'b'])).toBeGreaterThan(0);
    expect(comparePriorityKeys(['b'], ['a'])).toBeGreaterThan(0);
  });
});

describe('canonicalSerialize', () => {
  it('sorts keys, drops undefined members, keeps -0, NaN and non-JSON values apart', () => {
    expect(canonicalSerialize({ b: 1, a: [true, null, undefined], c: undefined })).toBe(
      '{"a":[true,null,undefined],"b":1}',
    );
    expect(canonicalSerialize(-0)).not.toBe(canonicalSerialize(0));
    expect(canonicalSerialize(Number.NaN)).not.toBe(canonicalSerialize('NaN'));
    expect(canonicalSerialize(1n)).not.toBe(canonicalSerialize('1'));
    expect(canonicalSerialize({ x: 'a"b' })).toBe('{"x":"a\\"b"}');
  });
});

describe('priority properties', () => {
  const arbProposal = fc
    .record(
      {
        code: fc.constantFrom('KC-1', 'KC-2', 'KC-3'),
        id: fc.constantFrom('a', 'b'),
        title: fc.constantFrom('Chế biến', 'Che bien', 'Đan lát'),
        isPilot: fc.boolean(),
        priorityArea: fc.boolean(),
        priorityIndustry: fc.boolean(),
        womenOwned: fc.boolean(),
        ethnicMinorityOwned: fc.boolean(),
        unitExperienceYears: fc.integer({ min: 0, max: 30 }),
        activityType: fc.constantFrom('demonstration_model', 'cleaner_production', 'machinery'),
        total: fc.integer({ min: 0, max: 3 }),
      },
      { requiredKeys: ['isPilot', 'activityType', 'total'] },
    )
    .map(
      ({ total, ...rest }): TCheckableProposal => ({
        planYear: 2026,
        ...rest,
        budget: { total, requested: 0, counterpart: total, other: 0 },
      }),
    );
  const arbSet = fc.constantFrom(...NATIONAL_REGULATION_SETS);
  const sign = (n: number) => Math.sign(n) + 0;

  it('is antisymmetric, and 0 only for equal data (a total order)', () => {
    fc.assert(
      fc.property(arbSet, arbProposal, arbProposal, (set, a, b) => {
        expect(sign(compareByPriority(a, b, set))).toBe(-sign(compareByPriority(b, a, set)));
        expect(compareByPriority(a, a, set)).toBe(0);
        expect(compareByPriority(a, b, set) === 0).toBe(canonicalSerialize(a) === canonicalSerialize(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(arbSet, arbProposal, arbProposal, arbProposal, (set, a, b, c) => {
        const [x, y, z] = rankByPriority([a, b, c], set) as [
          TCheckableProposal,
          TCheckableProposal,
          TCheckableProposal,
        ];
        expect(compareByPriority(x, y, set)).toBeLessThanOrEqual(0);
        expect(compareByPriority(y, z, set)).toBeLessThanOrEqual(0);
        expect(compareByPriority(x, z, set)).toBeLessThanOrEqual(0);
        if (compareByPriority(a, b, set) <= 0 && compareByPriority(b, c, set) <= 0) {
          expect(compareByPriority(a, c, set)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('sorts to the same order whatever the input order', () => {
    fc.assert(
      fc.property(
        arbSet,
        fc
          .array(arbProposal, { maxLength: 12 })
          .chain((list) =>
            fc.tuple(
              fc.constant(list),
              fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            ),
          ),
        (set, [list, shuffled]) => {
          const a = rankByPriority(list, set).map(canonicalSerialize);
          const b = rankByPriority(shuffled, set).map(canonicalSerialize);
          expect(b).toEqual(a);
          // The legal order holds along the ranking: no non-pilot before a pilot.
          const ranked = rankByPriority(list, set);
          const firstNonPilot = ranked.findIndex((x) => !x.isPilot);
          if (firstNonPilot >= 0) expect(ranked.slice(firstNonPilot).some((x) => x.isPilot)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
