import { mailOutbox } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';

export type TMailMessage = { to: string; subject: string; text: string; html?: string; template: string };

/**
 * Writes a message to the outbox in the caller's transaction (transactional outbox): the mail exists
 * if and only if the change that caused it committed. The `mail.deliver` job sends it.
 */
export async function enqueueMail(tx: TDbOrTx, message: TMailMessage): Promise<string> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
      template: message.template,
    })
    .returning({ id: mailOutbox.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}
