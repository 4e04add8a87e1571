import type { TRegulationSet } from '../../../domain/regulation';
import type { cycles } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { findCycle, findRegulationSet, type TRegulationSetRow } from './regulations.repository';
import { regulationSetOf } from './stored-body';

export type TCycleRegulationSet = {
  set: TRegulationSet;
  row: TRegulationSetRow;
  cycle: typeof cycles.$inferSelect;
};

/**
 * The regulation set a cycle runs under: the exact version recorded on the cycle. Open cycles follow
 * the newest version of their code (publishing moves them); closed cycles keep theirs.
 *
 * @throws AppError not_found when the cycle does not exist.
 */
export async function regulationSetForCycle(db: TDbOrTx, cycleId: string): Promise<TCycleRegulationSet> {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw notFound();
  const found = await findRegulationSet(db, cycle.regulationSetId);
  if (!found) throw new Error(`cycle ${cycleId} names a missing regulation set`);
  return { set: regulationSetOf(found.row), row: found.row, cycle };
}
