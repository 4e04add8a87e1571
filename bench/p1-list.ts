import { load } from './lib/load';
import type { TFigure } from './lib/report';
import { startApp, startProcess } from './lib/server';

/** The query variants both servers answer, cycled: three filters, a sort and a diacritic-insensitive q. */
export function listQueries(): string[] {
  const years = [2019, 2021, 2023, 2025, 2026];
  const filters = [
    { status: 'closed', activityType: 'demonstration_model', q: 'che bien' },
    { status: 'closed,settled', activityType: 'machinery', q: 'hop tac xa' },
    { status: 'submitted,under_appraisal', activityType: 'vocational_training', q: 'ca phe' },
    { status: 'not_recommended', activityType: 'typical_product', q: 'nong san' },
    { status: 'draft,registered', activityType: 'trade_fair_domestic', q: 'cong ty' },
  ];
  const queries: string[] = [];
  for (const year of years)
    for (const f of filters)
      queries.push(
        `planYear=${year}&status=${encodeURIComponent(f.status)}&activityType=${f.activityType}&q=${encodeURIComponent(f.q)}&sort=-createdAt&page=1&pageSize=50`,
      );
  return queries;
}

/**
 * P1: the proposal list at 50 concurrent clients, the application (token auth, zod validation, scope,
 * presenter) against a bare Fastify + pg server running the same SQL on the same database.
 */
export async function benchmarkList(options: {
  databaseUrl: string;
  token: string;
  seconds: number;
}): Promise<TFigure[]> {
  const queries = listQueries();
  const app = await startApp(options.databaseUrl);
  const floor = await startProcess({
    args: ['bench/floors/list-floor.ts'],
    env: { DATABASE_URL: options.databaseUrl },
    healthPath: '/health',
  });
  try {
    // Both answer the same queries with the same number of rows (the floor is not doing less work).
    for (const query of queries.slice(0, 5)) {
      const appResponse = await fetch(`${app.url}/api/v1/proposals?${query}`, {
        headers: { authorization: `Bearer ${options.token}` },
      });
      if (appResponse.status !== 200)
        throw new Error(
          `P1: the app answered ${appResponse.status}: ${await appResponse.text()}\n${app.output()}`,
        );
      const a = (await appResponse.json()) as { total: number };
      const b = (await (await fetch(`${floor.url}/list?${query}`)).json()) as { total: number };
      if (a.total !== b.total)
        throw new Error(`P1: the floor and the app disagree on ${query}: ${b.total} vs ${a.total}`);
    }
    const common = { connections: 50, seconds: options.seconds, warmupSeconds: 3 };
    const floorFigures = await load({
      ...common,
      baseUrl: floor.url,
      paths: queries.map((q) => `/list?${q}`),
    });
    const appFigures = await load({
      ...common,
      baseUrl: app.url,
      paths: queries.map((q) => `/api/v1/proposals?${q}`),
      headers: { authorization: `Bearer ${options.token}` },
    });
    const throughputRatio = appFigures.requestsPerSecond / floorFigures.requestsPerSecond;
    const p95Ratio = appFigures.p95Ms / floorFigures.p95Ms;
    return [
      {
        id: 'P1',
        name: 'proposal list, 50 clients: throughput',
        value: appFigures.requestsPerSecond,
        unit: 'req/s',
        floor: floorFigures.requestsPerSecond,
        floorName: 'bare Fastify + pg',
        ratio: throughputRatio,
        target: '≥ 0.5 × floor',
        pass: throughputRatio >= 0.5 && appFigures.failures === 0,
        details: { app: appFigures, floor: floorFigures },
      },
      {
        id: 'P1',
        name: 'proposal list, 50 clients: p95 latency',
        value: appFigures.p95Ms,
        unit: 'ms',
        floor: floorFigures.p95Ms,
        floorName: 'bare Fastify + pg',
        ratio: p95Ratio,
        target: '≤ 2 × floor',
        pass: p95Ratio <= 2 && appFigures.failures === 0,
      },
    ];
  } finally {
    await Promise.all([app.stop(), floor.stop()]);
  }
}
