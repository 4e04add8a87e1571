import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  proposalAdjustments,
  proposalAdvances,
  proposalInspections,
  proposalSettlements,
  proposals,
} from '../../db/schema';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed/demo';
import { createHarness, type THarness } from '../../test/harness';
import { DEMO_IMPLEMENTATION, seedDemoImplementation } from './implementation.seed';

/** Issue #7: `seed --demo` shows every status and step of implementation, deterministically and once. */

let h: THarness;
let byKey: Record<string, { id: string; code: string; status: string; provinceCode: string }>;

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-28T03:00:00Z' });
  await seedDemoData(h.db, h.clock.now(), h.ctx);
  const rows = await h.db
    .select({
      id: proposals.id,
      code: proposals.code,
      status: proposals.status,
      title: proposals.title,
      provinceCode: proposals.provinceCode,
    })
    .from(proposals)
    .where(
      inArray(
        proposals.title,
        DEMO_IMPLEMENTATION.map((p) => p.title),
      ),
    );
  byKey = Object.fromEntries(DEMO_IMPLEMENTATION.map((p) => [p.key, rows.find((r) => r.title === p.title)!]));
}, 300_000);
afterAll(() => h?.close());

describe('seed --demo: implementation', () => {
  it('every implementation status, each reached through the use cases', async () => {
    for (const p of DEMO_IMPLEMENTATION) expect(byKey[p.key]?.status, p.key).toBe(p.finalStatus);
    const advances = await h.db
      .select()
      .from(proposalAdvances)
      .where(eq(proposalAdvances.proposalId, byKey.in_progress!.id));
    expect(advances.map((a) => [a.seq, a.basis, a.amount])).toEqual([
      [1, 'first', 300_000_000],
      [2, 'progress', 120_000_000],
    ]);
    const adjustments = await h.db.select().from(proposalAdjustments);
    const mine = adjustments.filter((a) => Object.values(byKey).some((p) => p.id === a.proposalId));
    expect(mine.map((a) => `${a.kind}:${a.status}`).sort()).toEqual(
      ['beneficiary:approved', 'carry_over:approved', 'stop:approved', 'timing:requested'].sort(),
    );
    const inspections = await h.db
      .select()
      .from(proposalInspections)
      .where(inArray(proposalInspections.proposalId, [byKey.contracted!.id, byKey.in_progress!.id]));
    expect(inspections.map((i) => i.status).sort()).toEqual(['done', 'planned']);
    expect(inspections.find((i) => i.status === 'done')!.followUps).toHaveLength(2);
    const [settled] = await h.db
      .select()
      .from(proposalSettlements)
      .where(eq(proposalSettlements.proposalId, byKey.settled!.id));
    expect(settled).toMatchObject({
      advancedTotal: 350_000_000,
      settledAmount: 300_000_000,
      refundAmount: 50_000_000,
    });
  });

  it('idempotent: a second run adds nothing', async () => {
    const before = (await h.db.select({ id: proposals.id }).from(proposals)).length;
    expect(await seedDemoImplementation(h.ctx, h.clock.now())).toEqual({ projects: 0 });
    await seedDemoData(h.db, h.clock.now(), h.ctx);
    expect((await h.db.select({ id: proposals.id }).from(proposals)).length).toBe(before);
  });

  it('the Sở of Lào Cai sees the overdue June report and its yearly report covers every step', async () => {
    const so = await h.signIn('so.laocai@demo.khuyencong.vn', DEMO_PASSWORD);
    const overdue = (await so.get('/api/v1/progress-reports/overdue?month=2025-06')).json();
    expect(overdue.items.map((i: { code: string }) => i.code)).toContain(byKey.in_progress!.code);
    // The demo projects carry Lào Cai's code of 2025 (10); today's Sở (15) still answers for their reports.
    expect(byKey.in_progress!.provinceCode).not.toBe('15');
    const due = (await so.get('/api/v1/progress-reports/due')).json();
    expect(due.items.map((i: { code: string }) => i.code)).toContain(byKey.in_progress!.code);
    const report = await so.get('/api/v1/reports/province?provinceCode=15&year=2025&period=Y');
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    const national = body.programmes.find((p: { programme: string }) => p.programme === 'national');
    for (const status of [
      'approved',
      'contracted',
      'in_progress',
      'accepted',
      'settled',
      'closed',
      'stopped',
      'carried_over',
    ]) {
      expect(
        national.byStatus.find((s: { status: string }) => s.status === status).count,
        status,
      ).toBeGreaterThan(0);
    }
    expect(national.refunded).toBe(50_000_000);
    expect(body.inspections).toHaveLength(1);
    expect(body.adjustments.length).toBeGreaterThanOrEqual(4);
    expect(body.overdueReports.map((o: { code: string; month: string }) => `${o.code} ${o.month}`)).toContain(
      `${byKey.in_progress!.code} 2025-06`,
    );
    const docx = await so.get('/api/v1/reports/province.docx?provinceCode=15&year=2025&period=Q3');
    expect(docx.statusCode, docx.body).toBe(200);
  });
});
