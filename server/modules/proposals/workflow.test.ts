import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvents,
  mailOutbox,
  proposalDocuments,
  proposalTransitions,
  registrations,
} from '../../db/schema';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import {
  attachDocuments,
  BEFORE_REGISTRATION,
  createDraft,
  DOSSIER_DEADLINE,
  FULL_DOSSIER,
  REGISTRATION_DEADLINE,
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
beforeEach(() => h.clock.set(BEFORE_REGISTRATION));

const at = (instant: string, deltaMs: number) =>
  new Date(new Date(instant).getTime() + deltaMs).toISOString();

/** The transition rows and audit actions of a proposal, oldest first. */
async function trail(id: string) {
  const transitions = await h.db
    .select()
    .from(proposalTransitions)
    .where(eq(proposalTransitions.proposalId, id))
    .orderBy(asc(proposalTransitions.id));
  const audits = await h.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'proposal'), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.id));
  return {
    transitions: transitions.map((t) => `${t.action}:${t.fromStatus}→${t.toStatus}`),
    audits: audits.map((a) => a.action),
    rows: transitions,
  };
}

async function register(as: TClient, ids: string[], letterNumber = '45/SCT-QLCN') {
  return as.post('/api/v1/registrations', {
    planYear: 2026,
    proposalIds: ids,
    letterNumber,
    letterDate: '2025-06-10',
  });
}

/** A Lào Cai proposal taken to `base_appraised`, with a complete dossier. */
async function appraised(orgKey = 'ttkc-15') {
  const p = await createDraft(h, w.laoCaiOfficer!, orgKey);
  expect((await register(w.laoCaiLeader!, [p.id])).statusCode).toBe(201);
  await attachDocuments(h, p.id, FULL_DOSSIER);
  const pass = await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, {
    result: 'pass',
    comments: 'Đạt yêu cầu',
    recommendedFunding: 600_000_000,
  });
  expect(pass.statusCode).toBe(200);
  return p;
}

describe('registration report', () => {
  it('the Sở leader registers drafts: all become registered, one transition and one audit each', async () => {
    const a = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const b = await createDraft(h, w.laoCaiCentre!, 'ttkc-15');
    const response = await register(w.laoCaiLeader!, [a.id, b.id]);
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      planYear: 2026,
      organizationName: 'Sở Công Thương tỉnh Lào Cai',
      provinceCode: '15',
      letterNumber: '45/SCT-QLCN',
    });
    expect(report.proposalIds.sort()).toEqual([a.id, b.id].sort());
    for (const id of [a.id, b.id]) {
      const t = await trail(id);
      expect(t.transitions).toEqual(['register:draft→registered']);
      expect(t.audits).toEqual(['proposal.created', 'proposal.registered']);
      const detail = (await w.laoCaiOfficer!.get(`/api/v1/proposals/${id}`)).json();
      expect(detail).toMatchObject({ status: 'registered', registration: { letterNumber: '45/SCT-QLCN' } });
      expect(detail.abilities).toMatchObject({ edit: true, register: false, baseAppraise: true });
    }
    const reportAudit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, report.id));
    expect(reportAudit.map((x) => x.action)).toEqual(['registration.created']);
  });

  it('is all or nothing: one proposal already registered refuses the whole report', async () => {
    const a = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const b = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    expect((await register(w.laoCaiLeader!, [a.id])).statusCode).toBe(201);
    const before = await h.db.select().from(registrations);
    expectProblem(await register(w.laoCaiLeader!, [a.id, b.id]), 409, 'invalid_transition');
    expect(await h.db.select().from(registrations)).toHaveLength(before.length);
    expect((await w.laoCaiOfficer!.get(`/api/v1/proposals/${b.id}`)).json().status).toBe('draft');
  });

  it('another province’s proposal in the list makes the report 404, and nothing changes', async () => {
    const mine = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const theirs = await createDraft(h, w.bacNinhOfficer!, 'ttkc-24');
    expectProblem(await register(w.laoCaiLeader!, [mine.id, theirs.id]), 404, 'not_found');
    expect((await w.laoCaiOfficer!.get(`/api/v1/proposals/${mine.id}`)).json().status).toBe('draft');
  });

  it('a province officer or an extension centre may not register; a regional centre registers its own', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    expectProblem(await register(w.laoCaiOfficer!, [p.id]), 403, 'forbidden');
    expectProblem(await register(w.laoCaiCentre!, [p.id]), 403, 'forbidden');
    const direct = await createDraft(h, w.region!, 'ttkc-vung-1', { provinceCode: '24' });
    expectProblem(await register(w.bacNinhLeader!, [direct.id]), 403, 'forbidden');
    const response = await register(w.region!, [direct.id], '07/TTKCV1');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      provinceCode: null,
      organizationId: await h.orgId('ttkc-vung-1'),
    });
  });

  it.each([
    ['one second before the deadline', -1000, 201],
    ['at the deadline', 0, 201],
    ['one second after the deadline', 1000, 422],
  ])('%s', async (_label, delta, status) => {
    const p = await createDraft(h, w.bacNinhOfficer!, 'ttkc-24');
    h.clock.set(at(REGISTRATION_DEADLINE, delta));
    const response = await register(w.bacNinhLeader!, [p.id]);
    if (status === 201) expect(response.statusCode).toBe(201);
    else {
      const problem = expectProblem(response, 422, 'deadline_passed');
      expect(problem.detail).toContain('20/06/2025 23:59');
    }
  });

  it('an extension for the Sở lets it register after the deadline, until the extension ends', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const q = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const granted = await w.admin!.post('/api/v1/cycles/2026/extensions', {
      organizationId: await h.orgId('so-ct-15'),
      stage: 'registration',
      until: '2025-06-27',
      reason: 'Mưa lũ',
    });
    expect(granted.statusCode).toBe(201);
    const extendedUntil = '2025-06-27T16:59:59.999Z';
    h.clock.set(at(REGISTRATION_DEADLINE, 1000));
    expect((await register(w.laoCaiLeader!, [p.id])).statusCode).toBe(201);
    h.clock.set(at(extendedUntil, -1000));
    expect((await w.laoCaiLeader!.get(`/api/v1/proposals/${q.id}`)).json().abilities.register).toBe(true);
    h.clock.set(at(extendedUntil, 1000));
    expect((await w.laoCaiLeader!.get(`/api/v1/proposals/${q.id}`)).json().abilities.register).toBe(false);
    const late = expectProblem(await register(w.laoCaiLeader!, [q.id]), 422, 'deadline_passed');
    expect(late.detail).toContain('27/06/2025 23:59');
    // Bắc Ninh has no extension: late from the first second after 20 June.
    const r = await createDraft(h, w.bacNinhOfficer!, 'ttkc-24');
    h.clock.set(at(REGISTRATION_DEADLINE, 1000));
    expectProblem(await register(w.bacNinhLeader!, [r.id]), 422, 'deadline_passed');
  });
});

describe('base appraisal', () => {
  it('pass → base_appraised (audited, with the recommended funding)', async () => {
    const p = await appraised();
    const t = await trail(p.id);
    expect(t.transitions).toEqual([
      'register:draft→registered',
      'base_appraise_pass:registered→base_appraised',
    ]);
    expect(t.audits.at(-1)).toBe('proposal.base_appraisal_passed');
    const detail = (await w.laoCaiLeader!.get(`/api/v1/proposals/${p.id}`)).json();
    expect(detail).toMatchObject({
      status: 'base_appraised',
      baseAppraisal: { result: 'pass', recommendedFunding: 600_000_000, comments: 'Đạt yêu cầu' },
      abilities: { edit: false, submit: true },
    });
  });

  it('return → stays registered and editable again; reject → rejected; both need a reason', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    await register(w.laoCaiLeader!, [p.id]);
    expectProblem(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, { result: 'return' }),
      400,
      'validation_failed',
    );
    const returned = await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, {
      result: 'return',
      comments: 'Bổ sung báo giá thiết bị',
    });
    expect(returned.json()).toMatchObject({ status: 'registered', abilities: { edit: true } });
    const rejected = await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/base-appraisal`, {
      result: 'reject',
      comments: 'Không phù hợp định hướng',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      abilities: { edit: false, withdraw: false },
    });
    const t = await trail(p.id);
    expect(t.transitions.slice(1)).toEqual([
      'base_appraise_return:registered→registered',
      'base_appraise_reject:registered→rejected',
    ]);
    expect(t.audits.slice(-2)).toEqual([
      'proposal.base_appraisal_returned',
      'proposal.base_appraisal_rejected',
    ]);
  });

  it('a recommended amount above the cap or the request is 422 cap_exceeded', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    await register(w.laoCaiLeader!, [p.id]);
    const response = await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, {
      result: 'pass',
      recommendedFunding: 700_000_000,
    });
    expectProblem(response, 422, 'cap_exceeded');
  });

  it('a draft cannot be appraised (409); a unit may not appraise (403)', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const body = { result: 'pass' };
    expectProblem(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, body),
      409,
      'invalid_transition',
    );
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${p.id}/base-appraisal`, body),
      403,
      'forbidden',
    );
  });
});

describe('submission', () => {
  it('the Sở leader submits a base-appraised proposal: submitted, audited, stamped', async () => {
    const p = await appraised();
    h.clock.set('2025-09-15T03:00:00Z');
    const response = await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'submitted',
      submittedAt: '2025-09-15T03:00:00.000Z',
      abilities: { edit: false, submit: false, withdraw: true },
    });
    const t = await trail(p.id);
    expect(t.transitions.at(-1)).toBe('submit:base_appraised→submitted');
    expect(t.audits.at(-1)).toBe('proposal.submitted');
    // The receipt, with every document's SHA-256 and the server time, goes to the submitter.
    const receipts = await h.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, 'ld@laocai.vn'), eq(mailOutbox.template, 'submission_receipt')));
    const receipt = receipts.find((m) => m.subject.includes(p.code));
    const stored = await h.db.select().from(proposalDocuments).where(eq(proposalDocuments.proposalId, p.id));
    expect(stored).toHaveLength(FULL_DOSSIER.length);
    for (const document of stored) expect(receipt?.textBody).toContain(`SHA-256: ${document.sha256}`);
    expect(receipt?.textBody).toContain('15/09/2025 10:00');
    expect(receipt?.textBody.match(/SHA-256: /g)).toHaveLength(FULL_DOSSIER.length);
  });

  it('refuses a registered proposal without base appraisal (403 for the Sở: units registering directly only)', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    await register(w.laoCaiLeader!, [p.id]);
    expectProblem(await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`), 403, 'forbidden');
    expectProblem(await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/submit`), 403, 'forbidden');
  });

  it('refuses while error findings remain, listing them (422 checks_failed)', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', {
      budget: { total: 2_000_000_000, requested: 800_000_000, counterpart: 1_200_000_000, other: 0 },
    });
    await register(w.laoCaiLeader!, [p.id]);
    await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, { result: 'pass' });
    const response = await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`);
    const problem = expectProblem(response, 422, 'checks_failed') as unknown as {
      errors: { path: string; code: string; message: string }[];
    };
    expect(problem.errors.map((e) => e.code)).toContain('cap_exceeded');
    expect(problem.errors.filter((e) => e.code === 'missing_document')).toHaveLength(4);
    expect(problem.errors.find((e) => e.code === 'cap_exceeded')?.message).toContain('600.000.000');
    expect((await trail(p.id)).transitions.at(-1)).toBe('base_appraise_pass:registered→base_appraised');
  });

  it('a pilot project submits its registration form instead of the full dossier', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { isPilot: true });
    await register(w.laoCaiLeader!, [p.id]);
    await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, { result: 'pass' });
    const without = await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`);
    const problem = expectProblem(without, 422, 'checks_failed') as unknown as { errors: { code: string }[] };
    expect(problem.errors.map((e) => e.code)).toEqual(['missing_document']);
    await attachDocuments(h, p.id, ['pilot_registration_form']);
    expect((await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`)).statusCode).toBe(200);
  });

  it('a regional centre submits its own registered proposal directly (no base appraisal)', async () => {
    const p = await createDraft(h, w.region!, 'ttkc-vung-1', { provinceCode: '15' });
    await register(w.region!, [p.id]);
    await attachDocuments(h, p.id, FULL_DOSSIER);
    const response = await w.region!.post(`/api/v1/proposals/${p.id}/submit`);
    expect(response.statusCode).toBe(200);
    expect((await trail(p.id)).transitions).toEqual([
      'register:draft→registered',
      'submit:registered→submitted',
    ]);
  });

  it.each([
    ['one second before the dossier deadline', -1000, 200],
    ['one second after the dossier deadline', 1000, 422],
  ])('%s', async (_label, delta, status) => {
    const p = await appraised();
    h.clock.set(at(DOSSIER_DEADLINE, delta));
    const response = await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`);
    if (status === 200) expect(response.statusCode).toBe(200);
    else expect(expectProblem(response, 422, 'deadline_passed').detail).toContain('30/09/2025 23:59');
  });

  it('with a dossier extension for the Sở, it submits after the deadline until the extension ends', async () => {
    const p = await appraised();
    const q = await appraised();
    await w.admin!.post('/api/v1/cycles/2026/extensions', {
      organizationId: await h.orgId('so-ct-15'),
      stage: 'dossier',
      until: '2025-10-10T17:00:00+07:00',
      reason: 'Sáp nhập đơn vị hành chính',
    });
    h.clock.set(at(DOSSIER_DEADLINE, 1000));
    expect((await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`)).statusCode).toBe(200);
    h.clock.set('2025-10-10T10:00:01Z');
    const late = expectProblem(
      await w.laoCaiLeader!.post(`/api/v1/proposals/${q.id}/submit`),
      422,
      'deadline_passed',
    );
    expect(late.detail).toContain('10/10/2025 17:00');
  });

  it('two racing submissions: one 200, one 409, one transition', async () => {
    const p = await appraised();
    const responses = await Promise.all([
      w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`),
      w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.statusCode === 409)!;
    expectProblem(loser, 409, 'invalid_transition');
    const t = await trail(p.id);
    expect(t.transitions.filter((x) => x.startsWith('submit:'))).toHaveLength(1);
    expect(t.audits.filter((x) => x === 'proposal.submitted')).toHaveLength(1);
  });
});

describe('return for supplement and resubmission', () => {
  async function submitted() {
    const p = await appraised();
    h.clock.set('2025-09-20T03:00:00Z');
    expect((await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`)).statusCode).toBe(200);
    return p;
  }

  it('the agency officer returns with a reason and due date; the submitter is e-mailed; audited', async () => {
    const p = await submitted();
    h.clock.set('2025-10-02T03:00:00Z');
    const response = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/return`, {
      reason: 'Thiếu báo giá của nhà cung cấp thứ ba',
      dueDate: '2025-10-15',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'returned',
      pendingReturn: { reason: 'Thiếu báo giá của nhà cung cấp thứ ba', dueDate: '2025-10-15' },
    });
    const t = await trail(p.id);
    expect(t.transitions.at(-1)).toBe('return:submitted→returned');
    expect(t.audits.at(-1)).toBe('proposal.returned');
    expect(t.rows.at(-1)).toMatchObject({
      reason: 'Thiếu báo giá của nhà cung cấp thứ ba',
      dueDate: '2025-10-15',
    });
    const mails = await h.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, 'ld@laocai.vn'), eq(mailOutbox.template, 'proposal_returned')));
    expect(mails.map((m) => m.template)).toEqual(['proposal_returned']);
    expect(mails[0]?.textBody).toContain('15/10/2025');
    expect(mails[0]?.textBody).toContain(p.code);

    // The province edits and resubmits after the dossier deadline, before the due date.
    const detail = (await w.laoCaiOfficer!.get(`/api/v1/proposals/${p.id}`)).json();
    expect(detail.abilities).toMatchObject({ edit: true });
    const edited = await w.laoCaiOfficer!.patch(`/api/v1/proposals/${p.id}`, {
      lockVersion: detail.lockVersion,
      outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
    });
    expect(edited.statusCode).toBe(200);
    h.clock.set('2025-10-15T16:59:58Z');
    const again = await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`);
    expect(again.statusCode).toBe(200);
    const after = await trail(p.id);
    expect(after.transitions.at(-1)).toBe('resubmit:returned→submitted');
    expect(after.audits.slice(-2)).toEqual(['proposal.updated', 'proposal.resubmitted']);
  });

  it('a resubmission after the due date (and the dossier deadline) is 422 deadline_passed', async () => {
    const p = await submitted();
    // Lào Cai's dossier extension of an earlier test ends on 10/10/2025 17:00.
    h.clock.set('2025-10-11T03:00:00Z');
    await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/return`, {
      reason: 'Bổ sung',
      dueDate: '2025-10-13',
    });
    h.clock.set('2025-10-13T16:59:59Z');
    expect((await w.laoCaiLeader!.get(`/api/v1/proposals/${p.id}`)).json().abilities.submit).toBe(true);
    h.clock.set('2025-10-13T17:00:00.001Z');
    const late = expectProblem(
      await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`),
      422,
      'deadline_passed',
    );
    expect(late.detail).toContain('13/10/2025 23:59');
  });

  it('only the agency officer returns, only submitted proposals, never to a past date', async () => {
    const p = await submitted();
    const body = { reason: 'Bổ sung', dueDate: '2025-10-30' };
    expectProblem(await w.agencyLeader!.post(`/api/v1/proposals/${p.id}/return`, body), 403, 'forbidden');
    expectProblem(await w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/return`, body), 403, 'forbidden');
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/return`, { ...body, dueDate: '2025-09-01' }),
      400,
      'validation_failed',
    );
    const draft = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${draft.id}/return`, body),
      409,
      'invalid_transition',
    );
  });
});

describe('withdrawal', () => {
  it('the unit withdraws its registered proposal with a reason; audited; then nothing more is possible', async () => {
    const p = await createDraft(h, w.laoCaiCentre!, 'ttkc-15');
    await register(w.laoCaiLeader!, [p.id]);
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${p.id}/withdraw`, {}),
      400,
      'validation_failed',
    );
    const response = await w.laoCaiCentre!.post(`/api/v1/proposals/${p.id}/withdraw`, {
      reason: 'Đơn vị thụ hưởng không còn nhu cầu',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('withdrawn');
    expect(Object.values(response.json().abilities).some(Boolean)).toBe(false);
    const t = await trail(p.id);
    expect(t.transitions.at(-1)).toBe('withdraw:registered→withdrawn');
    expect(t.audits.at(-1)).toBe('proposal.withdrawn');
    expect(t.rows.at(-1)?.reason).toBe('Đơn vị thụ hưởng không còn nhu cầu');
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${p.id}/withdraw`, { reason: 'lần nữa' }),
      409,
      'invalid_transition',
    );
  });

  it('a draft is deleted, not withdrawn (409)', async () => {
    const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    expectProblem(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/withdraw`, { reason: 'x' }),
      409,
      'invalid_transition',
    );
  });
});
