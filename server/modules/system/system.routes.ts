import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ mode: z.enum(['embedded', 'external']), serverVersion: z.string() }),
});

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, version } = app.ctx;

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database mode',
        response: { 200: ZHealth, 503: ZHealth },
      },
    },
    async (_request, reply) => {
      try {
        return {
          status: 'ok' as const,
          version,
          database: { mode: database.mode, serverVersion: await database.serverVersion() },
        };
      } catch {
        return reply.status(503).send({
          status: 'degraded',
          version,
          database: { mode: database.mode, serverVersion: 'unreachable' },
        });
      }
    },
  );

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
};
