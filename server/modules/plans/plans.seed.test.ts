import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, proposals } from '../../db/schema';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed/demo';
import { createHarness, type THarness } from '../../test/harness';
import { seedDemoLocalPlans } from './local-plans.seed';
import { seedDemoPlans } from './plans.seed';

/** Issue #6, done-when 3: on the demo data the plan's totals are the sums of its items, and the .xlsx agrees. */

let h: THarness;

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-28T03:00:00Z' });
  await seedDemoData(h.db, h.clock.now(), h.ctx);
});
afterAll(() => h?.close());

const signIn = (email: string) => h.signIn(email, DEMO_PASSWORD);

type TGroup = { count: number; approvedFunding: number };
type TPlanBody = {
  status: string;
  totals: TGroup;
  byProvince: TGroup[];
  byActivityType: TGroup[];
  items: { inPlan: boolean; approvedFunding: number }[];
};

function expectTotalsAreSums(plan: TPlanBody) {
  const inPlan = plan.items.filter((i) => i.inPlan);
  const sum = (xs: { approvedFunding: number }[]) => xs.reduce((n, x) => n + x.approvedFunding, 0);
  expect(plan.totals.count).toBe(inPlan.length);
  expect(plan.totals.approvedFunding).toBe(sum(inPlan));
  expect(sum(plan.byProvince)).toBe(plan.totals.approvedFunding);
  expect(sum(plan.byActivityType)).toBe(plan.totals.approvedFunding);
  expect(plan.byProvince.reduce((n, g) => n + g.count, 0)).toBe(plan.totals.count);
  expect(plan.byActivityType.reduce((n, g) => n + g.count, 0)).toBe(plan.totals.count);
}

describe('seed --demo: appraisals and plans', () => {
  it('2026 has a decided draft plan; 2025 an approved one; the totals are the sums of the items', async () => {
    const leader = await signIn('lanhdao.cuc@demo.khuyencong.vn');
    const p2026 = (await leader.get('/api/v1/plans/2026')).json() as TPlanBody;
    expect(p2026.status).toBe('draft');
    expect(p2026.totals.count).toBe(2);
    expect(p2026.totals.approvedFunding).toBeGreaterThan(0);
    expectTotalsAreSums(p2026);
    const p2025 = (await leader.get('/api/v1/plans/2025')).json() as TPlanBody;
    expect(p2025.status).toBe('approved');
    expect(p2025.totals.count).toBeGreaterThanOrEqual(5);
    expectTotalsAreSums(p2025);
    for (const [year, plan] of [
      [2026, p2026],
      [2025, p2025],
    ] as const) {
      const file = await leader.get(`/api/v1/plans/${year}/export.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      let total: number | undefined;
      workbook.getWorksheet('Kế hoạch')!.eachRow((row) => {
        if ((row.values as unknown[]).includes('Tổng cộng'))
          total = (row.getCell(8).value as { result: number }).result;
      });
      expect([year, total]).toEqual([year, plan.totals.approvedFunding]);
    }
    // The council member's queue: one left to appraise.
    const council = await signIn('thamdinh@demo.khuyencong.vn');
    const queue = (await council.get('/api/v1/appraisal/queue')).json();
    expect(queue.counts).toMatchObject({ assigned: 3, submitted: 2, left: 1 });
    // Open data of the approved 2025 plan.
    const open = await h.anonymous.get('/api/v1/open-data/plans/2025.json');
    expect(open.statusCode).toBe(200);
    expect(open.json().totals).toEqual(p2025.totals);
  });

  it('is idempotent', async () => {
    const before = (await h.db.select().from(proposals)).map((p) => [p.id, p.status, p.lockVersion]);
    expect(await seedDemoPlans(h.ctx, h.clock.now())).toEqual({ appraised: 0, approvedPlans: 0 });
    const after = (await h.db.select().from(proposals)).map((p) => [p.id, p.status, p.lockVersion]);
    expect(after).toEqual(before);
    expect(await h.db.select().from(plans).where(eq(plans.planYear, 2025))).toHaveLength(1);
  });
});

describe('the local-plan demo (issue #7)', () => {
  it('Bắc Ninh’s 2026 local plan approved by its UBND; its 2027 local cycle in progress; idempotent', async () => {
    const ubnd = await signIn('ubnd.bacninh@demo.khuyencong.vn');
    const plan = (await ubnd.get('/api/v1/local-plans/24/2026')).json();
    expect(plan).toMatchObject({
      programme: 'local',
      status: 'approved',
      approved: { decisionNumber: '1234/QĐ-UBND' },
      totals: { count: 3 },
      canApprove: false,
    });
    expect(plan.items.map((i: { code: string }) => i.code).sort()).toEqual([
      'KCĐP-2026-24-0001',
      'KCĐP-2026-24-0002',
      'KCĐP-2026-24-0003',
    ]);
    const local = await h.db.select().from(proposals).where(eq(proposals.programme, 'local'));
    const byYear = (year: number) =>
      local
        .filter((p) => p.planYear === year)
        .map((p) => p.status)
        .sort();
    expect(byYear(2026)).toEqual(['approved', 'approved', 'approved']);
    expect(byYear(2027)).toEqual(['draft', 'registered', 'under_appraisal']);
    expect(await seedDemoLocalPlans(h.ctx, h.clock.now())).toEqual({ cycles: 0, proposals: 0 });
  });
});
