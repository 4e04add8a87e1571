import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TFigure } from './lib/report';
import { BENCH_ROOT } from './lib/runtime';

const ROOT = path.resolve(BENCH_ROOT, '..');

/**
 * P6: the front-end budget, read from the built app by scripts/check-web-budget.mjs (the same check
 * `npm test` runs): initial JavaScript (login + dashboard) and the largest other route chunk, gzip.
 */
export function benchmarkBundle(): TFigure[] {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const check = spawnSync(process.execPath, ['scripts/check-web-budget.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const rows = [...check.stdout.matchAll(/^([✓✗]) (.+?)\s+([\d.]+) KB\s+\(limit ([\d.]+) KB\)$/gmu)].map(
    (m) => ({
      name: m[2]!.trim(),
      kb: Number(m[3]),
      limitKb: Number(m[4]),
    }),
  );
  const initial = rows.find((r) => r.name.startsWith('initial'));
  if (!initial)
    throw new Error(`P6: could not read the budget check's output:\n${check.stdout}\n${check.stderr}`);
  const routes = rows.filter((r) => r !== initial);
  const largest = routes.reduce(
    (a, b) => (b.kb > a.kb ? b : a),
    routes[0] ?? { name: '—', kb: 0, limitKb: 150 },
  );
  return [
    {
      id: 'P6',
      name: 'initial JavaScript (login + dashboard), gzip',
      value: initial.kb,
      unit: 'KB',
      floor: null,
      floorName: null,
      ratio: null,
      target: '≤ 350 KB',
      pass: initial.kb <= 350,
    },
    {
      id: 'P6',
      name: `largest other chunk (${largest.name}), gzip`,
      value: largest.kb,
      unit: 'KB',
      floor: null,
      floorName: null,
      ratio: null,
      target: `≤ ${largest.limitKb} KB`,
      pass: check.status === 0,
      details: { chunks: routes },
    },
  ];
}
