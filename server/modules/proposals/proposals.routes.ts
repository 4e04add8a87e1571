import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPage } from '../../../domain/schemas/common';
import {
  ZBaseAppraisalRequest,
  ZCreateProposalRequest,
  ZCreateRegistrationRequest,
  ZProposal,
  ZProposalDetail,
  ZProposalsQuery,
  ZRegistration,
  ZReturnRequest,
  ZStatusCounts,
  ZStatusCountsQuery,
  ZUpdateProposalRequest,
  ZWithdrawRequest,
} from '../../../domain/schemas/proposals';
import { ZCheckResponse } from '../../../domain/schemas/regulation-sets';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import { languageOf } from '../../http/problem';
import { decisionInstant } from '../../platform/clock';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { MAIL_DELIVER_JOB } from '../mail/mail.jobs';
import { presentCheckResult } from '../regulations';
import { baseAppraiseProposal } from './base-appraise-proposal';
import { createProposal } from './create-proposal';
import { deleteProposal } from './delete-proposal';
import { checksFor } from './proposal-checks';
import { abilityResolver } from './proposal-workflow';
import { presentProposal, presentProposalDetail } from './proposals.presenter';
import {
  findProposal,
  latestBaseAppraisal,
  latestRegistration,
  latestTransition,
  listProposals,
  proposalHistory,
  statusCounts,
} from './proposals.repository';
import { registerProposals } from './register-proposals';
import { findRegistration } from './registrations.repository';
import { returnProposal } from './return-proposal';
import { submitProposal } from './submit-proposal';
import { updateProposal } from './update-proposal';
import { withdrawProposal } from './withdraw-proposal';

const ZId = z.object({ id: z.uuid() });

/** The full proposal as the actor sees it now (404 when it is not, or no longer, in their scope). */
async function detailFor(db: TDbOrTx, actor: TActor, id: string, now: Date) {
  const row = await findProposal(db, actor, id);
  if (!row) throw notFound();
  const resolver = abilityResolver(db, actor, now);
  const [abilities, deadlines, history, baseAppraisal, registration, pendingReturn] = await Promise.all([
    resolver.abilities(row),
    resolver.deadlines(row),
    proposalHistory(db, id),
    latestBaseAppraisal(db, id),
    latestRegistration(db, id),
    latestTransition(db, id, 'returned'),
  ]);
  return presentProposalDetail({
    row,
    abilities,
    deadlines,
    history,
    baseAppraisal,
    registration,
    pendingReturn,
  });
}

export const proposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;
  const db = database.db;

  app.get(
    '/proposals',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['proposals'],
        summary: 'Proposals within the caller’s scope; `q` ignores Vietnamese marks',
        querystring: ZProposalsQuery,
        response: { 200: zPage(ZProposal) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { items, total } = await listProposals(db, actor, request.query);
      const resolver = abilityResolver(db, actor, clock.now());
      await resolver.prefetch(items);
      return {
        items: await Promise.all(
          items.map(async (row) => presentProposal(row, await resolver.abilities(row))),
        ),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/proposals/status-counts',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: { tags: ['proposals'], querystring: ZStatusCountsQuery, response: { 200: ZStatusCounts } },
    },
    async (request) => {
      const rows = await statusCounts(db, actorOf(request), request.query.planYear);
      return {
        total: rows.reduce((n, r) => n + r.count, 0),
        byStatus: rows.map((r) => ({ status: r.status as TProposalStatus, count: r.count })),
      };
    },
  );

  app.post(
    '/proposals',
    {
      config: { access: { permission: 'proposals.write' } },
      schema: { tags: ['proposals'], body: ZCreateProposalRequest, response: { 201: ZProposalDetail } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const id = await db.transaction((tx) => createProposal({ actor, tx, now, data: request.body }));
      return reply.status(201).send(await detailFor(db, actor, id, now));
    },
  );

  app.get(
    '/proposals/:id',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: { tags: ['proposals'], params: ZId, response: { 200: ZProposalDetail } },
    },
    async (request) => detailFor(db, actorOf(request), request.params.id, clock.now()),
  );

  app.patch(
    '/proposals/:id',
    {
      config: { access: { permission: 'proposals.write' } },
      schema: {
        tags: ['proposals'],
        params: ZId,
        body: ZUpdateProposalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => updateProposal({ actor, tx, now, id, data: request.body }));
      return detailFor(db, actor, id, now);
    },
  );

  app.delete(
    '/proposals/:id',
    {
      config: { access: { permission: 'proposals.write' } },
      schema: { tags: ['proposals'], params: ZId, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      await db.transaction((tx) => deleteProposal({ actor, tx, now, id: request.params.id }));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/proposals/:id/checks',
    {
      config: { access: { permission: 'proposals.read' } },
      schema: {
        tags: ['proposals'],
        summary: 'The rule check of the stored proposal under its cycle’s regulation set',
        params: ZId,
        response: { 200: ZCheckResponse },
      },
    },
    async (request) => {
      const row = await findProposal(db, actorOf(request), request.params.id);
      if (!row) throw notFound();
      return presentCheckResult(await checksFor(db, row, clock.now()), languageOf(request));
    },
  );

  app.post(
    '/registrations',
    {
      config: { access: { permission: 'proposals.register' } },
      schema: { tags: ['proposals'], body: ZCreateRegistrationRequest, response: { 201: ZRegistration } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await db.transaction(async (tx) =>
        registerProposals({ actor, tx, now: await decisionInstant(tx, clock), data: request.body }),
      );
      const registration = await findRegistration(db, id);
      if (!registration) throw notFound();
      return reply.status(201).send(registration);
    },
  );

  app.post(
    '/proposals/:id/base-appraisal',
    {
      config: { access: { permission: 'proposals.base_appraise' } },
      schema: {
        tags: ['proposals'],
        params: ZId,
        body: ZBaseAppraisalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => baseAppraiseProposal({ actor, tx, now, id, data: request.body }));
      return detailFor(db, actor, id, now);
    },
  );

  app.post(
    '/proposals/:id/submit',
    {
      config: { access: { permission: 'proposals.submit' } },
      schema: { tags: ['proposals'], params: ZId, response: { 200: ZProposalDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      const language = languageOf(request);
      // R9: the deadline is decided by the database transaction's time (the system clock's case).
      await db.transaction(async (tx) =>
        submitProposal({
          actor,
          tx,
          now: await decisionInstant(tx, clock),
          id,
          language,
          publicUrl: config.publicUrl,
        }),
      );
      await app.ctx.nudge?.(MAIL_DELIVER_JOB); // the receipt, without waiting for the next minute
      return detailFor(db, actor, id, now);
    },
  );

  app.post(
    '/proposals/:id/return',
    {
      config: { access: { permission: 'proposals.return' } },
      schema: { tags: ['proposals'], params: ZId, body: ZReturnRequest, response: { 200: ZProposalDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) =>
        returnProposal({ actor, tx, now, publicUrl: config.publicUrl, id, data: request.body }),
      );
      await app.ctx.nudge?.(MAIL_DELIVER_JOB);
      return detailFor(db, actor, id, now);
    },
  );

  app.post(
    '/proposals/:id/withdraw',
    {
      config: { access: { permission: 'proposals.withdraw' } },
      schema: {
        tags: ['proposals'],
        params: ZId,
        body: ZWithdrawRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { id } = request.params;
      await db.transaction((tx) => withdrawProposal({ actor, tx, now, id, data: request.body }));
      return detailFor(db, actor, id, now);
    },
  );
};
