import type { TAppContext } from '../../platform/context';
import type { TJobDefinition } from '../../platform/jobs';
import { createMailTransport } from '../../platform/mail';
import { deliverPendingMail } from './deliver-mail';

export const MAIL_DELIVER_JOB = 'mail.deliver';

export function mailJobs(ctx: TAppContext): TJobDefinition[] {
  const transport = createMailTransport({
    smtpUrl: ctx.config.smtpUrl,
    dataDir: ctx.config.dataDir,
    from: ctx.config.mailFrom,
  });
  return [
    {
      name: MAIL_DELIVER_JOB,
      cron: '* * * * *',
      handler: async () => {
        const result = await deliverPendingMail(ctx.database.db, transport, { now: () => ctx.clock.now() });
        if (result.sent + result.failed > 0) ctx.log.info(result, 'mail delivery');
      },
    },
  ];
}
