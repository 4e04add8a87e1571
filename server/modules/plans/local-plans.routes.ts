import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAcceptRequest, ZAcceptResponse, ZDecisionRequest } from '../../../domain/schemas/appraisals';
import { ZPlanYear } from '../../../domain/schemas/cycles';
import { ZApprovePlanRequest, ZPlan } from '../../../domain/schemas/plans';
import { ZProposalStatus } from '../../../domain/schemas/proposals';
import { auditActor, type TActor } from '../../access/actor';
import { proposals } from '../../db/schema';
import { actorOf } from '../../http/app';
import { DOCX_TYPE, sendAttachment, XLSX_TYPE } from '../../http/attachment';
import type { TDb } from '../../platform/db';
import { acceptProposals, decideProposal } from '../appraisals';
import { recordAudit } from '../audit/record-audit';
import { approvePlan } from './approve-plan';
import { buildPlan } from './build-plan';
import { planAnnexDocx, planXlsx } from './plans.export';

const ZId = z.object({ id: z.uuid() });
/** The proposal after the Sở's decision. */
const ZLocalDecision = z.object({
  proposalId: z.uuid(),
  status: ZProposalStatus,
  approvedFunding: z.number().int().nullable(),
});
const ZLocalPlanParams = z.object({
  provinceCode: z.string().regex(/^\d{2}$/, 'two digits'),
  planYear: ZPlanYear,
});

async function auditExport(
  db: TDb,
  actor: TActor,
  now: Date,
  params: { planYear: number; provinceCode: string },
  format: string,
  plan: { version: number; status: string; totals: { count: number; approvedFunding: number } },
) {
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: auditActor(actor),
      action: 'plan.exported',
      entityType: 'plan',
      entityId: null,
      provinceCode: params.provinceCode,
      after: {
        ...params,
        programme: 'local',
        format,
        version: plan.version,
        status: plan.status,
        ...plan.totals,
      },
      at: now,
    }),
  );
}

/**
 * Local plans (khuyến công địa phương, KCĐP; issue #7, domain.md §3.7): in a province's local cycle the Sở
 * takes its base-appraised proposals into appraisal and decides them (no submission to the agency), the Sở
 * assembles the ranked plan against the local cycle's envelope (the national plan's machinery, one
 * province), and a leader of the province's People's Committee (UBND tỉnh) approves it with the decision
 * number (e.g. `1234/QĐ-UBND`) and date. The agency reads local plans and proposals but does not act on
 * them; a Sở leader cannot approve (403); another province's users do not see them (404).
 */
export const localPlansRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.post(
    '/local-appraisal/accept',
    {
      config: { access: { permission: 'local_plans.manage' } },
      schema: {
        tags: ['local-plans'],
        summary:
          'The Sở takes base-appraised local (KCĐP) proposals of its province into appraisal (all or none)',
        body: ZAcceptRequest,
        response: { 200: ZAcceptResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const accepted = await db.transaction((tx) => acceptProposals({ actor, tx, now, data: request.body }));
      return { accepted };
    },
  );

  app.post(
    '/proposals/:id/local-decision',
    {
      config: { access: { permission: 'local_plans.manage' } },
      schema: {
        tags: ['local-plans'],
        summary:
          'The Sở’s decision on a local proposal: recommended with the approved funding (within the local set’s caps: 422 cap_exceeded), or not recommended',
        params: ZId,
        body: ZDecisionRequest,
        response: { 200: ZLocalDecision },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      return db.transaction(async (tx) => {
        await decideProposal({ actor, tx, now, id, data: request.body });
        const [row] = await tx
          .select({ status: proposals.status, approvedFunding: proposals.approvedFunding })
          .from(proposals)
          .where(eq(proposals.id, id));
        return {
          proposalId: id,
          status: row!.status as z.infer<typeof ZProposalStatus>,
          approvedFunding: row!.approvedFunding,
        };
      });
    },
  );

  app.get(
    '/local-plans/:provinceCode/:planYear',
    {
      config: { access: { permission: 'plans.read' } },
      schema: {
        tags: ['local-plans'],
        summary: 'A province’s local plan of a plan year (its users and the agency; 404 for other provinces)',
        params: ZLocalPlanParams,
        response: { 200: ZPlan },
      },
    },
    async (request) => {
      const { planYear, provinceCode } = request.params;
      return (await buildPlan(db, actorOf(request), planYear, provinceCode)).plan;
    },
  );

  app.post(
    '/local-plans/:provinceCode/:planYear/approve',
    {
      config: { access: { permission: 'local_plans.approve' } },
      schema: {
        tags: ['local-plans'],
        summary:
          'A leader of the province’s People’s Committee approves the local plan as it stands (decision number and date): a new version; its proposals become approved',
        params: ZLocalPlanParams,
        body: ZApprovePlanRequest,
        response: { 200: ZPlan },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { planYear, provinceCode } = request.params;
      await db.transaction((tx) =>
        approvePlan({ actor, tx, now, planYear, provinceCode, data: request.body }),
      );
      return (await buildPlan(db, actor, planYear, provinceCode)).plan;
    },
  );

  const exports = [
    {
      format: 'xlsx',
      summary: 'The local plan table as .xlsx (audited)',
      contentType: XLSX_TYPE,
      render: planXlsx,
      name: (province: string, year: number) => `Kế hoạch khuyến công địa phương ${province} ${year}.xlsx`,
    },
    {
      format: 'docx',
      summary: 'The local plan’s decision annex as .docx (audited)',
      contentType: DOCX_TYPE,
      render: planAnnexDocx,
      name: (province: string, year: number) =>
        `Phụ lục kế hoạch khuyến công địa phương ${province} ${year}.docx`,
    },
  ] as const;
  for (const file of exports) {
    app.get(
      `/local-plans/:provinceCode/:planYear/export.${file.format}`,
      {
        config: { access: { permission: 'plans.read' } },
        schema: { tags: ['local-plans'], summary: file.summary, params: ZLocalPlanParams },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const now = clock.now();
        const { planYear, provinceCode } = request.params;
        const { plan } = await buildPlan(db, actor, planYear, provinceCode);
        const body = await file.render(plan);
        await auditExport(db, actor, now, request.params, file.format, plan);
        return sendAttachment(reply, file.contentType, file.name(provinceCode, planYear), body);
      },
    );
  }
};
