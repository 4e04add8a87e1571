import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { adminUnits } from '../../db/schema';

/**
 * Records of a province of TODAY whatever map they were made under (issue #8): its own code, and the
 * old codes of the provinces merged into it. A code whose old unit's successor is another code was
 * never reused (a merged unit takes the code of the province holding its centre), so no date is needed.
 */
export function ofCurrentProvince(column: AnyPgColumn | SQL, code: string): SQL {
  return sql`(${column} = ${code} or ${column} in (
    select au.code from ${adminUnits} au where au.successor_code = ${code} and au.valid_to is not null))`;
}
