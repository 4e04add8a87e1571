import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../modules/audit/verify-audit-chain';
import { createBackup } from '../modules/backup/backup';
import { restoreBackup } from '../modules/backup/restore';
import { storageOf } from '../modules/documents/documents.storage';
import { TEST_APP_ROLE } from '../test/global-setup';
import { createHarness, type THarness } from '../test/harness';

/**
 * R7 (ADR 0008): the application's database role cannot alter the audit trail. The harness connects
 * the app as the test app role, granted by the owner after the migrations exactly as production
 * start-up grants it; the owner is refused by the append-only trigger as before.
 * Runs on both integration servers (embedded PostgreSQL 18 and Debian's PostgreSQL 15).
 */
const run = promisify(execFile);
let h: THarness;
let target: THarness;
let outDir: string;

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z', appRole: true });
  await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
  await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  // Sign-ins write sessions, the TOTP enrolment and their audit events, all as the app role.
  await h.signIn('admin@cuc.vn');
  await h.signIn('so@laocai.vn');
  target = await createHarness({ now: '2025-05-05T02:00:00Z', appRole: true });
  outDir = await mkdtemp(path.join(os.tmpdir(), 'kc-audit-roles-'));
}, 180_000);

afterAll(async () => {
  await h?.close();
  await target?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function asApp<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await h.ctx.database.pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

describe('separate database roles (R7)', () => {
  it(`the app connects as ${TEST_APP_ROLE}, not as the owner, and is no superuser`, async () => {
    const row = await asApp(
      async (c) =>
        (
          await c.query<{ who: string; su: boolean }>(
            `select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as su`,
          )
        ).rows[0],
    );
    expect(row).toEqual({ who: TEST_APP_ROLE, su: false });
    expect(new URL(h.ownerUrl).username).not.toBe(TEST_APP_ROLE);
  });

  it('UPDATE, DELETE and TRUNCATE of audit_events are refused with permission denied (42501)', async () => {
    for (const statement of [
      `update audit_events set action = 'tampered'`,
      'delete from audit_events',
      'truncate audit_events',
      // Disabling the append-only trigger is the owner's right only.
      'alter table audit_events disable trigger audit_events_no_update',
      // Replica mode (which skips triggers) is not the app's either.
      'set session_replication_role = replica',
    ]) {
      const error = await asApp((c) => c.query(statement)).then(
        () => null,
        (e: { code?: string; message: string }) => e,
      );
      expect(error, statement).not.toBeNull();
      expect(error?.code, statement).toBe('42501');
      expect(error?.message, statement).not.toMatch(/append-only/);
    }
  });

  it('the app keeps SELECT and INSERT on audit_events, and the trigger still refuses the owner', async () => {
    const count = await asApp(async (c) =>
      Number((await c.query<{ n: string }>('select count(*) as n from audit_events')).rows[0]?.n),
    );
    expect(count).toBeGreaterThan(2);
    const privileges = await asApp(
      async (c) =>
        (
          await c.query<{ p: string }>(
            `select string_agg(privilege_type, ',' order by privilege_type) as p
               from information_schema.role_table_grants
              where table_name = 'audit_events' and grantee = current_user`,
          )
        ).rows[0]?.p,
    );
    expect(privileges).toBe('INSERT,SELECT');
    const owner = new pg.Client({ connectionString: h.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`update audit_events set action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query('truncate audit_events')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('the app still works through HTTP: creates, reads and is audited', async () => {
    const admin = await h.signIn('admin@cuc.vn');
    const created = await admin.post('/api/v1/organizations', {
      kind: 'service_org',
      name: 'Hợp tác xã Chè Suối Giàng',
    });
    expect(created.statusCode).toBe(201);
    const read = await admin.get(`/api/v1/organizations/${created.json().id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().name).toBe('Hợp tác xã Chè Suối Giàng');
    const events = (await admin.get('/api/v1/audit-events?entityType=organization')).json();
    expect(events.items.map((e: { action: string }) => e.action)).toContain('organization.created');
    const renamed = await admin.patch(`/api/v1/organizations/${created.json().id}`, {
      name: 'Hợp tác xã Chè Shan Tuyết Suối Giàng',
    });
    expect(renamed.statusCode).toBe(200);
  });

  it('backup works as the app role and restore as the owner; the restored chain verifies', async () => {
    const { dir, manifest } = await createBackup({
      pool: h.ctx.database.pool,
      storage: storageOf(h.ctx),
      outDir,
      now: h.clock.now(),
    });
    // The app role cannot restore (it may not replace the audit trail)…
    await expect(
      restoreBackup({ pool: target.ctx.database.pool, storage: storageOf(target.ctx), dir }),
    ).rejects.toThrow(/permission denied/);
    // …the owner can.
    const result = await restoreBackup({
      pool: target.ctx.database.ownerPool(),
      storage: storageOf(target.ctx),
      dir,
    });
    expect(result.rows).toBeGreaterThan(0);
    const chain = await verifyAuditChain(target.db);
    expect(chain).toMatchObject({ ok: true, count: manifest.audit.count, lastHash: manifest.audit.lastHash });
  }, 120_000);

  // Last: the CLI runs the start-up migrations (as the owner) on this database.
  it('`audit verify` passes, in-process and through the CLI connected as the app role', async () => {
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/main.ts', 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: h.url, DATABASE_OWNER_URL: h.ownerUrl, LOG_LEVEL: 'silent' },
    });
    expect(stdout).toContain('audit chain intact');
  }, 60_000);

  it('start-up without the owner URL: the app role alone serves (nothing to migrate), one all-powerful role is warned about', async () => {
    const migrate = (env: Record<string, string>) =>
      run(process.execPath, ['--import', 'tsx', 'server/main.ts', 'migrate'], {
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      });
    // The operator migrated with DATABASE_OWNER_URL (the test above); the server runs on DATABASE_URL only.
    const asApp = await migrate({ DATABASE_URL: h.url });
    expect(asApp.stdout).toContain('up to date');
    expect(asApp.stdout + asApp.stderr).not.toContain('R7 not in force');
    // The owner (here a superuser) as the only role: works, with the warning.
    const asOwner = await migrate({ DATABASE_URL: h.ownerUrl });
    expect(asOwner.stdout + asOwner.stderr).toContain('R7 not in force');
  }, 90_000);

  it('runs on the server this integration run uses', () => {
    // Printed so both runs (embedded 18, Debian 15) show this file ran on them.
    console.log(`R7 audit roles on ${inject('pgServerLabel')}`);
  });
});

describe('the job queue schema (pg-boss) under R7', () => {
  it('moves a pgboss schema created by the owner (before R7) to the app role, and pg-boss starts as the app role', async () => {
    const { grantAppRole } = await import('../platform/db/roles');
    const { startJobs } = await import('../platform/jobs');
    const { createLogger } = await import('../platform/log');
    const owner = new pg.Client({ connectionString: h.ownerUrl });
    await owner.connect();
    try {
      // As an instance that ran pg-boss as one role before R7 left it.
      await owner.query('drop schema if exists pgboss cascade');
      await owner.query('create schema pgboss');
      await owner.query('create table pgboss.legacy (id serial primary key)');
      await grantAppRole(owner, TEST_APP_ROLE);
      const owners = await owner.query<{ schema: string; tbl: string }>(
        `select pg_get_userbyid(n.nspowner) as schema,
                (select pg_get_userbyid(relowner) from pg_class where oid = 'pgboss.legacy'::regclass) as tbl
           from pg_namespace n where nspname = 'pgboss'`,
      );
      expect(owners.rows[0]).toEqual({ schema: TEST_APP_ROLE, tbl: TEST_APP_ROLE });
      await owner.query('drop table pgboss.legacy');
    } finally {
      await owner.end();
    }
    const jobs = await startJobs({
      connectionString: h.url,
      definitions: [],
      log: createLogger('silent'),
      work: false,
    });
    await jobs.stop();
    const version = await asApp(
      async (c) =>
        (await c.query<{ version: number }>('select version from pgboss.version')).rows[0]?.version,
    );
    expect(version).toBeGreaterThan(0);
  }, 60_000);
});
