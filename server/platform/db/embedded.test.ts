import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The one-command promise, end to end: `khuyencong serve` on an empty DATA_DIR initialises embedded
 * PostgreSQL, keeps data across a clean stop (SIGINT) and recovers by itself after SIGKILL left the
 * postgres child running; with DATABASE_URL it runs in external mode.
 */
type THealth = { database: { mode: string } };
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kc-embedded-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await stopLeftoverPostgres();
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function serve(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', KHUYENCONG_WORKER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (response.ok) return { child, port, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`serve did not answer within 60 s: ${output}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((r) => child.once('exit', (code) => r(code)));
}

async function stopLeftoverPostgres() {
  try {
    const pid = Number.parseInt(
      (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]!,
      10,
    );
    process.kill(pid, 'SIGINT');
  } catch {
    // nothing left running
  }
}

const adminEnv = () => ({
  DATA_DIR: dataDir,
  KHUYENCONG_ADMIN_EMAIL: 'admin@khuyencong.local',
  KHUYENCONG_ADMIN_PASSWORD: 'Quan-tri-2026!',
  // This test is about the database's lifecycle, not sign-in: the administrator (an agency role) may
  // act without enrolling the TOTP second factor (the e2e server's loopback-only test switch).
  KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: 'true',
});

async function signInAndCreateOrganization(port: number, name: string) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@khuyencong.local', password: 'Quan-tri-2026!' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${base}/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const created = await fetch(`${base}/organizations`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'service_org', name }),
  });
  expect(created.status).toBe(201);
  return { base, cookie };
}

async function organizationNames(base: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${base}/organizations?kind=service_org&pageSize=500`, {
    headers: { cookie },
  });
  const page = (await response.json()) as { items: { name: string }[] };
  return page.items.map((o) => o.name);
}

describe('embedded PostgreSQL lifecycle', () => {
  it('first start initialises, a clean stop keeps the data, SIGKILL is recovered from', async () => {
    const first = await serve(adminEnv());
    const health = (await (await fetch(`http://127.0.0.1:${first.port}/api/v1/health`)).json()) as THealth;
    expect(health.database.mode).toBe('embedded');
    await signInAndCreateOrganization(first.port, 'Hợp tác xã trước khi dừng');
    first.child.kill('SIGINT');
    expect(await exited(first.child)).toBe(0);

    const second = await serve(adminEnv());
    const { base, cookie } = await signInAndCreateOrganization(second.port, 'Hợp tác xã trước khi bị kill');
    expect(await organizationNames(base, cookie)).toEqual(
      expect.arrayContaining(['Hợp tác xã trước khi dừng', 'Hợp tác xã trước khi bị kill']),
    );
    // A crash: the app dies at once, its postgres child is left running and holding the folder.
    second.child.kill('SIGKILL');
    await exited(second.child);
    const orphanPid = Number.parseInt(
      (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]!,
      10,
    );
    expect(() => process.kill(orphanPid, 0)).not.toThrow();

    const third = await serve(adminEnv());
    expect(third.output()).toContain(`stopping orphaned embedded PostgreSQL (pid ${orphanPid})`);
    const again = await signInAndCreateOrganization(third.port, 'Hợp tác xã sau sự cố');
    expect(await organizationNames(again.base, again.cookie)).toEqual(
      expect.arrayContaining([
        'Hợp tác xã trước khi dừng',
        'Hợp tác xã trước khi bị kill',
        'Hợp tác xã sau sự cố',
      ]),
    );
    expect(() => process.kill(orphanPid, 0)).toThrow(); // the orphan was stopped, not reused
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 180_000);

  it('reports external mode with DATABASE_URL', async () => {
    const adminUrl = inject('pgAdminUrl');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('drop database if exists kc_external_mode with (force)');
    await admin.query('create database kc_external_mode');
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = '/kc_external_mode';
    const external = await serve({ DATA_DIR: dataDir, DATABASE_URL: url.toString() });
    const health = (await (await fetch(`http://127.0.0.1:${external.port}/api/v1/health`)).json()) as THealth;
    expect(health.database.mode).toBe('external');
    external.child.kill('SIGTERM');
    await exited(external.child);
  }, 120_000);

  it('stops with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
      env: { ...process.env, PORT: 'ba-nghin', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain('PORT:');
  }, 30_000);
});
