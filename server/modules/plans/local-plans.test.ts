import { and, eq, inArray, notInArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_REGULATION_SETS } from '../../../domain/regulation';
import { auditEvents, plans, proposals } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { addTokenUser } from '../../test/workflow-support';
import {
  attachDocuments,
  createDraft,
  FULL_DOSSIER,
  ORIENTATIONS,
  setUpWorld,
  type TWorld,
} from '../proposals/test-fixtures';
import { seedRegulationSets } from '../regulations';

/**
 * Issue #7, local plans (KCĐP) from the cycle to the People's Committee's approval, through HTTP: the Sở
 * of Bắc Ninh opens its local cycle, its centre and the Sở propose (codes KCĐP-2026-24-…), the Sở
 * registers, base-appraises, takes them into appraisal and decides within the local set's caps, the
 * leader of UBND tỉnh Bắc Ninh approves the plan. Other provinces do not see it (404); the agency reads
 * but does not act (403); a Sở leader cannot approve (403).
 */

let h: THarness;
let w: TWorld;
const ids: { a: string; b: string } = { a: '', b: '' };

const ok = (r: { statusCode: number; body: string }, status: number, what: string) =>
  expect(r.statusCode, `${what}: ${r.body}`).toBe(status);

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  await seedRegulationSets(h.db, LOCAL_REGULATION_SETS);
  w.ubndBacNinh = await addTokenUser(h, {
    email: 'ct@ubnd.bacninh.vn',
    orgKey: 'ubnd-24',
    roles: ['province_leader'],
  });
  w.ubndLaoCai = await addTokenUser(h, {
    email: 'ct@ubnd.laocai.vn',
    orgKey: 'ubnd-15',
    roles: ['province_leader'],
  });
});
afterAll(() => h?.close());

const localCycle = {
  planYear: 2026,
  programme: 'local',
  provinceCode: '24',
  status: 'open',
  budgetEnvelope: 1_000_000_000,
  registrationDeadline: '2025-07-15',
  dossierDeadline: '2025-10-15',
  orientations: ORIENTATIONS,
};

describe('the local cycle', () => {
  it('refuses a local cycle without a province, a national one with a province, another province’s Sở and a unit', async () => {
    const { provinceCode: _p, ...noProvince } = localCycle;
    expectProblem(await w.bacNinhOfficer!.post('/api/v1/cycles', noProvince), 400, 'validation_failed');
    expectProblem(
      await w.admin!.post('/api/v1/cycles', { ...localCycle, programme: 'national', planYear: 2031 }),
      400,
      'validation_failed',
    );
    expectProblem(await w.laoCaiOfficer!.post('/api/v1/cycles', localCycle), 403, 'forbidden');
    expectProblem(await w.bacNinhCentre!.post('/api/v1/cycles', localCycle), 403, 'forbidden');
    expectProblem(await w.ubndBacNinh!.post('/api/v1/cycles', localCycle), 403, 'forbidden');
    // The Sở may not open a national cycle.
    expectProblem(await w.bacNinhOfficer!.post('/api/v1/cycles', { planYear: 2032 }), 403, 'forbidden');
    // A national set is not a local one.
    const national = (await w.admin!.get('/api/v1/regulation-sets?code=national-2026')).json().items[0];
    expectProblem(
      await w.bacNinhOfficer!.post('/api/v1/cycles', { ...localCycle, regulationSetId: national.id }),
      400,
      'validation_failed',
    );
    expect((await w.bacNinhOfficer!.get('/api/v1/cycles?programme=local')).json().total).toBe(0);
  });

  it('the Sở opens it under its province’s local set, with its own deadlines; once', async () => {
    const created = await w.bacNinhOfficer!.post('/api/v1/cycles', localCycle);
    ok(created, 201, 'create');
    expect(created.json()).toMatchObject({
      programme: 'local',
      provinceCode: '24',
      planYear: 2026,
      budgetEnvelope: 1_000_000_000,
      registrationDeadline: '2025-07-15T16:59:59.999Z',
    });
    expect(created.json().regulationSetName).toContain('Khuyến công địa phương');
    expectProblem(await w.bacNinhLeader!.post('/api/v1/cycles', localCycle), 409, 'conflict');
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cycle.created'), eq(auditEvents.provinceCode, '24')));
    expect(event).toBeDefined();
  });

  it('province users see their own local cycles and the national ones; the agency all', async () => {
    const list = async (as: keyof TWorld, q = '') =>
      (
        (await w[as]!.get(`/api/v1/cycles${q}`)).json().items as {
          programme: string;
          provinceCode: string | null;
        }[]
      ).map((c) => `${c.programme}:${c.provinceCode ?? '-'}`);
    expect(await list('bacNinhCentre')).toEqual(['national:-', 'local:24']);
    expect(await list('ubndBacNinh')).toEqual(['national:-', 'local:24']);
    expect(await list('laoCaiOfficer')).toEqual(['national:-']);
    expect(await list('agencyOfficer')).toEqual(['national:-', 'local:24']);
    expect(await list('agencyOfficer', '?programme=local&provinceCode=24')).toEqual(['local:24']);
    ok(await w.bacNinhCentre!.get('/api/v1/cycles/2026?provinceCode=24'), 200, 'centre reads');
    expectProblem(await w.laoCaiOfficer!.get('/api/v1/cycles/2026?provinceCode=24'), 404, 'not_found');
  });
});

describe('changing the local cycle', () => {
  it('its Sở moves its deadlines (audited under the province); the national cycle stays; others may not', async () => {
    const nationalBefore = (await w.admin!.get('/api/v1/cycles/2026')).json();
    expect(nationalBefore.mayEdit).toBe(true);
    expect((await w.bacNinhOfficer!.get('/api/v1/cycles/2026')).json().mayEdit).toBe(false);
    expect((await w.bacNinhOfficer!.get('/api/v1/cycles/2026?provinceCode=24')).json().mayEdit).toBe(true);
    expect((await w.ubndBacNinh!.get('/api/v1/cycles/2026?provinceCode=24')).json().mayEdit).toBe(false);
    expect((await w.agencyOfficer!.get('/api/v1/cycles/2026?provinceCode=24')).json().mayEdit).toBe(false);

    const url = '/api/v1/cycles/2026?provinceCode=24';
    // The registration deadline after the dossier deadline: refused whole.
    expectProblem(
      await w.bacNinhOfficer!.patch(url, { registrationDeadline: '2025-11-01', guidanceLetter: null }),
      400,
      'validation_failed',
    );
    expectProblem(
      await w.laoCaiOfficer!.patch(url, { registrationDeadline: '2025-07-31' }),
      404,
      'not_found',
    );
    expectProblem(
      await w.bacNinhCentre!.patch(url, { registrationDeadline: '2025-07-31' }),
      403,
      'forbidden',
    );
    expectProblem(await w.ubndBacNinh!.patch(url, { registrationDeadline: '2025-07-31' }), 403, 'forbidden');
    expectProblem(
      await w.agencyOfficer!.patch(url, { registrationDeadline: '2025-07-31' }),
      403,
      'forbidden',
    );
    // A Sở does not change the national cycle, with or without a province named.
    expectProblem(
      await w.bacNinhOfficer!.patch('/api/v1/cycles/2026', { budgetEnvelope: 1 }),
      403,
      'forbidden',
    );
    const unchanged = (await w.bacNinhCentre!.get(url)).json();
    expect(unchanged.registrationDeadline).toBe('2025-07-15T16:59:59.999Z');

    const changed = await w.bacNinhOfficer!.patch(url, {
      registrationDeadline: '2025-07-31',
      guidanceLetter: { number: '45/SCT-QLCN', date: '2025-05-02' },
    });
    ok(changed, 200, 'the Sở moves the deadline');
    expect(changed.json()).toMatchObject({
      programme: 'local',
      provinceCode: '24',
      registrationDeadline: '2025-07-31T16:59:59.999Z',
      dossierDeadline: '2025-10-15T16:59:59.999Z',
      guidanceLetter: { number: '45/SCT-QLCN', date: '2025-05-02' },
      mayEdit: true,
    });
    // Everyone in the province reads the new deadline; the national cycle is as it was.
    expect((await w.bacNinhCentre!.get(url)).json().myDeadlines.registration.deadline).toBe(
      '2025-07-31T16:59:59.999Z',
    );
    const nationalAfter = (await w.admin!.get('/api/v1/cycles/2026')).json();
    expect(nationalAfter.registrationDeadline).toBe(nationalBefore.registrationDeadline);
    expect(nationalAfter.updatedAt).toBe(nationalBefore.updatedAt);
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cycle.updated'), eq(auditEvents.entityId, changed.json().id)));
    expect(events).toHaveLength(1);
    expect(events[0]!.provinceCode).toBe('24');
    // The administrator may change it too.
    ok(await w.admin!.patch(url, { budgetEnvelope: localCycle.budgetEnvelope }), 200, 'the administrator');
  });
});

describe('local proposals through the Sở’s appraisal', () => {
  it('are numbered KCĐP-2026-24-…, apart from the national counter', async () => {
    const a = await createDraft(h, w.bacNinhCentre!, 'ttkc-24', {
      programme: 'local',
      title: 'Mô hình trình diễn gốm Phù Lãng',
    });
    const b = await createDraft(h, w.bacNinhOfficer!, 'ttkc-24', {
      programme: 'local',
      title: 'Mô hình trình diễn đúc đồng Đại Bái',
      budget: { total: 4_000_000_000, requested: 900_000_000, counterpart: 3_100_000_000, other: 0 },
    });
    const n = await createDraft(h, w.bacNinhOfficer!, 'ttkc-24');
    expect([a.code, b.code, n.code]).toEqual(['KCĐP-2026-24-0001', 'KCĐP-2026-24-0002', 'KCQG-2026-24-0001']);
    ids.a = a.id;
    ids.b = b.id;
    const seen = (await w.bacNinhOfficer!.get(`/api/v1/proposals/${a.id}`)).json();
    expect(seen).toMatchObject({ programme: 'local' });
    // Lào Cai's Sở cannot propose into Bắc Ninh's cycle, nor see its proposals.
    expectProblem(await w.laoCaiOfficer!.get(`/api/v1/proposals/${a.id}`), 404, 'not_found');
    const listed = (await w.bacNinhOfficer!.get('/api/v1/proposals?programme=local')).json();
    expect(listed.total).toBe(2);
  });

  it('the Sở registers, base-appraises, accepts into appraisal; no submission to the agency', async () => {
    ok(
      await w.bacNinhLeader!.post('/api/v1/registrations', {
        planYear: 2026,
        programme: 'local',
        proposalIds: [ids.a, ids.b],
        letterNumber: '12/SCT-KCĐP',
        letterDate: '2025-05-05',
      }),
      201,
      'register',
    );
    for (const id of [ids.a, ids.b]) {
      await attachDocuments(h, id, FULL_DOSSIER);
      ok(
        await w.bacNinhOfficer!.post(`/api/v1/proposals/${id}/base-appraisal`, { result: 'pass' }),
        200,
        'base',
      );
    }
    const seen = (await w.bacNinhLeader!.get(`/api/v1/proposals/${ids.a}`)).json();
    expect(seen.abilities).toMatchObject({ submit: false, acceptIntoAppraisal: true });
    expectProblem(await w.bacNinhLeader!.post(`/api/v1/proposals/${ids.a}/submit`), 403, 'forbidden');
    // The agency does not act on local proposals; another province does not see them.
    expectProblem(
      await w.agencyOfficer!.post('/api/v1/appraisal/accept', { proposalIds: [ids.a] }),
      403,
      'forbidden',
    );
    expectProblem(
      await w.laoCaiOfficer!.post('/api/v1/local-appraisal/accept', { proposalIds: [ids.a] }),
      404,
      'not_found',
    );
    expectProblem(
      await w.bacNinhCentre!.post('/api/v1/local-appraisal/accept', { proposalIds: [ids.a] }),
      403,
      'forbidden',
    );
    const accepted = await w.bacNinhOfficer!.post('/api/v1/local-appraisal/accept', {
      proposalIds: [ids.a, ids.b],
    });
    ok(accepted, 200, 'accept');
    expect(accepted.json().accepted).toHaveLength(2);
  });

  it('the Sở decides within the local set’s caps; the agency may not', async () => {
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${ids.a}/decision`, {
        result: 'recommended',
        approvedFunding: 500_000_000,
      }),
      403,
      'forbidden',
    );
    // Nationally 1,000,000,000 ₫ would fit (30 % of 4 billion, cap 1 billion); Bắc Ninh's local cap is 700,000,000 ₫.
    expectProblem(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${ids.b}/local-decision`, {
        result: 'recommended',
        approvedFunding: 800_000_000,
      }),
      422,
      'cap_exceeded',
    );
    ok(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${ids.b}/local-decision`, {
        result: 'recommended',
        approvedFunding: 700_000_000,
      }),
      200,
      'decide b',
    );
    ok(
      await w.bacNinhLeader!.post(`/api/v1/proposals/${ids.a}/local-decision`, {
        result: 'recommended',
        approvedFunding: 250_000_000,
      }),
      200,
      'decide a',
    );
    const [a] = await h.db.select().from(proposals).where(eq(proposals.id, ids.a));
    expect(a).toMatchObject({ status: 'recommended', approvedFunding: 250_000_000 });
  });
});

describe('the local plan', () => {
  it('is ranked against the local envelope; seen by the province and the agency, not by another province', async () => {
    const plan = (await w.bacNinhOfficer!.get('/api/v1/local-plans/24/2026')).json();
    expect(plan).toMatchObject({
      programme: 'local',
      provinceCode: '24',
      status: 'draft',
      budgetEnvelope: 1_000_000_000,
      totals: { count: 2, approvedFunding: 950_000_000 },
      headroom: 50_000_000,
      canApprove: false,
    });
    expect((await w.ubndBacNinh!.get('/api/v1/local-plans/24/2026')).json().canApprove).toBe(true);
    expect((await w.agencyLeader!.get('/api/v1/local-plans/24/2026')).json().canApprove).toBe(false);
    expectProblem(await w.laoCaiOfficer!.get('/api/v1/local-plans/24/2026'), 404, 'not_found');
    expectProblem(await w.ubndLaoCai!.get('/api/v1/local-plans/24/2026'), 404, 'not_found');
    // The national plan does not hold local proposals.
    const national = (await w.agencyLeader!.get('/api/v1/plans/2026')).json();
    expect(national.items.map((i: { proposalId: string }) => i.proposalId)).not.toContain(ids.a);
  });

  it('only a leader of the province’s People’s Committee approves it', async () => {
    const body = { decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-05-05' };
    expectProblem(await w.bacNinhLeader!.post('/api/v1/local-plans/24/2026/approve', body), 403, 'forbidden');
    expectProblem(
      await w.bacNinhOfficer!.post('/api/v1/local-plans/24/2026/approve', body),
      403,
      'forbidden',
    );
    expectProblem(await w.agencyLeader!.post('/api/v1/local-plans/24/2026/approve', body), 403, 'forbidden');
    expectProblem(await w.ubndLaoCai!.post('/api/v1/local-plans/24/2026/approve', body), 404, 'not_found');
    expectProblem(
      await w.ubndBacNinh!.post('/api/v1/local-plans/24/2026/approve', {
        ...body,
        decisionDate: '2025-05-06',
      }),
      400,
      'validation_failed',
    );
    expect(await h.db.select().from(plans)).toHaveLength(0);

    const approved = await w.ubndBacNinh!.post('/api/v1/local-plans/24/2026/approve', body);
    ok(approved, 200, 'approve');
    expect(approved.json()).toMatchObject({
      status: 'approved',
      version: 1,
      approved: { decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-05-05' },
    });
    const rows = await h.db.select().from(proposals).where(eq(proposals.programme, 'local'));
    expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'approved']);
    const [event] = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'plan.approved'));
    expect(event).toMatchObject({ provinceCode: '24' });
    expect(event?.after).toMatchObject({
      programme: 'local',
      decisionNumber: '1234/QĐ-UBND',
      totalFunding: 950_000_000,
    });
    // Unchanged since: nothing to approve again.
    expectProblem(
      await w.ubndBacNinh!.post('/api/v1/local-plans/24/2026/approve', body),
      409,
      'invalid_transition',
    );
    const seen = (await w.bacNinhCentre!.get(`/api/v1/proposals/${ids.a}`)).json();
    expect(seen.status).toBe('approved');
  });

  it('exports the plan table and the annex as the UBND’s', async () => {
    const xlsx = await w.bacNinhOfficer!.get('/api/v1/local-plans/24/2026/export.xlsx');
    ok(xlsx, 200, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const text: string[] = [];
    sheet.eachRow((row) => text.push(row.values?.toString() ?? ''));
    expect(text.join('\n')).toContain('KHUYẾN CÔNG ĐỊA PHƯƠNG');
    expect(text.join('\n')).toContain('KCĐP-2026-24-0001');
    const docx = await w.agencyOfficer!.get('/api/v1/local-plans/24/2026/export.docx');
    ok(docx, 200, 'docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expectProblem(await w.laoCaiOfficer!.get('/api/v1/local-plans/24/2026/export.xlsx'), 404, 'not_found');
  });
});

describe('a local project after the approval: the Sở pays, accepts and settles; the agency does not', () => {
  it('contract, monthly report, advance, acceptance, settlement with the refund and closing by the Sở', async () => {
    const A = ids.a;
    h.clock.set('2026-03-20T02:00:00Z');
    ok(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/contract`, {
        number: 'HĐ-01/2026/KCĐP',
        signedOn: '2026-03-02',
        value: 250_000_000,
        selectionMethod: 'selection',
      }),
      200,
      'contract',
    );
    const report = { month: '2026-03', volumePercent: 75, moneySpent: 100_000_000, problems: '' };
    ok(await w.bacNinhCentre!.post(`/api/v1/proposals/${A}/progress-reports`, report), 200, 'report');

    // The provincial budget pays a local project: the Sở records the advance, not the agency.
    const advance = { amount: 50_000_000, paidOn: '2026-03-20' };
    const byAgency = (await w.agencyOfficer!.get(`/api/v1/proposals/${A}/implementation`)).json();
    expect(byAgency.abilities).toMatchObject({ advance: false, settle: false });
    expectProblem(await w.agencyOfficer!.post(`/api/v1/proposals/${A}/advances`, advance), 403, 'forbidden');
    expectProblem(await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/advances`, advance), 404, 'not_found');
    expectProblem(await w.bacNinhCentre!.post(`/api/v1/proposals/${A}/advances`, advance), 403, 'forbidden');
    const bySo = (await w.bacNinhOfficer!.get(`/api/v1/proposals/${A}/implementation`)).json();
    expect(bySo.abilities).toMatchObject({ advance: true });
    ok(await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/advances`, advance), 200, 'advance');
    // 70 % of 250,000,000 ₫ before acceptance, as nationally.
    expectProblem(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/advances`, { ...advance, amount: 130_000_000 }),
      422,
      'advance_limit_exceeded',
    );

    h.clock.set('2026-10-06T02:00:00Z');
    ok(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/acceptance`, {
        minutesNumber: 'BB-01/NT-KCĐP',
        result: 'passed',
        acceptedOn: '2026-10-05',
      }),
      200,
      'acceptance',
    );
    h.clock.set('2026-10-20T02:00:00Z');
    const settlement = { settledAmount: 40_000_000, settledOn: '2026-10-20' };
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${A}/settlement`, settlement),
      403,
      'forbidden',
    );
    const settled = await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/settlement`, settlement);
    ok(settled, 200, 'settlement');
    expect(settled.json()).toMatchObject({
      status: 'settled',
      settlement: {
        settledAmount: 40_000_000,
        advancedTotal: 50_000_000,
        refundAmount: 10_000_000,
        late: false,
      },
    });
    expectProblem(await w.agencyOfficer!.post(`/api/v1/proposals/${A}/close`, {}), 403, 'forbidden');
    ok(await w.bacNinhLeader!.post(`/api/v1/proposals/${A}/close`, {}), 200, 'close');
    const [row] = await h.db.select().from(proposals).where(eq(proposals.id, A));
    expect(row?.status).toBe('closed');
    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, A));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['advance.recorded', 'proposal.settled', 'proposal.closed']),
    );
  });
});

describe('the local regulation set', () => {
  it('a province without one gets its first local set from the template when its Sở opens a local cycle', async () => {
    const created = await w.laoCaiLeader!.post('/api/v1/cycles', { ...localCycle, provinceCode: '15' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().regulationSetName).toContain('Lào Cai');
    const sets = (await w.laoCaiOfficer!.get('/api/v1/regulation-sets?programme=local')).json();
    expect(sets.items.map((s: { code: string }) => s.code).sort()).toEqual([
      'local-15-2026',
      'local-24-2026',
    ]);
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'regulation_set.published'), eq(auditEvents.provinceCode, '15')));
    expect(event?.after).toMatchObject({ code: 'local-15-2026', template: true });
  });

  it('its province’s staff publish new versions of it; not of another province’s, nor of the national one', async () => {
    const local = (await w.bacNinhOfficer!.get('/api/v1/regulation-sets?code=local-24-2026')).json().items[0];
    const national = (await w.bacNinhOfficer!.get('/api/v1/regulation-sets?code=national-2026')).json()
      .items[0];
    const bodyOf = async (id: string) => (await w.admin!.get(`/api/v1/regulation-sets/${id}`)).json().body;
    const body = await bodyOf(local.id);
    expectProblem(
      await w.laoCaiOfficer!.post('/api/v1/regulation-sets', { basedOnId: local.id, body, note: 'x' }),
      403,
      'forbidden',
    );
    expectProblem(
      await w.bacNinhOfficer!.post('/api/v1/regulation-sets', {
        basedOnId: national.id,
        body: await bodyOf(national.id),
        note: 'x',
      }),
      403,
      'forbidden',
    );
    const published = await w.bacNinhLeader!.post('/api/v1/regulation-sets', {
      basedOnId: local.id,
      body,
      note: 'Theo Quyết định của UBND tỉnh',
    });
    ok(published, 201, 'publish');
  });
});

describe('copying last year’s table', () => {
  it('the Sở copies its local proposals into its next local cycle as KCĐP drafts; a national copy leaves them out', async () => {
    const local2027 = await w.bacNinhOfficer!.post('/api/v1/cycles', {
      ...localCycle,
      planYear: 2027,
      registrationDeadline: '2026-07-15',
      dossierDeadline: '2026-10-15',
    });
    ok(local2027, 201, 'the 2027 local cycle');
    ok(
      await w.admin!.post('/api/v1/cycles', { planYear: 2027, status: 'open', orientations: ORIENTATIONS }),
      201,
      'the 2027 national cycle',
    );
    // What each copy must take, computed apart: Bắc Ninh's 2026 proposals of the programme, not dropped.
    const sources = async (programme: string) =>
      (
        await h.db
          .select({ code: proposals.code })
          .from(proposals)
          .where(
            and(
              eq(proposals.planYear, 2026),
              eq(proposals.programme, programme),
              eq(proposals.provinceCode, '24'),
              notInArray(proposals.status, ['withdrawn', 'rejected', 'not_recommended', 'stopped']),
            ),
          )
      ).length;
    const localSources = await sources('local');
    expect(localSources).toBeGreaterThan(0);

    // Lào Cai has no 2027 local cycle: nothing is copied.
    expectProblem(
      await w.laoCaiOfficer!.post('/api/v1/proposals/copy', {
        fromPlanYear: 2026,
        toPlanYear: 2027,
        programme: 'local',
      }),
      400,
      'validation_failed',
    );

    const local = await w.bacNinhOfficer!.post('/api/v1/proposals/copy', {
      fromPlanYear: 2026,
      toPlanYear: 2027,
      programme: 'local',
    });
    ok(local, 201, 'the local copy');
    expect(local.json().created).toBe(localSources);
    for (const code of local.json().codes) expect(code).toMatch(/^KCĐP-2027-24-\d{4}$/);
    const copied = await h.db
      .select()
      .from(proposals)
      .where(inArray(proposals.code, local.json().codes as string[]));
    expect(copied).toHaveLength(localSources);
    for (const p of copied) {
      expect([p.programme, p.cycleId, p.status]).toEqual(['local', local2027.json().id, 'draft']);
    }

    const national = await w.bacNinhOfficer!.post('/api/v1/proposals/copy', {
      fromPlanYear: 2026,
      toPlanYear: 2027,
    });
    ok(national, 201, 'the national copy');
    expect(national.json().created).toBe(await sources('national'));
    for (const code of national.json().codes) expect(code).toMatch(/^KCQG-2027-24-\d{4}$/);
  });
});
