import type { organizationNames, organizations } from '../../db/schema';

type TRow = { organization: typeof organizations.$inferSelect; parentName: string | null };

export function presentOrganization({ organization: o, parentName }: TRow) {
  return {
    id: o.id,
    kind: o.kind as never,
    name: o.name,
    shortName: o.shortName,
    provinceCode: o.provinceCode,
    parentId: o.parentId,
    parentName,
    active: o.active,
    createdAt: o.createdAt.toISOString(),
  };
}

export function presentOrganizationDetail(row: TRow, history: (typeof organizationNames.$inferSelect)[]) {
  return {
    ...presentOrganization(row),
    nameHistory: history.map((h) => ({
      name: h.name,
      shortName: h.shortName,
      validFrom: h.validFrom,
      validTo: h.validTo,
    })),
  };
}
