import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vnDateOf } from '../../../domain/lib/dates';
import { ZLaggingQuery, ZLaggingResponse, ZStatsQuery, ZStatsResponse } from '../../../domain/schemas/stats';
import { actorOf } from '../../http/app';
import { getStats } from './get-stats';
import { laggingProjects } from './stats.repository';

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;
  const db = database.db;

  app.get(
    '/stats',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['stats'],
        summary:
          'Dashboard figures within the caller’s scope, grouped by province, activity type, status, year or region; `provinces=current` re-aggregates onto today’s 34 provinces',
        querystring: ZStatsQuery,
        response: { 200: ZStatsResponse },
      },
    },
    async (request) => getStats({ actor: actorOf(request), db, query: request.query }),
  );

  app.get(
    '/stats/lagging',
    {
      config: { access: { permission: 'stats.read' } },
      schema: {
        tags: ['stats'],
        summary: 'Lagging projects: late acceptance or settlement, overdue supplements',
        querystring: ZLaggingQuery,
        response: { 200: ZLaggingResponse },
      },
    },
    async (request) => {
      const today = vnDateOf(clock.now());
      const { total, rows } = await laggingProjects(db, actorOf(request), today, request.query);
      return {
        total,
        items: rows.map((r) => ({
          ...r,
          status: r.status as never,
          reason: (r.status === 'returned'
            ? 'overdue_supplement'
            : r.status === 'accepted'
              ? 'late_settlement'
              : 'late_acceptance') as never,
          dueDate: r.dueDate ?? today,
          daysLate: Math.round(
            (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.dueDate}T00:00:00Z`)) / 86_400_000,
          ),
        })),
      };
    },
  );
};
