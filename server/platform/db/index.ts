import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../../db/schema';
import { startEmbeddedPostgres } from './embedded';
import { grantAppRole } from './roles';

export type TDb = NodePgDatabase<typeof schema>;
/** A transaction handle; use cases receive one and never open their own. */
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];
export type TDbOrTx = TDb | TTx;

export type TDatabase = {
  db: TDb;
  pool: pg.Pool;
  mode: 'embedded' | 'external';
  /** What the application connects as (the app role when `ownerUrl` is set). */
  url: string;
  /**
   * The owner role's URL (R7, ADR 0008): migrations, grants and restores run as it. Embedded mode:
   * the cluster's superuser. External mode: DATABASE_OWNER_URL, or undefined when it is not given
   * (then the app role migrates and R7's role separation is not in force).
   */
  ownerUrl: string | undefined;
  /** A small pool on the owner role (the app pool when there is no owner URL), opened on first use. */
  ownerPool(): pg.Pool;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
};

// Return DATE columns as 'YYYY-MM-DD' strings and int8 as numbers (ids and counts fit in 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

/** Connects to DATABASE_URL, or starts the embedded server under `dataDir` when it is unset. */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  /** DATABASE_OWNER_URL (external mode only). */
  ownerUrl?: string;
  dataDir: string;
  embeddedPort: number;
  log?: (message: string) => void;
  poolSize?: number;
}): Promise<TDatabase> {
  let url = options.databaseUrl;
  let ownerUrl = options.databaseUrl ? options.ownerUrl : undefined;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      preferredPort: options.embeddedPort,
      log: options.log,
    });
    url = embedded.appUrl;
    ownerUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    application_name: 'khuyencong',
  });
  // An idle connection's error (e.g. 57P01 while the database shuts down) must not crash the process.
  pool.on('error', (error) => options.log?.(`database pool error: ${error.message}`));
  const db = drizzle(pool, { schema });
  let ownerPool: pg.Pool | undefined;
  return {
    db,
    pool,
    mode: stopEmbedded ? 'embedded' : 'external',
    url,
    ownerUrl,
    ownerPool() {
      if (!ownerUrl) return pool;
      if (!ownerPool) {
        ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 2, application_name: 'khuyencong-owner' });
        ownerPool.on('error', (error) => options.log?.(`database owner pool error: ${error.message}`));
      }
      return ownerPool;
    },
    async serverVersion() {
      const result = await pool.query<{ server_version: string }>('show server_version');
      return result.rows[0]?.server_version ?? 'unknown';
    },
    async close() {
      await ownerPool?.end();
      await pool.end();
      await stopEmbedded?.();
    },
  };
}

/** Whether the migrations folder has one the database has not applied (drizzle's own criterion). */
async function hasPendingMigrations(client: pg.PoolClient): Promise<boolean> {
  const newest = Math.max(
    ...readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis),
  );
  try {
    const last = await client.query<{ at: string }>(
      'select max(created_at) as at from drizzle.__drizzle_migrations',
    );
    return !(Number(last.rows[0]?.at) >= newest);
  } catch {
    return true; // no journal yet: a new database
  }
}

/**
 * Applies pending migrations; idempotent, serialised across instances by an advisory lock. With an
 * owner URL (R7) they run as the owner, who then grants the app role its privileges (ADR 0008) and
 * the result is 'separate'; without one the app's own role migrates and the result is 'single'.
 */
export async function runMigrations(database: TDatabase): Promise<'separate' | 'single'> {
  const client = await database.ownerPool().connect();
  try {
    await client.query('select pg_advisory_lock(7344001)');
    if (!database.ownerUrl) {
      // One role. It may be a restricted app role whose owner migrated with `khuyencong migrate`
      // (DATABASE_OWNER_URL given to that command only): then nothing is pending and it must not
      // try DDL. R7 holds when the role cannot alter the audit trail.
      if (await hasPendingMigrations(client)) {
        await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      }
      const can = await client.query<{ alter: boolean }>(
        `select has_table_privilege('audit_events', 'UPDATE') or has_table_privilege('audit_events', 'DELETE')
             or has_table_privilege('audit_events', 'TRUNCATE') as alter`,
      );
      return can.rows[0]?.alter === false ? 'separate' : 'single';
    }
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    const app = await database.pool.query<{ role: string; db: string }>(
      'select current_user as role, current_database() as db',
    );
    const owner = await client.query<{ role: string; db: string }>(
      'select current_user as role, current_database() as db',
    );
    const [appRow, ownerRow] = [app.rows[0], owner.rows[0]];
    if (!appRow || !ownerRow) throw new Error('could not read the database roles');
    if (appRow.db !== ownerRow.db) {
      throw new Error(
        `DATABASE_OWNER_URL names database ${ownerRow.db}, DATABASE_URL ${appRow.db}: they must name the same database`,
      );
    }
    if (appRow.role === ownerRow.role) return 'single';
    await grantAppRole(client, appRow.role);
    return 'separate';
  } finally {
    await client.query('select pg_advisory_unlock(7344001)').catch(() => {});
    client.release();
  }
}
