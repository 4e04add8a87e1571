import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organizations, proposals, users } from '../../db/schema';
import { createSheetWriter } from '../../platform/spreadsheet';
import { createHarness, type THarness } from '../../test/harness';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { loadActor } from '../auth/authenticate';
import { importProposals } from './import-proposals';
import { PROPOSALS_SHEET } from './proposals.sheet';
import { BEFORE_REGISTRATION, setUpWorld } from './test-fixtures';

/** A commit of 5,000 valid rows: every row a draft with its own code and audit event, the chain intact. */

let h: THarness;
let dir: string;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  await setUpWorld(h);
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-import-scale-'));
});
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('importing 5,000 rows for real', () => {
  it('creates 5,000 drafts in one transaction, numbered in order, each audited', async () => {
    const [centre] = await h.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.seedKey, 'ttkc-15'));
    const file = path.join(dir, '5000.xlsx');
    const output = createWriteStream(file);
    const writer = createSheetWriter(PROPOSALS_SHEET, output, { titleRows: ['BIỂU TỔNG HỢP'] });
    for (let i = 0; i < 5000; i += 1) {
      await writer.addRow({
        title: `Mô hình trình diễn số ${i + 1}`,
        activityType: 'demonstration_model',
        kind: 'single',
        implementingOrganization: centre!.name,
        startDate: '2026-03-01',
        endDate: '2026-11-30',
        budgetTotal: 2_000_000_000,
        budgetRequested: 600_000_000,
        budgetCounterpart: 1_400_000_000,
        budgetOther: 0,
      });
    }
    await writer.finish();
    await finished(output);
    const [user] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'cv@laocai.vn'));
    const actor = (await loadActor(h.db, user!.id, 'session', { ip: null, requestId: null }))!;
    const [auditBefore] = await h.db.select({ n: count() }).from(auditEvents);

    const started = Date.now();
    const outcome = await h.db.transaction((tx) =>
      importProposals({ actor, tx, now: h.clock.now(), planYear: 2026, filePath: file, dryRun: false }),
    );
    console.info(`commit of 5,000 rows: ${Date.now() - started} ms`);
    expect(outcome).toMatchObject({ rows: 5000, created: 5000, updated: 0, errors: [] });
    const codes = await h.db
      .select({ code: proposals.code })
      .from(proposals)
      .where(sql`${proposals.planYear} = 2026 and ${proposals.status} = 'draft'`)
      .orderBy(proposals.code);
    expect(codes).toHaveLength(5000);
    expect(codes[0]?.code).toBe('KCQG-2026-15-0001');
    expect(codes.at(-1)?.code).toBe('KCQG-2026-15-5000');
    const [auditAfter] = await h.db.select({ n: count() }).from(auditEvents);
    expect((auditAfter?.n ?? 0) - (auditBefore?.n ?? 0)).toBe(5001);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  }, 600_000);
});
