import { dayBefore } from '../../../domain/lib/dates';
import type { TAdminUnitRow } from './admin-units.repository';

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
