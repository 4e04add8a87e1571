import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleExtensions, proposalDocuments, proposals } from '../../db/schema';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed/demo';
import { createHarness, type THarness } from '../../test/harness';

let h: THarness;

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-28T03:00:00Z' });
});
afterAll(() => h?.close());

describe('khuyencong seed --demo', () => {
  it('creates the 2026 cycle and proposals in every status reached so far, in several provinces', async () => {
    const result = await seedDemoData(h.db, h.clock.now(), h.ctx);
    expect(result.proposals).toBe(13);
    // The 2026 cycle's own (the dashboards' 2021–2025 history is tested in server/modules/stats).
    // National ones: the local (KCĐP) demo is tested in server/modules/plans/plans.seed.test.ts.
    const rows = (await h.db.select().from(proposals)).filter(
      (p) => p.planYear === 2026 && p.programme === 'national',
    );
    const byStatus = new Map<string, number>();
    for (const p of rows) byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({
      draft: 5,
      registered: 2,
      base_appraised: 1,
      // The three submitted dossiers went on to the ministry-level appraisal (plans.seed.ts, issue #6).
      under_appraisal: 1,
      recommended: 2,
      returned: 1,
      withdrawn: 1,
    });
    expect(new Set(rows.map((p) => p.provinceCode))).toEqual(new Set(['15', '24', '01', '92']));
    // The 2026 stages closed in 2025: the demo organisations got extensions, so every step can be tried.
    expect((await h.db.select().from(cycleExtensions)).length).toBe(10);
    // Submitted proposals carry real stored documents.
    const submitted = rows.find((p) => p.status === 'recommended')!;
    const documents = await h.db
      .select()
      .from(proposalDocuments)
      .where(and(eq(proposalDocuments.proposalId, submitted.id), isNull(proposalDocuments.supersededAt)));
    expect(documents).toHaveLength(5);
    expect(documents[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent', async () => {
    const again = await seedDemoData(h.db, h.clock.now(), h.ctx);
    expect(again).toMatchObject({ users: 0, proposals: 0 });
    expect(
      (await h.db.select().from(proposals)).filter((p) => p.planYear === 2026 && p.programme === 'national'),
    ).toHaveLength(13);
  });

  it('the demo Sở leader may still register Lào Cai’s drafts (extension in force) and sees no Bắc Ninh data', async () => {
    const leader = await h.signIn('lanhdao.laocai@demo.khuyencong.vn', DEMO_PASSWORD);
    const drafts = (await leader.get('/api/v1/proposals?status=draft&planYear=2026')).json();
    expect(drafts.total).toBe(2);
    expect(drafts.items.every((p: { abilities: { register: boolean } }) => p.abilities.register)).toBe(true);
    const all = (await leader.get('/api/v1/proposals?pageSize=100')).json();
    // Today's Lào Cai (15): also the 2021–2025 history of old Lào Cai (10), merged into it.
    expect(new Set(all.items.map((p: { provinceCode: string }) => p.provinceCode))).toEqual(
      new Set(['15', '10']),
    );
    const cycle = (await leader.get('/api/v1/cycles/2026')).json();
    expect(cycle.myDeadlines.registration).toMatchObject({ extended: true, isOpen: true });
  });
});
