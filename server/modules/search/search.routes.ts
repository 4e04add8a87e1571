import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSearchQuery, ZSearchResponse } from '../../../domain/schemas/search';
import { actorOf } from '../../http/app';
import { search } from './search';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.database.db;
  app.get(
    '/search',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['search'],
        summary:
          'Diacritic-insensitive search over proposals, beneficiaries, organisations and document names, within the caller’s scope, ranked, with highlight ranges',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResponse },
      },
    },
    async (request) => search({ actor: actorOf(request), db, query: request.query }),
  );
};
