import { z } from 'zod';
import { ZInstant, ZPageQuery } from './common';

export const ZAuditEventsQuery = ZPageQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
});
export const ZAuditEvent = z.object({
  id: z.number().int(),
  occurredAt: ZInstant,
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  ip: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
