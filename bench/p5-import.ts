import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TFigure } from './lib/report';
import { runTask } from './lib/task';

/**
 * P5: importing a 5,000-row registration table with every check (dry run) against plain exceljs reading
 * every cell of the same file. Times are measured inside each process from the first line of work (the
 * app's includes its database look-ups and the rule engine); best of two runs each.
 */
export async function benchmarkImport(databaseUrl: string): Promise<TFigure[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kc-bench-import-'));
  const env = { BENCH_DATABASE_URL: databaseUrl, DATABASE_URL: databaseUrl };
  const file = path.join(dir, 'bieu-tong-hop-5000.xlsx');
  try {
    await runTask('import.ts', ['make', file], env);
    const floor: { ms: number; rows: number }[] = [];
    const app: { ms: number; errors: number; firstErrors: unknown }[] = [];
    for (let i = 0; i < 2; i += 1) {
      floor.push(await runTask('import.ts', ['floor', file], env));
      app.push(await runTask('import.ts', ['app', file], env));
    }
    const bestApp = Math.min(...app.map((r) => r.ms));
    const bestFloor = Math.min(...floor.map((r) => r.ms));
    const ratio = bestApp / bestFloor;
    const errors = app[0]!.errors;
    return [
      {
        id: 'P5',
        name: 'Excel import, 5,000 rows with validation',
        value: bestApp / 1000,
        unit: 's',
        floor: bestFloor / 1000,
        floorName: 'plain exceljs read',
        ratio,
        target: '≤ 2 × floor',
        pass: ratio <= 2 && errors === 0,
        details: { app, floor },
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
