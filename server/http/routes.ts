import type { FastifyPluginAsync } from 'fastify';
import { activityTypesRoutes } from '../modules/activity-types/activity-types.routes';
import { adminUnitsRoutes } from '../modules/admin-units/admin-units.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { secondFactorRoutes } from '../modules/auth/second-factor.routes';
import { cyclesRoutes } from '../modules/cycles';
import { documentsRoutes, uploadsRoutes } from '../modules/documents';
import { meRoutes } from '../modules/me/me.routes';
import { organizationsRoutes } from '../modules/organizations/organizations.routes';
import { proposalsRoutes } from '../modules/proposals';
import { programmesRoutes } from '../modules/programmes/programmes.routes';
import { searchRoutes } from '../modules/search/search.routes';
import { statsRoutes } from '../modules/stats';
import { regulationsRoutes } from '../modules/regulations/regulations.routes';
import { systemRoutes } from '../modules/system/system.routes';
import { usersRoutes } from '../modules/users/users.routes';

/** Every module's routes under /api/v1. The route table is what the access-matrix test walks. */
export const registerApiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(adminUnitsRoutes);
  await app.register(activityTypesRoutes);
  await app.register(organizationsRoutes);
  await app.register(usersRoutes);
  await app.register(secondFactorRoutes);
  await app.register(auditRoutes);
  await app.register(cyclesRoutes);
  await app.register(proposalsRoutes);
  await app.register(statsRoutes);
  await app.register(searchRoutes);
  await app.register(programmesRoutes);
  await app.register(regulationsRoutes);
  await app.register(documentsRoutes);
  await app.register(uploadsRoutes);
};
