import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type pg from 'pg';
import type { TStorage } from '../../platform/storage';
import {
  applicationTables,
  appliedMigrations,
  quoteIdent,
  readManifest,
  sha256OfFile,
  type TBackupManifest,
  writableColumns,
} from './backup';

const INSERT_ROWS = 1000;

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/**
 * `khuyencong restore <folder>` (R8) into an EMPTY instance (migrated, reference data only, no user):
 * 1. every part of the backup is checked against the manifest's SHA-256 before anything is written;
 * 2. the instance must be at the same migrations as the backup (the schema is the migrations);
 * 3. the files are put into storage, each one's SHA-256 compared with the manifest's;
 * 4. in ONE transaction: triggers and foreign keys paused (`session_replication_role = replica`,
 *    as pg_restore --disable-triggers; needs the database owner or a superuser), the reference
 *    rows replaced, every table loaded, sequences moved past the highest ids, every count checked.
 * Any failure rolls the database back and says which part failed.
 */
export async function restoreBackup(input: {
  pool: pg.Pool;
  storage: TStorage;
  dir: string;
  onProgress?: (message: string) => void;
}): Promise<{ manifest: TBackupManifest; rows: number; files: number }> {
  const dir = path.resolve(input.dir);
  const manifest = await readManifest(dir);

  for (const table of manifest.tables) {
    const actual = await sha256OfFile(path.join(dir, table.file));
    if (actual !== table.sha256) throw new RestoreError(`${table.file}: SHA-256 does not match the manifest`);
  }
  for (const file of manifest.files) {
    const actual = await sha256OfFile(path.join(dir, 'files', file.key));
    if (actual !== file.sha256)
      throw new RestoreError(`files/${file.key}: SHA-256 does not match the manifest`);
  }
  input.onProgress?.(`backup verified: ${manifest.tables.length} tables, ${manifest.files.length} files`);

  const client = await input.pool.connect();
  try {
    const migrations = await appliedMigrations(client);
    if (migrations.join() !== manifest.migrations.join()) {
      throw new RestoreError(
        `the instance has ${migrations.length} migrations applied, the backup ${manifest.migrations.length}: restore with the same version of the application (${manifest.appVersion})`,
      );
    }
    const existing = await client.query<{ users: string; proposals: string }>(
      'select (select count(*) from users) as users, (select count(*) from proposals) as proposals',
    );
    if (Number(existing.rows[0]?.users) > 0 || Number(existing.rows[0]?.proposals) > 0) {
      throw new RestoreError(
        'the instance is not empty (it has users or proposals): restore into a new, empty one',
      );
    }
    const targetTables = new Set(await applicationTables(client));
    for (const table of manifest.tables) {
      if (!targetTables.has(table.name)) throw new RestoreError(`table ${table.name} does not exist here`);
    }

    for (const file of manifest.files) {
      const put = await input.storage.put(file.key, createReadStream(path.join(dir, 'files', file.key)));
      if (put.sha256 !== file.sha256 || put.size !== file.size) {
        throw new RestoreError(`files/${file.key}: stored copy differs from the backup`);
      }
    }
    input.onProgress?.(`${manifest.files.length} files stored`);

    let total = 0;
    await client.query('begin');
    try {
      await client.query('set local session_replication_role = replica');
      await client.query(`truncate ${manifest.tables.map((t) => quoteIdent(t.name)).join(', ')}`);
      for (const table of manifest.tables) {
        const columns = (await writableColumns(client, table.name)).map(quoteIdent).join(', ');
        const insert = `insert into ${quoteIdent(table.name)} (${columns})
          select ${columns} from json_populate_recordset(null::${quoteIdent(table.name)}, $1::json)`;
        let batch: string[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          await client.query(insert, [`[${batch.join(',')}]`]);
          batch = [];
        };
        const lines = createInterface({
          input: createReadStream(path.join(dir, table.file)),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          if (!line) continue;
          batch.push(line);
          if (batch.length >= INSERT_ROWS) await flush();
        }
        await flush();
        const counted = await client.query<{ n: string }>(
          `select count(*) as n from ${quoteIdent(table.name)}`,
        );
        if (Number(counted.rows[0]?.n) !== table.rows) {
          throw new RestoreError(
            `${table.name}: ${counted.rows[0]?.n} rows loaded, the manifest says ${table.rows}`,
          );
        }
        total += table.rows;
      }
      await resetSequences(client);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
    input.onProgress?.(`${total} rows restored`);
    return { manifest, rows: total, files: manifest.files.length };
  } finally {
    client.release();
  }
}

/** Every serial or identity column's sequence continues after the highest restored value. */
async function resetSequences(client: pg.PoolClient): Promise<void> {
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
  );
  for (const { table_name: table, column_name: column } of columns.rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(column)}) from ${quoteIdent(table)}), 0) + 1, false)`,
      [`public.${quoteIdent(table)}`, column],
    );
  }
}
