import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zPage } from '../../../domain/schemas/common';
import {
  ZCreateCycleRequest,
  ZCreateExtensionRequest,
  ZCycle,
  ZCycleQuery,
  ZCyclesQuery,
  ZExtension,
  ZPlanYearParams,
  ZUpdateCycleRequest,
} from '../../../domain/schemas/cycles';
import { can, type TActor } from '../../access/actor';
import { actorOf } from '../../http/app';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { createCycle } from './create-cycle';
import { presentCycle, presentExtension } from './cycles.presenter';
import {
  findCycle,
  findCycleById,
  findExtension,
  findNationalCycle,
  listCycles,
  listExtensions,
  loadRegulationSet,
  mayEditCycle,
  maySeeCycle,
  registeringOrganizationOfActor,
  type TCycleRow,
} from './cycles.repository';
import { deadlineFor } from './deadlines';
import { grantExtension } from './grant-extension';
import { updateCycle } from './update-cycle';

/**
 * A cycle as the caller sees it, with the deadlines in force for their work (their Sở's, or their own when
 * they register directly, extensions included); drafts only for admins.
 */
async function cycleFor(db: TDbOrTx, actor: TActor, cycle: TCycleRow | null, now: Date) {
  if (!cycle || !maySeeCycle(actor, cycle)) throw notFound();
  const set = await loadRegulationSet(db, cycle.regulationSetId);
  const organizationId = await registeringOrganizationOfActor(db, actor);
  const registration = await deadlineFor(db, cycle, organizationId, 'registration', now);
  const dossier = await deadlineFor(db, cycle, organizationId, 'dossier', now);
  return presentCycle(cycle, set?.row.name ?? '', { registration, dossier }, mayEditCycle(actor, cycle));
}

export const cyclesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.get(
    '/cycles',
    {
      config: { access: { permission: 'cycles.read' } },
      schema: {
        tags: ['cycles'],
        summary:
          'Cycles the caller sees: national ones, and local (KCĐP) ones of their province (the agency: all); filters programme, provinceCode',
        querystring: ZCyclesQuery,
        response: { 200: zPage(ZCycle) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { page, pageSize, programme, provinceCode } = request.query;
      const rows = await listCycles(db, actor, { programme, provinceCode });
      const slice = rows.slice((page - 1) * pageSize, page * pageSize);
      return {
        items: await Promise.all(slice.map((r) => cycleFor(db, actor, r.cycle, now))),
        total: rows.length,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/cycles/:planYear',
    {
      config: { access: { permission: 'cycles.read' } },
      schema: {
        tags: ['cycles'],
        summary:
          'The national cycle of a plan year; with `?provinceCode=24` that province’s local (KCĐP) cycle (404 outside the province)',
        params: ZPlanYearParams,
        querystring: ZCycleQuery,
        response: { 200: ZCycle },
      },
    },
    async (request) => {
      const cycle = await findCycle(db, request.params.planYear, request.query.provinceCode);
      return cycleFor(db, actorOf(request), cycle, clock.now());
    },
  );

  app.post(
    '/cycles',
    {
      config: { access: { permission: 'cycles.create' } },
      schema: {
        tags: ['cycles'],
        summary:
          'Open a cycle: national (the administrator), or `programme: local` with `provinceCode` (its Sở or the administrator; a local regulation set of that province)',
        body: ZCreateCycleRequest,
        response: { 201: ZCycle },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const id = await db.transaction((tx) => createCycle({ actor, tx, now, data: request.body }));
      return reply.status(201).send(await cycleFor(db, actor, await findCycleById(db, id), now));
    },
  );

  app.patch(
    '/cycles/:planYear',
    {
      // cycles.create: the administrator (national and local), a Sở (its province's local cycle only).
      config: { access: { permission: 'cycles.create' } },
      schema: {
        tags: ['cycles'],
        summary:
          'Change the national cycle of a plan year (the administrator); with `?provinceCode=24` that province’s local (KCĐP) cycle (its Sở or the administrator)',
        params: ZPlanYearParams,
        querystring: ZCycleQuery,
        body: ZUpdateCycleRequest,
        response: { 200: ZCycle },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { planYear } = request.params;
      const { provinceCode } = request.query;
      await db.transaction((tx) =>
        updateCycle({ actor, tx, now, planYear, provinceCode, data: request.body }),
      );
      return cycleFor(db, actor, await findCycle(db, planYear, provinceCode), now);
    },
  );

  app.get(
    '/cycles/:planYear/extensions',
    {
      config: { access: { permission: 'cycles.read' } },
      schema: { tags: ['cycles'], params: ZPlanYearParams, response: { 200: zPage(ZExtension) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const cycle = await findNationalCycle(db, request.params.planYear);
      if (!cycle || (cycle.status === 'draft' && !can(actor, 'cycles.write'))) throw notFound();
      const rows = await listExtensions(db, actor, cycle.id);
      return {
        items: rows.map((r) => presentExtension(r, cycle.planYear)),
        total: rows.length,
        page: 1,
        pageSize: Math.max(rows.length, 1),
      };
    },
  );

  app.post(
    '/cycles/:planYear/extensions',
    {
      config: { access: { permission: 'cycles.write' } },
      schema: {
        tags: ['cycles'],
        params: ZPlanYearParams,
        body: ZCreateExtensionRequest,
        response: { 201: ZExtension },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { planYear } = request.params;
      const id = await db.transaction((tx) =>
        grantExtension({ actor, tx, now: clock.now(), planYear, data: request.body }),
      );
      const row = await findExtension(db, id);
      if (!row) throw notFound();
      return reply.status(201).send(presentExtension(row, planYear));
    },
  );
};
