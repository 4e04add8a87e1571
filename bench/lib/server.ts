import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { BENCH_ROOT, benchEnv } from './runtime';

const ROOT = path.resolve(BENCH_ROOT, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type TServerProcess = {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from the health URL. */
  readyMs: number;
  /** The last 4,000 characters the process printed. */
  output(): string;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
};

/** Starts a Node process (the app or a floor) and waits until `healthPath` answers 200. */
export async function startProcess(options: {
  args: string[];
  env?: NodeJS.ProcessEnv;
  healthPath: string;
  port?: number;
  timeoutMs?: number;
}): Promise<TServerProcess> {
  const port = options.port ?? (await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...options.args], {
    cwd: ROOT,
    env: { ...benchEnv(), ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output = (output + d).slice(-4000);
  });
  child.stderr?.on('data', (d) => {
    output = (output + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let readyMs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`not ready in time:\n${output}`);
    }
    try {
      const response = await fetch(url + options.healthPath);
      if (response.status === 200) {
        readyMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    child,
    readyMs,
    output: () => output,
    async rssBytes() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The application server (`khuyencong serve`), optionally on an external database URL. */
export function startApp(databaseUrl?: string) {
  return startProcess({
    args: ['server/main.ts', 'serve'],
    env: databaseUrl ? { DATABASE_URL: databaseUrl, KHUYENCONG_WORKER: 'false' } : {},
    healthPath: '/api/v1/health',
  });
}
