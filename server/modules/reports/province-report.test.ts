import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnd } from '../../../domain/lib/money';
import { auditEvents, proposalAdjustments, proposalInspections, proposals } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { readZipEntry } from '../../test/sample-files';
import { addAppraisers, recommend, submittedProposal } from '../appraisals/test-support';
import { setUpWorld, type TWorld } from '../proposals/test-fixtures';

/**
 * Issue #7, done-when 6: the Sở's quarterly report. Projects of Lào Cai (15) at several steps — settled
 * with a refund (A), in progress with a report at 23:30 on the last day of the quarter (B), adjusted
 * (C: one decision inside the quarter, one after it), a local-programme project whose report came at
 * 00:30 the next day (E), approved only (F) — and one of Bắc Ninh (D) that must be absent. The Q2 2026
 * report is generated, the .xlsx and .docx are READ BACK and every figure compared with an independent
 * SQL computation as of 30 June 2026 24:00 Vietnam time.
 */

let h: THarness;
let w: TWorld;
const P: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string> = { A: '', B: '', C: '', D: '', E: '', F: '' };
const FUNDING = 400_000_000;
/** The end of Q2 2026: 1 July 2026 00:00 in Vietnam. */
const END = '2026-06-30T17:00:00Z';
const END_DATE = '2026-06-30';
const Q2 = 'provinceCode=15&year=2026&period=Q2';

const ok = <T extends { statusCode: number; body: string }>(r: T): T => {
  expect(r.statusCode, r.body).toBe(200);
  return r;
};
const contract = (signedOn: string, value: number) => ({
  number: `HĐ-${value}/KC`,
  signedOn,
  value,
  selectionMethod: 'selection',
});

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  const people = await addAppraisers(h, w);
  for (const [key, side, title] of [
    ['A', 'laoCai', 'Mô hình sấy chè Bát Xát'],
    ['B', 'laoCai', 'Mô hình chế biến măng Văn Bàn'],
    ['C', 'laoCai', 'Mô hình chế biến quế Văn Yên'],
    ['E', 'laoCai', 'Mô hình dệt thổ cẩm Sa Pa'],
    ['F', 'laoCai', 'Mô hình sản xuất miến dong'],
    ['D', 'bacNinh', 'Mô hình gốm Phù Lãng'],
  ] as const) {
    P[key] = (await submittedProposal(h, w, side, { title })).id;
  }
  h.clock.set('2025-10-20T02:00:00Z');
  await recommend(
    w,
    { key: 'td1', userId: people.td1! },
    Object.values(P).map((id) => ({ id, funding: FUNDING })),
  );
  ok(
    await w.agencyLeader!.post('/api/v1/plans/2026/approve', {
      decisionNumber: '1234/QĐ-BCT',
      decisionDate: '2025-10-20',
    }),
  );
  // E is a project of the province's own (KCĐP) programme.
  await h.db.update(proposals).set({ programme: 'local' }).where(eq(proposals.id, P.E));

  h.clock.set('2026-03-02T02:00:00Z');
  ok(await w.laoCaiCentre!.post(`/api/v1/proposals/${P.A}/contract`, contract('2026-03-02', 1_000_000_000)));
  ok(await w.laoCaiOfficer!.post(`/api/v1/proposals/${P.B}/contract`, contract('2026-03-02', 900_000_000)));
  ok(await w.laoCaiOfficer!.post(`/api/v1/proposals/${P.C}/contract`, contract('2026-03-02', 800_000_000)));
  ok(await w.laoCaiOfficer!.post(`/api/v1/proposals/${P.E}/contract`, contract('2026-03-02', 700_000_000)));
  ok(await w.bacNinhCentre!.post(`/api/v1/proposals/${P.D}/contract`, contract('2026-03-02', 1_000_000_000)));

  const report = (
    as: string,
    id: string,
    month: string,
    volumePercent: number,
    moneySpent: number,
    problems?: string,
  ) =>
    w[as]!.post(`/api/v1/proposals/${id}/progress-reports`, { month, volumePercent, moneySpent, problems });
  h.clock.set('2026-03-20T02:00:00Z');
  ok(await report('laoCaiCentre', P.A, '2026-03', 60, 300_000_000, 'Chậm giao máy sấy'));
  h.clock.set('2026-04-20T02:00:00Z');
  ok(await report('laoCaiCentre', P.A, '2026-04', 75, 450_000_000, 'Chậm giao máy sấy'));
  ok(await report('bacNinhCentre', P.D, '2026-04', 80, 500_000_000, 'Thiếu đất sét'));
  ok(
    await w.agencyOfficer!.post(`/api/v1/proposals/${P.A}/advances`, {
      amount: 200_000_000,
      paidOn: '2026-04-20',
    }),
  );
  ok(
    await w.agencyOfficer!.post(`/api/v1/proposals/${P.D}/advances`, {
      amount: 250_000_000,
      paidOn: '2026-04-20',
    }),
  );
  h.clock.set('2026-05-10T02:00:00Z');
  ok(
    await w.agencyOfficer!.post(`/api/v1/proposals/${P.A}/advances`, {
      amount: 80_000_000,
      paidOn: '2026-05-10',
    }),
  );
  ok(await w.laoCaiOfficer!.post(`/api/v1/proposals/${P.B}/inspections`, { plannedOn: '2026-06-10' }));
  ok(await w.bacNinhOfficer!.post(`/api/v1/proposals/${P.D}/inspections`, { plannedOn: '2026-06-11' }));
  h.clock.set('2026-05-20T02:00:00Z');
  ok(await report('laoCaiCentre', P.A, '2026-05', 100, 600_000_000));
  h.clock.set('2026-06-02T02:00:00Z');
  ok(
    await w.laoCaiOfficer!.post(`/api/v1/proposals/${P.C}/adjustments`, {
      kind: 'timing',
      reason: 'Chậm mặt bằng',
      description: 'Lùi 2 tháng',
    }),
  );
  h.clock.set('2026-06-03T02:00:00Z');
  const [timing] = await h.db
    .select()
    .from(proposalAdjustments)
    .where(eq(proposalAdjustments.proposalId, P.C));
  ok(
    await w.agencyOfficer!.post(`/api/v1/adjustments/${timing!.id}/decision`, {
      result: 'approved',
      decisionNumber: '55/QĐ-KC',
    }),
  );
  h.clock.set('2026-06-05T02:00:00Z');
  ok(
    await w.laoCaiOfficer!.post(`/api/v1/proposals/${P.C}/adjustments`, {
      kind: 'decrease',
      reason: 'Giảm quy mô',
      newApprovedFunding: 350_000_000,
    }),
  );
  h.clock.set('2026-06-10T09:00:00Z');
  const done = async (id: string, as: string) => {
    const [i] = await h.db.select().from(proposalInspections).where(eq(proposalInspections.proposalId, id));
    ok(
      await w[as]!.post(`/api/v1/inspections/${i!.id}/result`, {
        doneOn: '2026-06-10',
        findings: 'Thiết bị đã lắp đặt, chưa vận hành thử',
        followUps: [{ action: 'Vận hành thử dây chuyền', dueOn: '2026-07-15' }],
      }),
    );
  };
  await done(P.B, 'laoCaiOfficer');
  await done(P.D, 'bacNinhOfficer');
  ok(
    await w.laoCaiLeader!.post(`/api/v1/proposals/${P.A}/acceptance`, {
      minutesNumber: '12/BB-NT',
      result: 'passed',
      acceptedOn: '2026-06-10',
    }),
  );
  h.clock.set('2026-06-20T02:00:00Z');
  ok(
    await w.agencyOfficer!.post(`/api/v1/proposals/${P.A}/settlement`, {
      settledAmount: 250_000_000,
      settledOn: '2026-06-20',
    }),
  );
  // The boundary: 23:30 on 30 June in Vietnam is in the quarter, 00:30 on 1 July is not.
  h.clock.set('2026-06-30T16:30:00Z');
  ok(await report('laoCaiCentre', P.B, '2026-06', 50, 200_000_000, 'Thiếu nhân công'));
  h.clock.set('2026-06-30T17:30:00Z');
  ok(await report('laoCaiCentre', P.E, '2026-06', 40, 150_000_000, 'Mưa lũ'));
  // The decrease of C decided after the quarter: the report keeps the support in force on 30 June.
  h.clock.set('2026-07-02T02:00:00Z');
  const [decrease] = await h.db
    .select()
    .from(proposalAdjustments)
    .where(sql`${proposalAdjustments.proposalId} = ${P.C} and ${proposalAdjustments.kind} = 'decrease'`);
  ok(
    await w.agencyOfficer!.post(`/api/v1/adjustments/${decrease!.id}/decision`, {
      result: 'approved',
      decisionNumber: '77/QĐ-KC',
    }),
  );
  h.clock.set('2026-07-05T02:00:00Z');
}, 300_000);
afterAll(() => h?.close());

type TExpected = {
  code: string;
  programme: string;
  status: string;
  approvedSupport: number;
  contractedValue: number;
  advanced: number;
  spent: number;
  volumePercent: number | null;
  problems: string | null;
  accepted: boolean;
  settled: number;
  refunded: number;
};

/** The figures as of the end of the quarter, by SQL written independently of the use case. */
async function expected(): Promise<TExpected[]> {
  const result = await h.db.execute(sql`
    select p.code, p.programme,
      (select t.to_status from proposal_transitions t where t.proposal_id = p.id and t.at < ${END}::timestamptz
        order by t.at desc, t.id desc limit 1) as status,
      -- today's support, undoing the approved changes decided after the quarter
      coalesce((select (a.changes->>'previousApprovedFunding')::bigint from proposal_adjustments a
        where a.proposal_id = p.id and a.status = 'approved' and a.decided_at >= ${END}::timestamptz
          and a.changes ? 'previousApprovedFunding' order by a.decided_at limit 1), p.approved_funding) as support,
      coalesce((select c.value from proposal_contracts c where c.proposal_id = p.id and c.signed_on <= ${END_DATE}), 0) as contracted,
      (select coalesce(sum(v.amount), 0) from proposal_advances v where v.proposal_id = p.id and v.paid_on <= ${END_DATE}) as advanced,
      r.money_spent, r.volume_percent, r.problems,
      exists (select 1 from proposal_acceptances x where x.proposal_id = p.id and x.accepted_on <= ${END_DATE}) as accepted,
      coalesce((select s.settled_amount from proposal_settlements s where s.proposal_id = p.id and s.settled_on <= ${END_DATE}), 0) as settled,
      coalesce((select s.refund_amount from proposal_settlements s where s.proposal_id = p.id and s.settled_on <= ${END_DATE}), 0) as refunded
    from proposals p
    left join (select distinct on (proposal_id) proposal_id, money_spent, volume_percent, problems
      from progress_reports where submitted_at < ${END}::timestamptz order by proposal_id, month desc) r on r.proposal_id = p.id
    where p.province_code = '15' and p.approved_funding is not null
    order by p.programme, p.code`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    code: String(r.code),
    programme: String(r.programme),
    status: String(r.status),
    approvedSupport: Number(r.support),
    contractedValue: Number(r.contracted),
    advanced: Number(r.advanced),
    spent: Number(r.money_spent ?? 0),
    volumePercent: r.volume_percent === null ? null : Number(r.volume_percent),
    problems: (r.problems as string | null) ?? null,
    accepted: Boolean(r.accepted),
    settled: Number(r.settled),
    refunded: Number(r.refunded),
  }));
}

const codeOf = async (id: string) =>
  (await h.db.select({ code: proposals.code }).from(proposals).where(eq(proposals.id, id)))[0]!.code;

/** Rows of every table of a Word document, as the text of their cells. */
function docxRows(file: Buffer): string[][] {
  const xml = readZipEntry(file, 'word/document.xml')!.toString('utf8');
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&amp;/g, '&');
  return xml
    .split('<w:tr')
    .slice(1)
    .map((tr) => tr.split('<w:tc>').slice(1).map(text));
}

describe('the quarterly report of a province', () => {
  it('the figures are the independent computation as of 30 June 24:00; the boundary instant decides', async () => {
    const want = await expected();
    expect(want.map((x) => x.code)).toHaveLength(5);
    const report = ok(await w.laoCaiOfficer!.get(`/api/v1/reports/province?${Q2}`)).json();
    expect(report).toMatchObject({
      provinceName: 'Lào Cai',
      startDate: '2026-04-01',
      endDate: '2026-06-30',
      reportDate: '2026-07-05',
      issuer: { department: 'SỞ CÔNG THƯƠNG LÀO CAI', committee: 'UBND TỈNH LÀO CAI' },
    });
    const got = report.projects.map((p: Record<string, unknown>) => ({
      code: p.code,
      programme: p.programme,
      status: p.status,
      approvedSupport: p.approvedSupport,
      contractedValue: p.contractedValue,
      advanced: p.advanced,
      spent: p.spent,
      volumePercent: p.volumePercent,
      problems: p.problems,
    }));
    expect(got).toEqual(want.map(({ accepted: _a, settled: _s, refunded: _r, ...x }) => x));
    // The facts the scenario made, stated plainly as well.
    const by = Object.fromEntries(report.projects.map((p: { code: string }) => [p.code, p]));
    const [A, B, C, E, F, D] = await Promise.all([P.A, P.B, P.C, P.E, P.F, P.D].map(codeOf));
    expect(by[A!]).toMatchObject({
      status: 'settled',
      advanced: 280_000_000,
      spent: 600_000_000,
      volumePercent: 100,
    });
    expect(by[B!]).toMatchObject({
      status: 'in_progress',
      spent: 200_000_000,
      volumePercent: 50,
      problems: 'Thiếu nhân công',
    });
    expect(by[E!]).toMatchObject({ programme: 'local', status: 'contracted', spent: 0, volumePercent: null });
    expect(by[C!]).toMatchObject({ approvedSupport: FUNDING, status: 'contracted' });
    expect(by[F!]).toMatchObject({ status: 'approved', contractedValue: 0 });
    expect(by[D!]).toBeUndefined();

    for (const programme of ['national', 'local'] as const) {
      const own = want.filter((x) => x.programme === programme);
      const sum = (f: (x: TExpected) => number) => own.reduce((n, x) => n + f(x), 0);
      const summary = report.programmes.find((p: { programme: string }) => p.programme === programme);
      expect(summary).toMatchObject({
        projects: own.length,
        approvedSupport: sum((x) => x.approvedSupport),
        contractedValue: sum((x) => x.contractedValue),
        advanced: sum((x) => x.advanced),
        spent: sum((x) => x.spent),
        acceptedProjects: own.filter((x) => x.accepted).length,
        acceptedSupport: sum((x) => (x.accepted ? x.approvedSupport : 0)),
        settled: sum((x) => x.settled),
        refunded: sum((x) => x.refunded),
      });
      for (const s of summary.byStatus) {
        expect(s.count, `${programme} ${s.status}`).toBe(own.filter((x) => x.status === s.status).length);
      }
    }
    expect(report.programmes[0]).toMatchObject({ settled: 250_000_000, refunded: 30_000_000 });

    // Inspections done in the quarter, with their follow-ups: Lào Cai's only.
    expect(report.inspections).toEqual([
      {
        code: B,
        title: 'Mô hình chế biến măng Văn Bàn',
        plannedOn: '2026-06-10',
        doneOn: '2026-06-10',
        findings: 'Thiết bị đã lắp đặt, chưa vận hành thử',
        followUps: [{ action: 'Vận hành thử dây chuyền', dueOn: '2026-07-15' }],
      },
    ]);
    // Monthly reports overdue at their 25th: B in April and May (June came late, at 23:30 on 30 June),
    // C every month, E every month (its June report came after the quarter); A always on time.
    const overdue = report.overdueReports.map(
      (o: { code: string; month: string; submittedOn: string | null }) =>
        [o.code, o.month, o.submittedOn].join(' '),
    );
    expect(overdue.sort()).toEqual(
      [
        `${B} 2026-04 `,
        `${B} 2026-05 `,
        `${B} 2026-06 2026-06-30`,
        `${C} 2026-04 `,
        `${C} 2026-05 `,
        `${C} 2026-06 `,
        `${E} 2026-04 `,
        `${E} 2026-05 `,
        `${E} 2026-06 `,
      ].sort(),
    );
    // Adjustments: the timing change decided in the quarter, the decrease still waiting on 30 June.
    expect(
      report.adjustments.map((a: Record<string, unknown>) => [a.code, a.kind, a.status, a.decisionNumber]),
    ).toEqual([
      [C, 'timing', 'approved', '55/QĐ-KC'],
      [C, 'decrease', 'requested', null],
    ]);
  });

  it('the .xlsx read back: every figure is the SQL computation, money in #,##0; Bắc Ninh absent', async () => {
    const want = await expected();
    const file = ok(await w.laoCaiLeader!.get(`/api/v1/reports/province.xlsx?${Q2}`));
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Đề án',
      'Kiểm tra',
      'Chậm báo cáo',
      'Điều chỉnh',
    ]);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(
      expect.arrayContaining([
        'UBND TỈNH LÀO CAI',
        'SỞ CÔNG THƯƠNG LÀO CAI',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: ……/BC-SCT',
        'Lào Cai, ngày 05 tháng 07 năm 2026',
        'BÁO CÁO',
      ]),
    );
    expect(
      texts.some(
        (t) => t.startsWith('Kính gửi: Cục Đổi mới sáng tạo') && t.includes('Ủy ban nhân dân tỉnh Lào Cai'),
      ),
    ).toBe(true);
    const indicator = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(2).value === label) found = row;
      });
      expect(found, label).toBeDefined();
      return [Number(found!.getCell(4).value), Number(found!.getCell(5).value)];
    };
    const sums = (f: (x: TExpected) => number) =>
      ['national', 'local'].map((g) => want.filter((x) => x.programme === g).reduce((n, x) => n + f(x), 0));
    expect(indicator('Số đề án')).toEqual(sums(() => 1));
    expect(indicator('Kinh phí hỗ trợ được duyệt')).toEqual(sums((x) => x.approvedSupport));
    expect(indicator('Giá trị hợp đồng đã ký')).toEqual(sums((x) => x.contractedValue));
    expect(indicator('Kinh phí đã tạm ứng')).toEqual(sums((x) => x.advanced));
    expect(indicator('Kinh phí đã giải ngân (theo báo cáo tiến độ)')).toEqual(sums((x) => x.spent));
    expect(indicator('Số đề án đã nghiệm thu')).toEqual(sums((x) => (x.accepted ? 1 : 0)));
    expect(indicator('Kinh phí đã quyết toán')).toEqual(sums((x) => x.settled));
    expect(indicator('Kinh phí thu hồi, nộp trả')).toEqual(sums((x) => x.refunded));
    expect(indicator('- Đang thực hiện')).toEqual(
      ['national', 'local'].map(
        (g) => want.filter((x) => x.programme === g && x.status === 'in_progress').length,
      ),
    );

    const sheet = workbook.getWorksheet('Đề án')!;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => {
      const code = row.getCell(2).value;
      if (typeof code === 'string' && /^KC/.test(code)) rows.set(code, row);
    });
    expect([...rows.keys()].sort()).toEqual(want.map((x) => x.code).sort());
    expect([...rows.keys()]).not.toContain(await codeOf(P.D));
    for (const x of want) {
      const row = rows.get(x.code)!;
      expect(
        [7, 8, 9, 10, 11].map((c) => row.getCell(c).value),
        x.code,
      ).toEqual([x.approvedSupport, x.contractedValue, x.advanced, x.spent, x.volumePercent]);
      expect(row.getCell(7).numFmt).toBe('#,##0');
      expect(row.getCell(12).value ?? null).toBe(x.problems);
    }
    // The totals row: SUM formulas whose results are the sums.
    let totals: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') totals = row;
    });
    const cell = totals!.getCell(9).value as { formula: string; result: number };
    expect(cell.formula).toMatch(/^SUM\(I\d+:I\d+\)$/);
    expect(cell.result).toBe(want.reduce((n, x) => n + x.advanced, 0));
    const inspections: string[] = [];
    workbook.getWorksheet('Kiểm tra')!.eachRow((row) => inspections.push(String(row.getCell(2).value)));
    expect(inspections).toContain(await codeOf(P.B));
    expect(inspections).not.toContain(await codeOf(P.D));
  });

  it('the .docx read back: the official heading, and each project row the SQL figures in VND', async () => {
    const want = await expected();
    const file = ok(await w.agencyOfficer!.get(`/api/v1/reports/province.docx?${Q2}`));
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const rows = docxRows(file.rawPayload);
    const all = rows.flat().join('\n');
    for (const text of [
      'UBND TỈNH LÀO CAI',
      'SỞ CÔNG THƯƠNG LÀO CAI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: ……/BC-SCT',
      'Lào Cai, ngày 05 tháng 07 năm 2026',
    ]) {
      expect(all).toContain(text);
    }
    const xml = readZipEntry(file.rawPayload, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('Kính gửi:');
    expect(xml).toContain('Ủy ban nhân dân tỉnh Lào Cai');
    expect(xml).toContain('quý II năm 2026');
    const byCode = new Map(rows.filter((r) => r.length === 11).map((r) => [r[1]!, r]));
    for (const x of want) {
      const row = byCode.get(x.code);
      expect(row, x.code).toBeDefined();
      expect(row!.slice(5, 10)).toEqual([
        formatVnd(x.approvedSupport),
        formatVnd(x.contractedValue),
        formatVnd(x.advanced),
        formatVnd(x.spent),
        x.volumePercent === null ? '' : String(x.volumePercent),
      ]);
    }
    expect(xml).not.toContain(await codeOf(P.D));
    expect(xml).not.toContain('Phù Lãng');
  });

  it('access: own province or the agency; another province, a unit, an unknown province answer no; exports audited', async () => {
    expectProblem(await w.bacNinhOfficer!.get(`/api/v1/reports/province?${Q2}`), 404, 'not_found');
    expectProblem(await w.bacNinhLeader!.get(`/api/v1/reports/province.xlsx?${Q2}`), 404, 'not_found');
    expectProblem(await w.bacNinhOfficer!.get(`/api/v1/reports/province.docx?${Q2}`), 404, 'not_found');
    expectProblem(await w.laoCaiCentre!.get(`/api/v1/reports/province?${Q2}`), 403, 'forbidden');
    expectProblem(await w.appraiser!.get(`/api/v1/reports/province?${Q2}`), 403, 'forbidden');
    expectProblem(
      await w.agencyOfficer!.get('/api/v1/reports/province?provinceCode=99&year=2026&period=Q2'),
      404,
      'not_found',
    );
    expectProblem(
      await w.agencyOfficer!.get('/api/v1/reports/province?provinceCode=15&year=2026&period=Q5'),
      400,
      'validation_failed',
    );
    const future = await w.agencyOfficer!.get('/api/v1/reports/province?provinceCode=15&year=2026&period=Q4');
    expectProblem(future, 400, 'validation_failed');
    const bacNinh = ok(
      await w.bacNinhOfficer!.get('/api/v1/reports/province?provinceCode=24&year=2026&period=Q2'),
    ).json();
    expect(bacNinh.projects.map((p: { code: string }) => p.code)).toEqual([await codeOf(P.D)]);
    ok(await w.agencyLeader!.get(`/api/v1/reports/province?${Q2}`));
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.exported'));
    expect(audit.map((a) => (a.after as { format: string }).format).sort()).toEqual(['docx', 'xlsx']);
    expect(audit.every((a) => a.provinceCode === '15')).toBe(true);
  });

  it('the half-year and the year cover the earlier months too', async () => {
    const h1 = ok(
      await w.laoCaiOfficer!.get('/api/v1/reports/province?provinceCode=15&year=2026&period=H1'),
    ).json();
    expect(h1).toMatchObject({ startDate: '2026-01-01', endDate: '2026-06-30' });
    expect(h1.overdueReports.length).toBeGreaterThan(9); // March too
    const q1 = ok(
      await w.laoCaiOfficer!.get('/api/v1/reports/province?provinceCode=15&year=2026&period=Q1'),
    ).json();
    // On 31 March: A in progress with its March report; nothing advanced yet.
    expect(q1.programmes[0]).toMatchObject({ advanced: 0, spent: 300_000_000, settled: 0 });
    expect(q1.inspections).toEqual([]);
  });
});
