import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedReferenceData } from '../db/seed/reference';
import { openDatabase, runMigrations } from '../platform/db';
import { startEmbeddedPostgres } from '../platform/db/embedded';
import { ensureAppRole } from '../platform/db/roles';

export const TEMPLATE_DATABASE = 'kc_template';
/** R7: the app role a harness opened with `appRole: true` connects as (granted on the template). */
export const TEST_APP_ROLE = 'kc_test_app';
export const TEST_APP_PASSWORD = 'kc-test-app-password';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgServerLabel: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run — embedded in a temporary folder, or the server named by
 * KHUYENCONG_TEST_DATABASE_URL (CI's PostgreSQL 15 run) — and builds the migrated, seeded template
 * database every test file clones.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.KHUYENCONG_TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  if (!adminUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'kc-test-pg-'));
    await (await import('node:fs/promises')).chmod(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: tempDir, preferredPort: 55_432 });
    adminUrl = embedded.url.replace(/\/khuyencong$/, '/postgres');
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await ensureAppRole(admin, TEST_APP_ROLE, TEST_APP_PASSWORD);
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]
    ?.server_version;
  await admin.end();

  // Migrated as the owner (the admin), which then grants the app role: every clone inherits the grants.
  const template = await openDatabase({
    databaseUrl: appRoleUrl(withDatabase(adminUrl, TEMPLATE_DATABASE)),
    ownerUrl: withDatabase(adminUrl, TEMPLATE_DATABASE),
    dataDir: os.tmpdir(),
    embeddedPort: 0,
    poolSize: 2,
  });
  await runMigrations(template);
  await seedReferenceData(template.db);
  await template.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide(
    'pgServerLabel',
    `${process.env.KHUYENCONG_TEST_DATABASE_URL ? 'external' : 'embedded'} PostgreSQL ${version}`,
  );
  console.log(
    `integration tests on ${process.env.KHUYENCONG_TEST_DATABASE_URL ? 'external' : 'embedded'} PostgreSQL ${version}`,
  );

  return async () => {
    await stop?.();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}

/** The same server and database as `url`, connected as the test app role. */
export function appRoleUrl(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE;
  u.password = TEST_APP_PASSWORD;
  return u.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
