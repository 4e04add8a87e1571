import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { ZProposalsExportQuery } from '../../../domain/schemas/proposal-sheets';
import { systemActor, type TActor } from '../../access/actor';
import { users } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import type { TRuntime } from '../../platform/runtime';
import { loadActor } from '../auth/authenticate';
import { exportProposalsXlsx } from './export-proposals';
import { importProposals } from './import-proposals';

type TWithRuntime = <T>(fn: (runtime: TRuntime) => Promise<T>) => Promise<T>;

/** The user a command acts as (scoped and audited like them), or the system actor. */
async function actorFor(db: TDbOrTx, email: string | undefined): Promise<TActor> {
  if (!email) return systemActor('cli');
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  // Acting as a user: their scope and permissions, recorded in the trail as that user.
  const actor = user ? await loadActor(db, user.id, 'session', { ip: null, requestId: null }) : null;
  if (!actor) throw new Error(`no active user ${email}`);
  return actor;
}

function bar(label: string) {
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
}

/**
 * `khuyencong export proposals` and `khuyencong import proposals`: the registration table (Biểu tổng
 * hợp) through the same use cases as `GET /proposals/export.xlsx` and `POST /proposals/import`, with
 * progress bars on stderr.
 */
export function registerProposalSheetCommands(program: Command, withRuntime: TWithRuntime): void {
  const exportCommand =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export data to files officials use');
  exportCommand
    .command('proposals')
    .description('the registration table (Biểu tổng hợp, .xlsx) of the proposals matching the filters')
    .option('--plan-year <year>', 'plan year, e.g. 2026')
    .option('--province <code>', 'province code (two digits), e.g. 24')
    .option('--status <list>', 'statuses, comma-separated, e.g. draft,registered')
    .option('--activity-type <code>', 'activity type code')
    .option('--as <email>', 'act as this user (their scope); default: the system, every province')
    .requiredOption('-o, --output <file>', 'the .xlsx file to write')
    .action(
      async (options: {
        planYear?: string;
        province?: string;
        status?: string;
        activityType?: string;
        as?: string;
        output: string;
      }) => {
        await withRuntime(async (runtime) => {
          const db = runtime.database.db;
          const filters = ZProposalsExportQuery.parse({
            ...(options.planYear ? { planYear: options.planYear } : {}),
            ...(options.province ? { provinceCode: options.province } : {}),
            ...(options.status ? { status: options.status } : {}),
            ...(options.activityType ? { activityType: options.activityType } : {}),
            sort: 'code',
          });
          const actor = await actorFor(db, options.as);
          const output = createWriteStream(options.output);
          const progress = bar('Xuất biểu tổng hợp');
          let started = false;
          const result = await db.transaction((tx) =>
            exportProposalsXlsx({
              actor,
              tx,
              now: runtime.clock.now(),
              filters,
              output,
              onProgress: (done, total) => {
                if (!started) {
                  progress.start(total, 0);
                  started = true;
                }
                progress.update(done);
              },
            }),
          );
          await finished(output);
          progress.stop();
          console.log(`${result.rows} proposals written to ${options.output}`);
        });
      },
    );

  const importCommand =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import files in the layouts officials use');
  importCommand
    .command('proposals <file>')
    .description(
      'import a registration table (.xlsx in the export layout): new rows become drafts, rows with the code of a draft update it; nothing is written unless every row is valid',
    )
    .requiredOption('--plan-year <year>', 'plan year of the table, e.g. 2026')
    .requiredOption('--as <email>', 'the province or unit user the import is made as (their scope, audited)')
    .option('--dry-run', 'check only: list the errors, write nothing')
    .action(async (file: string, options: { planYear: string; as: string; dryRun?: boolean }) => {
      await withRuntime(async (runtime) => {
        const db = runtime.database.db;
        const actor = await actorFor(db, options.as);
        const bars = new Map<string, ReturnType<typeof bar>>();
        const labels = { read: 'Đọc tệp', check: 'Kiểm tra', write: 'Ghi dữ liệu' } as const;
        const outcome = await db.transaction((tx) =>
          importProposals({
            actor,
            tx,
            now: runtime.clock.now(),
            planYear: Number(options.planYear),
            filePath: file,
            dryRun: options.dryRun === true,
            onProgress: (stage, done, total) => {
              let b = bars.get(stage);
              if (!b) {
                for (const other of bars.values()) other.stop();
                b = bar(labels[stage].padEnd(12));
                b.start(total, 0);
                bars.set(stage, b);
              }
              b.update(done);
            },
          }),
        );
        for (const b of bars.values()) b.stop();
        for (const e of outcome.errors) console.log(`${e.column}${e.row}\t${e.code}\t${e.message.vi}`);
        const verb = outcome.dryRun ? 'would create' : 'created';
        console.log(
          `${outcome.rows} rows: ${verb} ${outcome.created}, ${outcome.dryRun ? 'would update' : 'updated'} ${outcome.updated}, unchanged ${outcome.unchanged}, errors ${outcome.errors.length}${outcome.errors.length > 0 ? ' — nothing written' : ''}`,
        );
        if (outcome.errors.length > 0) process.exitCode = 1;
      });
    });
}
