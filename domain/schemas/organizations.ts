import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../enums/organization-kinds';
import { ZBooleanQuery, ZInstant, ZIsoDate, ZPageQuery, zSort, zText } from './common';

const ZProvinceCode = z.string().regex(/^\d{2}$/, 'two digits');

export const ZOrganization = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  provinceCode: z.string().nullable(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  active: z.boolean(),
  createdAt: ZInstant,
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZOrganizationDetail = ZOrganization.extend({
  nameHistory: z.array(
    z.object({
      name: z.string(),
      shortName: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
});

export const ZOrganizationsQuery = ZPageQuery.extend({
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  provinceCode: ZProvinceCode.optional(),
  q: z.string().trim().max(200).optional(),
  active: ZBooleanQuery.optional(),
  sort: zSort(['name', 'kind', 'provinceCode', 'createdAt'] as const),
});

export const ZCreateOrganizationRequest = z.object({
  kind: z.enum(ORGANIZATION_KINDS),
  name: zText(300),
  shortName: zText(100).optional(),
  provinceCode: ZProvinceCode.optional(),
  parentId: z.uuid().optional(),
});
export type TCreateOrganizationRequest = z.infer<typeof ZCreateOrganizationRequest>;

export const ZUpdateOrganizationRequest = z.object({
  name: zText(300).optional(),
  shortName: zText(100).nullable().optional(),
  /** With a new name: the date the new name takes effect; the old one is kept as history until the day before. */
  renamedFrom: ZIsoDate.optional(),
  provinceCode: ZProvinceCode.nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type TUpdateOrganizationRequest = z.infer<typeof ZUpdateOrganizationRequest>;
