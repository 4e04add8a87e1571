import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support';

const root = fileURLToPath(new URL('..', import.meta.url));
const HEALTH_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Builds the web app when stale, starts `khuyencong serve` on a fresh DATA_DIR (its own embedded
 * PostgreSQL) and waits for /api/v1/health. The returned function is Playwright's global teardown:
 * SIGTERM, wait for a clean exit (so PostgreSQL stops cleanly), then remove the temporary folder.
 *
 * The server runs from a snapshot of server/, domain/ and web/dist/ taken once the build is done.
 * The server serves web/dist relative to its own source, and a rebuild of the shared web/dist during a
 * run (a developer's build, another checkout's e2e run, `npm start`) deletes the chunks the open pages
 * still load: every page after it fails. The snapshot makes a run test one consistent build.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const baseURL = process.env.E2E_BASE_URL;
  const port = process.env.E2E_PORT;
  if (!baseURL || !port) throw new Error('E2E_BASE_URL / E2E_PORT must be set by playwright.config.ts');

  const workDir = mkdtempSync(path.join(tmpdir(), 'khuyencong-e2e-'));
  // As root, embedded PostgreSQL runs as the `postgres` system user, which must reach its folder.
  chmodSync(workDir, 0o755);
  const appDir = path.join(workDir, 'app');
  const dataDir = path.join(workDir, 'data');
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o755);

  try {
    buildAndSnapshot(appDir);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    PUBLIC_URL: baseURL,
    DATA_DIR: dataDir,
    KHUYENCONG_ADMIN_EMAIL: ADMIN_EMAIL,
    KHUYENCONG_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    // Agency users of the journeys need not enrol TOTP (test-only switch, refused on a production
    // configuration); e2e/second-factor.spec.ts enrols one and signs in with the code step.
    KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: 'true',
    // Not the default 54329 every other instance on this machine tries first: two starting at once can
    // both find it free, and the loser's PostgreSQL exits.
    EMBEDDED_PG_PORT: String(await findFreePort()),
  };
  // Never reach a developer's own database, storage or mail server.
  for (const name of ['DATABASE_URL', 'STORAGE_URL', 'SMTP_URL']) delete env[name];

  // Its own process group, so a last-resort kill also reaches the embedded PostgreSQL it started.
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const relay = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    if (output.length > 200) output.shift();
    process.stderr.write(text.replace(/^(?=.)/gm, '[server] '));
  };
  server.stdout?.on('data', relay);
  server.stderr?.on('data', relay);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const killGroup = () => killProcessGroup(server, 'SIGKILL');
  process.once('exit', killGroup);

  const teardown = async () => {
    process.removeListener('exit', killGroup);
    await stopServer(server, exited);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(`${baseURL}/api/v1/health`, server);
  } catch (error) {
    await teardown();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.join('')}`);
  }
  return teardown;
}

/**
 * `node scripts/build-web.mjs` (builds only when stale), then copies what the server needs. When a
 * concurrent rebuild changed web/dist during the copy, the copy is incomplete: build and copy again.
 */
function buildAndSnapshot(appDir: string): void {
  for (let attempt = 1; ; attempt++) {
    const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`node scripts/build-web.mjs failed (exit ${build.status})`);
    rmSync(appDir, { recursive: true, force: true });
    for (const entry of ['server', 'domain', 'web/dist', 'package.json', 'tsconfig.json']) {
      cpSync(path.join(root, entry), path.join(appDir, entry), { recursive: true });
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
    const missing = missingChunks(path.join(appDir, 'web', 'dist'));
    if (missing.length === 0) return;
    if (attempt === 3) {
      throw new Error(`web/dist keeps changing while it is copied; missing: ${missing.join(', ')}`);
    }
  }
}

/** Chunks and styles referenced by index.html or by another chunk but absent from the copy. */
function missingChunks(distDir: string): string[] {
  const assetsDir = path.join(distDir, 'assets');
  if (!existsSync(path.join(distDir, 'index.html')) || !existsSync(assetsDir)) return ['index.html'];
  const present = new Set(readdirSync(assetsDir));
  const sources = [
    path.join(distDir, 'index.html'),
    ...[...present].filter((name) => name.endsWith('.js')).map((name) => path.join(assetsDir, name)),
  ];
  const missing = new Set<string>();
  for (const source of sources) {
    const text = readFileSync(source, 'utf8');
    for (const match of text.matchAll(/(?:\.\/|assets\/)([\w.-]+\.(?:js|css))(?=["'`])/g)) {
      if (match[1] && !present.has(match[1])) missing.add(match[1]);
    }
  }
  return [...missing];
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject()));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited before it was ready (${server.exitCode ?? server.signalCode})`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stopServer(server: ChildProcess, exited: Promise<void>): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!stopped) {
      process.stderr.write(`[e2e] the server did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it\n`);
      killProcessGroup(server, 'SIGKILL');
      await exited;
    }
  }
  // Anything left in the group (an embedded PostgreSQL the server failed to stop) goes too.
  for (let i = 0; i < 40 && isGroupAlive(server); i++) await sleep(250);
  if (isGroupAlive(server)) killProcessGroup(server, 'SIGKILL');
}

function isGroupAlive(server: ChildProcess): boolean {
  if (server.pid === undefined) return false;
  try {
    process.kill(-server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killProcessGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  if (server.pid === undefined) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
