import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vnDateOf } from '../../../domain/lib/dates';
import { ZAdminUnit, ZAdminUnitHistoryResponse, ZAdminUnitsQuery } from '../../../domain/schemas/reference';
import { notFound } from '../../platform/errors';
import { allUnits, unitsInForce } from './admin-units.repository';
import { provinceHistory } from './province-history';

/** Reference data: public, so provincial systems can map codes without an account. */
export const adminUnitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin-units',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'Provinces in force on a date (default today, Vietnam time)',
        querystring: ZAdminUnitsQuery,
        response: { 200: z.array(ZAdminUnit) },
      },
    },
    async (request) => {
      const date = request.query.date ?? vnDateOf(app.ctx.clock.now());
      return (await unitsInForce(app.ctx.database.db, date)) as z.infer<typeof ZAdminUnit>[];
    },
  );

  app.get(
    '/admin-units/:code/history',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary:
          'Predecessors and successors of a province (every unit that had the code, or the one in force on `date`)',
        params: z.object({ code: z.string().regex(/^\d{2}$/) }),
        querystring: ZAdminUnitsQuery,
        response: { 200: ZAdminUnitHistoryResponse },
      },
    },
    async (request) => {
      const all = await allUnits(app.ctx.database.db);
      const { date } = request.query;
      const matching = all.filter(
        (u) =>
          u.code === request.params.code &&
          (!date || (u.validFrom <= date && (u.validTo === null || u.validTo >= date))),
      );
      if (matching.length === 0) throw notFound();
      return {
        code: request.params.code,
        items: matching.map((u) => provinceHistory(u, all)),
      } as z.infer<typeof ZAdminUnitHistoryResponse>;
    },
  );
};
