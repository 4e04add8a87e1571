import type { TAppContext } from '../../platform/context';
import type { TJobDefinition } from '../../platform/jobs';
import { purgeExpiredSessions } from './sessions';

export function authJobs(ctx: TAppContext): TJobDefinition[] {
  return [
    {
      name: 'sessions.purge',
      cron: '17 * * * *',
      handler: () => purgeExpiredSessions(ctx.database.db, ctx.clock.now()),
    },
  ];
}
