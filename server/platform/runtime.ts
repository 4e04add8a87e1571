import { bootstrapAdmin } from '../db/seed/bootstrap-admin';
import { seedReferenceData } from '../db/seed/reference';
import { authJobs } from '../modules/auth/auth.jobs';
import { cycleJobs } from '../modules/cycles/cycles.jobs';
import { implementationJobs } from '../modules/implementation/implementation.jobs';
import { MAIL_DELIVER_JOB, mailJobs } from '../modules/mail/mail.jobs';
import { systemClock, type TClock } from './clock';
import { loadConfig, type TConfig } from './config';
import type { TAppContext } from './context';
import { openDatabase, runMigrations } from './db';
import { startJobs, type TJobRunner } from './jobs';
import { createLogger } from './log';
import { APP_VERSION } from './version';

/** Every job of every module: the list the worker runs. */
export function jobDefinitions(ctx: TAppContext) {
  return [...mailJobs(ctx), ...authJobs(ctx), ...cycleJobs(ctx), ...implementationJobs(ctx)];
}

export type TRuntime = TAppContext & { jobs: TJobRunner | null; shutdown(): Promise<void> };

/**
 * Opens the database (embedded or external), applies migrations and reference seeds (idempotent),
 * creates the first administrator on an empty database, and starts the job queue when asked.
 */
export async function startRuntime(options: {
  config?: TConfig;
  clock?: TClock;
  jobs: 'off' | 'schedule' | 'work';
  bootstrap?: boolean;
}): Promise<TRuntime> {
  const config = options.config ?? loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    ownerUrl: config.databaseOwnerUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPgPort,
    // PostgreSQL's own chatter at debug; our lifecycle notices (initialising, orphan recovery) at info.
    log: (m) => (/^(initialising|stopping orphaned|orphaned)/.test(m) ? log.info(m) : log.debug(m)),
  });
  let jobs: TJobRunner | null = null;
  const ctx: TAppContext = {
    config,
    database,
    clock: options.clock ?? systemClock,
    log,
    version: APP_VERSION,
  };
  try {
    const roles = await runMigrations(database);
    if (roles === 'single') {
      log.warn(
        'R7 not in force: the application migrates and serves as one database role, which can alter the audit trail; set DATABASE_OWNER_URL to a separate owner role (ADR 0008)',
      );
    }
    await seedReferenceData(database.db);
    if (options.bootstrap !== false) {
      const admin = await bootstrapAdmin(database.db, {
        email: config.adminEmail,
        password: config.adminPassword,
        now: ctx.clock.now(),
      });
      if (admin?.generatedPassword) {
        // Printed once, on purpose, to the console only (not to the JSON log).
        process.stdout.write(
          `\n  Tài khoản quản trị đầu tiên / first administrator:\n    e-mail:   ${admin.email}\n    mật khẩu: ${admin.generatedPassword}\n  Hãy đổi mật khẩu sau khi đăng nhập. Change it after signing in.\n\n`,
        );
      } else if (admin) {
        log.info({ email: admin.email }, 'first administrator created');
      }
    }
    if (options.jobs !== 'off') {
      jobs = await startJobs({
        connectionString: database.url,
        definitions: jobDefinitions(ctx),
        log,
        work: options.jobs === 'work',
      });
    }
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  if (jobs) ctx.nudge = jobs.nudge;
  return {
    ...ctx,
    jobs,
    async shutdown() {
      await jobs?.stop().catch((e) => log.warn({ err: e }, 'job queue stop failed'));
      await database.close();
    },
  };
}

export { MAIL_DELIVER_JOB };
