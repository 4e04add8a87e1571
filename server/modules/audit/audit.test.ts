import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { verifyAuditChain } from './verify-audit-chain';

const run = promisify(execFile);
let h: THarness;

beforeAll(async () => {
  h = await createHarness();
  await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
  await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  const admin = await h.signIn('admin@cuc.vn');
  // A few audited changes of different kinds.
  const org = (
    await admin.post('/api/v1/organizations', { kind: 'service_org', name: 'Hợp tác xã Chè Shan Tuyết' })
  ).json();
  await admin.patch(`/api/v1/organizations/${org.id}`, { name: 'Hợp tác xã Chè Shan Tuyết Suối Giàng' });
  await h.signIn('so@laocai.vn');
}, 120_000);
afterAll(() => h?.close());

/** Runs the real CLI against this test's database. */
async function cliVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', 'audit', 'verify'],
      {
        env: { ...process.env, DATABASE_URL: h.url, LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the audit trail', () => {
  it('is append-only for the application: UPDATE and DELETE are refused', async () => {
    const pool = h.ctx.database.pool;
    await expect(pool.query(`update audit_events set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('delete from audit_events')).rejects.toThrow(/append-only/);
    await expect(pool.query('truncate audit_events')).rejects.toThrow(/append-only/);
  });

  it('`khuyencong audit verify` exits 0 on an intact chain', async () => {
    const rows = await h.db.select().from(auditEvents);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const result = await cliVerify();
    expect(result.stdout).toContain(`audit chain intact: ${rows.length} events`);
    expect(result.code).toBe(0);
  }, 60_000);

  it('is readable by admins and auditors only, filtered by entity', async () => {
    const admin = await h.signIn('admin@cuc.vn');
    const page = (await admin.get('/api/v1/audit-events?entityType=organization')).json();
    expect(page.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'organization.created',
      'organization.renamed',
    ]);
    expectProblem(await (await h.signIn('so@laocai.vn')).get('/api/v1/audit-events'), 403, 'forbidden');
  });

  it('detects a deleted row by the broken link of the row after it', async () => {
    const rows = await h.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const [deleted, next] = [rows.at(-2)!, rows.at(-1)!];
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_events where id = ${deleted.id}`);
    });
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      badRowId: next.id,
      reason: 'broken_link',
    });
  });

  it('detects a row altered directly in SQL and names it (CLI exits non-zero)', async () => {
    const [victim] = await h.db.select().from(auditEvents).orderBy(asc(auditEvents.id)).offset(2).limit(1);
    // Bypass the append-only trigger the way a database superuser could.
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_events set actor_label = 'someone-else@cuc.vn' where id = ${victim!.id}`,
      );
    });
    // The altered row comes before the deleted one, so it is the first reported.
    const direct = await verifyAuditChain(h.db);
    expect(direct).toMatchObject({ ok: false, badRowId: victim!.id, reason: 'hash_mismatch' });
    const result = await cliVerify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`BROKEN at row id ${victim!.id}`);
  }, 60_000);
});
