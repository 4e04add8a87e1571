import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type TProgramme,
  ZCreateProgrammeRequest,
  ZProgramme,
  ZProgrammesQuery,
  ZUpdateProgrammeRequest,
} from '../../../domain/schemas/programmes';
import { actorOf } from '../../http/app';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { allUnits } from '../admin-units/admin-units.repository';
import {
  findProgramme,
  listProgrammes,
  type TProgrammeRecord,
  targetProgress,
  targetsOf,
} from './programmes.repository';
import { createProgramme, updateProgramme } from './save-programme';

const ZId = z.object({ id: z.uuid() });

/** Programmes with their targets and the progress computed now. */
async function present(db: TDbOrTx, rows: TProgrammeRecord[]): Promise<TProgramme[]> {
  const [targets, units] = await Promise.all([
    targetsOf(
      db,
      rows.map((r) => r.id),
    ),
    allUnits(db),
  ]);
  const currentName = new Map(units.filter((u) => u.validTo === null).map((u) => [u.code, u.name]));
  return Promise.all(
    rows.map(async (p) => ({
      id: p.id,
      code: p.code,
      scope: p.scope as 'national' | 'local',
      provinceCode: p.provinceCode,
      provinceName: p.provinceCode ? (currentName.get(p.provinceCode) ?? null) : null,
      name: p.name,
      fromYear: p.fromYear,
      toYear: p.toYear,
      decisionNumber: p.decisionNumber,
      decisionDate: p.decisionDate,
      targets: await Promise.all(
        targets
          .filter((t) => t.programmeId === p.id)
          .map(async (t) => {
            const { approved, accepted } = await targetProgress(db, p, t);
            return {
              id: t.id,
              metric: t.metric,
              nameVi: t.nameVi,
              nameEn: t.nameEn,
              activityTypes: t.activityTypes as never,
              target: t.target,
              approved,
              accepted,
              progress: t.target > 0 ? accepted / t.target : null,
            };
          }),
      ),
    })),
  );
}

export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.get(
    '/programmes',
    {
      config: { access: { permission: 'programmes.read' } },
      schema: {
        tags: ['programmes'],
        summary: 'Programmes for a period (national and local) with their targets and progress',
        querystring: ZProgrammesQuery,
        response: { 200: z.object({ items: z.array(ZProgramme) }) },
      },
    },
    async (request) => ({ items: await present(db, await listProgrammes(db, request.query)) }),
  );

  app.get(
    '/programmes/:id',
    {
      config: { access: { permission: 'programmes.read' } },
      schema: { tags: ['programmes'], params: ZId, response: { 200: ZProgramme } },
    },
    async (request) => {
      const row = await findProgramme(db, request.params.id);
      if (!row) throw notFound();
      const [programme] = await present(db, [row]);
      return programme!;
    },
  );

  app.post(
    '/programmes',
    {
      config: { access: { permission: 'programmes.write' } },
      schema: { tags: ['programmes'], body: ZCreateProgrammeRequest, response: { 201: ZProgramme } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const id = await db.transaction((tx) => createProgramme({ actor, tx, now, data: request.body }));
      const [programme] = await present(db, [(await findProgramme(db, id))!]);
      return reply.status(201).send(programme!);
    },
  );

  app.patch(
    '/programmes/:id',
    {
      config: { access: { permission: 'programmes.write' } },
      schema: {
        tags: ['programmes'],
        params: ZId,
        body: ZUpdateProgrammeRequest,
        response: { 200: ZProgramme },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = clock.now();
      await db.transaction((tx) =>
        updateProgramme({ actor, tx, now, id: request.params.id, data: request.body }),
      );
      const [programme] = await present(db, [(await findProgramme(db, request.params.id))!]);
      return programme!;
    },
  );
};
