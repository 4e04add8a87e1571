import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, plans, proposals, users } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { addAppraisers, recommend, submittedProposal } from '../appraisals/test-support';
import { setUpWorld, type TWorld } from '../proposals/test-fixtures';

/**
 * Issue #6, the national plan: ranking by the legal order, the funding line against the envelope,
 * scoped views, approval into versions (agency leader only, audited), the .xlsx totals and the annex,
 * open data without personal data.
 */

let h: THarness;
let w: TWorld;
let ids: { a: string; b: string; c: string };

const PERSONAL = {
  name: 'Hộ kinh doanh Nguyễn Văn An',
  taxCode: '8012345678',
  address: 'Thôn 3, xã Suối Giàng; điện thoại 0912345678; an.nguyen@example.com',
};

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  const people = await addAppraisers(h, w);
  const a = await submittedProposal(h, w, 'laoCai', {
    title: 'Mô hình trình diễn sấy chè bằng năng lượng mặt trời',
    beneficiary: { ...PERSONAL, kind: 'household_business' },
  });
  const b = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình trình diễn chế biến măng' });
  const c = await submittedProposal(h, w, 'bacNinh', { title: 'Đề án điểm gốm Phù Lãng', isPilot: true });
  ids = { a: a.id, b: b.id, c: c.id };
  h.clock.set('2025-10-20T02:00:00Z');
  await recommend(w, { key: 'td1', userId: people.td1! }, [
    { id: a.id, funding: 400_000_000 },
    { id: b.id, funding: 350_000_000 },
    { id: c.id, funding: 300_000_000 },
  ]);
  const envelope = await w.admin!.patch('/api/v1/cycles/2026', { budgetEnvelope: 800_000_000 });
  expect(envelope.statusCode, envelope.body).toBe(200);
});
afterAll(() => h?.close());

type TPlanBody = {
  status: string;
  version: number;
  budgetEnvelope: number;
  headroom: number;
  totals: { count: number; approvedFunding: number };
  reserve: { count: number; approvedFunding: number };
  byProvince: { provinceCode: string; count: number; approvedFunding: number; reserveFunding: number }[];
  byActivityType: { activityType: string; count: number; approvedFunding: number }[];
  items: {
    proposalId: string;
    rank: number;
    inPlan: boolean;
    approvedFunding: number;
    provinceCode: string;
  }[];
  canApprove: boolean;
};

/** The totals equal the sums of the items in the plan, by province and by activity type. */
function expectConsistent(plan: TPlanBody) {
  const inPlan = plan.items.filter((i) => i.inPlan);
  const sum = (xs: { approvedFunding: number }[]) => xs.reduce((n, x) => n + x.approvedFunding, 0);
  expect(plan.totals.count).toBe(inPlan.length);
  expect(plan.totals.approvedFunding).toBe(sum(inPlan));
  expect(sum(plan.byProvince)).toBe(plan.totals.approvedFunding);
  expect(sum(plan.byActivityType)).toBe(plan.totals.approvedFunding);
  expect(plan.byProvince.reduce((n, g) => n + g.count, 0)).toBe(plan.totals.count);
  expect(plan.byActivityType.reduce((n, g) => n + g.count, 0)).toBe(plan.totals.count);
  expect(plan.reserve.approvedFunding).toBe(sum(plan.items.filter((i) => !i.inPlan)));
}

describe('the national plan', () => {
  it('ranks by the legal order and draws the funding line against the envelope', async () => {
    const response = await w.agencyOfficer!.get('/api/v1/plans/2026');
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json() as TPlanBody;
    expect(plan.status).toBe('draft');
    expect(plan.version).toBe(1);
    // The pilot project first; then the two Lào Cai ones in code order; the last does not fit.
    expect(plan.items.map((i) => [i.proposalId, i.inPlan])).toEqual([
      [ids.c, true],
      [ids.a, true],
      [ids.b, false],
    ]);
    expect(plan.totals).toEqual({ count: 2, approvedFunding: 700_000_000 });
    expect(plan.headroom).toBe(100_000_000);
    expect(plan.reserve).toEqual({ count: 1, approvedFunding: 350_000_000 });
    expectConsistent(plan);
    expect(plan.canApprove).toBe(false); // an officer builds it, a leader approves it
    expect((await w.agencyLeader!.get('/api/v1/plans/2026')).json().canApprove).toBe(true);
  });

  it('each province sees its own items only; appraisers see no plan', async () => {
    const laoCai = (await w.laoCaiOfficer!.get('/api/v1/plans/2026')).json() as TPlanBody;
    expect(laoCai.items.map((i) => i.proposalId).sort()).toEqual([ids.a, ids.b].sort());
    expect(laoCai.items.every((i) => i.provinceCode === '15')).toBe(true);
    expect(laoCai.totals).toEqual({ count: 1, approvedFunding: 400_000_000 });
    expectConsistent(laoCai);
    const unit = (await w.bacNinhCentre!.get('/api/v1/plans/2026')).json() as TPlanBody;
    expect(unit.items.map((i) => i.proposalId)).toEqual([ids.c]);
    expectProblem(await w.appraiser!.get('/api/v1/plans/2026'), 403, 'forbidden');
    expectProblem(await w.agencyOfficer!.get('/api/v1/plans/2031'), 404, 'not_found');
  });

  it('open data is empty before any approval', async () => {
    expectProblem(await h.anonymous.get('/api/v1/open-data/plans/2026.json'), 404, 'not_found');
    expectProblem(await h.anonymous.get('/api/v1/open-data/plans/2026.xml'), 400, 'validation_failed');
  });

  it('only an agency leader approves; the plan becomes a version; its proposals become approved', async () => {
    const body = { decisionNumber: '1234/QĐ-BCT', decisionDate: '2025-10-20' };
    for (const who of ['agencyOfficer', 'admin', 'laoCaiLeader', 'auditor']) {
      expectProblem(await w[who]!.post('/api/v1/plans/2026/approve', body), 403, 'forbidden');
    }
    const future = await w.agencyLeader!.post('/api/v1/plans/2026/approve', {
      ...body,
      decisionDate: '2025-10-21',
    });
    expectProblem(future, 400, 'validation_failed');
    expect(await h.db.select().from(plans)).toHaveLength(0);

    const approved = await w.agencyLeader!.post('/api/v1/plans/2026/approve', body);
    expect(approved.statusCode, approved.body).toBe(200);
    const plan = approved.json();
    expect(plan).toMatchObject({ status: 'approved', version: 1, canApprove: false });
    expect(plan.approved).toMatchObject({ decisionNumber: '1234/QĐ-BCT', decisionDate: '2025-10-20' });
    const statuses = Object.fromEntries((await h.db.select().from(proposals)).map((p) => [p.id, p.status]));
    expect([statuses[ids.a], statuses[ids.b], statuses[ids.c]]).toEqual([
      'approved',
      'recommended',
      'approved',
    ]);
    const events = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'plan.approved'));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ version: 1, count: 2, totalFunding: 700_000_000 });
    const approvals = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'proposal.approved'));
    expect(approvals.map((e) => e.entityId).sort()).toEqual([ids.a, ids.c].sort());

    // Nothing changed since: approving again is refused.
    expectProblem(await w.agencyLeader!.post('/api/v1/plans/2026/approve', body), 409, 'invalid_transition');
  });

  it('the .xlsx totals row equals the API total; the annex is a Word file; both audited', async () => {
    const plan = (await w.agencyOfficer!.get('/api/v1/plans/2026')).json() as TPlanBody;
    const file = await w.agencyOfficer!.get('/api/v1/plans/2026/export.xlsx');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kế hoạch')!;
    let totalRow: ExcelJS.Row | undefined;
    const dataCodes: string[] = [];
    let dataSum = 0;
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      if (values.includes('Tổng cộng')) totalRow = row;
      else if (typeof values[2] === 'string' && /^KCQG-/.test(values[2])) {
        dataCodes.push(values[2]);
        dataSum += Number(values[8]);
      }
    });
    expect(totalRow).toBeDefined();
    const cell = totalRow!.getCell(8).value as { formula: string; result: number };
    expect(cell.formula).toMatch(/^SUM\(H\d+:H\d+\)$/);
    expect(cell.result).toBe(plan.totals.approvedFunding);
    expect(dataSum).toBe(plan.totals.approvedFunding);
    expect(dataCodes).toHaveLength(plan.totals.count);
    expect(sheet.getRow(totalRow!.number - 1).getCell(8).numFmt).toBe('#,##0');

    const annex = await w.agencyOfficer!.get('/api/v1/plans/2026/export.docx');
    expect(annex.statusCode).toBe(200);
    expect(annex.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(String(annex.headers['content-disposition'])).toContain('.docx');
    const exported = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'plan.exported'));
    expect(exported.map((e) => (e.after as { format: string }).format)).toEqual(['xlsx', 'docx']);

    // A province exports its own part only.
    const scoped = await w.laoCaiOfficer!.get('/api/v1/plans/2026/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scoped.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.getWorksheet('Kế hoạch')!.getSheetValues());
    expect(text).not.toContain('Phù Lãng');
  });

  it('open data holds the approved plan and no personal data', async () => {
    const json = await h.anonymous.get('/api/v1/open-data/plans/2026.json');
    expect(json.statusCode, json.body).toBe(200);
    const data = json.json();
    expect(data.totals).toEqual({ count: 2, approvedFunding: 700_000_000 });
    const csv = await h.anonymous.get('/api/v1/open-data/plans/2026.csv');
    expect(csv.statusCode).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
    const people = await h.db.select({ name: users.name, email: users.email }).from(users);
    for (const body of [json.body, csv.body]) {
      expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/); // no e-mail address
      expect(body).not.toMatch(/(?:\+84|\b0)\d{9}\b/); // no phone number
      expect(body).not.toContain(PERSONAL.name);
      expect(body).not.toContain(PERSONAL.taxCode);
      expect(body).not.toContain('Hợp tác xã Chè Suối Giàng'); // beneficiaries are never published
      for (const person of people) {
        expect(body).not.toContain(person.email);
        // (test users without a name are called by their e-mail's first letters: too short to look for)
        if (person.name.length > 4) expect(body).not.toContain(person.name);
      }
    }
  });

  it('a larger envelope moves the reserve into a new draft version, approved as version 2', async () => {
    await w.admin!.patch('/api/v1/cycles/2026', { budgetEnvelope: 2_000_000_000 });
    const draft = (await w.agencyLeader!.get('/api/v1/plans/2026')).json() as TPlanBody & {
      approved: { version: number };
    };
    expect(draft).toMatchObject({ status: 'draft', version: 2, canApprove: true });
    expect(draft.approved.version).toBe(1);
    expect(draft.totals).toEqual({ count: 3, approvedFunding: 1_050_000_000 });
    expectConsistent(draft);
    const v2 = await w.agencyLeader!.post('/api/v1/plans/2026/approve', {
      decisionNumber: '1500/QĐ-BCT',
      decisionDate: '2025-10-20',
    });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json()).toMatchObject({ status: 'approved', version: 2 });
    const versions = (await h.db.select().from(plans)).map((p) => [p.version, p.status]).sort();
    expect(versions).toEqual([
      [1, 'superseded'],
      [2, 'approved'],
    ]);
    const open = (await h.anonymous.get('/api/v1/open-data/plans/2026.json')).json();
    expect(open).toMatchObject({ version: 2, decisionNumber: '1500/QĐ-BCT' });
    expect(open.items).toHaveLength(3);
  });
});
