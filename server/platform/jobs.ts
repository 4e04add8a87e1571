import PgBoss from 'pg-boss';
import type { TLogger } from './log';

/**
 * Durable jobs in PostgreSQL (pg-boss): each job runs once across all instances. A job is data:
 * a name, an optional cron schedule (Vietnam time) and a handler.
 */
export type TJobDefinition = {
  name: string;
  cron?: string;
  handler: () => Promise<void>;
};

export type TJobRunner = {
  /** Asks for a run as soon as possible (e.g. after a mail was queued). Never throws. */
  nudge(name: string): Promise<void>;
  stop(): Promise<void>;
};

export async function startJobs(options: {
  connectionString: string;
  definitions: readonly TJobDefinition[];
  log: TLogger;
  work: boolean;
}): Promise<TJobRunner> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    application_name: 'khuyencong-jobs',
  });
  boss.on('error', (error: Error & { code?: string }) => {
    // 57P01 admin_shutdown: the database is stopping (our own shutdown); not an application error.
    if (error.code === '57P01') options.log.debug({ err: error }, 'job queue connection closed by shutdown');
    else options.log.error({ err: error }, 'job queue error');
  });
  await boss.start();
  for (const definition of options.definitions) {
    await boss.createQueue(definition.name, {
      name: definition.name,
      policy: 'singleton',
      retryLimit: 3,
      retryBackoff: true,
    });
    if (definition.cron)
      await boss.schedule(definition.name, definition.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
    if (options.work) {
      await boss.work(definition.name, { pollingIntervalSeconds: 2 }, async () => {
        await definition.handler();
      });
    }
  }
  return {
    async nudge(name) {
      try {
        await boss.send(name, {}, { singletonKey: name, singletonSeconds: 1 });
      } catch (error) {
        options.log.warn({ err: error, job: name }, 'could not queue job');
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
