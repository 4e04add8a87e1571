import { and, asc, gte, isNull, lte, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTENT_GROUP_DEFINITIONS, type TContentGroup } from '../../../domain/enums/activity-types';
import { ZActivityType, ZActivityTypesQuery } from '../../../domain/schemas/reference';
import { activityTypes } from '../../db/schema';

const groupOf = (code: string) => CONTENT_GROUP_DEFINITIONS[code as TContentGroup];

/** Activity types (Decree 45/2012 Art. 4 as amended by Decree 235/2025), optionally those in use for a plan year. */
export const activityTypesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/activity-types',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        querystring: ZActivityTypesQuery,
        response: { 200: z.array(ZActivityType) },
      },
    },
    async (request) => {
      const { planYear } = request.query;
      const rows = await app.ctx.database.db
        .select()
        .from(activityTypes)
        .where(
          planYear === undefined
            ? undefined
            : and(
                lte(activityTypes.validFromYear, planYear),
                or(isNull(activityTypes.validToYear), gte(activityTypes.validToYear, planYear)),
              ),
        )
        .orderBy(asc(activityTypes.sortOrder));
      return rows.map((r) => ({
        code: r.code,
        nameVi: r.nameVi,
        nameEn: r.nameEn,
        contentGroup: r.contentGroup,
        contentGroupNameVi: groupOf(r.contentGroup)?.nameVi ?? r.contentGroup,
        contentGroupNameEn: groupOf(r.contentGroup)?.nameEn ?? r.contentGroup,
        validFromYear: r.validFromYear,
        validToYear: r.validToYear,
      }));
    },
  );
};
