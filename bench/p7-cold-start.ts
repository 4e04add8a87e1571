import type { TFigure } from './lib/report';
import { startApp } from './lib/server';

/**
 * P7: cold start to ready — `khuyencong serve` on the full data set, embedded PostgreSQL already
 * initialised (its start, migrations check and reference seeds included), until /api/v1/health
 * answers. The median of three starts. Floor: the same process started with `--version` only.
 */
export async function benchmarkColdStart(runs = 3): Promise<TFigure[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const app = await startApp();
    times.push(app.readyMs);
    await app.stop();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return [
    {
      id: 'P7',
      name: 'cold start to ready (embedded PostgreSQL, full data set)',
      value: median / 1000,
      unit: 's',
      floor: null,
      floorName: null,
      ratio: null,
      target: '≤ 10 s',
      pass: median <= 10_000,
      details: { runsMs: times },
    },
  ];
}
