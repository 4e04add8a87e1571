import type { TClient, THarness } from '../../test/harness';
import { tokenClient } from '../../test/workflow-support';
import { attachDocuments, createDraft, FULL_DOSSIER, type TWorld } from '../proposals/test-fixtures';

/** The appraisal tests' extra people: two council members, one from Lào Cai's Sở, one agency officer. */
export const APPRAISERS = [
  { key: 'td1', email: 'td1@cuc.vn', orgKey: 'agency', name: 'Nguyễn Thẩm Định Một' },
  { key: 'td2', email: 'td2@cuc.vn', orgKey: 'agency', name: 'Trần Thẩm Định Hai' },
  { key: 'tdLaoCai', email: 'td@laocai.vn', orgKey: 'so-ct-15', name: 'Lê Thẩm Định Lào Cai' },
] as const;

export async function addAppraisers(h: THarness, w: TWorld): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const a of APPRAISERS) {
    const user = await h.addUser({ email: a.email, orgKey: a.orgKey, roles: ['appraiser'], name: a.name });
    ids[a.key] = user;
    w[a.key] = await tokenClient(h, a.email);
  }
  return ids;
}

const SIDE = {
  laoCai: { officer: 'laoCaiOfficer', leader: 'laoCaiLeader', orgKey: 'ttkc-15' },
  bacNinh: { officer: 'bacNinhOfficer', leader: 'bacNinhLeader', orgKey: 'ttkc-24' },
} as const;

/** A proposal of one province taken through registration, base appraisal and submission. */
export async function submittedProposal(
  h: THarness,
  w: TWorld,
  side: keyof typeof SIDE,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  const s = SIDE[side];
  const p = await createDraft(h, w[s.officer]!, s.orgKey, overrides);
  const ok = (r: { statusCode: number; body: string }, what: string) => {
    if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  };
  ok(
    await w[s.leader]!.post('/api/v1/registrations', {
      planYear: 2026,
      proposalIds: [p.id],
      letterNumber: '1/SCT',
      letterDate: '2025-05-05',
    }),
    'register',
  );
  await attachDocuments(
    h,
    p.id,
    overrides.isPilot ? [...FULL_DOSSIER, 'pilot_registration_form'] : FULL_DOSSIER,
  );
  ok(await w[s.officer]!.post(`/api/v1/proposals/${p.id}/base-appraisal`, { result: 'pass' }), 'base');
  ok(await w[s.leader]!.post(`/api/v1/proposals/${p.id}/submit`), 'submit');
  return { id: p.id, code: p.code };
}

/** A complete appraisal body: every criterion of the 2026 set passes. */
export function fullAppraisal(
  criteria: readonly { code: string }[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    conflictOfInterest: false,
    criteria: criteria.map((c) => ({ code: c.code, pass: true, comment: 'Đạt yêu cầu' })),
    score: 85,
    recommendation: 'recommended',
    recommendedFunding: 500_000_000,
    ...overrides,
  };
}

export type { TClient };

/**
 * Takes submitted proposals through the agency: accepted, appraised by one council member (who
 * submits), and recommended with the given funding. The clock must already be past submission.
 */
export async function recommend(
  w: TWorld,
  appraiser: { key: string; userId: string },
  items: readonly { id: string; funding: number }[],
): Promise<void> {
  const ok = (r: { statusCode: number; body: string }, what: string) => {
    if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  };
  ok(
    await w.agencyOfficer!.post('/api/v1/appraisal/accept', { proposalIds: items.map((i) => i.id) }),
    'accept',
  );
  for (const item of items) {
    const assigned = await w.agencyOfficer!.post(`/api/v1/proposals/${item.id}/appraisal-assignments`, {
      userIds: [appraiser.userId],
    });
    ok(assigned, 'assign');
    const criteria = assigned.json().criteria as { code: string }[];
    ok(
      await w[appraiser.key]!.put(
        `/api/v1/proposals/${item.id}/appraisals/mine`,
        fullAppraisal(criteria, { recommendedFunding: item.funding, submit: true }),
      ),
      'appraise',
    );
    ok(
      await w.agencyOfficer!.post(`/api/v1/proposals/${item.id}/decision`, {
        result: 'recommended',
        approvedFunding: item.funding,
      }),
      'decide',
    );
  }
}
