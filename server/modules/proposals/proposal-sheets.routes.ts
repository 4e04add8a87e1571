import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_MESSAGES } from '../../../domain/enums/error-codes';
import { ZProblem } from '../../../domain/schemas/common';
import {
  ZCopyProposalsRequest,
  ZCopyProposalsResult,
  ZProposalsExportQuery,
  ZProposalsImportQuery,
  ZProposalsImportRejected,
  ZProposalsImportResult,
} from '../../../domain/schemas/proposal-sheets';
import { auditActor } from '../../access/actor';
import { scopeCondition } from '../../access/scope';
import { organizations, proposals, registrationItems, registrations } from '../../db/schema';
import { actorOf } from '../../http/app';
import { languageOf } from '../../http/problem';
import { AppError, notFound } from '../../platform/errors';
import { assertCleanFile, virusScannerFor } from '../../platform/uploads/clamav';
import { contentDisposition } from '../../platform/uploads/file-names';
import { unitsWithCode } from '../admin-units/admin-units.repository';
import { recordAudit } from '../audit/record-audit';
import { copyProposalsToYear } from './copy-proposals';
import { exportProposalsXlsx } from './export-proposals';
import { IMPORT_MAX_BYTES, importProposals } from './import-proposals';
import { abilityResolver } from './proposal-workflow';
import { renderProjectOutlineDocx, renderRegistrationLetterDocx } from './proposals.docx';
import { presentProposal } from './proposals.presenter';
import { findOrganization, findProposal } from './proposals.repository';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZId = z.object({ id: z.uuid() });

/** The agency that receives registrations (since 1 Mar 2025, Decree 40/2025). */
const AGENCY = 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công - Bộ Công Thương';

/**
 * The province's name and its People's Committee line ("UBND TỈNH LÀO CAI"). Organisations and
 * proposals carry the codes of the provinces in force (34 since July 2025; codes were reused), so the
 * unit is the one still in force, whatever the date of the letter.
 */
async function provinceOf(db: Parameters<typeof unitsWithCode>[0], code: string | null) {
  if (!code) return null;
  const units = await unitsWithCode(db, code);
  const unit = units.find((u) => u.validTo === null) ?? units.at(-1);
  if (!unit) return null;
  const kind = unit.kind === 'city' ? 'THÀNH PHỐ' : 'TỈNH';
  return { name: unit.name, committee: `UBND ${kind} ${unit.name.toLocaleUpperCase('vi')}` };
}

/**
 * Excel and Word in and out for proposals (issue #5): the registration table exported with the list's
 * filters and imported back (dry run, then all-or-nothing), "copy last year's table as drafts", the
 * registration letter and the project outline as Word. Each is audited.
 */
export const proposalSheetsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;
  const db = database.db;

  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, fieldSize: 1024, parts: 3, headerPairs: 50 },
  });

  app.get(
    '/proposals/export.xlsx',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['proposals'],
        summary:
          'The proposals of the list’s filters as the registration table (Biểu tổng hợp, .xlsx; audited)',
        querystring: ZProposalsExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const output = new PassThrough();
      // The transaction holds the cursor while the file streams out; a failure cuts the download.
      db.transaction((tx) => exportProposalsXlsx({ actor, tx, now, filters: request.query, output })).catch(
        (error: unknown) => {
          request.log.error({ err: error }, 'proposals export failed');
          output.destroy(error as Error);
        },
      );
      const name = `Biểu tổng hợp đề án${request.query.planYear ? ` năm ${request.query.planYear}` : ''}.xlsx`;
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(output);
    },
  );

  app.post(
    '/proposals/import',
    {
      config: { access: { permission: 'proposals.write' } },
      schema: {
        tags: ['proposals'],
        summary: 'Import a registration table (multipart `file`, .xlsx in the export layout)',
        description:
          'Dry run by default (`dryRun=true`): every error is listed with its row, column, code and message. With `dryRun=false` nothing is written unless every row is valid (422 `import_rejected` with the errors otherwise); new rows become drafts, rows with the code of a draft update it, unchanged rows are left alone.',
        querystring: ZProposalsImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ZProposalsImportResult, 422: z.union([ZProposalsImportRejected, ZProblem]) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = languageOf(request);
      if (!request.isMultipart()) throw new AppError('unsupported_file_type');
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', { errors: [{ path: 'file', code: 'required' }] });
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kc-import-'));
      try {
        const filePath = path.join(dir, 'upload.xlsx');
        await pipeline(part.file, createWriteStream(filePath));
        if (part.file.truncated) {
          throw new AppError('payload_too_large', {
            detail: {
              vi: `Tệp lớn hơn giới hạn ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
              en: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
            },
          });
        }
        await assertCleanFile(virusScannerFor(config), filePath);
        const { planYear, dryRun } = request.query;
        const now = clock.now();
        const outcome = await db.transaction((tx) =>
          importProposals({ actor, tx, now, planYear, filePath, fileName: part.filename, dryRun }),
        );
        const errors = outcome.errors.map((e) => ({
          row: e.row,
          column: e.column,
          ...(e.field ? { field: e.field } : {}),
          code: e.code,
          message: e.message[lang],
        }));
        if (!dryRun && errors.length > 0) {
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
                  ? `Tệp có ${errors.length} lỗi; chưa có dữ liệu nào được ghi.`
                  : `The file has ${errors.length} errors; nothing was written.`,
              ...outcome,
              errors,
              requestId: request.id,
            });
        }
        return { ...outcome, errors };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.post(
    '/proposals/copy',
    {
      config: { access: { permission: 'proposals.write' } },
      schema: {
        tags: ['proposals'],
        summary: 'Copy last year’s proposals (in the caller’s scope) as drafts of a new plan year',
        body: ZCopyProposalsRequest,
        response: { 201: ZCopyProposalsResult },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const result = await db.transaction((tx) =>
        copyProposalsToYear({ actor, tx, now, data: request.body }),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/proposals/:id/outline.docx',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['proposals'],
        summary: 'The project document outline (TT 36/2013 Art. 5, eight sections) as Word (audited)',
        params: ZId,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const row = await findProposal(db, actor, request.params.id);
      if (!row) throw notFound();
      const proposal = presentProposal(row, await abilityResolver(db, actor, now).abilities(row));
      const coordinating = proposal.coordinatingOrganizationId
        ? await findOrganization(db, proposal.coordinatingOrganizationId)
        : null;
      const province = await provinceOf(db, proposal.provinceCode);
      const file = await renderProjectOutlineDocx(proposal, {
        coordinatingOrganizationName: coordinating?.name ?? null,
        provinceName: province?.name ?? null,
      });
      await db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: 'proposal.outline_exported',
          entityType: 'proposal',
          entityId: proposal.id,
          provinceCode: proposal.provinceCode,
          after: { code: proposal.code, format: 'docx' },
          at: now,
        }),
      );
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(`Đề cương đề án ${proposal.code}.docx`))
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  );

  app.get(
    '/registrations/:id/letter.docx',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['proposals'],
        summary: 'The registration-report letter (công văn) with its list of proposals, as Word (audited)',
        params: ZId,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const [found] = await db
        .select({ registration: registrations, organizationName: organizations.name })
        .from(registrations)
        .innerJoin(organizations, eq(organizations.id, registrations.organizationId))
        .where(
          and(
            eq(registrations.id, request.params.id),
            scopeCondition(actor, {
              provinceCode: registrations.provinceCode,
              organizationId: registrations.organizationId,
            }),
          ),
        )
        .limit(1);
      if (!found) throw notFound();
      const r = found.registration;
      const items = await db
        .select({
          code: proposals.code,
          title: proposals.title,
          activityType: proposals.activityType,
          planYear: proposals.planYear,
          implementingOrganizationName: organizations.name,
          budgetTotal: proposals.budgetTotal,
          budgetRequested: proposals.budgetRequested,
        })
        .from(registrationItems)
        .innerJoin(proposals, eq(proposals.id, registrationItems.proposalId))
        .innerJoin(organizations, eq(organizations.id, proposals.implementingOrganizationId))
        .where(inArray(registrationItems.registrationId, [r.id]))
        .orderBy(asc(proposals.code));
      const province = await provinceOf(db, r.provinceCode);
      const planYear = items[0]?.planYear ?? Number(r.letterDate.slice(0, 4)) + 1;
      const file = await renderRegistrationLetterDocx({
        parentLine: province?.committee ?? null,
        organizationName: found.organizationName,
        place: province?.name ?? 'Hà Nội',
        letterNumber: r.letterNumber,
        letterDate: r.letterDate,
        planYear,
        recipient: AGENCY,
        proposals: items,
      });
      await db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: 'registration.letter_exported',
          entityType: 'registration',
          entityId: r.id,
          provinceCode: r.provinceCode,
          after: { letterNumber: r.letterNumber, proposals: items.length, format: 'docx' },
          at: now,
        }),
      );
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(`Công văn đăng ký ${r.letterNumber}.docx`))
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  );
};
