import { describe, expect, it } from 'vitest';
import { NATIONAL_2012, NATIONAL_2026 } from '../../../domain/regulation';
import { compareCaps, compareDocuments, compareOther, flatten } from './compare';

describe('comparing two regulation sets', () => {
  it('marks only the changed cap cells', () => {
    const lowered = {
      ...NATIONAL_2026,
      caps: NATIONAL_2026.caps.map((c) =>
        c.activityType === 'demonstration_model' ? { ...c, maxAmount: 800_000_000 } : c,
      ),
    };
    const rows = compareCaps(NATIONAL_2026, lowered);
    const changed = rows.filter((r) => Object.values(r.changed).some(Boolean));
    expect(changed.map((r) => r.activityType)).toEqual(['demonstration_model']);
    expect(changed[0]?.changed).toEqual({
      share: false,
      maxAmount: true,
      multiplier: false,
      verification: false,
      other: false,
    });
  });

  it('lists activity types present in one set only as changed', () => {
    const rows = compareCaps(NATIONAL_2012, NATIONAL_2026);
    const added = rows.filter((r) => r.a === undefined).map((r) => r.activityType);
    expect(added).toEqual(['sustainable_production', 'artisan_support', 'digital_transformation']);
    expect(rows.find((r) => r.activityType === 'demonstration_model')?.changed.share).toBe(false);
  });

  it('matches document lists and finds other changed values by path', () => {
    const fewer = {
      ...NATIONAL_2026,
      requiredDocuments: NATIONAL_2026.requiredDocuments.map((r, i) =>
        i === 0 ? { ...r, kinds: r.kinds.slice(0, 2) } : r,
      ),
      deadlines: { ...NATIONAL_2026.deadlines, dossier: { ...NATIONAL_2026.deadlines.dossier, day: 15 } },
    };
    expect(compareDocuments(NATIONAL_2026, fewer).filter((r) => r.changed)).toHaveLength(1);
    expect(compareOther(NATIONAL_2026, fewer)).toEqual([{ path: 'deadlines.dossier.day', a: '30', b: '15' }]);
    expect(
      flatten({ a: [], b: {}, c: null, d: ['x', 'y'], e: [{ code: 'k', n: 1 }], f: [{ n: 2 }] }),
    ).toEqual(
      new Map([
        ['a', '[]'],
        ['b', '{}'],
        ['c', 'null'],
        ['d', 'x, y'],
        ['e[k].code', 'k'],
        ['e[k].n', '1'],
        ['f.0.n', '2'],
      ]),
    );
  });

  it('addresses keyed lists by key, so an insertion changes one entry', () => {
    const reordered = {
      ...NATIONAL_2026,
      appraisalCriteria: [...NATIONAL_2026.appraisalCriteria].reverse(),
      legalBasis: [...NATIONAL_2026.legalBasis, 'TT mới'],
    };
    expect(compareOther(NATIONAL_2026, reordered)).toEqual([
      {
        path: 'legalBasis',
        a: NATIONAL_2026.legalBasis.join(', '),
        b: [...NATIONAL_2026.legalBasis, 'TT mới'].join(', '),
      },
    ]);
  });
});
