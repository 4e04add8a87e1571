import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { auditActor, systemActor } from '../../access/actor';
import type { TDb } from '../../platform/db';
import type { TStorage } from '../../platform/storage';
import { APP_VERSION } from '../../platform/version';
import { recordAudit } from '../audit/record-audit';

/**
 * `khuyencong backup` (R8, docs/adr/0007-application-backup.md): a backup written by the application
 * itself, because embedded PostgreSQL ships no pg_dump and Debian's pg_dump refuses a newer server.
 *
 * A backup is a folder:
 * - `db/<table>.ndjson`: every row of every table of the `public` schema as one JSON object a line,
 *   all read in ONE repeatable-read, read-only transaction (a consistent snapshot of the database);
 * - `files/<storage key>`: every stored file a row refers to (any column named `*storage_key`);
 * - `manifest.json`: format, app version, the applied migrations (the schema is the migrations), and
 *   for every table its row count and the SHA-256 of its part, for every file its size and SHA-256,
 *   and the audit chain's length and last hash.
 * The manifest is written last, under a temporary name renamed at the end: a folder without it is
 * an interrupted backup and `restore` refuses it.
 */
export const BACKUP_FORMAT = 'khuyencong-backup/1';
const FETCH_ROWS = 2000;

export type TBackupManifest = {
  format: typeof BACKUP_FORMAT;
  appVersion: string;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number; file: string; sha256: string }[];
  files: { key: string; size: number; sha256: string }[];
  audit: { count: number; lastHash: string | null };
};

/** Tables of the application (schema `public`), by name; generated columns are never dumped. */
export async function applicationTables(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const result = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

export async function writableColumns(client: pg.PoolClient | pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  return result.rows.map((row) => row.column_name);
}

/** The migrations recorded as applied (drizzle's journal table), oldest first. */
export async function appliedMigrations(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const result = await client.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by created_at, id',
  );
  return result.rows.map((row) => row.hash);
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export async function createBackup(input: {
  pool: pg.Pool;
  storage: TStorage;
  outDir: string;
  now: Date;
  onProgress?: (message: string) => void;
}): Promise<{ dir: string; manifest: TBackupManifest }> {
  const stamp = input.now.toISOString().replace(/[:.]/g, '-');
  const dir = path.resolve(input.outDir, `khuyencong-backup-${stamp}`);
  await mkdir(path.join(dir, 'db'), { recursive: true });
  await mkdir(path.join(dir, 'files'), { recursive: true });

  const client = await input.pool.connect();
  const tables: TBackupManifest['tables'] = [];
  const storageKeys = new Set<string>();
  let migrations: string[] = [];
  let audit: TBackupManifest['audit'] = { count: 0, lastHash: null };
  try {
    // One snapshot for every table: rows written during the backup are either all in or all out.
    await client.query('begin isolation level repeatable read read only');
    migrations = await appliedMigrations(client);
    for (const table of await applicationTables(client)) {
      const columns = await writableColumns(client, table);
      const file = path.join('db', `${table}.ndjson`);
      const out = createWriteStream(path.join(dir, file));
      const hash = createHash('sha256');
      let rows = 0;
      const select = columns.map(quoteIdent).join(', ');
      // row_to_json in PostgreSQL, not JSON.stringify in Node: timestamps keep their microseconds,
      // numerics and bigints their digits, bytea its bytes (as \\x hex), arrays and jsonb their shape.
      await client.query(
        `declare backup_cursor no scroll cursor for
           select row_to_json(r)::text as j from (select ${select} from ${quoteIdent(table)}) r`,
      );
      for (;;) {
        const batch = await client.query<{ j: string }>(`fetch ${FETCH_ROWS} from backup_cursor`);
        if (batch.rows.length === 0) break;
        const chunk = batch.rows.map((row) => `${row.j}\n`).join('');
        rows += batch.rows.length;
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await client.query('close backup_cursor');
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      tables.push({ name: table, rows, file, sha256: hash.digest('hex') });
      for (const column of columns.filter((c) => c.endsWith('storage_key'))) {
        const keys = await client.query<{ key: string }>(
          `select distinct ${quoteIdent(column)} as key from ${quoteIdent(table)} where ${quoteIdent(column)} is not null`,
        );
        for (const row of keys.rows) storageKeys.add(row.key);
      }
      input.onProgress?.(`${table}: ${rows} rows`);
    }
    const chain = await client.query<{ count: string; hash: string | null }>(
      'select (select count(*) from audit_events) as count, (select hash from audit_events order by id desc limit 1) as hash',
    );
    audit = { count: Number(chain.rows[0]?.count ?? 0), lastHash: chain.rows[0]?.hash ?? null };
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }

  // Stored files are immutable (a new version is a new key): copying them after the snapshot is safe.
  const files: TBackupManifest['files'] = [];
  for (const key of [...storageKeys].sort()) {
    const target = path.join(dir, 'files', key);
    await mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const body = await input.storage.get(key);
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    await pipeline(body, createWriteStream(target));
    files.push({ key, size, sha256: hash.digest('hex') });
  }
  input.onProgress?.(`${files.length} files`);

  const manifest: TBackupManifest = {
    format: BACKUP_FORMAT,
    appVersion: APP_VERSION,
    createdAt: input.now.toISOString(),
    migrations,
    tables,
    files,
    audit,
  };
  await writeFile(path.join(dir, 'manifest.json.tmp'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(path.join(dir, 'manifest.json.tmp'), path.join(dir, 'manifest.json'));
  return { dir, manifest };
}

export async function readManifest(dir: string): Promise<TBackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new Error(`${dir}: no manifest.json (not a backup, or an interrupted one)`);
  }
  const manifest = JSON.parse(text) as TBackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${dir}: unknown backup format ${manifest.format}`);
  return manifest;
}

/**
 * R7: a backup reads every table and file, so it is audited like any other export. Written after the
 * snapshot (the backup's own transaction is read-only), so the backup's manifest does not contain it.
 */
export async function recordBackupCreated(
  db: TDb,
  input: { dir: string; manifest: TBackupManifest; now: Date },
): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: auditActor(systemActor('cli')),
      action: 'backup.created',
      entityType: 'backup',
      entityId: null,
      after: {
        folder: path.basename(input.dir),
        tables: input.manifest.tables.length,
        rows: input.manifest.tables.reduce((sum, table) => sum + table.rows, 0),
        files: input.manifest.files.length,
        auditCount: input.manifest.audit.count,
        auditLastHash: input.manifest.audit.lastHash,
      },
      at: input.now,
    }),
  );
}
