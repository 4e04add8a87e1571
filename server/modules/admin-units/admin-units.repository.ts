import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { adminUnits } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';

export type TAdminUnitRow = typeof adminUnits.$inferSelect;

/** Provinces in force on a date (63 until 2025-06-30, 34 from 2025-07-01), in code order. */
export async function unitsInForce(db: TDbOrTx, date: string): Promise<TAdminUnitRow[]> {
  return db
    .select()
    .from(adminUnits)
    .where(
      and(lte(adminUnits.validFrom, date), or(isNull(adminUnits.validTo), gte(adminUnits.validTo, date))),
    )
    .orderBy(asc(adminUnits.code));
}

/** Every unit that ever carried a code (codes were reused in 2025), oldest first. */
export async function unitsWithCode(db: TDbOrTx, code: string): Promise<TAdminUnitRow[]> {
  return db.select().from(adminUnits).where(eq(adminUnits.code, code)).orderBy(asc(adminUnits.validFrom));
}

export async function allUnits(db: TDbOrTx): Promise<TAdminUnitRow[]> {
  return db.select().from(adminUnits).orderBy(asc(adminUnits.validFrom), asc(adminUnits.code));
}

/** True when `code` is a province in force on `date`. */
export async function isProvinceInForce(db: TDbOrTx, code: string, date: string): Promise<boolean> {
  const [row] = await db
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.code, code),
        lte(adminUnits.validFrom, date),
        or(isNull(adminUnits.validTo), gte(adminUnits.validTo, date)),
      ),
    )
    .limit(1);
  return Boolean(row);
}
