import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptanceRequest,
  ZAdjustmentDecisionRequest,
  ZAdjustmentRequest,
  ZAdvanceRequest,
  ZContractRequest,
  ZDueReports,
  ZDueReportsQuery,
  ZImplementationPhoto,
  ZImplementationView,
  ZInspectionPlanRequest,
  ZInspectionResultRequest,
  ZLateSettlements,
  ZOverdueList,
  ZOverdueQuery,
  ZProgressReportRequest,
  ZSettlementRequest,
} from '../../../domain/schemas/implementation';
import type { TActor } from '../../access/actor';
import type { TPermission } from '../../access/permissions';
import { actorOf } from '../../http/app';
import type { TTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { generateStorageKey } from '../../platform/storage';
import { virusScannerFor } from '../../platform/uploads/clamav';
import { contentDisposition, sanitizeFileName } from '../../platform/uploads/file-names';
import { storeUpload } from '../../platform/uploads/store-upload';
import { storageOf } from '../documents';
import { decideAdjustment, requestAdjustment } from './adjustments';
import { recordAdvance } from './advances';
import { closeProposal, recordAcceptance, recordSettlement } from './closing';
import { signContract } from './contract';
import { dueReports, lateSettlements } from './implementation-lists';
import { implementationView } from './implementation-view';
import { planInspection, recordInspection } from './inspections';
import { addPhoto, downloadPhoto, photoTarget, type TPhotoOwner } from './photos';
import { overdueList, submitProgressReport } from './progress';

const ZId = z.object({ id: z.uuid() });
const tags = ['implementation'];

/**
 * Implementation of approved proposals (issue #7): contract, advances, monthly progress reports and
 * the overdue list, adjustments and their decisions, inspections, acceptance, settlement, closing.
 * Every mutation answers the proposal's implementation view.
 */
export const implementationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;
  const db = database.db;
  const storage = storageOf(app.ctx);

  // Photos arrive as multipart (one picture a request); only this plugin's routes parse multipart.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.uploadMaxBytes,
      files: 1,
      fields: 2,
      fieldSize: 1024,
      parts: 3,
      headerPairs: 50,
    },
  });

  /**
   * Streams one picture into storage through the upload pipeline (sniffed: JPEG or PNG only, hashed,
   * virus-scanned) and records it against its inspection or monthly report; nothing is kept on refusal.
   */
  const uploadPhoto = async (
    request: { isMultipart(): boolean; file(): Promise<unknown> },
    actor: TActor,
    owner: TPhotoOwner,
  ) => {
    await photoTarget(db, actor, owner); // scope and rights before reading the body
    if (!request.isMultipart()) throw new AppError('unsupported_file_type');
    const part = (await request.file()) as
      | { file: NodeJS.ReadableStream & { truncated: boolean; resume(): void }; filename: string }
      | undefined;
    if (!part) throw new AppError('validation_failed', { errors: [{ path: 'file', code: 'required' }] });
    const key = generateStorageKey('photos', clock.now());
    let stored: Awaited<ReturnType<typeof storeUpload>>;
    try {
      stored = await storeUpload({
        storage,
        source: part.file as never,
        key,
        limit: { event: 'limit', isTruncated: () => part.file.truncated },
        scanner: virusScannerFor(config),
      });
    } catch (error) {
      part.file.resume();
      throw error;
    }
    if (part.file.truncated) {
      await storage.delete(key);
      throw new AppError('payload_too_large');
    }
    try {
      const fileName = sanitizeFileName(part.filename, stored.type);
      const created = await db.transaction((tx) =>
        addPhoto({ actor, tx, now: clock.now(), owner, fileName, stored }),
      );
      return { id: created.id, fileName, size: stored.size };
    } catch (error) {
      await storage.delete(key).catch(() => {});
      throw error;
    }
  };

  /** Runs a use case on a proposal in one transaction, then answers its view. */
  const onProposal =
    <B>(use: (input: { actor: TActor; tx: TTx; now: Date; id: string; data: B }) => Promise<unknown>) =>
    async (request: { params: { id: string }; body: B }) => {
      const actor = actorOf(request as never);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => use({ actor, tx, now, id, data: request.body }));
      return implementationView(db, actor, id);
    };

  app.get(
    '/proposals/:id/implementation',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags,
        summary: 'The implementation of a proposal',
        params: ZId,
        response: { 200: ZImplementationView },
      },
    },
    async (request) => implementationView(db, actorOf(request), request.params.id),
  );

  const post = <B extends z.ZodType>(
    path: string,
    permission: TPermission,
    summary: string,
    body: B,
    use: (input: { actor: TActor; tx: TTx; now: Date; id: string; data: z.infer<B> }) => Promise<unknown>,
  ) =>
    app.post(
      path,
      {
        config: { access: { permission } },
        schema: { tags, summary, params: ZId, body, response: { 200: ZImplementationView } },
      },
      onProposal(use) as never,
    );

  post(
    '/proposals/:id/contract',
    'implementation.write',
    'Record the contract → contracted',
    ZContractRequest,
    signContract,
  );
  post(
    '/proposals/:id/advances',
    'implementation.finance',
    'Record an advance',
    ZAdvanceRequest,
    recordAdvance,
  );
  post(
    '/proposals/:id/progress-reports',
    'implementation.write',
    'Send a monthly progress report (the first one → in progress)',
    ZProgressReportRequest,
    submitProgressReport,
  );
  post(
    '/proposals/:id/adjustments',
    'adjustments.request',
    'Request an adjustment, supplement or stop',
    ZAdjustmentRequest,
    requestAdjustment,
  );
  post(
    '/proposals/:id/inspections',
    'inspections.write',
    'Plan an inspection visit',
    ZInspectionPlanRequest,
    planInspection,
  );
  post(
    '/proposals/:id/acceptance',
    'implementation.write',
    'Record the acceptance → accepted',
    ZAcceptanceRequest,
    recordAcceptance,
  );
  post(
    '/proposals/:id/settlement',
    'implementation.finance',
    'Record the settlement → settled',
    ZSettlementRequest,
    recordSettlement,
  );
  post(
    '/proposals/:id/close',
    'implementation.finance',
    'Close a settled proposal → closed',
    z.object({}).optional(),
    (i) => closeProposal(i),
  );

  app.get(
    '/proposals/:id/progress-reports',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags,
        summary: 'The monthly progress reports of a proposal',
        params: ZId,
        response: { 200: ZImplementationView.shape.progressReports },
      },
    },
    async (request) => (await implementationView(db, actorOf(request), request.params.id)).progressReports,
  );

  app.get(
    '/progress-reports/overdue',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags,
        summary: 'Proposals in the caller’s scope without the month’s report after its due date',
        querystring: ZOverdueQuery,
        response: { 200: ZOverdueList },
      },
    },
    async (request) => overdueList(db, actorOf(request), request.query.month, clock.now()),
  );

  app.get(
    '/progress-reports/due',
    {
      config: { access: { permission: 'implementation.write' } },
      schema: {
        tags,
        summary:
          'The caller’s projects that owe a monthly progress report (this month, or earlier ones missed)',
        querystring: ZDueReportsQuery,
        response: { 200: ZDueReports },
      },
    },
    async (request) => dueReports(db, actorOf(request), clock.now(), request.query.month),
  );

  app.get(
    '/implementation/late-settlements',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags,
        summary:
          'Projects in the caller’s scope with a late settlement (15 days after acceptance) or liquidation',
        response: { 200: ZLateSettlements },
      },
    },
    async (request) => lateSettlements(db, actorOf(request), clock.now()),
  );

  app.post(
    '/inspections/:id/photos',
    {
      config: { access: { permission: 'inspections.write' } },
      schema: {
        tags,
        summary: 'Add a photo (JPEG or PNG, multipart `file`) to an inspection',
        params: ZId,
        consumes: ['multipart/form-data'],
        response: { 201: ZImplementationPhoto },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await uploadPhoto(request, actorOf(request), { inspectionId: request.params.id })),
  );

  app.post(
    '/proposals/:id/progress-reports/:month/photos',
    {
      config: { access: { permission: 'implementation.write' } },
      schema: {
        tags,
        summary: 'Add a photo (JPEG or PNG, multipart `file`) to a monthly progress report',
        params: z.object({ id: z.uuid(), month: ZOverdueQuery.shape.month }),
        consumes: ['multipart/form-data'],
        response: { 201: ZImplementationPhoto },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await uploadPhoto(request, actorOf(request), {
          proposalId: request.params.id,
          month: request.params.month,
        }),
      ),
  );

  app.get(
    '/implementation-photos/:id/content',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: { tags, summary: 'A photo of an inspection or a monthly report (audited)', params: ZId },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const photo = await db.transaction((tx) =>
        downloadPhoto({ actor, tx, now: clock.now(), photoId: request.params.id }),
      );
      const body = await storage.get(photo.storageKey);
      return reply
        .header('content-type', photo.contentType)
        .header('content-length', String(photo.size))
        .header('content-disposition', contentDisposition(photo.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.post(
    '/adjustments/:id/decision',
    {
      config: { access: { permission: 'adjustments.decide' } },
      schema: {
        tags,
        summary: 'Decide an adjustment request (the authority the regulation set requires, or above)',
        params: ZId,
        body: ZAdjustmentDecisionRequest,
        response: { 200: ZImplementationView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const proposalId = await db.transaction((tx) =>
        decideAdjustment({ actor, tx, now, adjustmentId: request.params.id, data: request.body }),
      );
      return implementationView(db, actor, proposalId);
    },
  );

  app.post(
    '/inspections/:id/result',
    {
      config: { access: { permission: 'inspections.write' } },
      schema: {
        tags,
        summary: 'Record an inspection as done, with findings and follow-ups',
        params: ZId,
        body: ZInspectionResultRequest,
        response: { 200: ZImplementationView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const proposalId = await db.transaction((tx) =>
        recordInspection({ actor, tx, now, inspectionId: request.params.id, data: request.body }),
      );
      return implementationView(db, actor, proposalId);
    },
  );
};
