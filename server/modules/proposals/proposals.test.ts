import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { client, createHarness, expectProblem, type THarness } from '../../test/harness';
import {
  attachDocuments,
  BEFORE_REGISTRATION,
  createDraft,
  draftPayload,
  FULL_DOSSIER,
  setUpWorld,
  type TWorld,
} from './test-fixtures';

let h: THarness;
let w: TWorld;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
});
afterAll(() => h?.close());

describe('creating proposals', () => {
  it('a Sở officer creates a draft for its extension centre: code, status, abilities, audit', async () => {
    const response = await w.laoCaiOfficer!.post('/api/v1/proposals', draftPayload(await h.orgId('ttkc-15')));
    expect(response.statusCode).toBe(201);
    const p = response.json();
    expect(p).toMatchObject({
      code: 'KCQG-2026-15-0001',
      status: 'draft',
      provinceCode: '15',
      implementingOrganizationName: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Lào Cai',
      registersDirectly: false,
      budget: { total: 2_000_000_000, requested: 600_000_000, counterpart: 1_400_000_000, other: 0 },
      lockVersion: 1,
      abilities: { edit: true, delete: true, register: false, submit: false, baseAppraise: false },
      deadlines: { registration: { deadline: '2025-06-20T16:59:59.999Z', extended: false, isOpen: true } },
    });
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, p.id))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(['proposal.created']);
    expect(audit[0]?.provinceCode).toBe('15');
  });

  it('numbers per province and year, and concurrent creations never collide', async () => {
    const org = await h.orgId('so-ct-24');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.bacNinhOfficer!.post('/api/v1/proposals', draftPayload(org, { title: `Đề án số ${i + 1}` })),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const codes = responses.map((r) => r.json().code).sort();
    expect(codes).toEqual(
      Array.from({ length: 8 }, (_, i) => `KCQG-2026-24-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('a regional centre proposes for itself, naming the province where the project runs', async () => {
    const org = await h.orgId('ttkc-vung-1');
    const missing = await w.region!.post('/api/v1/proposals', draftPayload(org));
    expectProblem(missing, 400, 'validation_failed');
    const response = await w.region!.post('/api/v1/proposals', draftPayload(org, { provinceCode: '15' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      registersDirectly: true,
      provinceCode: '15',
      code: 'KCQG-2026-15-0002',
    });
    expect(response.json().abilities).toMatchObject({ edit: true, register: true });
  });

  it('refuses organisations outside the caller’s side, unknown orientations, bad typed fields', async () => {
    const otherProvince = await w.laoCaiOfficer!.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('ttkc-24')),
    );
    expect(JSON.stringify(expectProblem(otherProvince, 400, 'validation_failed'))).toBeTruthy();
    const notOwnUnit = await w.laoCaiCentre!.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('so-ct-15')),
    );
    expectProblem(notOwnUnit, 400, 'validation_failed');
    const badOrientation = await w.laoCaiOfficer!.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('ttkc-15'), { orientations: ['space-travel'] }),
    );
    expect(expectProblem(badOrientation, 400, 'validation_failed')).toMatchObject({});
    expect(badOrientation.json().errors[0].path).toBe('orientations');
    expect(badOrientation.json().errors[0].message).toBe(
      'Định hướng "space-travel" không có trong kỳ kế hoạch.',
    );
    const english = client(h.app, { ...w.laoCaiOfficer!.auth, lang: 'en' });
    const inEnglish = await english.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('ttkc-15'), { orientations: ['space-travel'] }),
    );
    expect(inEnglish.json().errors[0].message).toBe('Orientation "space-travel" is not in the cycle.');
    const badFields = await w.laoCaiOfficer!.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('ttkc-15'), {
        activityType: 'machinery',
        fields: { items: [{ name: 'Máy sao chè', price: -5, quotations: 3 }], isTechnologyLine: 'yes' },
      }),
    );
    expectProblem(badFields, 400, 'validation_failed');
    expect(
      badFields
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['fields.isTechnologyLine', 'fields.items.0.price']);
  });

  it('a draft may leave typed fields out while it is being written', async () => {
    const response = await w.laoCaiOfficer!.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('ttkc-15'), { activityType: 'machinery', fields: { items: [] } }),
    );
    expect(response.statusCode).toBe(201);
  });

  it('agency and audit roles cannot create proposals', async () => {
    const body = draftPayload(await h.orgId('ttkc-15'));
    for (const who of ['admin', 'agencyOfficer', 'agencyLeader', 'auditor', 'appraiser']) {
      expectProblem(await w[who]!.post('/api/v1/proposals', body), 403, 'forbidden');
    }
  });

  it('refuses a plan year without an open cycle', async () => {
    const response = await w.laoCaiOfficer!.post(
      '/api/v1/proposals',
      draftPayload(await h.orgId('ttkc-15'), { planYear: 2031 }),
    );
    expect(expectProblem(response, 400, 'validation_failed')).toBeTruthy();
    expect(response.json().errors[0].path).toBe('planYear');
  });
});

describe('editing and deleting', () => {
  it('edits with the lockVersion read; a stale one is 409 conflict; the change is audited', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const first = await w.laoCaiOfficer!.patch(`/api/v1/proposals/${p.id}`, {
      lockVersion: 1,
      title: 'Mô hình chế biến chè xanh chất lượng cao',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ lockVersion: 2, title: 'Mô hình chế biến chè xanh chất lượng cao' });
    const stale = await w.laoCaiCentre!.patch(`/api/v1/proposals/${p.id}`, { lockVersion: 1, title: 'Khác' });
    expectProblem(stale, 409, 'conflict');
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, p.id))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(['proposal.created', 'proposal.updated']);
    expect(audit[1]?.before).toEqual({ title: 'Mô hình trình diễn kỹ thuật chế biến chè Shan tuyết' });
    expect(audit[1]?.after).toEqual({ title: 'Mô hình chế biến chè xanh chất lượng cao' });
  });

  it('deletes a draft (audited); a registered proposal is 409 invalid_transition', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const response = await w.laoCaiCentre!.delete(`/api/v1/proposals/${p.id}`);
    expect(response.statusCode).toBe(204);
    expectProblem(await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}`), 404, 'not_found');
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, p.id))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(['proposal.created', 'proposal.deleted']);

    const q = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const registered = await w.laoCaiLeader!.post('/api/v1/registrations', {
      planYear: 2026,
      proposalIds: [q.id],
      letterNumber: '12/SCT-QLCN',
      letterDate: '2025-05-05',
    });
    expect(registered.statusCode).toBe(201);
    expectProblem(await w.laoCaiOfficer!.delete(`/api/v1/proposals/${q.id}`), 409, 'invalid_transition');
  });
});

describe('listing and searching', () => {
  it('lists within scope with filters; search ignores Vietnamese marks', async () => {
    const a = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', {
      title: 'Ứng dụng máy sấy nông sản',
      activityType: 'demonstration_model',
      orientations: ['high-tech'],
      beneficiary: { name: 'Công ty TNHH Đặc sản Sa Pa', kind: 'sme' },
    });
    const bySearch = (await w.laoCaiOfficer!.get('/api/v1/proposals?q=may say nong san')).json();
    expect(bySearch.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
    const byBeneficiary = (await w.laoCaiOfficer!.get('/api/v1/proposals?q=dac san sa pa')).json();
    expect(byBeneficiary.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
    const byCode = (await w.laoCaiOfficer!.get(`/api/v1/proposals?q=${a.code}`)).json();
    expect(byCode.total).toBe(1);
    const byOrientation = (await w.laoCaiOfficer!.get('/api/v1/proposals?orientation=high-tech')).json();
    expect(byOrientation.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect(byOrientation.items[0].abilities).toMatchObject({ edit: true });

    const laoCai = (await w.laoCaiOfficer!.get('/api/v1/proposals?pageSize=500')).json();
    expect(new Set(laoCai.items.map((p: { provinceCode: string }) => p.provinceCode))).toEqual(
      new Set(['15']),
    );
    const bacNinhForLaoCai = (await w.laoCaiOfficer!.get('/api/v1/proposals?provinceCode=24')).json();
    expect(bacNinhForLaoCai.total).toBe(0);
    const everything = (await w.agencyOfficer!.get('/api/v1/proposals?pageSize=500')).json();
    expect(new Set(everything.items.map((p: { provinceCode: string }) => p.provinceCode))).toEqual(
      new Set(['15', '24']),
    );
    const drafts = (await w.agencyOfficer!.get('/api/v1/proposals?status=draft,registered&sort=code')).json();
    expect(drafts.items[0].code < drafts.items[1].code).toBe(true);
    expectProblem(await w.agencyOfficer!.get('/api/v1/proposals?status=bogus'), 400, 'validation_failed');
  });

  it('a unit sees only its own organisation’s proposals; an appraiser none yet', async () => {
    const unit = (await w.laoCaiCentre!.get('/api/v1/proposals?pageSize=500')).json();
    expect(unit.total).toBeGreaterThan(0);
    const orgId = await h.orgId('ttkc-15');
    expect(
      unit.items.every((p: { implementingOrganizationId: string }) => p.implementingOrganizationId === orgId),
    ).toBe(true);
    expect((await w.appraiser!.get('/api/v1/proposals')).json().total).toBe(0);
  });

  it('counts by status within scope', async () => {
    const counts = (await w.bacNinhOfficer!.get('/api/v1/proposals/status-counts?planYear=2026')).json();
    expect(counts).toEqual({ total: 8, byStatus: [{ status: 'draft', count: 8 }] });
  });
});

describe('the rule check', () => {
  it('finds the cap error in Vietnamese, and in English on request; documents count once attached', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', {
      budget: { total: 2_000_000_000, requested: 800_000_000, counterpart: 1_200_000_000, other: 0 },
    });
    const vi = (await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}/checks`)).json();
    const cap = vi.findings.find((f: { code: string }) => f.code === 'cap_exceeded');
    expect(cap).toMatchObject({ severity: 'error', path: 'budget.requested' });
    expect(cap.message).toContain('600.000.000');
    expect(vi.maxSupport.amount).toBe(600_000_000);
    expect(vi.findings.filter((f: { code: string }) => f.code === 'missing_document')).toHaveLength(5);

    const english = client(h.app, { ...w.laoCaiOfficer!.auth, lang: 'en' });
    const en = (await english.get(`/api/v1/proposals/${p.id}/checks`)).json();
    expect(en.findings.find((f: { code: string }) => f.code === 'cap_exceeded').message).toMatch(
      /exceeds|cap/i,
    );

    await attachDocuments(h, p.id, FULL_DOSSIER);
    const after = (await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}/checks`)).json();
    expect(after.findings.filter((f: { code: string }) => f.code === 'missing_document')).toEqual([]);
  });

  it('a pilot project is asked for the registration form instead of the full dossier', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { isPilot: true });
    const checks = (await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}/checks`)).json();
    const missing = checks.findings
      .filter((f: { code: string }) => f.code === 'missing_document')
      .map((f: { params: { kind: string } }) => f.params.kind);
    expect(missing).toEqual(['pilot_registration_form']);
  });

  it('another province’s proposal has no checks for you (404)', async () => {
    const p = await createDraft(h, w.bacNinhOfficer!, 'so-ct-24');
    expectProblem(await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}/checks`), 404, 'not_found');
  });
});
