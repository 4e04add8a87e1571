import { dayBefore } from '../../../domain/lib/dates';
import type { TAdminUnitRow } from '../admin-units/admin-units.repository';

/**
 * The 63 → 34 mapping read from `admin_units` (never from constants: administrators may correct the
 * table). A record carries the province code in force when it was made; `unitOf` finds that unit, and
 * `currentOf` follows the successor chain (`successorCode`, starting the day after `validTo`) to the
 * unit in force today.
 */
export type TProvinceMapping = {
  unitOf(code: string, validFrom: string | null): TAdminUnitRow | null;
  currentOf(unit: TAdminUnitRow): TAdminUnitRow;
};

export function provinceMapping(units: readonly TAdminUnitRow[]): TProvinceMapping {
  const byKey = new Map(units.map((u) => [`${u.code}@${u.validFrom}`, u]));
  const byCode = new Map<string, TAdminUnitRow[]>();
  for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);

  function unitOf(code: string, validFrom: string | null): TAdminUnitRow | null {
    if (validFrom) return byKey.get(`${code}@${validFrom}`) ?? null;
    // No unit in force at the record's date: take the newest unit that ever carried the code.
    const all = byCode.get(code) ?? [];
    return all.reduce<TAdminUnitRow | null>((a, b) => (!a || b.validFrom > a.validFrom ? b : a), null);
  }

  function currentOf(unit: TAdminUnitRow): TAdminUnitRow {
    let u = unit;
    for (let hops = 0; hops < 10 && u.validTo && u.successorCode; hops++) {
      const next = (byCode.get(u.successorCode) ?? []).find((s) => dayBefore(s.validFrom) === u.validTo);
      if (!next) break;
      u = next;
    }
    return u;
  }

  return { unitOf, currentOf };
}
