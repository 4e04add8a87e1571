import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_MESSAGES, type TErrorCode } from '../../../domain/enums/error-codes';
import { TUS_METADATA_KEYS, ZDocumentKind } from '../../../domain/schemas/documents';
import type { TActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { AppError } from '../../platform/errors';
import { generateStorageKey } from '../../platform/storage';
import { virusScannerFor } from '../../platform/uploads/clamav';
import { sanitizeFileName } from '../../platform/uploads/file-names';
import { storeUpload } from '../../platform/uploads/store-upload';
import { findProposal } from '../proposals';
import { uploadDecision } from './documents.policy';
import { storageOf } from './documents.storage';
import { uploadDocument } from './upload-document';

/** The tus endpoint; the upload URL is `/api/v1/uploads/<id>`. */
export const TUS_PATH = '/api/v1/uploads';
/** Partial uploads nobody resumed for a week are removed (they hold disk space only). */
const EXPIRATION_MS = 7 * 24 * 3_600_000;
const CLEAN_UP_EVERY_MS = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TTusError = { status_code: number; body: string };
type TTusRequest = Request & { runtime?: { node?: { req: IncomingMessage } } };

/**
 * Resumable uploads, tus 1.0 (`@tus/server` + `@tus/file-store`): for large dossiers over unstable
 * provincial links. The partial file lives on disk under `$DATA_DIR/uploads`, so the offset a client
 * resumes from (HEAD) is whatever reached the disk, and survives a restart of the server.
 *
 * - Authentication and CSRF are the API's own: the routes are ordinary Fastify routes with an access
 *   declaration, which hand the raw request to the tus server only after `onRequest` has passed.
 * - Creation (POST) checks the metadata — `proposalId`, `kind`, `filename` — against the proposal's
 *   scope and status before accepting a byte, and `Upload-Length` against `UPLOAD_MAX_BYTES` (413).
 * - An upload belongs to the user who created it: anyone else gets 404 for HEAD, PATCH and DELETE.
 * - On completion the file is sniffed, moved to storage with its SHA-256, and recorded as a document
 *   version with its audit row in one transaction; the partial is then deleted.
 */
export const uploadsRoutes: FastifyPluginAsync = async (app) => {
  const { config, database, clock, log } = app.ctx;
  const storage = storageOf(app.ctx);
  const directory = path.join(config.dataDir, 'uploads');
  await mkdir(directory, { recursive: true });
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: EXPIRATION_MS });
  const actors = new WeakMap<IncomingMessage, { actor: TActor; language: 'vi' | 'en' }>();
  let lastCleanUp = 0;

  const callerOf = (req: Request) => {
    const raw = (req as TTusRequest).runtime?.node?.req;
    const caller = raw ? actors.get(raw) : undefined;
    if (!caller) throw new Error('tus request without an authenticated caller');
    return caller;
  };
  const problem = (code: TErrorCode, language: 'vi' | 'en'): TTusError => {
    const message = ERROR_MESSAGES[code];
    return {
      status_code: message.status,
      body: JSON.stringify({
        type: `urn:khuyencong:problem:${code}`,
        title: message[language],
        status: message.status,
        code,
        detail: message[language],
      }),
    };
  };
  const asTusError = (error: unknown, language: 'vi' | 'en'): unknown =>
    error instanceof AppError ? problem(error.code as TErrorCode, language) : error;

  /** The proposal named by the metadata, if the caller may upload to it now (else a tus error). */
  const checkTarget = async (actor: TActor, language: 'vi' | 'en', metadata: Upload['metadata']) => {
    const proposalId = metadata?.[TUS_METADATA_KEYS.proposalId] ?? '';
    const kind = ZDocumentKind.safeParse(metadata?.[TUS_METADATA_KEYS.kind]);
    const fileName = metadata?.[TUS_METADATA_KEYS.fileName] ?? '';
    if (!UUID.test(proposalId) || !kind.success || fileName.length > 1000) {
      throw problem('validation_failed', language);
    }
    const row = await findProposal(database.db, actor, proposalId);
    if (!row) throw problem('not_found', language);
    const decision = uploadDecision(actor, row);
    if (!decision.ok) throw problem(decision.reason, language);
    return { proposalId, kind: kind.data, fileName };
  };

  const tus = new Server({
    path: TUS_PATH,
    datastore,
    maxSize: config.uploadMaxBytes,
    relativeLocation: true,
    // Same origin only: no Access-Control-Allow-Origin header at all.
    allowedOrigins: [],
    disableTerminationForFinishedUploads: true,
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return;
      const { actor, language } = callerOf(req);
      const upload = await datastore.getUpload(id).catch(() => null);
      // Someone else's upload answers exactly like a missing one.
      if (!upload || upload.metadata?.ownerId !== actor.userId) throw problem('not_found', language);
    },
    async onUploadCreate(req, upload) {
      const { actor, language } = callerOf(req);
      if (upload.sizeIsDeferred) throw problem('validation_failed', language);
      await checkTarget(actor, language, upload.metadata);
      if (Date.now() - lastCleanUp > CLEAN_UP_EVERY_MS) {
        lastCleanUp = Date.now();
        datastore.deleteExpired().catch((error) => log.warn({ err: error }, 'tus clean-up failed'));
      }
      return { metadata: { ...upload.metadata, ownerId: actor.userId } };
    },
    async onUploadFinish(req, upload) {
      const { actor, language } = callerOf(req);
      try {
        const target = await checkTarget(actor, language, upload.metadata);
        const key = generateStorageKey('documents', clock.now());
        const stored = await storeUpload({
          storage,
          source: createReadStream(path.join(directory, upload.id)),
          key,
          scanner: virusScannerFor(app.ctx.config),
        });
        let documentId: string;
        try {
          documentId = await database.db.transaction((tx) =>
            uploadDocument({
              actor,
              tx,
              now: clock.now(),
              proposalId: target.proposalId,
              kind: target.kind,
              fileName: sanitizeFileName(target.fileName, stored.type),
              stored,
              via: 'tus',
            }),
          );
        } catch (error) {
          await storage.delete(key).catch(() => {});
          throw error;
        }
        await datastore.remove(upload.id).catch(() => {});
        return { status_code: 204, headers: { 'Document-Id': documentId } };
      } catch (error) {
        const tusError = asTusError(error, language) as Partial<TTusError>;
        // A refusal is final: the partial goes. A server fault keeps it, so a retried PATCH can finish it.
        if (typeof tusError.status_code === 'number' && tusError.status_code < 500) {
          await datastore.remove(upload.id).catch(() => {});
        } else {
          log.error({ err: error, uploadId: upload.id }, 'tus upload could not be finished');
        }
        throw tusError;
      }
    },
    onResponseError(req, error) {
      const status = (error as Partial<TTusError>).status_code;
      if (status === 413) {
        const caller = (req as TTusRequest).runtime?.node?.req;
        return problem('payload_too_large', (caller && actors.get(caller)?.language) ?? 'vi');
      }
      return undefined;
    },
  });

  // tus reads PATCH bodies itself, as a stream: Fastify must not parse (or buffer, or limit) them.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    const language = /^\s*en\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'en' : 'vi';
    actors.set(request.raw, { actor, language });
    // Headers Fastify set so far (request id, cache-control) go out with tus's own response.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value as string);
    }
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };

  const access = { permission: 'proposals.write' } as const;
  const schema = { tags: ['documents'], hide: true };
  app.route({ method: 'POST', url: '/uploads', config: { access }, schema, handler: handle });
  for (const method of ['HEAD', 'PATCH', 'DELETE'] as const) {
    app.route({ method, url: '/uploads/:id', config: { access }, schema, handler: handle });
  }
};
