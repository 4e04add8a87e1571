import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPage } from '../../../domain/schemas/common';
import { ZCreateUserRequest, ZUpdateUserRequest, ZUser, ZUsersQuery } from '../../../domain/schemas/users';
import { actorOf } from '../../http/app';
import { notFound } from '../../platform/errors';
import { MAIL_DELIVER_JOB } from '../mail/mail.jobs';
import { createUser } from './create-user';
import { updateUser } from './update-user';
import { presentUser } from './users.presenter';
import { findUser, listUsers } from './users.repository';

const ZId = z.object({ id: z.uuid() });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;

  app.get(
    '/users',
    {
      config: { access: { permission: 'users.read' } },
      schema: {
        tags: ['users'],
        summary: 'Users within the caller’s scope',
        querystring: ZUsersQuery,
        response: { 200: zPage(ZUser) },
      },
    },
    async (request) => {
      const { items, total } = await listUsers(database.db, actorOf(request), request.query);
      return {
        items: items.map(presentUser),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: { permission: 'users.read' } },
      schema: { tags: ['users'], params: ZId, response: { 200: ZUser } },
    },
    async (request) => {
      const row = await findUser(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound();
      return presentUser(row);
    },
  );

  app.post(
    '/users',
    {
      config: { access: { permission: 'users.write' } },
      schema: { tags: ['users'], body: ZCreateUserRequest, response: { 201: ZUser } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await database.db.transaction((tx) =>
        createUser({ actor, tx, now: clock.now(), publicUrl: config.publicUrl, data: request.body }),
      );
      await app.ctx.nudge?.(MAIL_DELIVER_JOB); // the welcome e-mail, without waiting for the next minute
      const row = await findUser(database.db, actor, id);
      if (!row) throw notFound();
      return reply.status(201).send(presentUser(row));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: { permission: 'users.write' } },
      schema: { tags: ['users'], params: ZId, body: ZUpdateUserRequest, response: { 200: ZUser } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await database.db.transaction((tx) =>
        updateUser({ actor, tx, now: clock.now(), id, data: request.body }),
      );
      const row = await findUser(database.db, actor, id);
      if (!row) throw notFound();
      return presentUser(row);
    },
  );
};
