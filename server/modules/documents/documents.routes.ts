import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDocument,
  ZDocumentKind,
  ZDocumentList,
  ZReceipt,
  ZUploadDocumentQuery,
} from '../../../domain/schemas/documents';
import { auditActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { languageOf } from '../../http/problem';
import { AppError, notFound } from '../../platform/errors';
import { generateStorageKey } from '../../platform/storage';
import { virusScannerFor } from '../../platform/uploads/clamav';
import { contentDisposition, sanitizeFileName } from '../../platform/uploads/file-names';
import { storeUpload } from '../../platform/uploads/store-upload';
import { recordAudit } from '../audit/record-audit';
import { findProposal } from '../proposals';
import { buildReceipt } from './build-receipt';
import { renderReceiptDocx } from './documents.export';
import { uploadDecision } from './documents.policy';
import { presentDocument } from './documents.presenter';
import { documentsOfProposal, findDocument } from './documents.repository';
import { storageOf } from './documents.storage';
import { downloadDocument } from './download-document';
import { uploadDocument } from './upload-document';

const ZId = z.object({ id: z.uuid() });

/**
 * Dossier documents: multipart upload, list with versions, download, and the receipt. Large files also
 * arrive through tus (`uploads.routes.ts`); both end in the same `uploadDocument` use case.
 */
export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;
  const db = database.db;
  const storage = storageOf(app.ctx);

  // Encapsulated in this plugin: only these routes parse multipart bodies. The size limit is enforced
  // while streaming; `throwFileSizeLimit: false` because the route itself turns the limit into a 413.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.uploadMaxBytes,
      files: 1,
      fields: 4,
      fieldSize: 1024,
      parts: 6,
      headerPairs: 50,
    },
  });

  app.post(
    '/proposals/:id/documents',
    {
      config: { access: { permission: 'proposals.write' } },
      schema: {
        tags: ['documents'],
        summary: 'Upload a dossier document (multipart: `kind`, then `file`)',
        description:
          'The `kind` field must precede the `file` part (or be given as `?kind=`). The type is decided from the content (PDF, DOCX, XLSX, JPEG, PNG); a new upload of a kind supersedes the previous version, which is kept.',
        params: ZId,
        querystring: ZUploadDocumentQuery,
        consumes: ['multipart/form-data'],
        response: { 201: ZDocument },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      // Fail fast, before reading the body: scope (404) and status (409). Checked again in the transaction.
      const row = await findProposal(db, actor, id);
      if (!row) throw notFound();
      const decision = uploadDecision(actor, row);
      if (!decision.ok) throw new AppError(decision.reason);
      if (!request.isMultipart()) throw new AppError('unsupported_file_type');

      const part = await request.file();
      if (!part) {
        throw new AppError('validation_failed', { errors: [{ path: 'file', code: 'required' }] });
      }
      const kindField = part.fields.kind;
      const rawKind =
        kindField && !Array.isArray(kindField) && kindField.type === 'field'
          ? String(kindField.value)
          : request.query.kind;
      const kind = ZDocumentKind.safeParse(rawKind);
      if (!kind.success) {
        part.file.resume(); // drain the rest of the body so the connection stays usable
        throw new AppError('validation_failed', {
          errors: [{ path: 'kind', code: rawKind === undefined ? 'required' : 'invalid_value' }],
        });
      }

      const key = generateStorageKey('documents', clock.now());
      let stored: Awaited<ReturnType<typeof storeUpload>>;
      try {
        stored = await storeUpload({
          storage,
          source: part.file,
          key,
          limit: { event: 'limit', isTruncated: () => part.file.truncated },
          scanner: virusScannerFor(config),
        });
      } catch (error) {
        part.file.resume();
        throw error;
      }
      if (part.file.truncated) {
        // storeUpload refuses truncated files itself; a truncated file must never be kept, whatever happens.
        await storage.delete(key);
        throw new AppError('payload_too_large');
      }
      const fileName = sanitizeFileName(part.filename, stored.type);
      let documentId: string;
      try {
        documentId = await db.transaction((tx) =>
          uploadDocument({
            actor,
            tx,
            now: clock.now(),
            proposalId: id,
            kind: kind.data,
            fileName,
            stored,
            via: 'multipart',
          }),
        );
      } catch (error) {
        await storage.delete(key).catch(() => {});
        throw error;
      }
      const created = await findDocument(db, actor, documentId);
      if (!created) throw notFound();
      return reply.status(201).send(presentDocument(created));
    },
  );

  app.get(
    '/proposals/:id/documents',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['documents'],
        summary: 'The current version of each document kind, and every version',
        params: ZId,
        response: { 200: ZDocumentList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findProposal(db, actor, request.params.id);
      if (!row) throw notFound();
      const all = (await documentsOfProposal(db, row.proposal.id)).map(presentDocument);
      return {
        current: all.filter((d) => d.supersededAt === null),
        history: [...all].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || b.version - a.version),
        canUpload: actor.permissions.has('proposals.write') && uploadDecision(actor, row).ok,
        maxBytes: config.uploadMaxBytes,
      };
    },
  );

  app.get(
    '/documents/:id/content',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['documents'],
        summary: 'Download a document (as an attachment; audited)',
        params: ZId,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await findDocument(db, actor, request.params.id);
      if (!found) throw notFound();
      // Open the content first: a file missing from storage is a server fault, not an audited download.
      const body = await storage.get(found.document.storageKey);
      try {
        await db.transaction((tx) =>
          downloadDocument({ actor, tx, now: clock.now(), documentId: found.document.id }),
        );
      } catch (error) {
        body.destroy();
        throw error;
      }
      return reply
        .header('content-type', found.document.contentType)
        .header('content-length', String(found.document.size))
        .header('content-disposition', contentDisposition(found.document.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .header('repr-digest', `sha-256=:${Buffer.from(found.document.sha256, 'hex').toString('base64')}:`)
        .send(body);
    },
  );

  app.get(
    '/proposals/:id/receipt',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['documents'],
        summary: 'The dossier receipt: every current document with its SHA-256, and the server time',
        params: ZId,
        response: { 200: ZReceipt },
      },
    },
    async (request) =>
      buildReceipt({
        actor: actorOf(request),
        db,
        now: clock.now(),
        proposalId: request.params.id,
        language: languageOf(request),
      }),
  );

  app.get(
    '/proposals/:id/receipt.docx',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['documents'],
        summary: 'The dossier receipt as a Word file (audited)',
        params: ZId,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const receipt = await buildReceipt({ actor, db, now, proposalId: request.params.id, language: 'vi' });
      const file = await renderReceiptDocx(receipt);
      await db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: 'document.receipt_exported',
          entityType: 'proposal',
          entityId: receipt.proposal.id,
          provinceCode: receipt.proposal.provinceCode,
          after: {
            code: receipt.proposal.code,
            documents: receipt.documents.map((d) => ({ id: d.id, sha256: d.sha256 })),
          },
          at: now,
        }),
      );
      const name = `Phiếu tiếp nhận hồ sơ ${receipt.proposal.code}.docx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  );
};
