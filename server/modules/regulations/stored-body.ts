import { type TRegulationSet, ZRegulationSet } from '../../../domain/regulation';
import type { TRegulationSetRow } from './regulations.repository';

/**
 * Rows are never updated (copy-on-write), so a parsed body can be kept by id. The cache is small and
 * per process; it holds nothing another instance needs.
 */
const CACHE_SIZE = 32;
const cache = new Map<string, TRegulationSet>();

/** The set stored in a row, validated with the same schema that admitted it. */
export function regulationSetOf(row: Pick<TRegulationSetRow, 'id' | 'body'>): TRegulationSet {
  const cached = cache.get(row.id);
  if (cached) return cached;
  const set = ZRegulationSet.parse(row.body);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(row.id, set);
  return set;
}
