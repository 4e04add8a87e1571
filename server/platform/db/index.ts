import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../../db/schema';
import { startEmbeddedPostgres } from './embedded';

export type TDb = NodePgDatabase<typeof schema>;
/** A transaction handle; use cases receive one and never open their own. */
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];
export type TDbOrTx = TDb | TTx;

export type TDatabase = {
  db: TDb;
  pool: pg.Pool;
  mode: 'embedded' | 'external';
  url: string;
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
  dataDir: string;
  embeddedPort: number;
  log?: (message: string) => void;
  poolSize?: number;
}): Promise<TDatabase> {
  let url = options.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      preferredPort: options.embeddedPort,
      log: options.log,
    });
    url = embedded.url;
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
  return {
    db,
    pool,
    mode: stopEmbedded ? 'embedded' : 'external',
    url,
    async serverVersion() {
      const result = await pool.query<{ server_version: string }>('show server_version');
      return result.rows[0]?.server_version ?? 'unknown';
    },
    async close() {
      await pool.end();
      await stopEmbedded?.();
    },
  };
}

/** Applies pending migrations; idempotent, serialised across instances by drizzle's own lock-free check plus an advisory lock. */
export async function runMigrations(database: TDatabase): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock(7344001)');
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock(7344001)').catch(() => {});
    client.release();
  }
}
