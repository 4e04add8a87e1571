import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../platform/uploads/file-names';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a generated file as a download: its type, a safe Vietnamese file name, no content sniffing. */
export function sendAttachment(reply: FastifyReply, contentType: string, fileName: string, body: Buffer) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
