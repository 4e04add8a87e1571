import { describe, expect, it } from 'vitest';
import { NATIONAL_2026 } from '../regulation';
import { ZCheckRequest, ZPublishRegulationSetRequest, ZRegulationSetsQuery } from './regulation-sets';

describe('regulation-set API schemas', () => {
  it('reads list filters from the query string', () => {
    expect(ZRegulationSetsQuery.parse({ planYear: '2026', latest: 'true' })).toEqual({
      page: 1,
      pageSize: 50,
      planYear: 2026,
      latest: true,
    });
    expect(ZRegulationSetsQuery.safeParse({ provinceCode: '1' }).success).toBe(false);
  });

  it('validates a published body with the regulation-set schema, naming the field', () => {
    const basedOnId = '00000000-0000-4000-8000-000000000000';
    expect(ZPublishRegulationSetRequest.safeParse({ basedOnId, body: NATIONAL_2026 }).success).toBe(true);
    const bad = ZPublishRegulationSetRequest.safeParse({
      basedOnId,
      body: { ...NATIONAL_2026, effectiveToYear: 2020 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['body.effectiveToYear']);
  });

  it('takes a checkable proposal with an optional context', () => {
    const proposal = {
      planYear: 2026,
      activityType: 'demonstration_model',
      isPilot: false,
      budget: { total: 10, requested: 3, counterpart: 7, other: 0 },
    };
    expect(ZCheckRequest.parse({ ...proposal, context: { dossierDeadline: '2025-09-30' } }).context).toEqual({
      dossierDeadline: '2025-09-30',
    });
    expect(ZCheckRequest.safeParse({ ...proposal, budget: { ...proposal.budget, total: -1 } }).success).toBe(
      false,
    );
  });
});
