import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  mailOutbox,
  proposalAdjustments,
  proposalAdvances,
  proposalContracts,
  proposalSettlements,
  proposals,
} from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { addAppraisers, recommend, submittedProposal } from '../appraisals/test-support';
import { setUpWorld, type TWorld } from '../proposals/test-fixtures';
import { sendProgressReminders } from './progress-reminders';

/**
 * Issue #7, implementation of approved proposals against a real PostgreSQL: the contract and its
 * ceiling, advances (first-advance rate, progress, the 70 % before acceptance), monthly reports and
 * their reminders (one e-mail per responsible user), adjustments decided by the authority the
 * regulation set requires, acceptance, settlement (refund, late flags), closing, inspections.
 */

let h: THarness;
let w: TWorld;
/** A: the full life; B: contracted, reports late, settled late; C: adjustments; D: Bắc Ninh. */
let A: string;
let B: string;
let C: string;
let D: string;

const FUNDING = 400_000_000;
const COUNTERPART = 1_400_000_000; // draftPayload's counterpart

const ok = <T extends { statusCode: number; body: string }>(r: T): T => {
  expect(r.statusCode, r.body).toBe(200);
  return r;
};
async function proposal(id: string) {
  const [row] = await h.db.select().from(proposals).where(eq(proposals.id, id));
  return row!;
}
async function actions(id: string) {
  const rows = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
  return rows.map((r) => r.action);
}
const contract = (signedOn: string, value = 1_000_000_000) => ({
  number: `HĐ-${signedOn}/KC`,
  signedOn,
  value,
  selectionMethod: 'selection',
});

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  const people = await addAppraisers(h, w);
  const a = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình sấy chè' });
  const b = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình chế biến măng' });
  const c = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình chế biến quế' });
  const d = await submittedProposal(h, w, 'bacNinh', { title: 'Mô hình gốm Phù Lãng' });
  [A, B, C, D] = [a.id, b.id, c.id, d.id];
  h.clock.set('2025-10-20T02:00:00Z');
  await recommend(
    w,
    { key: 'td1', userId: people.td1! },
    [A, B, C, D].map((id) => ({ id, funding: FUNDING })),
  );
  ok(
    await w.agencyLeader!.post('/api/v1/plans/2026/approve', {
      decisionNumber: '1234/QĐ-BCT',
      decisionDate: '2025-10-20',
    }),
  );
  for (const id of [A, B, C, D]) expect((await proposal(id)).status).toBe('approved');
  h.clock.set('2026-03-02T02:00:00Z');
}, 240_000);
afterAll(() => h?.close());

describe('contract', () => {
  it('never above the approved support plus the counterpart; nothing is written when refused', async () => {
    const above = await w.laoCaiCentre!.post(
      `/api/v1/proposals/${A}/contract`,
      contract('2026-03-02', FUNDING + COUNTERPART + 1),
    );
    expectProblem(above, 422, 'contract_value_exceeded');
    expect(above.json().title).toBe('Giá trị hợp đồng vượt tổng kinh phí hỗ trợ được duyệt và vốn đối ứng.');
    expect((await proposal(A)).status).toBe('approved');
    expect(await h.db.select().from(proposalContracts)).toHaveLength(0);
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/contract`, { ...contract('2026-03-02'), value: -1 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/contract`, contract('2026-03-03')),
      400,
      'validation_failed',
    ); // dated tomorrow
  });

  it('the unit, the Sở or the agency records it → contracted, audited; other provinces see nothing', async () => {
    expectProblem(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/contract`, contract('2026-03-02')),
      404,
      'not_found',
    );
    expectProblem(
      await w.auditor!.post(`/api/v1/proposals/${A}/contract`, contract('2026-03-02')),
      403,
      'forbidden',
    );
    expectProblem(
      await w.agencyLeader!.post(`/api/v1/proposals/${A}/contract`, contract('2026-03-02')),
      403,
      'forbidden',
    );
    const signed = ok(
      await w.laoCaiCentre!.post(
        `/api/v1/proposals/${A}/contract`,
        contract('2026-03-02', FUNDING + COUNTERPART),
      ),
    );
    expect(signed.json()).toMatchObject({ status: 'contracted', contract: { value: FUNDING + COUNTERPART } });
    expect(await actions(A)).toContain('proposal.contracted');
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/contract`, contract('2026-03-02')),
      409,
      'invalid_transition',
    );
    ok(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${B}/contract`, {
        ...contract('2026-03-02'),
        selectionMethod: 'bidding',
      }),
    );
    ok(await w.agencyOfficer!.post(`/api/v1/proposals/${C}/contract`, contract('2026-03-02')));
    ok(await w.bacNinhCentre!.post(`/api/v1/proposals/${D}/contract`, contract('2026-03-02')));
  });
});

describe('advances and progress reports', () => {
  const advance = (amount: number, paidOn = '2026-03-02') =>
    w.agencyOfficer!.post(`/api/v1/proposals/${A}/advances`, { amount, paidOn });
  const count = async () =>
    (await h.db.select().from(proposalAdvances).where(eq(proposalAdvances.proposalId, A))).length;

  it('the first advance: never above 70 % before acceptance; a model waits for a report above 70 %', async () => {
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/advances`, { amount: 1, paidOn: '2026-03-02' }),
      403,
      'forbidden',
    );
    const view = ok(await w.agencyOfficer!.get(`/api/v1/proposals/${A}/implementation`)).json();
    // A demonstration model: 70 % first advance (TT 36/2013) and at most 70 % before acceptance.
    expect(view.advances.firstAdvance).toMatchObject({ percent: 70, amount: 280_000_000 });
    expect(view.advances.limitBeforeAcceptance).toBe(280_000_000);
    const over = await advance(280_000_001);
    expectProblem(over, 422, 'advance_limit_exceeded');
    expect(over.json().detail).toContain('70 %');
    const early = await advance(200_000_000);
    expectProblem(early, 422, 'advance_not_allowed');
    expect(early.json().detail).toBe(
      'Tạm ứng lần đầu cần báo cáo tiến độ cho thấy đã thực hiện trên 70 % khối lượng.',
    );
    expect(await count()).toBe(0);
  });

  it('monthly reports start the project; the first advance after one above 70 %; the total capped', async () => {
    h.clock.set('2026-03-20T02:00:00Z');
    // The unit's first report starts the implementation.
    const report = {
      month: '2026-03',
      volumePercent: 60,
      moneySpent: 500_000_000,
      problems: 'Chậm giao máy sấy',
    };
    expectProblem(
      await w.bacNinhCentre!.post(`/api/v1/proposals/${A}/progress-reports`, report),
      404,
      'not_found',
    );
    expectProblem(await w.auditor!.post(`/api/v1/proposals/${A}/progress-reports`, report), 403, 'forbidden');
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, { ...report, month: '2026-04' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, {
        ...report,
        volumePercent: 101,
      }),
      400,
      'validation_failed',
    );
    const started = ok(await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, report)).json();
    expect(started.status).toBe('in_progress');
    expect(await actions(A)).toEqual(
      expect.arrayContaining(['progress_report.submitted', 'proposal.started']),
    );
    expectProblem(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/progress-reports`, report),
      409,
      'report_exists',
    );
    const listed = ok(await w.laoCaiLeader!.get(`/api/v1/proposals/${A}/progress-reports`)).json();
    expect(listed).toMatchObject([{ month: '2026-03', volumePercent: 60, moneySpent: 500_000_000 }]);
    // 60 % is not above 70 %: still no first advance.
    expectProblem(await advance(200_000_000, '2026-03-20'), 422, 'advance_not_allowed');

    h.clock.set('2026-04-20T02:00:00Z');
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, {
        ...report,
        month: '2026-04',
        volumePercent: 75,
      }),
    );
    const first = ok(await advance(200_000_000, '2026-04-20')).json();
    expect(first.advances).toMatchObject({ total: 200_000_000, items: [{ seq: 1, basis: 'first' }] });
    expect(await actions(A)).toContain('advance.recorded');
    // 75 % done, yet never more than 70 % (280 M) before acceptance.
    const capped = await advance(100_000_000, '2026-04-20');
    expectProblem(capped, 422, 'advance_limit_exceeded');
    expect(capped.json().title).toBe('Tổng số tiền tạm ứng vượt mức cho phép trước khi nghiệm thu.');
    expect(await count()).toBe(1);
    const last = ok(await advance(80_000_000, '2026-04-20')).json();
    expect(last.advances.total).toBe(280_000_000);
    expect(last.advances.items.map((i: { basis: string }) => i.basis)).toEqual(['first', 'progress']);
  });
});

describe('overdue reports and the reminder job', () => {
  const run = () =>
    sendProgressReminders({ db: h.db, now: h.clock.now(), publicUrl: 'http://localhost:3000' });
  const mailsTo = (to: string) =>
    h.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, to), like(mailOutbox.template, 'progress_report_overdue')));

  it('nothing is overdue until the 25th has passed in Vietnam', async () => {
    h.clock.set('2026-05-25T16:59:00Z'); // 23:59 on 25 May in Vietnam
    const list = ok(await w.laoCaiOfficer!.get('/api/v1/progress-reports/overdue?month=2026-05')).json();
    expect(list).toMatchObject({ month: '2026-05', dueDate: '2026-05-25', duePassed: false, items: [] });
    expect(await run()).toEqual({ users: 0, mails: 0, proposals: 0 });
  });

  it('on the 26th: the scoped list, and ONE e-mail per responsible user for all their proposals', async () => {
    h.clock.set('2026-05-26T00:00:00Z'); // 07:00 on 26 May in Vietnam
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, {
        month: '2026-05',
        volumePercent: 100,
        moneySpent: 600_000_000,
      }),
    );
    const laoCai = ok(await w.laoCaiOfficer!.get('/api/v1/progress-reports/overdue?month=2026-05')).json();
    expect(laoCai.duePassed).toBe(true);
    expect(laoCai.items.map((i: { id: string }) => i.id).sort()).toEqual([B, C].sort());
    const bacNinh = ok(await w.bacNinhOfficer!.get('/api/v1/progress-reports/overdue?month=2026-05')).json();
    expect(bacNinh.items.map((i: { id: string }) => i.id)).toEqual([D]);
    const agency = ok(await w.agencyOfficer!.get('/api/v1/progress-reports/overdue?month=2026-05')).json();
    expect(agency.items).toHaveLength(3);
    expectProblem(
      await w.agencyOfficer!.get('/api/v1/progress-reports/overdue?month=2026-13'),
      400,
      'validation_failed',
    );

    const result = await run();
    expect(result.proposals).toBe(3);
    // Lào Cai: the centre's user, the Sở's officer and leader (not the council member of the Sở);
    // Bắc Ninh: the same three. Six users, six mails.
    expect(result).toMatchObject({ users: 6, mails: 6 });
    const leader = await mailsTo('ld@laocai.vn');
    expect(leader).toHaveLength(1);
    expect(leader[0]!.subject).toBe('Quá hạn báo cáo tiến độ tháng 05/2026: 2 đề án');
    expect(leader[0]!.textBody).toContain('Mô hình chế biến măng');
    expect(leader[0]!.textBody).toContain('Mô hình chế biến quế');
    expect(leader[0]!.textBody).not.toContain('Mô hình sấy chè');
    expect(leader[0]!.textBody).not.toContain('Phù Lãng');
    expect(await mailsTo('td@laocai.vn')).toHaveLength(0);
    expect(await mailsTo('tt@bacninh.vn')).toHaveLength(1);
    // Idempotent: again today or tomorrow, nothing new.
    expect((await run()).mails).toBe(0);
    h.clock.set('2026-05-27T00:00:00Z');
    expect((await run()).mails).toBe(0);
    expect(await mailsTo('ld@laocai.vn')).toHaveLength(1);
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'progress_report.reminders_sent'));
    expect(audit).toHaveLength(1);
  });
});

describe('adjustments: the authority each kind needs is the regulation set’s', () => {
  const request = (body: Record<string, unknown>) =>
    w.laoCaiOfficer!.post(`/api/v1/proposals/${C}/adjustments`, body);
  const decision = (who: string, id: string, result = 'approved') =>
    w[who]!.post(`/api/v1/adjustments/${id}/decision`, { result, decisionNumber: `${who}/QĐ` });
  async function requested(
    body: Record<string, unknown>,
  ): Promise<{ id: string; requiredAuthority: string }> {
    const view = ok(await request({ reason: 'Lý do điều chỉnh', ...body })).json();
    // Each kind is requested once and decided before the next (the clock stands still here).
    const found = view.adjustments.find(
      (x: { kind: string; status: string }) => x.kind === body.kind && x.status === 'requested',
    );
    expect(found, String(body.kind)).toBeDefined();
    return found;
  }
  async function statusOf(id: string) {
    const [row] = await h.db.select().from(proposalAdjustments).where(eq(proposalAdjustments.id, id));
    return row!.status;
  }

  it('requests: only the proposer side of the province; amounts checked; unknown kinds refused', async () => {
    h.clock.set('2026-06-02T02:00:00Z');
    expectProblem(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${C}/adjustments`, { kind: 'timing', reason: 'x' }),
      404,
      'not_found',
    );
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${C}/adjustments`, { kind: 'timing', reason: 'x' }),
      403,
      'forbidden',
    );
    expectProblem(await request({ kind: 'renaming', reason: 'x' }), 400, 'validation_failed');
    expectProblem(
      await request({ kind: 'funding_increase', reason: 'x', newApprovedFunding: FUNDING }),
      400,
      'validation_failed',
    );
    expectProblem(await request({ kind: 'decrease', reason: 'x' }), 400, 'validation_failed');
    expectProblem(
      await request({ kind: 'funding_increase', reason: 'x', newApprovedFunding: 2_000_000_000 }),
      422,
      'cap_exceeded',
    );
    expect(await h.db.select().from(proposalAdjustments)).toHaveLength(0);
  });

  const MINISTER = ['funding_increase', 'content_change', 'addition'] as const;
  const AGENCY = [
    'location',
    'beneficiary',
    'coordinating_unit',
    'timing',
    'decrease',
    'group_change',
  ] as const;

  it.each(MINISTER)(
    '%s: the Minister’s (an agency leader records it); the Sở and the agency are refused',
    async (kind) => {
      const extra =
        kind === 'funding_increase' ? { newApprovedFunding: 450_000_000 } : { description: 'Nội dung mới' };
      const a = await requested({ kind, ...extra });
      expect(a.requiredAuthority).toBe('minister');
      expectProblem(await decision('laoCaiLeader', a.id), 403, 'authority_insufficient');
      const refused = await decision('agencyOfficer', a.id);
      expectProblem(refused, 403, 'authority_insufficient');
      expect(refused.json().detail).toBe('Nội dung điều chỉnh này do Bộ trưởng Bộ Công Thương quyết định.');
      expect(await statusOf(a.id)).toBe('requested');
      ok(await decision('agencyLeader', a.id));
      expect(await statusOf(a.id)).toBe('approved');
      expectProblem(await decision('agencyLeader', a.id), 409, 'invalid_transition');
      if (kind === 'funding_increase') expect((await proposal(C)).approvedFunding).toBe(450_000_000);
    },
  );

  it.each(AGENCY)('%s: the agency’s; the Sở is refused (not a group project)', async (kind) => {
    const extra = kind === 'decrease' ? { newApprovedFunding: 350_000_000 } : { description: 'Thay đổi' };
    const a = await requested({ kind, ...extra });
    expect(a.requiredAuthority).toBe('agency');
    expectProblem(await decision('laoCaiLeader', a.id), 403, 'authority_insufficient');
    expectProblem(await decision('laoCaiOfficer', a.id), 403, 'forbidden');
    ok(await decision('agencyOfficer', a.id));
    expect(await statusOf(a.id)).toBe('approved');
    if (kind === 'decrease') expect((await proposal(C)).approvedFunding).toBe(350_000_000);
  });

  it('carry_over and stop: the Minister’s; a refusal changes nothing, an approved stop stops the project', async () => {
    const carry = await requested({ kind: 'carry_over' });
    expect(carry.requiredAuthority).toBe('minister');
    expectProblem(await decision('agencyOfficer', carry.id), 403, 'authority_insufficient');
    ok(await decision('agencyLeader', carry.id, 'rejected'));
    expect(await statusOf(carry.id)).toBe('rejected');
    expect((await proposal(C)).status).toBe('contracted');

    const stop = await requested({ kind: 'stop' });
    expectProblem(await decision('laoCaiLeader', stop.id), 403, 'authority_insufficient');
    expectProblem(await decision('agencyOfficer', stop.id), 403, 'authority_insufficient');
    expect((await proposal(C)).status).toBe('contracted');
    ok(await decision('agencyLeader', stop.id));
    expect((await proposal(C)).status).toBe('stopped');
    const trail = await actions(C);
    expect(trail).toContain('proposal.stopped');
    const decided = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'adjustment.decided'));
    expect(decided).toHaveLength(MINISTER.length + AGENCY.length + 2);
    expectProblem(await request({ kind: 'timing', reason: 'x' }), 409, 'invalid_transition');
  });
});

describe('acceptance, settlement, closing', () => {
  it('acceptance by the Sở → accepted; no advance after it', async () => {
    h.clock.set('2026-10-06T02:00:00Z');
    const body = { minutesNumber: 'BB-01/NT', result: 'passed', acceptedOn: '2026-10-05' };
    expectProblem(await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/acceptance`, body), 403, 'forbidden');
    expectProblem(await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/acceptance`, body), 404, 'not_found');
    expectProblem(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${B}/acceptance`, body),
      409,
      'invalid_transition',
    ); // not started
    const accepted = ok(await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/acceptance`, body)).json();
    expect(accepted).toMatchObject({ status: 'accepted', acceptance: body });
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${A}/advances`, { amount: 1, paidOn: '2026-10-06' }),
      409,
      'invalid_transition',
    );
  });

  it('settlement: never above the approved support; the refund of unspent advances; in time → settled → closed', async () => {
    h.clock.set('2026-10-20T02:00:00Z');
    const body = { settledAmount: 250_000_000, settledOn: '2026-10-20' };
    expectProblem(await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/settlement`, body), 403, 'forbidden');
    const above = await w.agencyOfficer!.post(`/api/v1/proposals/${A}/settlement`, {
      ...body,
      settledAmount: FUNDING + 1,
    });
    expectProblem(above, 422, 'settlement_exceeded');
    expect(await h.db.select().from(proposalSettlements)).toHaveLength(0);
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/proposals/${A}/settlement`, { ...body, settledOn: '2026-10-04' }),
      400,
      'validation_failed',
    );
    const settled = ok(await w.agencyOfficer!.post(`/api/v1/proposals/${A}/settlement`, body)).json();
    // 280 M advanced, 250 M settled: 30 M to refund; 15 days after the acceptance of 5 October: in time.
    expect(settled).toMatchObject({
      status: 'settled',
      settlement: {
        settledAmount: 250_000_000,
        advancedTotal: 280_000_000,
        refundAmount: 30_000_000,
        late: false,
        liquidationDeadline: '2027-01-22',
        pastLiquidationDeadline: false,
      },
    });
    expectProblem(await w.laoCaiLeader!.post(`/api/v1/proposals/${A}/close`), 403, 'forbidden');
    ok(await w.agencyOfficer!.post(`/api/v1/proposals/${A}/close`));
    expect((await proposal(A)).status).toBe('closed');
    expect(await actions(A)).toEqual(
      expect.arrayContaining([
        'proposal.contracted',
        'proposal.started',
        'advance.recorded',
        'progress_report.submitted',
        'proposal.accepted',
        'proposal.settled',
        'proposal.closed',
      ]),
    );
  });

  it('a settlement more than 15 days after acceptance is late; after 22 January of the next year, past the deadline', async () => {
    h.clock.set('2026-10-10T02:00:00Z');
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${B}/progress-reports`, {
        month: '2026-10',
        volumePercent: 100,
        moneySpent: 900_000_000,
      }),
    );
    ok(
      await w.laoCaiLeader!.post(`/api/v1/proposals/${B}/acceptance`, {
        minutesNumber: 'BB-02/NT',
        result: 'passed_with_remarks',
        acceptedOn: '2026-10-10',
      }),
    );
    h.clock.set('2027-02-01T02:00:00Z');
    const settled = ok(
      await w.agencyOfficer!.post(`/api/v1/proposals/${B}/settlement`, {
        settledAmount: 380_000_000,
        settledOn: '2027-02-01',
      }),
    ).json();
    expect(settled.settlement).toMatchObject({
      advancedTotal: 0,
      refundAmount: 0,
      late: true,
      liquidationDeadline: '2027-01-22',
      pastLiquidationDeadline: true,
    });
  });
});

describe('inspections', () => {
  it('planned by the Sở, recorded with findings and follow-ups; audited; scoped', async () => {
    expectProblem(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/inspections`, { plannedOn: '2027-02-10' }),
      403,
      'forbidden',
    );
    expectProblem(
      await w.bacNinhOfficer!.post(`/api/v1/proposals/${A}/inspections`, { plannedOn: '2027-02-10' }),
      404,
      'not_found',
    );
    const planned = ok(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/inspections`, { plannedOn: '2027-02-10' }),
    ).json();
    const id = planned.inspections[0].id;
    expect(planned.inspections[0]).toMatchObject({ status: 'planned', doneOn: null });
    const result = {
      doneOn: '2027-02-01',
      findings: 'Mô hình vận hành tốt; thiếu sổ theo dõi thiết bị.',
      followUps: [{ action: 'Bổ sung sổ theo dõi thiết bị', dueOn: '2027-03-01' }],
    };
    expectProblem(await w.bacNinhOfficer!.post(`/api/v1/inspections/${id}/result`, result), 404, 'not_found');
    const done = ok(await w.agencyOfficer!.post(`/api/v1/inspections/${id}/result`, result)).json();
    expect(done.inspections[0]).toMatchObject({ status: 'done', ...result });
    expectProblem(
      await w.agencyOfficer!.post(`/api/v1/inspections/${id}/result`, result),
      409,
      'invalid_transition',
    );
    expect((await actions(id)).sort()).toEqual(['inspection.planned', 'inspection.recorded']);
  });
});

describe('access: every implementation route × every role', () => {
  const ZERO = '00000000-0000-4000-8000-000000000000';
  // For each role, a route is either forbidden by permission (403) or reaches the use case: a missing
  // record answers 404, never 200/500.
  const ROUTES: [string, (as: TWorld[string]) => ReturnType<TWorld[string]['get']>, readonly string[]][] = [
    [
      'POST /proposals/{id}/contract',
      (as) => as.post(`/api/v1/proposals/${ZERO}/contract`, contract('2026-03-02')),
      ['agency_officer', 'province_officer', 'province_leader', 'unit_officer'],
    ],
    [
      'POST /proposals/{id}/advances',
      (as) => as.post(`/api/v1/proposals/${ZERO}/advances`, { amount: 1, paidOn: '2026-03-02' }),
      // The Sở pays and settles local projects (the workflow's canFinance decides per proposal).
      ['agency_officer', 'province_officer', 'province_leader'],
    ],
    [
      'POST /proposals/{id}/progress-reports',
      (as) =>
        as.post(`/api/v1/proposals/${ZERO}/progress-reports`, {
          month: '2026-03',
          volumePercent: 1,
          moneySpent: 0,
        }),
      ['agency_officer', 'province_officer', 'province_leader', 'unit_officer'],
    ],
    [
      'POST /proposals/{id}/adjustments',
      (as) => as.post(`/api/v1/proposals/${ZERO}/adjustments`, { kind: 'timing', reason: 'x' }),
      ['province_officer', 'province_leader', 'unit_officer'],
    ],
    [
      'POST /adjustments/{id}/decision',
      (as) => as.post(`/api/v1/adjustments/${ZERO}/decision`, { result: 'approved', decisionNumber: '1' }),
      ['agency_officer', 'agency_leader', 'province_leader'],
    ],
    [
      'POST /proposals/{id}/inspections',
      (as) => as.post(`/api/v1/proposals/${ZERO}/inspections`, { plannedOn: '2026-03-02' }),
      ['agency_officer', 'province_officer', 'province_leader'],
    ],
    [
      'POST /inspections/{id}/result',
      (as) => as.post(`/api/v1/inspections/${ZERO}/result`, { doneOn: '2026-03-02', findings: 'x' }),
      ['agency_officer', 'province_officer', 'province_leader'],
    ],
    [
      'POST /proposals/{id}/acceptance',
      (as) =>
        as.post(`/api/v1/proposals/${ZERO}/acceptance`, {
          minutesNumber: '1',
          result: 'passed',
          acceptedOn: '2026-03-02',
        }),
      ['agency_officer', 'province_officer', 'province_leader', 'unit_officer'],
    ],
    [
      'POST /proposals/{id}/settlement',
      (as) => as.post(`/api/v1/proposals/${ZERO}/settlement`, { settledAmount: 1, settledOn: '2026-03-02' }),
      // The Sở pays and settles local projects (the workflow's canFinance decides per proposal).
      ['agency_officer', 'province_officer', 'province_leader'],
    ],
    [
      'POST /proposals/{id}/close',
      (as) => as.post(`/api/v1/proposals/${ZERO}/close`),
      ['agency_officer', 'province_officer', 'province_leader'],
    ],
    ['GET /proposals/{id}/implementation', (as) => as.get(`/api/v1/proposals/${ZERO}/implementation`), ['*']],
    [
      'GET /proposals/{id}/progress-reports',
      (as) => as.get(`/api/v1/proposals/${ZERO}/progress-reports`),
      ['*'],
    ],
  ];
  const ROLE_CLIENT = {
    agency_admin: 'admin',
    agency_officer: 'agencyOfficer',
    agency_leader: 'agencyLeader',
    appraiser: 'appraiser',
    auditor: 'auditor',
    province_officer: 'laoCaiOfficer',
    province_leader: 'laoCaiLeader',
    unit_officer: 'laoCaiCentre',
  } as const;

  it.each(ROUTES)('%s', async (_name, call, allowed) => {
    for (const [role, key] of Object.entries(ROLE_CLIENT)) {
      const response = await call(w[key]!);
      const expected = allowed.includes('*') || allowed.includes(role) ? 404 : 403;
      expect([role, response.statusCode]).toEqual([role, expected]);
    }
  });

  it('GET /progress-reports/overdue answers every role within its scope', async () => {
    for (const key of Object.values(ROLE_CLIENT)) {
      const r = await w[key]!.get('/api/v1/progress-reports/overdue?month=2026-05');
      expect([key, r.statusCode]).toEqual([key, 200]);
    }
    const appraiser = (await w.appraiser!.get('/api/v1/progress-reports/overdue?month=2026-05')).json();
    expect(appraiser.items).toEqual([]);
  });

  it('another province’s proposal answers like a missing one', async () => {
    expectProblem(await w.bacNinhOfficer!.get(`/api/v1/proposals/${A}/implementation`), 404, 'not_found');
    expectProblem(await w.bacNinhCentre!.get(`/api/v1/proposals/${A}/progress-reports`), 404, 'not_found');
    ok(await w.laoCaiCentre!.get(`/api/v1/proposals/${A}/implementation`));
  });
});
