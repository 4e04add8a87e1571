import { spawn } from 'node:child_process';
import path from 'node:path';
import { BENCH_ROOT, benchEnv } from './runtime';

/** Runs `bench/tasks/<script>` in its own Node process and returns the JSON line it prints last. */
export function runTask<T>(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_ROOT, 'tasks', script), ...args],
      {
        cwd: path.resolve(BENCH_ROOT, '..'),
        env: { ...benchEnv(), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0)
        return reject(new Error(`${script} ${args.join(' ')} exited ${code}:\n${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script}: no JSON result:\n${out.slice(-2000)}\n${err.slice(-2000)}`));
      }
    });
  });
}
