import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPE_DEFINITIONS } from '../../../domain/enums/activity-types';
import { auditEvents, organizations, proposals } from '../../db/schema';
import { createSheetWriter, type TRowValues } from '../../platform/spreadsheet';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import { docx as sampleDocx } from '../../test/sample-files';
import { multipartBody } from '../documents/test-support';
import { PROPOSALS_SHEET } from './proposals.sheet';
import { BEFORE_REGISTRATION, createDraft, setUpWorld, type TWorld } from './test-fixtures';

let h: THarness;
let w: TWorld;
let dir: string;
let centreName: string;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-sheets-http-'));
  const [centre] = await h.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.seedKey, 'ttkc-15'));
  centreName = centre!.name;
});
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function importAs(as: TClient, data: Buffer, query: string, fileName = 'bieu-tong-hop.xlsx') {
  const body = multipartBody([{ name: 'file', fileName, data, contentType: 'application/octet-stream' }]);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/proposals/import?${query}`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      ...(as.auth.bearer ? { authorization: `Bearer ${as.auth.bearer}` } : {}),
    },
  });
}

async function snapshot() {
  const [p] = await h.db.select({ n: count() }).from(proposals);
  const [a] = await h.db.select({ n: count() }).from(auditEvents);
  const [v] = await h.db
    .select({ n: sql<number>`coalesce(sum(${proposals.lockVersion}), 0)::int` })
    .from(proposals);
  return { proposals: p?.n, audit: a?.n, versions: v?.n };
}

const _DEMO = ACTIVITY_TYPE_DEFINITIONS.demonstration_model.nameVi;

function validRow(i: number): TRowValues {
  return {
    title: `Mô hình trình diễn chế biến chè số ${i + 1}`,
    activityType: 'demonstration_model',
    kind: 'single',
    implementingOrganization: centreName,
    beneficiaryName: `Hợp tác xã số ${i + 1}`,
    commune: 'Xã Suối Giàng',
    address: `Thôn ${i + 1}`,
    startDate: '2026-03-01',
    endDate: '2026-11-30',
    budgetTotal: 2_000_000_000,
    budgetRequested: 600_000_000,
    budgetCounterpart: 1_400_000_000,
    budgetOther: 0,
    priorityArea: i % 2 === 0,
    priorityIndustry: false,
    selectionMethod: 'selection',
  };
}

async function tableFile(name: string, rows: TRowValues[]): Promise<string> {
  const file = path.join(dir, name);
  const output = createWriteStream(file);
  const writer = createSheetWriter(PROPOSALS_SHEET, output, {
    titleRows: [['SỞ CÔNG THƯƠNG LÀO CAI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], 'BIỂU TỔNG HỢP'],
  });
  for (const row of rows) await writer.addRow(row);
  await writer.finish();
  await finished(output);
  return file;
}

/** The first data row of files written with two title rows: titles, blank, header, numbers. */
const FIRST = 6;

async function editFile(
  source: string,
  name: string,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  edit(wb.getWorksheet(PROPOSALS_SHEET.sheetName)!, wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return readFile(file);
}

const triples = (response: LightMyRequestResponse) =>
  (response.json().errors as { row: number; column: string; code: string }[]).map((e) => [
    e.row,
    e.column,
    e.code,
  ]);

describe('import of a 5,000-row table with errors planted in known cells (done-when 2)', () => {
  it('lists exactly those errors, and a commit attempt leaves the database unchanged', async () => {
    const draft = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const registered = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const reg = await w.laoCaiLeader!.post('/api/v1/registrations', {
      planYear: 2026,
      proposalIds: [registered.id],
      letterNumber: '12/SCT-QLCN',
      letterDate: '2025-05-05',
    });
    expect(reg.statusCode).toBe(201);

    const rows = Array.from({ length: 5000 }, (_, i) => validRow(i));
    rows[1] = { ...rows[1], code: draft.code }; // an update of a draft: fine
    const source = await tableFile('5000.xlsx', rows);
    const r = (i: number) => FIRST + i;
    const data = await editFile(source, '5000-bad.xlsx', (ws) => {
      ws.getCell(`D${r(6)}`).value = 'Hoạt động không có trong danh mục';
      ws.getCell(`L${r(99)}`).value = 'hai tỷ đồng';
      ws.getCell(`J${r(500)}`).value = new Date('2025-12-01T00:00:00Z');
      ws.getCell(`M${r(999)}`).value = 50_000_000_000;
      ws.getCell(`L${r(999)}`).value = 51_400_000_000;
      ws.getCell(`B${r(1500)}`).value = draft.code; // the second row with that code
      ws.getCell(`B${r(2000)}`).value = 'KCQG-2026-15-9999';
      ws.getCell(`F${r(2500)}`).value = 'Công ty không có thật';
      ws.getCell(`N${r(3000)}`).value = { formula: 'L7-M7', result: 1_400_000_000 };
      ws.getCell(`B${r(3500)}`).value = registered.code; // registered: no longer editable
      ws.getCell(`C${r(3500)}`).value = 'Tên đã sửa';
      ws.getCell(`C${r(4999)}`).value = null;
    });
    const expected = [
      [r(6), 'D', 'unknown_activity_type'],
      [r(99), 'L', 'invalid_money'],
      [r(500), 'J', 'date_outside_plan_year'],
      [r(999), 'M', 'cap_exceeded'],
      [r(1500), 'B', 'duplicate_code'],
      [r(2000), 'B', 'unknown_code'],
      [r(2500), 'F', 'unknown_organization'],
      [r(3000), 'N', 'formula_not_allowed'],
      [r(3500), 'B', 'proposal_not_editable'],
      [r(4999), 'C', 'required'],
    ];

    const before = await snapshot();
    const started = Date.now();
    const dry = await importAs(w.laoCaiOfficer!, data, 'planYear=2026&dryRun=true');
    console.info(`dry run of 5,000 rows: ${Date.now() - started} ms`);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(triples(dry)).toEqual(expected);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 5000, created: 0, updated: 0 });
    const messages = dry.json().errors.map((e: { message: string }) => e.message);
    expect(messages[0]).toMatch(/danh mục/);
    expect(messages[3]).toMatch(/vượt mức hỗ trợ tối đa/);

    const commit = await importAs(w.laoCaiOfficer!, data, 'planYear=2026&dryRun=false');
    expectProblem(commit, 422, 'import_rejected');
    expect(triples(commit)).toEqual(expected);
    expect(await snapshot()).toEqual(before);

    const english = await h.app.inject({
      method: 'POST',
      url: '/api/v1/proposals/import?planYear=2026',
      ...(() => {
        const body = multipartBody([{ name: 'file', fileName: 'x.xlsx', data }]);
        return {
          payload: body.payload,
          headers: {
            'content-type': body.contentType,
            authorization: `Bearer ${w.laoCaiOfficer!.auth.bearer}`,
            'accept-language': 'en',
          },
        };
      })(),
    });
    expect(english.json().errors[1].message).toMatch(/whole, non-negative amount/);
  }, 300_000); // three passes over 5,000 rows on a shared two-core machine
});

describe('import commit, re-import and copy', () => {
  it('creates drafts and updates a draft in one transaction, audited; the exported table re-imports unchanged', async () => {
    const draft = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15');
    const rows = [
      validRow(0),
      validRow(1),
      validRow(2),
      { ...validRow(3), code: draft.code, title: 'Tên mới' },
    ];
    const data = await readFile(await tableFile('commit.xlsx', rows));
    const before = await snapshot();
    const response = await importAs(w.laoCaiOfficer!, data, 'planYear=2026&dryRun=false');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 3, updated: 1, unchanged: 0, errors: [] });
    const after = await snapshot();
    expect(after.proposals).toBe((before.proposals ?? 0) + 3);
    // 3 created + 1 updated + the import itself.
    expect(after.audit).toBe((before.audit ?? 0) + 5);
    const [updated] = await h.db.select().from(proposals).where(eq(proposals.id, draft.id));
    expect(updated).toMatchObject({ title: 'Tên mới', lockVersion: draft.lockVersion + 1, status: 'draft' });
    const [imported] = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'proposal.imported'))
      .orderBy(sql`${auditEvents.id} desc`)
      .limit(1);
    expect(imported?.after).toMatchObject({ created: 3, updated: 1, fileName: 'bieu-tong-hop.xlsx' });
    expect((imported!.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);

    // Export (Lào Cai's table) and import it back: nothing changes.
    const exported = await w.laoCaiOfficer!.get('/api/v1/proposals/export.xlsx?planYear=2026');
    expect(exported.statusCode).toBe(200);
    const again = await importAs(w.laoCaiOfficer!, exported.rawPayload, 'planYear=2026&dryRun=false');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(again.json().unchanged).toBeGreaterThanOrEqual(4);
  });

  it('copies last year’s table as drafts of the new plan year, dates moved by a year', async () => {
    const created = await w.admin!.post('/api/v1/cycles', { planYear: 2027, status: 'open' });
    expect(created.statusCode, created.body).toBe(201);
    const [{ n: sources } = { n: 0 }] = await h.db
      .select({ n: count() })
      .from(proposals)
      .where(
        sql`${proposals.planYear} = 2026 and ${proposals.provinceCode} = '15' and ${proposals.status} not in ('withdrawn','rejected','not_recommended','stopped')`,
      );
    const response = await w.laoCaiOfficer!.post('/api/v1/proposals/copy', {
      fromPlanYear: 2026,
      toPlanYear: 2027,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().created).toBe(sources);
    const copies = await h.db.select().from(proposals).where(eq(proposals.planYear, 2027));
    expect(copies.length).toBe(sources);
    expect(copies.every((p) => p.status === 'draft' && p.code.startsWith('KCQG-2027-15-'))).toBe(true);
    expect(copies.every((p) => !p.startDate || p.startDate.startsWith('2027-'))).toBe(true);
    // Bắc Ninh's officer copies only Bắc Ninh's (none here).
    const other = await w.bacNinhOfficer!.post('/api/v1/proposals/copy', {
      fromPlanYear: 2026,
      toPlanYear: 2027,
    });
    expect(other.json().created).toBe(0);
  });
});

describe('malformed files: a clear error and nothing written (done-when 3)', () => {
  let good: string;
  beforeAll(async () => {
    good = await tableFile('good.xlsx', [validRow(0), validRow(1)]);
  });

  async function refused(data: Buffer, status: number, code: string) {
    const before = await snapshot();
    for (const dryRun of ['true', 'false']) {
      const response = await importAs(w.laoCaiOfficer!, data, `planYear=2026&dryRun=${dryRun}`);
      const body = expectProblem(response, status, code);
      expect(body.detail).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
    return importAs(w.laoCaiOfficer!, data, 'planYear=2026');
  }

  it('a different sheet', async () => {
    const data = await editFile(good, 'sheet.xlsx', (ws) => {
      ws.name = 'Sheet1';
    });
    const response = await refused(data, 422, 'spreadsheet_wrong_sheet');
    expect(response.json().detail).toContain('Biểu tổng hợp');
  });

  it('renamed headers', async () => {
    const data = await editFile(good, 'headers.xlsx', (ws) => {
      ws.getCell('M4').value = 'Kinh phí đề nghị';
    });
    const response = await refused(data, 422, 'spreadsheet_bad_headers');
    expect(response.json().errors).toEqual([
      expect.objectContaining({ path: 'M4', code: 'header_mismatch' }),
    ]);
  });

  it('formulas and merged cells in the data area are cell errors, and nothing is committed', async () => {
    const data = await editFile(good, 'formula-merge.xlsx', (ws) => {
      ws.getCell('L6').value = { formula: 'M6+N6', result: 2_000_000_000 };
      ws.mergeCells('F6:F7');
    });
    const before = await snapshot();
    const dry = await importAs(w.laoCaiOfficer!, data, 'planYear=2026');
    expect(triples(dry)).toEqual([
      [6, 'F', 'merged_cells'],
      [6, 'L', 'formula_not_allowed'],
    ]);
    expectProblem(
      await importAs(w.laoCaiOfficer!, data, 'planYear=2026&dryRun=false'),
      422,
      'import_rejected',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('an empty file, and a table with headers and no rows', async () => {
    await refused(Buffer.alloc(0), 422, 'spreadsheet_empty');
    await refused(await readFile(await tableFile('no-rows.xlsx', [])), 422, 'spreadsheet_empty');
  });

  it('a file that is not an xlsx, whatever its name (text, a Word file)', async () => {
    await refused(Buffer.from('STT;Tên đề án\n1;Mô hình\n'), 415, 'unsupported_file_type');
    await refused(sampleDocx(), 415, 'unsupported_file_type');
  });

  it('a 20 MB file', async () => {
    const big = Buffer.concat([await readFile(good), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    await refused(big, 413, 'payload_too_large');
  });

  it('a file without the file part, or another province’s unit', async () => {
    const body = multipartBody([{ name: 'other', value: 'x' }]);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/proposals/import?planYear=2026',
      payload: body.payload,
      headers: { 'content-type': body.contentType, authorization: `Bearer ${w.laoCaiOfficer!.auth.bearer}` },
    });
    expectProblem(response, 400, 'validation_failed');
    const bacNinh = await importAs(w.bacNinhOfficer!, await readFile(good), 'planYear=2026');
    expect(triples(bacNinh)).toEqual([
      [6, 'F', 'unknown_organization'],
      [7, 'F', 'unknown_organization'],
    ]);
    // Roles without proposals.write may not import.
    expectProblem(await importAs(w.agencyOfficer!, await readFile(good), 'planYear=2026'), 403, 'forbidden');
  });
});
