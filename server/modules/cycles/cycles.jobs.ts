import type { TAppContext } from '../../platform/context';
import type { TJobDefinition } from '../../platform/jobs';
import { MAIL_DELIVER_JOB } from '../mail/mail.jobs';
import { sendDeadlineReminders } from './send-deadline-reminders';

export const CYCLE_REMINDERS_JOB = 'cycles.reminders';

export function cycleJobs(ctx: TAppContext): TJobDefinition[] {
  return [
    {
      name: CYCLE_REMINDERS_JOB,
      // Every morning at 07:00 Vietnam time (the scheduler runs cron in Asia/Ho_Chi_Minh).
      cron: '0 7 * * *',
      handler: async () => {
        const result = await sendDeadlineReminders({
          db: ctx.database.db,
          now: ctx.clock.now(),
          publicUrl: ctx.config.publicUrl,
        });
        if (result.mails > 0) {
          ctx.log.info(result, 'deadline reminders queued');
          await ctx.nudge?.(MAIL_DELIVER_JOB);
        }
      },
    },
  ];
}
