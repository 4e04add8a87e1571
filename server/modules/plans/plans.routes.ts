import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPlanYearParams } from '../../../domain/schemas/cycles';
import { ZApprovePlanRequest, ZOpenDataPlan, ZPlan } from '../../../domain/schemas/plans';
import { auditActor, type TActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { DOCX_TYPE, sendAttachment, XLSX_TYPE } from '../../http/attachment';
import type { TDb } from '../../platform/db';
import { contentDisposition } from '../../platform/uploads/file-names';
import { recordAudit } from '../audit/record-audit';
import { approvePlan } from './approve-plan';
import { buildPlan } from './build-plan';
import { openDataCsv, openDataPlan } from './open-data';
import { planAnnexDocx, planXlsx } from './plans.export';

async function auditExport(
  db: TDb,
  actor: TActor,
  now: Date,
  planYear: number,
  format: string,
  plan: {
    version: number;
    status: string;
    totals: { count: number; approvedFunding: number };
  },
) {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: auditActor(actor),
      action: 'plan.exported',
      entityType: 'plan',
      entityId: null,
      provinceCode: actor.provinceCode,
      after: { planYear, format, version: plan.version, status: plan.status, ...plan.totals },
      at: now,
    }),
  );
}

/** The national plan (issue #6): ranking, funding line, headroom, approval, exports. */
export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.get(
    '/plans/:planYear',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags: ['plans'],
        summary: 'The national plan of a plan year (a province sees its own items)',
        params: ZPlanYearParams,
        response: { 200: ZPlan },
      },
    },
    async (request) => (await buildPlan(db, actorOf(request), request.params.planYear)).plan,
  );

  app.post(
    '/plans/:planYear/approve',
    {
      config: { access: { permission: 'plans.approve' } },
      schema: {
        tags: ['plans'],
        summary: 'Approve the plan as it stands: a new version; proposals in it become approved',
        params: ZPlanYearParams,
        body: ZApprovePlanRequest,
        response: { 200: ZPlan },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { planYear } = request.params;
      await db.transaction((tx) => approvePlan({ actor, tx, now, planYear, data: request.body }));
      return (await buildPlan(db, actor, planYear)).plan;
    },
  );

  app.get(
    '/plans/:planYear/export.xlsx',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags: ['plans'],
        summary: 'The plan table as .xlsx (scoped, audited)',
        params: ZPlanYearParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { planYear } = request.params;
      const { plan } = await buildPlan(db, actor, planYear);
      const file = await planXlsx(plan);
      await auditExport(db, actor, now, planYear, 'xlsx', plan);
      return sendAttachment(reply, XLSX_TYPE, `Kế hoạch khuyến công quốc gia ${planYear}.xlsx`, file);
    },
  );

  app.get(
    '/plans/:planYear/export.docx',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags: ['plans'],
        summary: 'The decision annex as .docx (scoped, audited)',
        params: ZPlanYearParams,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { planYear } = request.params;
      const { plan } = await buildPlan(db, actor, planYear);
      const file = await planAnnexDocx(plan);
      await auditExport(db, actor, now, planYear, 'docx', plan);
      return sendAttachment(reply, DOCX_TYPE, `Phụ lục kế hoạch khuyến công ${planYear}.docx`, file);
    },
  );

  app.get(
    '/open-data/plans/:file',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary:
          'Approved national plans as open data: `{planYear}.json` or `{planYear}.csv`, no personal data',
        params: z.object({ file: z.string().regex(/^\d{4}\.(json|csv)$/, 'YYYY.json or YYYY.csv') }),
        response: { 200: z.union([ZOpenDataPlan, z.string()]) },
      },
    },
    async (request, reply) => {
      const [year, format] = request.params.file.split('.') as [string, 'json' | 'csv'];
      const plan = await openDataPlan(db, Number(year));
      reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*');
      if (format === 'json') return plan;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`ke-hoach-khuyen-cong-${year}.csv`))
        .send(openDataCsv(plan));
    },
  );
};
