import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPage } from '../../../domain/schemas/common';
import {
  ZCreateOrganizationRequest,
  ZOrganization,
  ZOrganizationDetail,
  ZOrganizationsQuery,
  ZUpdateOrganizationRequest,
} from '../../../domain/schemas/organizations';
import { actorOf } from '../../http/app';
import { notFound } from '../../platform/errors';
import { createOrganization } from './create-organization';
import { presentOrganization, presentOrganizationDetail } from './organizations.presenter';
import { findOrganization, listOrganizations, organizationNameHistory } from './organizations.repository';
import { updateOrganization } from './update-organization';

const ZId = z.object({ id: z.uuid() });

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock } = app.ctx;

  app.get(
    '/organizations',
    {
      config: { access: { permission: 'organizations.read' } },
      schema: {
        tags: ['organizations'],
        querystring: ZOrganizationsQuery,
        response: { 200: zPage(ZOrganization) },
      },
    },
    async (request) => {
      const { items, total } = await listOrganizations(database.db, request.query);
      return {
        items: items.map(presentOrganization),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/organizations/:id',
    {
      config: { access: { permission: 'organizations.read' } },
      schema: { tags: ['organizations'], params: ZId, response: { 200: ZOrganizationDetail } },
    },
    async (request) => {
      const row = await findOrganization(database.db, request.params.id);
      if (!row) throw notFound();
      return presentOrganizationDetail(row, await organizationNameHistory(database.db, request.params.id));
    },
  );

  app.post(
    '/organizations',
    {
      config: { access: { permission: 'organizations.write' } },
      schema: {
        tags: ['organizations'],
        body: ZCreateOrganizationRequest,
        response: { 201: ZOrganizationDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await database.db.transaction((tx) =>
        createOrganization({ actor, tx, now: clock.now(), data: request.body }),
      );
      const row = await findOrganization(database.db, id);
      if (!row) throw notFound();
      return reply
        .status(201)
        .send(presentOrganizationDetail(row, await organizationNameHistory(database.db, id)));
    },
  );

  app.patch(
    '/organizations/:id',
    {
      config: { access: { permission: 'organizations.write' } },
      schema: {
        tags: ['organizations'],
        params: ZId,
        body: ZUpdateOrganizationRequest,
        response: { 200: ZOrganizationDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await database.db.transaction((tx) =>
        updateOrganization({ actor, tx, now: clock.now(), id, data: request.body }),
      );
      const row = await findOrganization(database.db, id);
      if (!row) throw notFound();
      return presentOrganizationDetail(row, await organizationNameHistory(database.db, id));
    },
  );
};
