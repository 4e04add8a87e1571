import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPage } from '../../../domain/schemas/common';
import {
  ZCheckRequest,
  ZCheckResponse,
  ZPublishRegulationSetRequest,
  ZRegulationSetDetail,
  ZRegulationSetSummary,
  ZRegulationSetsQuery,
} from '../../../domain/schemas/regulation-sets';
import { actorOf } from '../../http/app';
import { languageOf } from '../../http/problem';
import { notFound } from '../../platform/errors';
import { checkProposalAgainstSet } from './check-proposal-against-set';
import { publishRegulationSet } from './publish-regulation-set';
import {
  presentCheckResult,
  presentRegulationSetDetail,
  presentRegulationSetSummary,
} from './regulations.presenter';
import { findRegulationSet, listRegulationSets } from './regulations.repository';
import { regulationSetOf } from './stored-body';

const ZId = z.object({ id: z.uuid() });

/** Regulation sets: read by every signed-in user, published (new versions) by agency admins. */
export const regulationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;

  async function detail(id: string) {
    const found = await findRegulationSet(database.db, id);
    if (!found) throw notFound();
    return presentRegulationSetDetail(found, regulationSetOf(found.row));
  }

  app.get(
    '/regulation-sets',
    {
      config: { access: { permission: 'regulations.read' } },
      schema: {
        tags: ['regulations'],
        summary: 'Regulation sets (every version), filtered by programme, province, plan year or code',
        querystring: ZRegulationSetsQuery,
        response: { 200: zPage(ZRegulationSetSummary) },
      },
    },
    async (request) => {
      const { items, total } = await listRegulationSets(database.db, request.query);
      return {
        items: items.map(presentRegulationSetSummary),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/regulation-sets/:id',
    {
      config: { access: { permission: 'regulations.read' } },
      schema: {
        tags: ['regulations'],
        summary: 'One version of a regulation set, with its full body',
        params: ZId,
        response: { 200: ZRegulationSetDetail },
      },
    },
    async (request) => detail(request.params.id),
  );

  app.post(
    '/regulation-sets',
    {
      config: { access: { permission: 'regulations.write' } },
      schema: {
        tags: ['regulations'],
        summary: 'Publish a new version of a regulation set (copy-on-write); open cycles move to it',
        body: ZPublishRegulationSetRequest,
        response: { 201: ZRegulationSetDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await database.db.transaction((tx) =>
        publishRegulationSet({ actor, tx, now: clock.now(), data: request.body }),
      );
      return reply.status(201).send(await detail(id));
    },
  );

  app.post(
    '/regulation-sets/:id/check',
    {
      config: { access: { permission: 'regulations.read' } },
      schema: {
        tags: ['regulations'],
        summary: 'Check a proposal against this regulation set (the same engine the browser runs)',
        params: ZId,
        body: ZCheckRequest,
        response: { 200: ZCheckResponse },
      },
    },
    async (request) => {
      const found = await findRegulationSet(database.db, request.params.id);
      if (!found) throw notFound();
      const { context, ...proposal } = request.body;
      const result = checkProposalAgainstSet({
        set: regulationSetOf(found.row),
        proposal,
        ...(context ? { context } : {}),
      });
      return presentCheckResult(result, languageOf(request));
    },
  );
};
