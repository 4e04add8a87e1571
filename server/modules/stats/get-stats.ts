import type { TFigures, TStatsItem, TStatsQuery, TStatsResponse } from '../../../domain/schemas/stats';
import type { TActor } from '../../access/actor';
import { scopeOf } from '../../access/scope';
import type { TDbOrTx } from '../../platform/db';
import { allUnits } from '../admin-units/admin-units.repository';
import { provinceMapping } from './province-mapping';
import { nationalEnvelopes, statsRows } from './stats.repository';

const ZERO: TFigures = {
  count: 0,
  requestedFunding: 0,
  approvedCount: 0,
  approvedFunding: 0,
  acceptedCount: 0,
  funding: 0,
};

function add(into: TFigures, from: TFigures) {
  into.count += from.count;
  into.requestedFunding += from.requestedFunding;
  into.approvedCount += from.approvedCount;
  into.approvedFunding += from.approvedFunding;
  into.acceptedCount += from.acceptedCount;
  into.funding += from.funding;
}

/**
 * Dashboard figures (`GET /api/v1/stats`), scoped like the proposal list. Province groups follow
 * `provinces`: `historical` keeps the unit that carried the record's code when it was made (a 2022
 * record of code 24 stays with Bắc Giang), `current` re-aggregates every record onto the unit in force
 * today through the successor chain of `admin_units` (that record counts for today's Bắc Ninh). Both
 * modes count the same records, so their totals are equal.
 */
export async function getStats(input: {
  actor: TActor;
  db: TDbOrTx;
  query: TStatsQuery;
}): Promise<TStatsResponse> {
  const { actor, db, query } = input;
  const fromYear = query.planYear ?? query.fromYear ?? null;
  const toYear = query.planYear ?? query.toYear ?? null;
  const [rows, units, envelopes] = await Promise.all([
    statsRows(db, actor, query),
    allUnits(db),
    nationalEnvelopes(db, { from: fromYear ?? undefined, to: toYear ?? undefined }),
  ]);
  const mapping = provinceMapping(units);
  // The national envelope is the agency's figure; a province's share of it is not defined here.
  const showEnvelope = scopeOf(actor).kind === 'all' && query.programme !== 'local';

  const groups = new Map<string, TStatsItem>();
  const totals: TFigures = { ...ZERO };
  for (const row of rows) {
    const figures: TFigures = row;
    add(totals, figures);
    let key: string;
    let name: string | null = null;
    let formerUnit: boolean | null = null;
    const unit = mapping.unitOf(row.provinceCode, row.unitValidFrom);
    const shown = unit && query.provinces === 'current' ? mapping.currentOf(unit) : unit;
    switch (query.groupBy) {
      case 'province':
        key = shown?.code ?? row.provinceCode;
        name = shown?.name ?? null;
        formerUnit = shown ? shown.validTo !== null : null;
        // Historical codes were reused in 2025: old 24 (Bắc Giang) and new 24 (Bắc Ninh) are two groups.
        if (query.provinces === 'historical' && shown?.validTo) key = `${key}@${shown.validFrom}`;
        break;
      case 'region':
        key = shown?.region ?? 'unknown';
        break;
      case 'activityType':
        key = row.activityType;
        break;
      case 'status':
        key = row.status;
        break;
      case 'year':
        key = String(row.planYear);
        break;
    }
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        name,
        formerUnit,
        budgetEnvelope:
          query.groupBy === 'year' && showEnvelope ? (envelopes.get(row.planYear) ?? null) : null,
        ...ZERO,
      };
      groups.set(key, group);
    }
    add(group, figures);
  }
  if (query.groupBy === 'year' && showEnvelope) {
    // Years with an envelope but nothing proposed yet still show their envelope.
    for (const [year, envelope] of envelopes) {
      if (!groups.has(String(year)))
        groups.set(String(year), {
          key: String(year),
          name: null,
          formerUnit: null,
          budgetEnvelope: envelope,
          ...ZERO,
        });
    }
  }
  const items = [...groups.values()].sort((a, b) =>
    query.groupBy === 'year'
      ? a.key.localeCompare(b.key)
      : b.funding - a.funding || a.key.localeCompare(b.key),
  );
  const envelopeTotal = showEnvelope
    ? [...envelopes.values()].reduce<number | null>((s, e) => (s ?? 0) + e, null)
    : null;
  return {
    groupBy: query.groupBy,
    provinces: query.provinces,
    fromYear,
    toYear,
    totals: { ...totals, budgetEnvelope: envelopeTotal },
    items,
  };
}
