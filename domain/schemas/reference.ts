import { z } from 'zod';
import { ZIsoDate } from './common';

export const ZAdminUnit = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.enum(['province', 'city']),
  region: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
});
export type TAdminUnit = z.infer<typeof ZAdminUnit>;

export const ZAdminUnitsQuery = z.object({ date: ZIsoDate.optional() });
export const ZAdminUnitHistoryResponse = z.object({
  code: z.string(),
  items: z.array(
    z.object({ unit: ZAdminUnit, predecessors: z.array(ZAdminUnit), successors: z.array(ZAdminUnit) }),
  ),
});

export const ZActivityType = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  contentGroup: z.string(),
  contentGroupNameVi: z.string(),
  contentGroupNameEn: z.string(),
  validFromYear: z.number().int(),
  validToYear: z.number().int().nullable(),
});
export const ZActivityTypesQuery = z.object({
  planYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
