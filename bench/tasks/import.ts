/**
 * P5 tasks: `import.ts make FILE` writes a 5,000-row registration table of new proposals for the
 * rush-year cycle (province 24's Sở); `import.ts app FILE` runs the application's importer on it as a
 * dry run (every check, nothing written); `import.ts floor FILE` reads every cell with plain exceljs'
 * streaming reader. Prints one JSON line.
 */
import { createWriteStream } from 'node:fs';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { organizations, users } from '../../server/db/schema';
import { loadActor } from '../../server/modules/auth/authenticate';
import { importProposals } from '../../server/modules/proposals/import-proposals';
import { PROPOSALS_SHEET } from '../../server/modules/proposals/proposals.sheet';
import { createSheetWriter } from '../../server/platform/spreadsheet';
import { openBenchRuntime } from '../lib/runtime';
import { RUSH_YEAR } from '../lib/world';

const [mode, file] = process.argv.slice(2);
if (!file || !['make', 'app', 'floor'].includes(mode ?? ''))
  throw new Error('usage: import.ts make|app|floor FILE');
export const IMPORT_ROWS = 5000;

const started = performance.now();
if (mode === 'floor') {
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  for await (const sheet of reader)
    for await (const row of sheet) {
      rows += 1;
      row.eachCell(() => {
        cells += 1;
      });
    }
  console.log(JSON.stringify({ rows, cells, ms: performance.now() - started }));
} else {
  const runtime = await openBenchRuntime();
  try {
    const db = runtime.database.db;
    const [user] = await db
      .select()
      .from(users)
      .where(eq(users.email, 'bench.rush.officer24@khuyencong.local'));
    if (!user) throw new Error('run P2/P3 world preparation first (bench.rush.officer24)');
    const [org] = await db.select().from(organizations).where(eq(organizations.id, user.organizationId));
    if (mode === 'make') {
      const output = createWriteStream(file);
      const closed = new Promise<void>((r) => output.on('close', () => r()));
      const writer = createSheetWriter(PROPOSALS_SHEET, output, {});
      for (let i = 1; i <= IMPORT_ROWS; i += 1)
        await writer.addRow({
          code: null,
          title: `Mô hình trình diễn kỹ thuật chế biến nông sản số ${i}`,
          activityType: 'demonstration_model',
          kind: 'single',
          implementingOrganization: org!.name,
          beneficiaryName: `Hợp tác xã Nông sản Tân Cương ${i}`,
          commune: 'Xã Tân Cương',
          address: null,
          startDate: `${RUSH_YEAR}-03-01`,
          endDate: `${RUSH_YEAR}-11-30`,
          budgetTotal: 2_000_000_000,
          budgetRequested: 600_000_000,
          budgetCounterpart: 1_400_000_000,
          budgetOther: 0,
          priorityArea: i % 3 === 0,
          priorityIndustry: false,
          selectionMethod: null,
          notes: null,
        });
      await writer.finish();
      await closed;
      console.log(JSON.stringify({ rows: IMPORT_ROWS, ms: performance.now() - started }));
    } else {
      const actor = await loadActor(db, user.id, 'token', { ip: null, requestId: null });
      // From the first line of the import's work, as the floor's: not the runtime's start-up above.
      const importStarted = performance.now();
      const outcome = await db.transaction((tx) =>
        importProposals({
          actor: actor!,
          tx,
          now: new Date(),
          planYear: RUSH_YEAR,
          filePath: file,
          dryRun: true,
        }),
      );
      console.log(
        JSON.stringify({
          rows: IMPORT_ROWS,
          errors: outcome.errors.length,
          firstErrors: outcome.errors.slice(0, 3),
          ms: performance.now() - importStarted,
        }),
      );
    }
  } finally {
    await runtime.shutdown();
  }
}
