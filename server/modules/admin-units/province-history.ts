import type { TAdminUnitRow } from './admin-units.repository';

/** The day before an ISO date. */
function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Predecessors and successors of a unit: a successor is the unit named by `successorCode` that
 * starts the day after this one ends; predecessors are the units whose successor this one is.
 */
export function provinceHistory(unit: TAdminUnitRow, all: readonly TAdminUnitRow[]) {
  const successors = unit.validTo
    ? all.filter((u) => u.code === unit.successorCode && dayBefore(u.validFrom) === unit.validTo)
    : [];
  const predecessors = all.filter(
    (u) => u.successorCode === unit.code && u.validTo !== null && dayBefore(unit.validFrom) === u.validTo,
  );
  return { unit, predecessors, successors };
}
