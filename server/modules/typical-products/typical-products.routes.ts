import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_MESSAGES } from '../../../domain/enums/error-codes';
import { ZProblem, zPage } from '../../../domain/schemas/common';
import {
  ZCertificate,
  ZCertificateDetail,
  ZCertificateReport,
  ZCertificatesQuery,
  ZCreateCertificateRequest,
  ZImportRejected,
  ZImportResult,
  ZPutReportRequest,
  ZReportYearParams,
  ZUpdateCertificateRequest,
} from '../../../domain/schemas/typical-products';
import { auditActor, type TActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { languageOf } from '../../http/problem';
import type { TDbOrTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { createSheetWriter, DEFAULT_MAX_SPREADSHEET_BYTES, readSheet } from '../../platform/spreadsheet';
import { generateStorageKey } from '../../platform/storage';
import { assertCleanFile, virusScannerFor } from '../../platform/uploads/clamav';
import { contentDisposition, sanitizeFileName } from '../../platform/uploads/file-names';
import { storeUpload } from '../../platform/uploads/store-upload';
import { recordAudit } from '../audit/record-audit';
import { storageOf } from '../documents/documents.storage';
import { attachScan } from './attach-scan';
import { assertDecision, certificateWriteDecision } from './certificate-policy';
import { CERTIFICATES_LAYOUT } from './certificates.layout';
import { createCertificate } from './create-certificate';
import { importCertificates } from './import-certificates';
import { loadProvinces } from './provinces';
import { recordReport } from './record-report';
import { presentCertificate, presentReport } from './typical-products.presenter';
import { findCertificate, findReport, listCertificates, reportsOf } from './typical-products.repository';
import { updateCertificate } from './update-certificate';

const ZId = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function detailFor(db: TDbOrTx, actor: TActor, id: string, now: Date) {
  const row = await findCertificate(db, id);
  if (!row) throw notFound();
  const provinces = await loadProvinces(db);
  const reports = await reportsOf(db, id);
  return { ...presentCertificate(row, { actor, provinces, now }), reports: reports.map(presentReport) };
}

/**
 * The typical rural industrial product registry (issue #11) under /typical-products: list and search,
 * create, update, the scanned certificate, holders' yearly reports, and the Excel import with its
 * template. Everyone signed in reads; writes are decided per certificate by `certificate-policy.ts`.
 */
export const typicalProductsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;
  const db = database.db;
  const storage = storageOf(app.ctx);

  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.uploadMaxBytes,
      files: 1,
      fields: 2,
      fieldSize: 1024,
      parts: 4,
      headerPairs: 50,
    },
  });

  app.get(
    '/typical-products',
    {
      config: { access: { permission: 'typical_products.read' } },
      schema: {
        tags: ['typical-products'],
        summary:
          'Typical-product certificates; `q` ignores Vietnamese marks, `provinceCode` is a province of today',
        querystring: ZCertificatesQuery,
        response: { 200: zPage(ZCertificate) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { items, total } = await listCertificates(db, request.query);
      const provinces = await loadProvinces(db);
      return {
        items: items.map((row) => presentCertificate(row, { actor, provinces, now })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/typical-products',
    {
      config: { access: { permission: 'typical_products.write' } },
      schema: {
        tags: ['typical-products'],
        summary: 'Record a certificate (the agency: any level; a province: provincial ones of its own)',
        body: ZCreateCertificateRequest,
        response: { 201: ZCertificateDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const id = await db.transaction(async (tx) =>
        createCertificate({ actor, tx, now, provinces: await loadProvinces(tx), data: request.body }),
      );
      return reply.status(201).send(await detailFor(db, actor, id, now));
    },
  );

  app.get(
    '/typical-products/import-template',
    {
      config: { access: { permission: 'typical_products.read' } },
      schema: {
        tags: ['typical-products'],
        summary: 'The certificate list layout the import reads (.xlsx, empty)',
      },
    },
    async (_request, reply) => {
      const out = new PassThrough();
      const writer = createSheetWriter(CERTIFICATES_LAYOUT, out, {
        titleRows: ['DANH SÁCH SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU'],
        creator: 'Khuyến công',
      });
      void writer.finish().catch((error: unknown) => out.destroy(error as Error));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('Mẫu danh sách sản phẩm tiêu biểu.xlsx'))
        .header('x-content-type-options', 'nosniff')
        .send(out);
    },
  );

  app.post(
    '/typical-products/import',
    {
      config: { access: { permission: 'typical_products.write' } },
      schema: {
        tags: ['typical-products'],
        summary: 'Import a certificate list (.xlsx in the template layout): all rows or none',
        description:
          'Multipart with one `file`. Any problem in any row answers `422 import_rejected` with one entry per refused cell (`row`, `column` letter, `code`, the message naming the row and column, and `path` = the cell, e.g. `F7`); nothing is written then.',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult, 422: z.union([ZImportRejected, ZProblem]) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new AppError('unsupported_file_type');
      const part = await request.file({ limits: { fileSize: DEFAULT_MAX_SPREADSHEET_BYTES } });
      if (!part) throw new AppError('validation_failed', { errors: [{ path: 'file', code: 'required' }] });
      const folder = path.join(config.dataDir, 'tmp');
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, `${randomUUID()}.xlsx`);
      try {
        await pipeline(part.file, createWriteStream(file));
        if (part.file.truncated) throw new AppError('payload_too_large');
        await assertCleanFile(virusScannerFor(config), file);
        const read = await readSheet(CERTIFICATES_LAYOUT, file);
        const hash = createHash('sha256');
        await pipeline(createReadStream(file), hash);
        const sha256 = hash.digest('hex');
        const now = clock.now();
        const result = await db.transaction(async (tx) =>
          importCertificates({
            actor,
            tx,
            now,
            provinces: await loadProvinces(tx),
            rows: read.rows,
            cellErrors: read.errors,
            fileName: sanitizeFileName(part.filename, 'xlsx'),
            sha256,
          }),
        );
        if (result.errors.length > 0) {
          // The proposals importer's discipline: every refused cell with its row, column, code and message.
          const lang = languageOf(request);
          const base = ERROR_MESSAGES.import_rejected;
          return reply
            .status(422)
            .type('application/problem+json; charset=utf-8')
            .send({
              type: 'urn:khuyencong:problem:import_rejected',
              title: base[lang],
              status: 422 as const,
              code: 'import_rejected' as const,
              detail:
                lang === 'vi'
                  ? `Tệp có ${result.errors.length} lỗi; chưa có dữ liệu nào được ghi.`
                  : `The file has ${result.errors.length} errors; nothing was written.`,
              imported: false as const,
              rows: result.rows,
              created: 0 as const,
              errors: result.errors.map((e) => ({
                path: `${e.column}${e.row}`,
                row: e.row,
                column: e.column,
                ...(e.field ? { field: e.field } : {}),
                code: e.code,
                message:
                  lang === 'vi'
                    ? `Dòng ${e.row}, cột ${e.column}: ${e.message.vi}`
                    : `Row ${e.row}, column ${e.column}: ${e.message.en}`,
              })),
              requestId: request.id,
            });
        }
        return { imported: true, rows: result.rows, created: result.created, errors: [] };
      } finally {
        await rm(file, { force: true });
      }
    },
  );

  app.get(
    '/typical-products/:id',
    {
      config: { access: { permission: 'typical_products.read' } },
      schema: {
        tags: ['typical-products'],
        summary: 'A certificate with its holder’s yearly reports',
        params: ZId,
        response: { 200: ZCertificateDetail },
      },
    },
    async (request) => detailFor(db, actorOf(request), request.params.id, clock.now()),
  );

  app.patch(
    '/typical-products/:id',
    {
      config: { access: { permission: 'typical_products.write' } },
      schema: {
        tags: ['typical-products'],
        summary: 'Change a certificate (optimistic locking by `lockVersion`)',
        params: ZId,
        body: ZUpdateCertificateRequest,
        response: { 200: ZCertificateDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction(async (tx) =>
        updateCertificate({ actor, tx, now, provinces: await loadProvinces(tx), id, data: request.body }),
      );
      return detailFor(db, actor, id, now);
    },
  );

  app.put(
    '/typical-products/:id/reports/:year',
    {
      config: { access: { permission: 'typical_products.write' } },
      schema: {
        tags: ['typical-products'],
        summary: 'Record (or correct) the holder’s report for a year',
        params: ZReportYearParams,
        body: ZPutReportRequest,
        response: { 200: ZCertificateReport, 201: ZCertificateReport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, year } = request.params;
      const result = await db.transaction((tx) =>
        recordReport({ actor, tx, now: clock.now(), certificateId: id, year, data: request.body }),
      );
      const row = await findReport(db, id, year);
      if (!row) throw notFound();
      return reply.status(result.created ? 201 : 200).send(presentReport(row));
    },
  );

  app.post(
    '/typical-products/:id/scan',
    {
      config: { access: { permission: 'typical_products.write' } },
      schema: {
        tags: ['typical-products'],
        summary: 'Upload the scanned certificate (multipart `file`: PDF, JPEG or PNG by content)',
        params: ZId,
        consumes: ['multipart/form-data'],
        response: { 200: ZCertificateDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      // Fail fast, before reading the body: 404 and 403. Checked again in the transaction.
      const row = await findCertificate(db, id);
      if (!row) throw notFound();
      assertDecision(certificateWriteDecision(actor, row));
      if (!request.isMultipart()) throw new AppError('unsupported_file_type');
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', { errors: [{ path: 'file', code: 'required' }] });
      const key = generateStorageKey('typical-products', clock.now());
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
      if (!['pdf', 'jpeg', 'png'].includes(stored.type)) {
        await storage.delete(key);
        throw new AppError('unsupported_file_type');
      }
      let replaced: string | null;
      try {
        replaced = await db.transaction((tx) =>
          attachScan({
            actor,
            tx,
            now: clock.now(),
            certificateId: id,
            fileName: sanitizeFileName(part.filename, stored.type),
            stored,
          }),
        );
      } catch (error) {
        await storage.delete(key).catch(() => {});
        throw error;
      }
      if (replaced) await storage.delete(replaced).catch(() => {});
      return detailFor(db, actor, id, clock.now());
    },
  );

  app.get(
    '/typical-products/:id/scan',
    {
      config: { access: { permission: 'typical_products.read' } },
      schema: {
        tags: ['typical-products'],
        summary: 'The scanned certificate (as an attachment)',
        params: ZId,
      },
    },
    async (request, reply) => {
      const row = await findCertificate(db, request.params.id);
      if (!row?.scanStorageKey) throw notFound();
      const body = await storage.get(row.scanStorageKey);
      // R7: a read of a file is audited, as dossier documents are.
      const actor = actorOf(request);
      await db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: 'typical_product.scan_downloaded',
          entityType: 'typical_product_certificate',
          entityId: row.id,
          provinceCode: row.currentProvinceCode,
          after: { fileName: row.scanFileName, sha256: row.scanSha256 },
          at: clock.now(),
        }),
      );
      return reply
        .header('content-type', row.scanContentType ?? 'application/octet-stream')
        .header('content-length', String(row.scanSize ?? 0))
        .header('content-disposition', contentDisposition(row.scanFileName ?? 'giay-chung-nhan'))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
