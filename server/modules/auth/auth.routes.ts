import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLoginRequest, ZLoginResponse, ZSetPasswordRequest } from '../../../domain/schemas/auth';
import { auditActor } from '../../access/actor';
import { users } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../audit/record-audit';
import { login } from './login';
import { deleteSession, SESSION_COOKIE, sessionCookieOptions } from './sessions';
import { setPasswordWithToken } from './set-password';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: ZLoginRequest,
        response: { 200: ZLoginResponse },
      },
    },
    async (request, reply) => {
      const result = await database.db.transaction((tx) =>
        login({
          tx,
          email: request.body.email,
          password: request.body.password,
          code: request.body.code,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      if (!result.ok) throw new AppError(result.reason);
      // Rotation at login: any cookie the browser had is replaced by the new session's.
      if (request.cookies[SESSION_COOKIE]) await deleteSession(database.db, request.cookies[SESSION_COOKIE]);
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(config.isSecure));
      const [user] = await database.db.select().from(users).where(eq(users.id, result.userId)).limit(1);
      if (!user) throw new AppError('internal_error');
      return {
        user: { id: user.id, email: user.email, name: user.name, locale: user.locale as 'vi' | 'en' },
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'authenticated', allowWithoutSecondFactor: true },
      schema: { tags: ['auth'], response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = request.actor;
      await database.db.transaction(async (tx) => {
        if (request.sessionToken) await deleteSession(tx, request.sessionToken);
        if (actor) {
          await recordAudit(tx, {
            actor: auditActor(actor),
            action: 'auth.logout',
            entityType: 'user',
            entityId: actor.userId,
            at: clock.now(),
          });
        }
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/set-password',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Choose a password with the one-time link of the welcome e-mail',
        body: ZSetPasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await database.db.transaction((tx) =>
        setPasswordWithToken({
          tx,
          now: clock.now(),
          token: request.body.token,
          password: request.body.password,
          ip: request.ip,
          requestId: request.id,
        }),
      );
      return reply.status(204).send(null);
    },
  );
};
