import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActor } from '../../access/actor';
import { auditEvents, proposals, users } from '../../db/schema';
import { seedDemoData } from '../../db/seed/demo';
import { readSheet } from '../../platform/spreadsheet';
import { createHarness, type THarness } from '../../test/harness';
import { loadActor } from '../auth/authenticate';
import { exportProposalsXlsx } from './export-proposals';
import { importProposals } from './import-proposals';
import { PROPOSALS_SHEET } from './proposals.sheet';

let h: THarness;
let dir: string;

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-28T03:00:00Z' });
  await seedDemoData(h.db, h.clock.now(), h.ctx);
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-proposal-sheets-'));
});
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function actorOf(email: string): Promise<TActor> {
  const [user] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = user ? await loadActor(h.db, user.id, 'session', { ip: null, requestId: null }) : null;
  if (!actor) throw new Error(`no actor ${email}`);
  return actor;
}

async function exportTo(file: string, actor: TActor, filters: Record<string, unknown> = { planYear: 2026 }) {
  const output = createWriteStream(file);
  const result = await h.db.transaction((tx) =>
    exportProposalsXlsx({ actor, tx, now: h.clock.now(), filters: filters as never, output }),
  );
  await finished(output);
  return result;
}

const importFile = (actor: TActor, filePath: string, dryRun: boolean, planYear = 2026) =>
  h.db.transaction((tx) => importProposals({ actor, tx, now: h.clock.now(), planYear, filePath, dryRun }));

async function counts() {
  const [p] = await h.db.select({ n: count() }).from(proposals);
  const [a] = await h.db.select({ n: count() }).from(auditEvents);
  const [v] = await h.db.select({ n: sql<number>`sum(${proposals.lockVersion})::int` }).from(proposals);
  return { proposals: p?.n, audit: a?.n, versions: v?.n };
}

describe('registration table: export and import round trip (done-when 1)', () => {
  it.each([
    'so.laocai@demo.khuyencong.vn',
    'so.bacninh@demo.khuyencong.vn',
    'so.hanoi@demo.khuyencong.vn',
    'so.cantho@demo.khuyencong.vn',
  ])('exports %s’s demo proposals and a dry run of the file finds 0 errors and no change', async (email) => {
    const actor = await actorOf(email);
    const file = path.join(dir, `${email}.xlsx`);
    const exported = await exportTo(file, actor);
    const stored = await h.db
      .select()
      .from(proposals)
      .where(sql`${proposals.planYear} = 2026 and ${proposals.provinceCode} = ${actor.provinceCode}`)
      .orderBy(proposals.code);
    expect(exported.rows).toBe(stored.length);
    expect(stored.length).toBeGreaterThan(0);

    // Identical values: every stored proposal is one row of the file, field by field.
    const sheet = await readSheet(PROPOSALS_SHEET, file);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows.map((r) => r.values.code)).toEqual(stored.map((p) => p.code));
    sheet.rows.forEach(({ values }, i) => {
      const p = stored[i]!;
      expect(values).toMatchObject({
        title: p.title,
        activityType: p.activityType,
        startDate: p.startDate,
        endDate: p.endDate,
        budgetTotal: p.budgetTotal,
        budgetRequested: p.budgetRequested,
        budgetCounterpart: p.budgetCounterpart,
        budgetOther: p.budgetOther,
        priorityArea: p.priorityArea,
        priorityIndustry: p.priorityIndustry,
        selectionMethod: p.selectionMethod,
        beneficiaryName: (p.beneficiary as { name?: string }).name ?? null,
        commune: (p.location as { commune?: string }).commune ?? null,
      });
    });

    const before = await counts();
    const result = await importFile(actor, file, true);
    expect(result).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: stored.length });
    // Even a commit of the unchanged table writes no proposal (only the import's own audit event).
    const committed = await importFile(actor, file, false);
    expect(committed).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: stored.length });
    const after = await counts();
    expect(after.proposals).toBe(before.proposals);
    expect(after.versions).toBe(before.versions);
    expect(after.audit).toBe((before.audit ?? 0) + 1);
  });

  it('the export is scoped: Lào Cai’s officer never sees another province’s proposals', async () => {
    const file = path.join(dir, 'scoped.xlsx');
    await exportTo(file, await actorOf('so.laocai@demo.khuyencong.vn'), {
      planYear: 2026,
      provinceCode: '01',
    });
    await expect(readSheet(PROPOSALS_SHEET, file)).rejects.toMatchObject({ code: 'spreadsheet_empty' });
  });
});
