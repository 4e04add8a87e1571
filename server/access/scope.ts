import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isAgencyActor, type TActor } from './actor';

/**
 * THE province-scope filter (architecture rule 4). Every list and every read of province-private
 * records goes through `scopeCondition`; a query that deliberately skips it is named `unsafe…` and
 * says why. Agency roles see everything; a province user sees records of their province; a unit
 * user sees only their own organisation's records; anyone else sees nothing.
 */
export type TScope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'none' };

export function scopeOf(actor: TActor): TScope {
  if (actor.via === 'system' || isAgencyActor(actor)) return { kind: 'all' };
  if (
    (actor.roles.includes('province_officer') || actor.roles.includes('province_leader')) &&
    actor.provinceCode
  ) {
    return { kind: 'province', provinceCode: actor.provinceCode };
  }
  if (actor.roles.includes('unit_officer'))
    return { kind: 'organization', organizationId: actor.organizationId };
  return { kind: 'none' };
}

/**
 * The SQL condition restricting rows to the actor's scope, given the columns that carry a record's
 * province and owning organisation.
 */
export function scopeCondition(
  actor: TActor,
  columns: { provinceCode: AnyPgColumn | SQL; organizationId: AnyPgColumn | SQL },
): SQL {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'province':
      // Their province today, and the old provinces merged into it in 2025 (records made under the 63-province
      // map carry the old code; a merged unit took its centre's code, so no other old code is ever reused).
      return sql`(${columns.provinceCode} = ${scope.provinceCode} or ${columns.provinceCode} in (
        select au.code from admin_units au where au.successor_code = ${scope.provinceCode} and au.valid_to is not null))`;
    case 'organization':
      return sql`${columns.organizationId} = ${scope.organizationId}`;
    case 'none':
      return sql`false`;
  }
}
