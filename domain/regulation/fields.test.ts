import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { activityFieldsSchema, readField, readUnits, ZMachineryFields } from './fields';
import { ZCheckableProposal } from './types';

describe('activity fields', () => {
  it('each activity type gets its schema; others only count units', () => {
    const machinery = {
      items: [{ name: 'Máy ép viên nén', price: 120_000_000, quotations: 3 }],
      isTechnologyLine: false,
    };
    expect(activityFieldsSchema('machinery').safeParse(machinery).success).toBe(true);
    expect(activityFieldsSchema('machinery').safeParse({ items: [], isTechnologyLine: false }).success).toBe(
      false,
    );
    const cluster = { clusterName: 'CCN Phú Lãm', areaHa: 52.3, legalDossierComplete: true };
    for (const t of ['cluster_planning', 'cluster_infrastructure', 'cluster_pollution_treatment'] as const) {
      expect(activityFieldsSchema(t).safeParse(cluster).success).toBe(true);
      expect(activityFieldsSchema(t).safeParse({ ...cluster, areaHa: 0 }).success).toBe(false);
    }
    const certificate = {
      certificateLevel: 'national',
      certificateNumber: '07/GCN',
      validUntil: '2027-12-31',
    };
    expect(activityFieldsSchema('typical_product').safeParse(certificate).success).toBe(true);
    expect(
      activityFieldsSchema('typical_product').safeParse({ ...certificate, validUntil: '2027-02-30' }).success,
    ).toBe(false);
    expect(activityFieldsSchema('trade_fair_overseas').safeParse({ fairsThisYear: 0 }).success).toBe(false);
    expect(activityFieldsSchema('trade_fair_domestic').safeParse({ isOtherFair: 'yes' }).success).toBe(false);
    expect(
      activityFieldsSchema('association_linkage').safeParse({ linkageKind: 'association_regional' }).success,
    ).toBe(true);
    expect(activityFieldsSchema('information').safeParse({ models: 0 }).success).toBe(false);
    expect(activityFieldsSchema('information').safeParse({ anything: 1 }).success).toBe(true);
  });

  it('keeps unknown keys (forms may carry more than the engine reads)', () => {
    const parsed = ZMachineryFields.parse({
      items: [{ name: 'x', price: 1, quotations: 0 }],
      isTechnologyLine: true,
      note: 'n',
    });
    expect(parsed).toHaveProperty('note', 'n');
  });

  it('reads own, valid fields only', () => {
    expect(readField({ a: 1 }, 'a', z.number())).toBe(1);
    expect(readField({ a: '1' }, 'a', z.number())).toBeUndefined();
    expect(readField({}, 'toString', z.unknown())).toBeUndefined();
    expect(readField(undefined, 'a', z.number())).toBeUndefined();
    expect(readUnits({ models: 3 }, 'model')).toBe(3);
    expect(readUnits({ models: 3 }, 'project')).toBe(1);
    expect(readUnits({ establishments: 2 }, 'model')).toBe(1);
  });

  it('the checkable proposal schema accepts a proposal and refuses a non-integer amount', () => {
    const p = {
      planYear: 2026,
      activityType: 'machinery',
      isPilot: false,
      budget: { total: 10, requested: 5, counterpart: 5, other: 0 },
      documents: [{ kind: 'cost_estimate' }],
    };
    expect(ZCheckableProposal.safeParse(p).success).toBe(true);
    expect(ZCheckableProposal.safeParse({ ...p, budget: { ...p.budget, total: 10.5 } }).success).toBe(false);
    expect(ZCheckableProposal.safeParse({ ...p, activityType: 'karaoke' }).success).toBe(false);
  });
});
