import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TDueReports,
  TImplementationView,
  TLateSettlements,
} from '../../../domain/schemas/implementation';
import { auditEvents, implementationPhotos } from '../../db/schema';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import { jpeg, pdf, png } from '../../test/sample-files';
import { addAppraisers, recommend, submittedProposal } from '../appraisals/test-support';
import { multipartBody } from '../documents/test-support';
import { setUpWorld, type TWorld } from '../proposals/test-fixtures';
import { monthsBetween } from './implementation-lists';

/**
 * What the implementation screens need beyond the use cases (issue #7 UI): the abilities sent with the
 * implementation view, the caller's reports due (`GET /progress-reports/due`, scoped to the units and
 * Sở that answer for them) and late settlement and liquidation (`GET /implementation/late-settlements`).
 */

let h: THarness;
let w: TWorld;
/** A, B: Lào Cai (through the Sở); D: Bắc Ninh. */
let A: string;
let B: string;
let D: string;
const FUNDING = 400_000_000;

const ok = <T extends { statusCode: number; body: string }>(r: T): T => {
  expect(r.statusCode, r.body).toBe(200);
  return r;
};
const contract = (signedOn: string) => ({
  number: `HĐ-${signedOn}/KC`,
  signedOn,
  value: 1_000_000_000,
  selectionMethod: 'selection',
});
/** POSTs one picture as multipart `file`. */
const photo = (as: TClient, url: string, data: Buffer, fileName = 'hien-truong.jpg') => {
  const body = multipartBody([{ name: 'file', fileName, data, contentType: 'image/jpeg' }]);
  return h.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      ...(as.auth.bearer ? { authorization: `Bearer ${as.auth.bearer}` } : {}),
    },
  });
};
const view = async (who: string, id: string) =>
  ok(await w[who]!.get(`/api/v1/proposals/${id}/implementation`)).json() as TImplementationView;
const due = async (who: string, month?: string) =>
  ok(
    await w[who]!.get(`/api/v1/progress-reports/due${month ? `?month=${month}` : ''}`),
  ).json() as TDueReports;

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-05T02:00:00Z' });
  w = await setUpWorld(h);
  const people = await addAppraisers(h, w);
  const a = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình sấy chè' });
  const b = await submittedProposal(h, w, 'laoCai', { title: 'Mô hình chế biến măng' });
  const d = await submittedProposal(h, w, 'bacNinh', { title: 'Mô hình gốm Phù Lãng' });
  [A, B, D] = [a.id, b.id, d.id];
  h.clock.set('2025-10-20T02:00:00Z');
  await recommend(
    w,
    { key: 'td1', userId: people.td1! },
    [A, B, D].map((id) => ({ id, funding: FUNDING })),
  );
  ok(
    await w.agencyLeader!.post('/api/v1/plans/2026/approve', {
      decisionNumber: '1234/QĐ-BCT',
      decisionDate: '2025-10-20',
    }),
  );
  h.clock.set('2026-03-02T02:00:00Z');
}, 240_000);
afterAll(() => h?.close());

describe('abilities in the implementation view', () => {
  it('follow the status machine, the permissions and the relation to the proposal', async () => {
    const unit = await view('laoCaiCentre', A);
    expect(unit.abilities).toEqual({
      contract: true,
      advance: false,
      report: false,
      requestAdjustment: true,
      planInspection: false,
      recordInspection: false,
      accept: false,
      settle: false,
      close: false,
    });
    const agency = await view('agencyOfficer', A);
    expect(agency.abilities.contract).toBe(true);
    expect(agency.abilities.advance).toBe(false); // not contracted yet
    expect(agency.abilities.planInspection).toBe(true);
    expect(agency.abilities.requestAdjustment).toBe(false);
    const auditor = await view('auditor', A);
    expect(Object.values(auditor.abilities).every((v) => v === false)).toBe(true);
    // Another province sees nothing at all.
    expectProblem(await w.bacNinhOfficer!.get(`/api/v1/proposals/${A}/implementation`), 404, 'not_found');

    ok(await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/contract`, contract('2026-03-02')));
    const contracted = await view('laoCaiCentre', A);
    expect(contracted.abilities.contract).toBe(false);
    expect(contracted.abilities.report).toBe(true);
    expect(contracted.abilities.accept).toBe(false); // the Sở's, not the unit's
    const finance = await view('agencyOfficer', A);
    expect(finance.abilities.advance).toBe(true);
    expect(finance.abilities.settle).toBe(false);
    expect(finance.abilities.recordInspection).toBe(false);
  });

  it('an inspection keeps its team; a planned one may be recorded by an inspector', async () => {
    const team = ['Nguyễn Văn An — Trưởng đoàn', 'Trần Thị Bình — Chuyên viên'];
    const planned = ok(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/inspections`, { plannedOn: '2026-03-10', team }),
    ).json() as TImplementationView;
    expect(planned.inspections[0]).toMatchObject({ status: 'planned', team });
    expect(planned.abilities.recordInspection).toBe(true);
    expect((await view('laoCaiCentre', A)).abilities.recordInspection).toBe(false);
    const done = ok(
      await w.laoCaiOfficer!.post(`/api/v1/inspections/${planned.inspections[0]!.id}/result`, {
        doneOn: '2026-03-02',
        findings: 'Đã lắp đặt 2/3 thiết bị',
        team: [...team, 'Lê Văn Cường — Kế toán'],
        followUps: [{ action: 'Lắp thiết bị còn lại', dueOn: '2026-04-15' }],
      }),
    ).json() as TImplementationView;
    expect(done.inspections[0]).toMatchObject({ status: 'done', doneOn: '2026-03-02' });
    expect(done.inspections[0]!.team).toHaveLength(3);
    expect(done.abilities.recordInspection).toBe(false);
    // Photos: pictures only, in scope, audited both ways; the view lists them.
    const inspectionId = done.inspections[0]!.id;
    const added = await photo(w.laoCaiOfficer!, `/api/v1/inspections/${inspectionId}/photos`, jpeg());
    expect(added.statusCode, added.body).toBe(201);
    const photoId = added.json().id as string;
    expect(
      (await photo(w.laoCaiOfficer!, `/api/v1/inspections/${inspectionId}/photos`, png(), 'b.png'))
        .statusCode,
    ).toBe(201);
    expectProblem(
      await photo(w.laoCaiOfficer!, `/api/v1/inspections/${inspectionId}/photos`, pdf(), 'x.pdf'),
      415,
      'unsupported_file_type',
    );
    expectProblem(
      await photo(w.bacNinhOfficer!, `/api/v1/inspections/${inspectionId}/photos`, jpeg()),
      404,
      'not_found',
    );
    expectProblem(
      await photo(w.laoCaiCentre!, `/api/v1/inspections/${inspectionId}/photos`, jpeg()),
      403,
      'forbidden',
    );
    expect(await h.db.select().from(implementationPhotos)).toHaveLength(2);
    const withPhotos = await view('laoCaiCentre', A);
    expect(withPhotos.inspections[0]!.photos.map((p) => p.fileName)).toEqual(['hien-truong.jpg', 'b.png']);
    const download = await w.laoCaiCentre!.get(`/api/v1/implementation-photos/${photoId}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.equals(jpeg())).toBe(true);
    expectProblem(
      await w.bacNinhOfficer!.get(`/api/v1/implementation-photos/${photoId}/content`),
      404,
      'not_found',
    );
    const audits = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, photoId));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'implementation_photo.downloaded',
      'implementation_photo.uploaded',
    ]);

    expectProblem(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/inspections`, {
        plannedOn: '2026-03-10',
        team: [''],
      }),
      400,
      'validation_failed',
    );
  });

  it('an adjustment is decidable only by its authority or one above', async () => {
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/adjustments`, {
        kind: 'stop',
        reason: 'Đơn vị thụ hưởng không còn đủ điều kiện',
      }),
    );
    const required = (await view('laoCaiCentre', A)).adjustments[0]!;
    expect(required.decidable).toBe(false);
    expect(required.requiredAuthority).toBe('minister');
    expect((await view('agencyOfficer', A)).adjustments[0]!.decidable).toBe(false);
    expect((await view('laoCaiLeader', A)).adjustments[0]!.decidable).toBe(false);
    expect((await view('agencyLeader', A)).adjustments[0]!.decidable).toBe(true);
    ok(
      await w.agencyLeader!.post(`/api/v1/adjustments/${required.id}/decision`, {
        result: 'rejected',
        decisionNumber: '12/QĐ-BCT',
      }),
    );
    expect((await view('agencyLeader', A)).adjustments[0]!.decidable).toBe(false);
  });
});

describe('GET /progress-reports/due', () => {
  it('lists the unit’s and the Sở’s projects owing the month’s report, not another province’s nor the agency’s', async () => {
    ok(await w.laoCaiCentre!.post(`/api/v1/proposals/${B}/contract`, contract('2026-03-02')));
    ok(await w.bacNinhCentre!.post(`/api/v1/proposals/${D}/contract`, contract('2026-03-02')));
    // 2 March: the March report is due on the 25th, not overdue yet.
    const march = await due('laoCaiCentre');
    expect(march.month).toBe('2026-03');
    expect(march.dueDate).toBe('2026-03-25');
    expect(march.items.map((i) => i.id).sort()).toEqual([A, B].sort());
    expect(march.items.every((i) => !i.overdue && i.missingMonths.length === 0)).toBe(true);
    expect((await due('laoCaiOfficer')).items.map((i) => i.id).sort()).toEqual([A, B].sort());
    expect((await due('bacNinhCentre')).items.map((i) => i.id)).toEqual([D]);
    expect((await due('region')).items).toEqual([]);
    expectProblem(await w.agencyLeader!.get('/api/v1/progress-reports/due'), 403, 'forbidden');
    expectProblem(await w.auditor!.get('/api/v1/progress-reports/due'), 403, 'forbidden');
    expectProblem(
      await w.laoCaiCentre!.get('/api/v1/progress-reports/due?month=2026-13'),
      400,
      'validation_failed',
    );
  });

  it('after the 25th the month is overdue; a report removes it; a missed month stays listed', async () => {
    h.clock.set('2026-03-26T02:00:00Z');
    const late = await due('laoCaiCentre');
    expect(late.items.find((i) => i.id === A)?.overdue).toBe(true);
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, {
        month: '2026-03',
        volumePercent: 20,
        moneySpent: 50_000_000,
      }),
    );
    // The report's photos: the unit that reports adds them; the month must have a report.
    const reportPhoto = await photo(
      w.laoCaiCentre!,
      `/api/v1/proposals/${A}/progress-reports/2026-03/photos`,
      jpeg(),
    );
    expect(reportPhoto.statusCode, reportPhoto.body).toBe(201);
    expectProblem(
      await photo(w.laoCaiCentre!, `/api/v1/proposals/${A}/progress-reports/2026-02/photos`, jpeg()),
      404,
      'not_found',
    );
    expectProblem(
      await photo(w.auditor!, `/api/v1/proposals/${A}/progress-reports/2026-03/photos`, jpeg()),
      403,
      'forbidden',
    );
    expect((await view('agencyOfficer', A)).progressReports[0]!.photos).toHaveLength(1);
    const after = await due('laoCaiCentre');
    expect(after.items.map((i) => i.id)).toEqual([B]);
    // In April, B still owes March (missed) and April; A owes April only.
    h.clock.set('2026-04-10T02:00:00Z');
    const april = await due('laoCaiCentre');
    const a = april.items.find((i) => i.id === A)!;
    const b = april.items.find((i) => i.id === B)!;
    expect(a).toMatchObject({ overdue: false, missingMonths: [], lastReportedMonth: '2026-03' });
    expect(b).toMatchObject({ overdue: false, missingMonths: ['2026-03'], lastReportedMonth: null });
  });
});

describe('GET /implementation/late-settlements', () => {
  it('flags an acceptance without settlement after 15 days, in the caller’s scope only', async () => {
    ok(
      await w.laoCaiCentre!.post(`/api/v1/proposals/${A}/progress-reports`, {
        month: '2026-04',
        volumePercent: 100,
        moneySpent: 300_000_000,
      }),
    );
    ok(
      await w.laoCaiOfficer!.post(`/api/v1/proposals/${A}/acceptance`, {
        minutesNumber: '05/BB-NT',
        result: 'passed',
        acceptedOn: '2026-04-10',
      }),
    );
    const list = async (who: string) =>
      (ok(await w[who]!.get('/api/v1/implementation/late-settlements')).json() as TLateSettlements).items;
    expect(await list('agencyOfficer')).toEqual([]); // within 15 days
    h.clock.set('2026-04-26T02:00:00Z');
    const late = await list('agencyOfficer');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      id: A,
      acceptedOn: '2026-04-10',
      settlementDueOn: '2026-04-25',
      settlementLate: true,
      liquidationDeadline: '2027-01-22',
      liquidationLate: false,
      settledOn: null,
    });
    expect((await list('laoCaiOfficer')).map((i) => i.id)).toEqual([A]);
    expect(await list('bacNinhOfficer')).toEqual([]);
    // Settled late: still listed, with the recorded flag; the refund is in the view.
    ok(
      await w.agencyOfficer!.post(`/api/v1/proposals/${A}/settlement`, {
        settledAmount: 300_000_000,
        settledOn: '2026-04-26',
      }),
    );
    const settled = await list('agencyOfficer');
    expect(settled[0]).toMatchObject({ id: A, settledOn: '2026-04-26', settlementLate: true });
    expect((await view('agencyOfficer', A)).abilities.close).toBe(true);
  });
});

describe('monthsBetween', () => {
  it('walks months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });
});
