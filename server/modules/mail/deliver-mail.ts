import { sql } from 'drizzle-orm';
import { mailOutbox } from '../../db/schema';
import type { TDb } from '../../platform/db';
import type { TMailTransport } from '../../platform/mail';

/** After this many failed attempts a message is marked failed and left for an operator. */
export const MAX_MAIL_ATTEMPTS = 8;

/**
 * Sends pending outbox messages, oldest first. Each message is locked (FOR UPDATE SKIP LOCKED) for the
 * time of its sending, so two workers never send the same message. Delivery is at-least-once: a crash
 * between the SMTP answer and the commit sends that one message again.
 */
export async function deliverPendingMail(
  db: TDb,
  transport: TMailTransport,
  options: { now: () => Date; limit?: number },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const outcome = await db.transaction(async (tx) => {
      const rows = await tx.execute<{
        id: string;
        to_address: string;
        subject: string;
        text_body: string;
        html_body: string | null;
        attempts: number;
      }>(sql`select id, to_address, subject, text_body, html_body, attempts from ${mailOutbox}
             where status = 'pending' order by created_at limit 1 for update skip locked`);
      const row = rows.rows[0];
      if (!row) return 'empty' as const;
      try {
        await transport.send({
          id: row.id,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
        });
        await tx.execute(
          sql`update ${mailOutbox} set status = 'sent', sent_at = ${options.now()}, attempts = attempts + 1 where id = ${row.id}`,
        );
        return 'sent' as const;
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx.execute(sql`update ${mailOutbox} set attempts = ${attempts}, last_error = ${String(error).slice(0, 500)},
          status = ${attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending'} where id = ${row.id}`);
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent++;
    else {
      failed++;
      break; // back off until the next run instead of hammering a failing relay
    }
  }
  return { sent, failed };
}
