import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type TProvinceReport, ZProvinceReport, ZProvinceReportQuery } from '../../../domain/schemas/reports';
import { auditActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { DOCX_TYPE, sendAttachment, XLSX_TYPE } from '../../http/attachment';
import { recordAudit } from '../audit/record-audit';
import { buildProvinceReport } from './province-report';
import { provinceReportDocx, provinceReportXlsx } from './province-report.export';

const fileName = (r: TProvinceReport, ext: string) =>
  `Báo cáo khuyến công ${r.provinceName} ${r.period} ${r.year}.${ext}`;

/** The Sở's periodic reports (issue #7): JSON for the page, .xlsx and .docx (audited) from one computation. */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.get(
    '/reports/province',
    {
      config: { access: { permission: 'reports.read' } },
      schema: {
        tags: ['reports'],
        summary:
          'The periodic report of a province (a province its own, the agency any) as of the period end',
        querystring: ZProvinceReportQuery,
        response: { 200: ZProvinceReport },
      },
    },
    async (request) => buildProvinceReport(db, actorOf(request), request.query, clock.now()),
  );

  for (const format of ['xlsx', 'docx'] as const) {
    app.get(
      `/reports/province.${format}`,
      {
        config: { access: { permission: 'reports.read' } },
        schema: {
          tags: ['reports'],
          summary: `The periodic report of a province as .${format} (audited)`,
          querystring: ZProvinceReportQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const now = clock.now();
        const report = await buildProvinceReport(db, actor, request.query, now);
        const file = format === 'xlsx' ? await provinceReportXlsx(report) : await provinceReportDocx(report);
        await db.transaction((tx) =>
          recordAudit(tx, {
            actor: auditActor(actor),
            action: 'report.exported',
            entityType: 'report',
            entityId: null,
            provinceCode: report.provinceCode,
            after: {
              provinceCode: report.provinceCode,
              year: report.year,
              period: report.period,
              format,
              projects: report.projects.length,
            },
            at: now,
          }),
        );
        return sendAttachment(
          reply,
          format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE,
          fileName(report, format),
          file,
        );
      },
    );
  }
};
