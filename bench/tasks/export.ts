/**
 * P4 tasks, each run in its own process so its peak RSS is its own:
 *   `export.ts app FILE`   — the application's exporter (exportProposalsXlsx) for every proposal;
 *   `export.ts floor FILE` — plain exceljs WorkbookWriter streaming the same SELECT from a cursor.
 * Prints one JSON line: { rows, ms, maxRssMb }.
 */
import { createWriteStream } from 'node:fs';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { users } from '../../server/db/schema';
import { loadActor } from '../../server/modules/auth/authenticate';
import { exportProposalsXlsx } from '../../server/modules/proposals/export-proposals';
import { openBenchRuntime } from '../lib/runtime';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'app' && mode !== 'floor')) throw new Error('usage: export.ts app|floor FILE');

const COLUMNS = `p.code, p.title, p.activity_type, p.is_pilot, p.is_group_project, o.name as implementing_name,
  p.beneficiary, p.location, p.start_date, p.end_date, p.budget_total, p.budget_requested, p.budget_counterpart,
  p.budget_other, p.priority_area, p.priority_industry, p.selection_method, p.status`;

const runtime = await openBenchRuntime();
try {
  const started = performance.now();
  let rows = 0;
  if (mode === 'app') {
    const [user] = await runtime.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'bench.cuc@khuyencong.local'));
    const actor = await loadActor(runtime.database.db, user!.id, 'token', { ip: null, requestId: null });
    const output = createWriteStream(file);
    const done = new Promise<void>((r) => output.on('close', () => r()));
    await runtime.database.db.transaction(async (tx) => {
      ({ rows } = await exportProposalsXlsx({
        actor: actor!,
        tx,
        now: new Date(),
        filters: {} as never,
        output,
      }));
    });
    await done;
  } else {
    const client = await runtime.database.pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `declare floor_cursor no scroll cursor for select ${COLUMNS} from proposals p
           join organizations o on o.id = p.implementing_organization_id order by p.code`,
      );
      const output = createWriteStream(file);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: output,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('Biểu tổng hợp');
      for (;;) {
        const batch = await client.query('fetch 500 from floor_cursor');
        if (batch.rows.length === 0) break;
        for (const r of batch.rows) {
          rows += 1;
          sheet
            .addRow([
              rows,
              r.code,
              r.title,
              r.activity_type,
              r.is_pilot,
              r.is_group_project,
              r.implementing_name,
              r.beneficiary?.name,
              r.location?.commune,
              r.location?.address,
              r.start_date,
              r.end_date,
              Number(r.budget_total),
              Number(r.budget_requested),
              Number(r.budget_counterpart),
              Number(r.budget_other),
              r.priority_area,
              r.priority_industry,
              r.selection_method,
              r.status,
            ])
            .commit();
        }
      }
      await workbook.commit();
      await client.query('commit');
    } finally {
      client.release();
    }
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} finally {
  await runtime.shutdown();
}
