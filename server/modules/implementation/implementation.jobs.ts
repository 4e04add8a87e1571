import type { TAppContext } from '../../platform/context';
import type { TJobDefinition } from '../../platform/jobs';
import { MAIL_DELIVER_JOB } from '../mail/mail.jobs';
import { sendProgressReminders } from './progress-reminders';

export const PROGRESS_REMINDERS_JOB = 'implementation.progress-reminders';

export function implementationJobs(ctx: TAppContext): TJobDefinition[] {
  return [
    {
      name: PROGRESS_REMINDERS_JOB,
      // Every morning at 07:10 Vietnam time; sends only once the month's report day has passed.
      cron: '10 7 * * *',
      handler: async () => {
        const result = await sendProgressReminders({
          db: ctx.database.db,
          now: ctx.clock.now(),
          publicUrl: ctx.config.publicUrl,
        });
        if (result.mails > 0) {
          ctx.log.info(result, 'progress-report reminders queued');
          await ctx.nudge?.(MAIL_DELIVER_JOB);
        }
      },
    },
  ];
}
