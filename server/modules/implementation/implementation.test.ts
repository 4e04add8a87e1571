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

const ok = (r: { statusCode: number; body: string }) => {
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

  it('the first advance: within the 70 % before acceptance and the project type’s rate', async () => {
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
    expect(await count()).toBe(0);
    const first = ok(await advance(200_000_000)).json();
    expect(first.advances).toMatchObject({ total: 200_000_000, items: [{ seq: 1, basis: 'first' }] });
    expect(await actions(A)).toContain('advance.recorded');
  });

  it('a later advance needs a progress report and stays within the volume done', async () => {
    expectProblem(await advance(10_000_000), 422, 'advance_not_allowed');
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

    // 60 % of 400 M = 240 M may be advanced by now: 200 M + 50 M is too much, 200 M + 40 M is not.
    expectProblem(await advance(50_000_000, '2026-03-20'), 422, 'advance_limit_exceeded');
    ok(await advance(40_000_000, '2026-03-20'));
    h.clock.set('2026-04-20T02:00:00Z');
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, {
        ...report,
        month: '2026-04',
        volumePercent: 100,
      }),
    );
    // All done, yet never more than 70 % (280 M) before acceptance.
    const capped = await advance(50_000_000, '2026-04-20');
    expectProblem(capped, 422, 'advance_limit_exceeded');
    expect(capped.json().title).toBe('Tổng số tiền tạm ứng vượt mức cho phép trước khi nghiệm thu.');
    expect(await count()).toBe(2);
    const last = ok(await advance(40_000_000, '2026-04-20')).json();
    expect(last.advances.total).toBe(280_000_000);
    expect(last.advances.items.map((i: { basis: string }) => i.basis)).toEqual([
      'first',
      'progress',
      'progress',
    ]);
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
