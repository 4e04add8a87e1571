import type { TDbOrTx } from '../../platform/db';
import { allUnits, type TAdminUnitRow } from '../admin-units/admin-units.repository';

/**
 * Provinces across the 2025 reform for the registry: a certificate keeps the province code of its time
 * (the unit in force on the issue date — codes were reused in 2025) and is shown with the province in
 * force today that succeeded it. The 97 rows are read once per request.
 */
export type TProvinces = {
  /** The province with this code in force on `date`, if any. */
  on(code: string, date: string): TAdminUnitRow | undefined;
  /** The latest unit that `unit` became (itself when still in force), whatever the clock says. */
  successor(unit: TAdminUnitRow): TAdminUnitRow;
};

export function provincesOf(all: readonly TAdminUnitRow[]): TProvinces {
  const on = (code: string, date: string) =>
    all.find((u) => u.code === code && u.validFrom <= date && (u.validTo === null || u.validTo >= date));
  return {
    on,
    successor(unit) {
      let current = unit;
      // One reform so far; a few hops allow for later ones.
      for (let hop = 0; hop < 5 && current.validTo !== null; hop++) {
        const next = current.successorCode
          ? all.find((u) => u.code === current.successorCode && u.validFrom > (current.validTo as string))
          : undefined;
        if (!next) break;
        current = next;
      }
      return current;
    },
  };
}

export async function loadProvinces(db: TDbOrTx): Promise<TProvinces> {
  return provincesOf(await allUnits(db));
}
