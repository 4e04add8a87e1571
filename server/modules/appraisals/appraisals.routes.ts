import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptRequest,
  ZAcceptResponse,
  ZAppraisalRequest,
  ZAppraisalView,
  ZAssignRequest,
  ZDecisionRequest,
  ZInbox,
  ZInboxQuery,
  ZQueue,
} from '../../../domain/schemas/appraisals';
import { auditActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { AppError, notFound } from '../../platform/errors';
import { contentDisposition } from '../../platform/uploads/file-names';
import { recordAudit } from '../audit/record-audit';
import { acceptProposals } from './accept-proposals';
import { appraisalView } from './appraisal-view';
import { appraisalMinutesDocx } from './appraisals.export';
import { findMine } from './appraisals.repository';
import { assignAppraisers } from './assign-appraisers';
import { decideProposal } from './decide-proposal';
import { inbox, queue } from './inbox';
import { saveAppraisal } from './save-appraisal';

const ZId = z.object({ id: z.uuid() });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The ministry-level appraisal (issue #6): inbox, assignments, appraisals, decision, minutes. */
export const appraisalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.get(
    '/appraisal/inbox',
    {
      config: { access: { permission: 'appraisals.manage' } },
      schema: {
        tags: ['appraisals'],
        summary: 'The agency inbox of a plan year: completeness and appraisal progress per proposal',
        querystring: ZInboxQuery,
        response: { 200: ZInbox },
      },
    },
    async (request) => inbox(db, actorOf(request), request.query, clock.now()),
  );

  app.post(
    '/appraisal/accept',
    {
      config: { access: { permission: 'appraisals.manage' } },
      schema: {
        tags: ['appraisals'],
        summary: 'Accept submitted dossiers into appraisal (all or none)',
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

  app.get(
    '/appraisal/queue',
    {
      config: { access: { permission: 'appraisals.write' } },
      schema: {
        tags: ['appraisals'],
        summary: 'The proposals assigned to the caller and what is left to appraise',
        response: { 200: ZQueue },
      },
    },
    async (request) => queue(db, actorOf(request)),
  );

  app.post(
    '/proposals/:id/appraisal-assignments',
    {
      config: { access: { permission: 'appraisals.manage' } },
      schema: {
        tags: ['appraisals'],
        params: ZId,
        body: ZAssignRequest,
        response: { 200: ZAppraisalView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => assignAppraisers({ actor, tx, now, id, data: request.body }));
      return appraisalView(db, actor, id);
    },
  );

  app.get(
    '/proposals/:id/appraisals',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['appraisals'],
        summary: 'The consensus view: submitted appraisals side by side, the caller’s own, the decision',
        params: ZId,
        response: { 200: ZAppraisalView },
      },
    },
    async (request) => appraisalView(db, actorOf(request), request.params.id),
  );

  app.put(
    '/proposals/:id/appraisals/mine',
    {
      config: { access: { permission: 'appraisals.write' } },
      schema: {
        tags: ['appraisals'],
        summary: 'Save (and with `submit: true` submit) the caller’s appraisal',
        params: ZId,
        body: ZAppraisalRequest,
        response: { 200: ZAppraisalView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => saveAppraisal({ actor, tx, now, id, data: request.body }));
      return appraisalView(db, actor, id);
    },
  );

  app.post(
    '/proposals/:id/appraisals/mine/submit',
    {
      config: { access: { permission: 'appraisals.write' } },
      schema: {
        tags: ['appraisals'],
        summary: 'Submit the caller’s saved draft: final and visible to the agency',
        params: ZId,
        response: { 200: ZAppraisalView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction(async (tx) => {
        const mine = await findMine(tx, id, actor.userId);
        if (!mine) {
          // Nothing saved yet: the same answer as for a proposal one is not assigned to, or a missing one.
          const view = await appraisalView(tx, actor, id).catch(() => null);
          if (!view?.isAssigned) throw notFound();
          throw new AppError('invalid_transition');
        }
        const a = mine.appraisal;
        await saveAppraisal({
          actor,
          tx,
          now,
          id,
          data: {
            conflictOfInterest: a.conflictOfInterest,
            conflictNote: a.conflictNote ?? undefined,
            criteria: a.criteria as { code: string; pass: boolean | null; comment?: string }[],
            score: a.score,
            recommendation: a.recommendation as 'recommended' | 'not_recommended' | null,
            recommendedFunding: a.recommendedFunding,
            comments: a.comments ?? undefined,
            submit: true,
          },
        });
      });
      return appraisalView(db, actor, id);
    },
  );

  app.post(
    '/proposals/:id/decision',
    {
      config: { access: { permission: 'appraisals.manage' } },
      schema: {
        tags: ['appraisals'],
        summary: 'The agency’s decision: recommended with the approved funding, or not recommended',
        params: ZId,
        body: ZDecisionRequest,
        response: { 200: ZAppraisalView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => decideProposal({ actor, tx, now, id, data: request.body }));
      return appraisalView(db, actor, id);
    },
  );

  app.get(
    '/proposals/:id/appraisal-minutes.docx',
    {
      config: { access: { permission: 'appraisals.read' } },
      schema: {
        tags: ['appraisals'],
        summary: 'The appraisal minutes as a Word file (audited)',
        params: ZId,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const view = await appraisalView(db, actor, request.params.id);
      const file = await appraisalMinutesDocx(view, now);
      await db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: 'appraisal.minutes_exported',
          entityType: 'proposal',
          entityId: view.proposalId,
          after: { code: view.code, appraisals: view.appraisals.map((a) => a.id) },
          at: now,
        }),
      );
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(`Biên bản thẩm định ${view.code}.docx`))
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  );
};
