import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRuntime, type TRuntime } from '../../server/platform/runtime';

export const BENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The benchmark's own data folder (embedded PostgreSQL and files), never the app's ./data. */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ?? path.join(BENCH_ROOT, '.data');
export const BENCH_PG_PORT = '54339';

/** The environment every benchmark process (this one and the servers it starts) runs with. */
export function benchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: BENCH_DATA_DIR,
    EMBEDDED_PG_PORT: BENCH_PG_PORT,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    KHUYENCONG_ADMIN_EMAIL: 'admin@khuyencong.local',
    KHUYENCONG_ADMIN_PASSWORD: 'Bench-Admin-2026',
  };
  // BENCH_DATABASE_URL runs everything against an external PostgreSQL instead of the embedded one.
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete env.DATABASE_URL;
  return env;
}

export type TBenchRuntime = TRuntime;

/** The application's runtime on the benchmark database (migrated and seeded, no jobs). */
export async function openBenchRuntime(): Promise<TBenchRuntime> {
  Object.assign(process.env, benchEnv());
  if (!process.env.BENCH_DATABASE_URL) delete process.env.DATABASE_URL;
  return startRuntime({ jobs: 'off', bootstrap: true });
}
