import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectProblem, type THarness } from '../../test/harness';

let h: THarness;
beforeAll(async () => {
  h = await createHarness({ now: '2026-03-02T02:00:00Z' });
});
afterAll(() => h?.close());

type TUnit = {
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
};

describe('administrative units with history', () => {
  it('63 provinces on 30/06/2025 and 34 from 01/07/2025, without signing in', async () => {
    const before = (await h.anonymous.get('/api/v1/admin-units?date=2025-06-30')).json() as TUnit[];
    const after = (await h.anonymous.get('/api/v1/admin-units?date=2025-07-01')).json() as TUnit[];
    expect(before).toHaveLength(63);
    expect(after).toHaveLength(34);
    expect(after.every((u) => u.validTo === null)).toBe(true);
    expect(before.every((u) => u.validTo === '2025-06-30' && u.successorCode)).toBe(true);
  });

  it('defaults to today in Vietnam time', async () => {
    expect(((await h.anonymous.get('/api/v1/admin-units')).json() as TUnit[]).length).toBe(34);
  });

  it('old Bắc Giang (24) and old Bắc Ninh (27) both lead to the new Bắc Ninh (24)', async () => {
    const bacGiang = (await h.anonymous.get('/api/v1/admin-units/24/history?date=2025-06-30')).json();
    expect(bacGiang.items).toHaveLength(1);
    expect(bacGiang.items[0].unit.name).toBe('Bắc Giang');
    expect(bacGiang.items[0].successors.map((u: TUnit) => [u.code, u.name, u.validFrom])).toEqual([
      ['24', 'Bắc Ninh', '2025-07-01'],
    ]);
    const bacNinh = (await h.anonymous.get('/api/v1/admin-units/27/history')).json();
    expect(bacNinh.items[0].successors.map((u: TUnit) => [u.code, u.name])).toEqual([['24', 'Bắc Ninh']]);
    const newBacNinh = (await h.anonymous.get('/api/v1/admin-units/24/history?date=2025-07-01')).json();
    expect(newBacNinh.items[0].predecessors.map((u: TUnit) => u.name).sort()).toEqual([
      'Bắc Giang',
      'Bắc Ninh',
    ]);
  });

  it('without a date, lists every unit that ever carried a reused code', async () => {
    const all = (await h.anonymous.get('/api/v1/admin-units/24/history')).json();
    expect(all.items.map((i: { unit: TUnit }) => i.unit.name)).toEqual(['Bắc Giang', 'Bắc Ninh']);
  });

  it('an unknown code is 404 and a bad date is 400, both problem+json', async () => {
    expectProblem(await h.anonymous.get('/api/v1/admin-units/99/history'), 404, 'not_found');
    expectProblem(await h.anonymous.get('/api/v1/admin-units?date=2025-02-30'), 400, 'validation_failed');
    expectProblem(await h.anonymous.get('/api/v1/admin-units/abc/history'), 400, 'validation_failed');
  });

  it('activity types are filtered by plan year (Decree 235/2025 types from 2026)', async () => {
    const y2025 = (await h.anonymous.get('/api/v1/activity-types?planYear=2025')).json() as {
      code: string;
    }[];
    const y2026 = (await h.anonymous.get('/api/v1/activity-types?planYear=2026')).json() as {
      code: string;
      nameVi: string;
      contentGroupNameVi: string;
    }[];
    expect(y2025.map((t) => t.code)).not.toContain('digital_transformation');
    expect(y2026.map((t) => t.code)).toContain('digital_transformation');
    expect(y2026.find((t) => t.code === 'demonstration_model')?.nameVi).toBe('Mô hình trình diễn kỹ thuật');
  });
});
