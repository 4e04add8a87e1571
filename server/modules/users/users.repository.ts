import { and, arrayContains, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TRole } from '../../../domain/enums/roles';
import type { TActor } from '../../access/actor';
import { scopeCondition } from '../../access/scope';
import { organizations, users } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { matchesAllWords } from '../../platform/search';

export type TUserFilters = {
  organizationId?: string;
  role?: TRole;
  q?: string;
  active?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
};

const SORTABLE = {
  name: users.name,
  email: users.email,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

const userColumns = {
  user: users,
  organizationName: organizations.name,
  provinceCode: organizations.provinceCode,
};

/** A user's province is their organisation's: that is what the province scope filters on. */
const userScope = (actor: TActor) =>
  scopeCondition(actor, { provinceCode: organizations.provinceCode, organizationId: users.organizationId });

/** Users visible to the actor (province scope applied), filtered and paged. */
export async function listUsers(db: TDbOrTx, actor: TActor, filters: TUserFilters) {
  const conditions: SQL[] = [userScope(actor)];
  if (filters.organizationId) conditions.push(eq(users.organizationId, filters.organizationId));
  if (filters.role) conditions.push(arrayContains(users.roles, [filters.role]));
  if (filters.active !== undefined) conditions.push(eq(users.active, filters.active));
  const search = filters.q
    ? matchesAllWords(sql`${users.name} || ' ' || ${users.email}`, filters.q)
    : undefined;
  if (search) conditions.push(search);
  const where = and(...conditions);
  const sortKey = (filters.sort ?? 'name').replace(/^-/, '') as keyof typeof SORTABLE;
  const direction = filters.sort?.startsWith('-') ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(where)
      .orderBy(direction(SORTABLE[sortKey] ?? users.name), asc(users.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One user if the actor may see them; null otherwise (the route answers 404 either way). */
export async function findUser(db: TDbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, id), userScope(actor)))
    .limit(1);
  return row ?? null;
}

export async function findOrganizationForUser(db: TDbOrTx, organizationId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  return row ?? null;
}
