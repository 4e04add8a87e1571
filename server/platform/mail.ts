import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type TOutgoingMail = { id: string; to: string; subject: string; text: string; html: string | null };
export type TMailTransport = { kind: 'smtp' | 'file'; send(mail: TOutgoingMail): Promise<void> };

/**
 * Mail goes through nodemailer: to SMTP when SMTP_URL is set, otherwise as `.eml` files (real RFC 5322
 * messages, openable in any mail client) under `$DATA_DIR/mail`.
 */
export function createMailTransport(options: {
  smtpUrl: string | undefined;
  dataDir: string;
  from: string;
}): TMailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(mail) {
        await transporter.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? undefined,
          messageId: `<${mail.id}@khuyencong>`,
        });
      },
    };
  }
  const folder = path.join(options.dataDir, 'mail');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: `<${mail.id}@khuyencong>`,
      });
      await mkdir(folder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(path.join(folder, `${stamp}-${mail.id}.eml`), info.message as Buffer);
    },
  };
}
