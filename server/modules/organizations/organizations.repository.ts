import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { organizationNames, organizations } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { matchesAllWords } from '../../platform/search';

const parent = alias(organizations, 'parent');

export type TOrganizationFilters = {
  kind?: TOrganizationKind;
  provinceCode?: string;
  q?: string;
  active?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
};

const SORTABLE = {
  name: organizations.name,
  kind: organizations.kind,
  provinceCode: organizations.provinceCode,
  createdAt: organizations.createdAt,
} as const;

/**
 * Organisations are public bodies: every signed-in user may read them, so this list has no province
 * scope (deliberately; see scope.ts). Personal data lives in users, which is scoped.
 */
export async function listOrganizations(db: TDbOrTx, filters: TOrganizationFilters) {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(organizations.kind, filters.kind));
  if (filters.provinceCode) conditions.push(eq(organizations.provinceCode, filters.provinceCode));
  if (filters.active !== undefined) conditions.push(eq(organizations.active, filters.active));
  const search = filters.q ? matchesAllWords(sql`${organizations.name}`, filters.q) : undefined;
  if (search) conditions.push(search);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const sortKey = (filters.sort ?? 'name').replace(/^-/, '') as keyof typeof SORTABLE;
  const direction = filters.sort?.startsWith('-') ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select({ organization: organizations, parentName: parent.name })
      .from(organizations)
      .leftJoin(parent, eq(parent.id, organizations.parentId))
      .where(where)
      .orderBy(direction(SORTABLE[sortKey] ?? organizations.name), asc(organizations.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findOrganization(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ organization: organizations, parentName: parent.name })
    .from(organizations)
    .leftJoin(parent, eq(parent.id, organizations.parentId))
    .where(eq(organizations.id, id))
    .limit(1);
  return row ?? null;
}

export async function organizationNameHistory(db: TDbOrTx, id: string) {
  return db
    .select()
    .from(organizationNames)
    .where(eq(organizationNames.organizationId, id))
    .orderBy(asc(organizationNames.validFrom));
}
