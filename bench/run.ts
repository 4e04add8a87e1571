/**
 * `npm run bench`: loads the national data set (once), then measures P1–P7 of
 * engineering/quality.md, each against a floor measured in the same run, prints the table and writes
 * bench/results/latest.json. Options: `--only P1,P7`, `--seconds 15` (load duration per side),
 * `--proposals 2000` (a smaller data set for a smoke run: its results go to results/smoke.json, and it
 * needs its own `BENCH_DATA_DIR`),
 * `BENCH_DATABASE_URL` for an external PostgreSQL. Never part of `npm test`.
 */
import { DEFAULT_DATASET, generateDataset } from './generate';
import { machine, printTable, type TFigure, writeResults } from './lib/report';
import { openBenchRuntime } from './lib/runtime';
import { tokenFor } from './lib/tokens';
import { benchmarkList } from './p1-list';
import { benchmarkRush } from './p2-rush';
import { benchmarkResume } from './p3-resume';
import { benchmarkExport } from './p4-export';
import { benchmarkImport } from './p5-import';
import { benchmarkBundle } from './p6-bundle';
import { benchmarkColdStart } from './p7-cold-start';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const only = argument('only')?.split(',');
const wanted = (id: string) => !only || only.includes(id);
const seconds = Number(argument('seconds') ?? 15);
const datasetOptions = {
  ...DEFAULT_DATASET,
  proposals: Number(argument('proposals') ?? DEFAULT_DATASET.proposals),
};
const smoke = datasetOptions.proposals !== DEFAULT_DATASET.proposals;

const started = performance.now();
const figures: TFigure[] = [];
const startMachine = machine();
let runtime = await openBenchRuntime();
let dataset: unknown;
try {
  dataset = await generateDataset(runtime, datasetOptions);
} finally {
  await runtime.shutdown();
}

if (wanted('P6')) figures.push(...benchmarkBundle());

// P7 first: the server starts its own embedded PostgreSQL on the data folder the generator left.
if (wanted('P7') && !process.env.BENCH_DATABASE_URL) figures.push(...(await benchmarkColdStart()));

runtime = await openBenchRuntime();
try {
  const databaseUrl = runtime.database.url;
  const agencyToken = await tokenFor(runtime, 'bench.cuc@khuyencong.local');
  if (wanted('P1')) figures.push(...(await benchmarkList({ databaseUrl, token: agencyToken, seconds })));
  if (wanted('P3')) figures.push(...(await benchmarkResume(runtime)));
  if (wanted('P4')) figures.push(...(await benchmarkExport(databaseUrl)));
  if (wanted('P5')) figures.push(...(await benchmarkImport(databaseUrl)));
  if (wanted('P2'))
    figures.push(...(await benchmarkRush(runtime, { clients: Number(argument('clients') ?? 200) })));
} finally {
  await runtime.shutdown();
}

const table = printTable(figures);
const file = await writeResults(smoke ? 'smoke.json' : 'latest.json', {
  ranAt: new Date().toISOString(),
  durationSeconds: Math.round((performance.now() - started) / 1000),
  machine: startMachine,
  database: process.env.BENCH_DATABASE_URL ? 'external' : 'embedded',
  dataset,
  figures,
  table,
});
console.log(`results written to ${file}`);
process.exit(figures.every((f) => f.pass) ? 0 : 1);
