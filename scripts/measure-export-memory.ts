/**
 * Exports the registration table of a plan year as the system actor and prints what it cost:
 * `{ rows, bytes, ms, maxRssMb }` as JSON on the last line. Used by the 50,000-row memory test
 * (server/modules/proposals/export-memory.test.ts) in a process of its own, so the peak RSS is the
 * export's alone; also runnable by hand:
 *
 *   DATABASE_URL=postgres://… node --import tsx scripts/measure-export-memory.ts 2026 /tmp/out.xlsx
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { finished } from 'node:stream/promises';
import { systemActor } from '../server/access/actor';
import { exportProposalsXlsx } from '../server/modules/proposals/export-proposals';
import { openDatabase } from '../server/platform/db';

const [planYear = '2026', out = `${os.tmpdir()}/kc-export-${process.pid}.xlsx`] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const database = await openDatabase({ databaseUrl, dataDir: os.tmpdir(), embeddedPort: 0, poolSize: 2 });
const started = Date.now();
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
try {
  const output = createWriteStream(out);
  const result = await database.db.transaction((tx) =>
    exportProposalsXlsx({
      actor: systemActor('memory-test'),
      tx,
      now: new Date(),
      filters: { planYear: Number(planYear) } as never,
      output,
    }),
  );
  await finished(output);
  clearInterval(sampler);
  const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const { size } = await stat(out);
  console.log(
    JSON.stringify({
      rows: result.rows,
      bytes: size,
      ms: Date.now() - started,
      maxRssMb: Math.round(maxRss / 1048576),
    }),
  );
} finally {
  clearInterval(sampler);
  await database.close();
}
