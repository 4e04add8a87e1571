import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditEvent, ZAuditEventsQuery } from '../../../domain/schemas/audit';
import { zPage } from '../../../domain/schemas/common';
import { auditEvents } from '../../db/schema';

/** The audit trail, for the agency's leaders and admins and for auditors (read-only for everyone). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-events',
    {
      config: { access: { permission: 'audit.read' } },
      schema: { tags: ['audit'], querystring: ZAuditEventsQuery, response: { 200: zPage(ZAuditEvent) } },
    },
    async (request) => {
      const q = request.query;
      const conditions: SQL[] = [];
      if (q.entityType) conditions.push(eq(auditEvents.entityType, q.entityType));
      if (q.entityId) conditions.push(eq(auditEvents.entityId, q.entityId));
      if (q.action) conditions.push(eq(auditEvents.action, q.action));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const db = app.ctx.database.db;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurredAt.toISOString(),
          actorUserId: r.actorUserId,
          actorLabel: r.actorLabel,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          provinceCode: r.provinceCode,
          ip: r.ip,
          before: r.before,
          after: r.after,
          hash: r.hash,
        })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
};
