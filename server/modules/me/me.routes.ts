import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import {
  ZApiToken,
  ZChangePasswordRequest,
  ZCreateApiTokenRequest,
  ZCreateApiTokenResponse,
  ZMeResponse,
  ZUpdateMeRequest,
} from '../../../domain/schemas/auth';
import { organizations, users } from '../../db/schema';
import { actorOf } from '../../http/app';
import { AppError } from '../../platform/errors';
import { createApiToken, listOwnTokens, revokeApiToken } from '../auth/api-tokens';
import { changePassword } from '../auth/change-password';
import { secondFactorStatus } from '../auth/second-factor';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/sessions';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;

  async function me(actorId: string) {
    const [row] = await database.db
      .select({ user: users, organization: organizations })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.id, actorId))
      .limit(1);
    if (!row) throw new AppError('unauthenticated');
    return row;
  }

  app.get(
    '/me',
    {
      config: { access: 'authenticated', allowWithoutSecondFactor: true },
      schema: {
        tags: ['me'],
        summary: 'The signed-in user, their organisation, roles, permissions and CSRF token',
        response: { 200: ZMeResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { user, organization } = await me(actor.userId);
      return {
        user: { id: user.id, email: user.email, name: user.name, locale: user.locale as 'vi' | 'en' },
        organization: {
          id: organization.id,
          kind: organization.kind as TOrganizationKind,
          name: organization.name,
          provinceCode: organization.provinceCode,
        },
        roles: actor.roles,
        permissions: [...actor.permissions].sort(),
        csrfToken: request.csrfToken,
        secondFactor: await secondFactorStatus(database.db, actor, config.totpEnrolmentOptional),
      };
    },
  );

  app.patch(
    '/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['me'], body: ZUpdateMeRequest, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const patch = {
        ...(request.body.name ? { name: request.body.name } : {}),
        ...(request.body.locale ? { locale: request.body.locale } : {}),
      };
      if (Object.keys(patch).length > 0) {
        await database.db
          .update(users)
          .set({ ...patch, updatedAt: clock.now() })
          .where(eq(users.id, actor.userId));
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['me'], body: ZChangePasswordRequest, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const session = await database.db.transaction((tx) =>
        changePassword({
          actor,
          tx,
          now: clock.now(),
          currentPassword: request.body.currentPassword,
          newPassword: request.body.newPassword,
          userAgent: request.headers['user-agent'] ?? null,
        }),
      );
      if (session) reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(config.isSecure));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/tokens',
    {
      config: { access: { permission: 'tokens.manage' } },
      schema: { tags: ['me'], response: { 200: z.object({ items: z.array(ZApiToken) }) } },
    },
    async (request) => ({ items: await listOwnTokens(database.db, actorOf(request)) }),
  );

  app.post(
    '/me/tokens',
    {
      config: { access: { permission: 'tokens.manage' } },
      schema: {
        tags: ['me'],
        summary: 'Issue an API token (shown once)',
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreateApiTokenResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await database.db.transaction((tx) =>
        createApiToken({
          actor,
          tx,
          now: clock.now(),
          name: request.body.name,
          expiresInDays: request.body.expiresInDays,
        }),
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/me/tokens/:id',
    {
      config: { access: { permission: 'tokens.manage' } },
      schema: { tags: ['me'], params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await database.db.transaction((tx) =>
        revokeApiToken({ actor, tx, now: clock.now(), tokenId: request.params.id }),
      );
      return reply.status(204).send(null);
    },
  );
};
