import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BENCH_ROOT } from './runtime';

/** One benchmark figure beside the floor it is compared with, measured in the same run. */
export type TFigure = {
  id: string;
  name: string;
  value: number;
  unit: string;
  floor: number | null;
  floorName: string | null;
  /** value / floor (or the quantity the target is expressed in). */
  ratio: number | null;
  target: string;
  pass: boolean;
  details?: Record<string, unknown>;
};

const fmt = (n: number | null, digits = 2) =>
  n === null ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(digits);

export function printTable(figures: readonly TFigure[]) {
  const rows = figures.map((f) => [
    f.id,
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.floor === null ? '—' : `${fmt(f.floor)} ${f.unit} (${f.floorName})`,
    fmt(f.ratio),
    f.target,
    f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['id', 'figure', 'value', 'floor', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join(
    '\n',
  );
  console.log(`\n${out}\n`);
  return out;
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
  };
}

export async function writeResults(name: string, payload: Record<string, unknown>) {
  const dir = path.join(BENCH_ROOT, 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
