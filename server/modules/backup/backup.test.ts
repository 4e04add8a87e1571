import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, proposalDocuments } from '../../db/schema';
import { createHarness, type THarness } from '../../test/harness';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { storageOf } from '../documents/documents.storage';
import { attachDocuments, createDraft, FULL_DOSSIER, setUpWorld } from '../proposals/test-fixtures';
import { applicationTables, createBackup, type TBackupManifest } from './backup';
import { RestoreError, restoreBackup } from './restore';

/**
 * R8: `khuyencong backup` and `khuyencong restore` into an empty instance — counts of every table,
 * SHA-256 of every file, the audit chain intact and identical; a tampered backup or a non-empty
 * target is refused without changing anything.
 */
const run = promisify(execFile);
let source: THarness;
let target: THarness;
let outDir: string;
let backupDir: string;
let manifest: TBackupManifest;

async function tableCounts(h: THarness): Promise<Record<string, number>> {
  const client = await h.ctx.database.pool.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of await applicationTables(client)) {
      const result = await client.query<{ n: string }>(`select count(*) as n from "${table}"`);
      counts[table] = Number(result.rows[0]?.n);
    }
    return counts;
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  source = await createHarness({ now: '2025-05-05T02:00:00Z' });
  const world = await setUpWorld(source);
  for (let i = 0; i < 3; i++) {
    const draft = await createDraft(source, world.laoCaiCentre!, 'ttkc-15', {
      title: `Mô hình chè số ${i + 1}`,
    });
    await attachDocuments(source, draft.id, FULL_DOSSIER);
  }
  // An agency user signs in (enrols TOTP): sessions and second factors are backed up too.
  await source.signIn('admin@cuc.vn');
  target = await createHarness({ now: '2025-05-05T02:00:00Z' });
  outDir = await mkdtemp(path.join(os.tmpdir(), 'kc-backup-test-'));
}, 180_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('backup and restore (R8)', () => {
  it('backs up every table (one snapshot) and every stored file with a manifest of SHA-256', async () => {
    const result = await createBackup({
      pool: source.ctx.database.pool,
      storage: storageOf(source.ctx),
      outDir,
      now: source.clock.now(),
    });
    backupDir = result.dir;
    manifest = result.manifest;
    const counts = await tableCounts(source);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(counts);
    expect(counts.proposals).toBe(3);
    const documents = await source.db.select().from(proposalDocuments);
    expect(manifest.files.map((f) => f.key).sort()).toEqual(documents.map((d) => d.storageKey).sort());
    for (const file of manifest.files) {
      const bytes = await readFile(path.join(backupDir, 'files', file.key));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(documents.find((d) => d.storageKey === file.key)?.sha256).toBe(file.sha256);
    }
    const chain = await verifyAuditChain(source.db);
    expect(chain.ok).toBe(true);
    expect(manifest.audit.count).toBe(chain.count);
    expect(manifest.migrations.length).toBeGreaterThan(5);
  });

  it('refuses a tampered backup before writing anything', async () => {
    const tampered = await mkdtemp(path.join(os.tmpdir(), 'kc-backup-tampered-'));
    try {
      await run('cp', ['-r', `${backupDir}/.`, tampered]);
      await appendFile(path.join(tampered, 'db', 'proposals.ndjson'), '{"id":"x"}\n');
      await expect(
        restoreBackup({ pool: target.ctx.database.pool, storage: storageOf(target.ctx), dir: tampered }),
      ).rejects.toThrow(/db\/proposals\.ndjson: SHA-256 does not match/);
      expect((await tableCounts(target)).users).toBe(0);
    } finally {
      await rm(tampered, { recursive: true, force: true });
    }
  });

  it('restores into an empty instance: same counts, same file hashes, the same intact audit chain', async () => {
    const before = await tableCounts(source);
    const result = await restoreBackup({
      pool: target.ctx.database.pool,
      storage: storageOf(target.ctx),
      dir: backupDir,
    });
    expect(result.files).toBe(manifest.files.length);
    expect(await tableCounts(target)).toEqual(before);

    const targetStorage = storageOf(target.ctx);
    for (const document of await target.db.select().from(proposalDocuments)) {
      const hash = createHash('sha256');
      for await (const chunk of await targetStorage.get(document.storageKey)) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(document.sha256);
    }
    const chain = await verifyAuditChain(target.db);
    expect(chain).toMatchObject({ ok: true, count: manifest.audit.count, lastHash: manifest.audit.lastHash });

    // The restored instance works: a restored user signs in and sees the restored proposals; new rows
    // get fresh ids (sequences moved past the restored ones) and extend the chain.
    const officer = await target.signIn('cv@laocai.vn');
    const list = await officer.get('/api/v1/proposals');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    expect((await verifyAuditChain(target.db)).count).toBeGreaterThan(manifest.audit.count);
  });

  it('refuses to restore into an instance that is not empty', async () => {
    await expect(
      restoreBackup({ pool: target.ctx.database.pool, storage: storageOf(target.ctx), dir: backupDir }),
    ).rejects.toThrow(RestoreError);
  });

  it('the CLI writes a backup that the CLI verifies and refuses to restore over data', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: source.url,
      DATA_DIR: path.dirname(new URL(source.ctx.config.storageUrl).pathname),
      LOG_LEVEL: 'silent',
    };
    const backup = await run(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', 'backup', '--out', outDir],
      { env },
    );
    expect(backup.stdout).toMatch(
      /backup written: .*khuyencong-backup-.*\(\d+ tables, \d+ rows, 15 files; audit chain \d+ events\)/,
    );
    // R7: the backup (a read of everything) is itself audited, and the chain still verifies.
    const events = await source.db.select().from(auditEvents).where(eq(auditEvents.action, 'backup.created'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: 'system:cli', after: { files: 15 } });
    expect(await verifyAuditChain(source.db)).toMatchObject({ ok: true });
    const restore = await run(process.execPath, ['--import', 'tsx', 'server/main.ts', 'restore', backupDir], {
      env: { ...env, DATABASE_URL: target.url },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((restore as { code: number }).code).toBe(1);
    expect((restore as { stderr: string }).stderr).toMatch(/not empty/);
  }, 120_000);
});
