import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TFigure } from './lib/report';
import { runTask } from './lib/task';

type TExportRun = { rows: number; ms: number; maxRssMb: number };

/**
 * P4: the registration-table export of every proposal of the data set (50,000 rows, the layout's styles,
 * totals formulas, print setup) against plain exceljs streaming the same rows from a cursor. Each runs
 * in its own process (peak RSS is its own); the best of two runs each.
 */
export async function benchmarkExport(databaseUrl: string): Promise<TFigure[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kc-bench-export-'));
  const env = { BENCH_DATABASE_URL: databaseUrl, DATABASE_URL: databaseUrl };
  try {
    const runs = { app: [] as TExportRun[], floor: [] as TExportRun[] };
    for (let i = 0; i < 2; i += 1) {
      runs.floor.push(await runTask<TExportRun>('export.ts', ['floor', path.join(dir, 'floor.xlsx')], env));
      runs.app.push(await runTask<TExportRun>('export.ts', ['app', path.join(dir, 'app.xlsx')], env));
    }
    const best = (list: TExportRun[]) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
    const app = best(runs.app);
    const floor = best(runs.floor);
    const ratio = app.ms / floor.ms;
    const peakRss = Math.max(...runs.app.map((r) => r.maxRssMb));
    const sizes = {
      app: (await stat(path.join(dir, 'app.xlsx'))).size,
      floor: (await stat(path.join(dir, 'floor.xlsx'))).size,
    };
    return [
      {
        id: 'P4',
        name: `Excel export, ${app.rows} rows: time`,
        value: app.ms / 1000,
        unit: 's',
        floor: floor.ms / 1000,
        floorName: 'plain exceljs from a cursor',
        ratio,
        target: '≤ 1.5 × floor',
        pass: ratio <= 1.5 && app.rows === floor.rows,
        details: { runs, sizes },
      },
      {
        id: 'P4',
        name: 'Excel export: peak RSS of the exporting process',
        value: peakRss,
        unit: 'MB',
        floor: Math.max(...runs.floor.map((r) => r.maxRssMb)),
        floorName: 'plain exceljs',
        ratio: null,
        target: '≤ 300 MB',
        pass: peakRss <= 300,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
