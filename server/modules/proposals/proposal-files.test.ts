import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { readZipEntry } from '../../test/sample-files';
import { OUTLINE_SECTIONS } from './proposals.docx';
import { BEFORE_REGISTRATION, createDraft, setUpWorld, type TWorld } from './test-fixtures';

/**
 * The files officials open (done-when 4): the registration table (.xlsx) and the Word letter and
 * outline (.docx) read back — cells, number formats, print setup, headings — and converted to PDF by
 * LibreOffice headless when it is installed (CI installs it: scripts/install-test-deps.sh).
 */

const run = promisify(execFile);
let h: THarness;
let w: TWorld;
let dir: string;
let draftId: string;
let registrationId: string;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-files-'));
  const a = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { priorityArea: true });
  const b = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', {
    title: 'Hỗ trợ máy móc thiết bị chế biến miến dong',
    budget: { total: 1_000_000_000, requested: 300_000_000, counterpart: 700_000_000, other: 0 },
  });
  await createDraft(h, w.bacNinhOfficer!, 'ttkc-24');
  draftId = a.id;
  const reg = await w.laoCaiLeader!.post('/api/v1/registrations', {
    planYear: 2026,
    proposalIds: [a.id, b.id],
    letterNumber: '125/SCT-QLCN',
    letterDate: '2025-05-05',
  });
  expect(reg.statusCode, reg.body).toBe(201);
  registrationId = reg.json().id;
});
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) =>
  existsSync(p),
);

/** LibreOffice headless → PDF with a private profile (parallel runs do not clash); null when absent. */
async function toPdf(file: string): Promise<Buffer | null> {
  if (!SOFFICE) {
    console.info('LibreOffice (soffice) is not installed: PDF conversion skipped (CI installs it)');
    return null;
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kc-soffice-'));
  try {
    await run(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
  return readFile(pdf);
}

const documentXml = (file: Buffer) => readZipEntry(file, 'word/document.xml')!.toString('utf8');
/** The text of a Word document: the runs' text joined, paragraph by paragraph. */
const paragraphs = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean);

describe('the registration table (.xlsx)', () => {
  it('holds the layout officials use: titles, headers with units, VND formats, totals formula, print setup; converts to PDF', async () => {
    const response = await w.laoCaiOfficer!.get('/api/v1/proposals/export.xlsx?planYear=2026');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(response.headers['content-disposition'])).toContain('attachment');
    const file = path.join(dir, 'bieu-tong-hop.xlsx');
    await writeFile(file, response.rawPayload);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Biểu tổng hợp')!;
    expect(ws).toBeDefined();
    expect(String(ws.getCell('A1').value)).toMatch(/^SỞ CÔNG THƯƠNG/);
    expect(String(ws.getCell('A2').value)).toBe(
      'BIỂU TỔNG HỢP ĐĂNG KÝ KẾ HOẠCH KHUYẾN CÔNG QUỐC GIA NĂM 2026',
    );
    expect(ws.getRow(5).values).toEqual(
      expect.arrayContaining([
        'STT',
        'Mã đề án',
        'Tên đề án',
        'Tổng kinh phí (đồng)',
        'Kinh phí KCQG hỗ trợ (đồng)',
      ]),
    );
    expect(ws.getCell('L5').value).toBe('Tổng kinh phí (đồng)');
    expect(ws.getCell('A6').value).toBe('(1)');
    // Two Lào Cai proposals only (scope): rows 7 and 8, then the totals row.
    expect(ws.getCell('A7').value).toBe(1);
    expect(ws.getCell('A8').value).toBe(2);
    expect(String(ws.getCell('B7').value)).toMatch(/^KCQG-2026-15-\d{4}$/);
    expect(ws.getCell('L7').value).toBe(2_000_000_000);
    expect(ws.getCell('L7').numFmt).toBe('#,##0');
    expect(ws.getCell('J7').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('P7').value).toBe('x'); // priority area
    expect(ws.getCell('S7').value).toBe('Đã đăng ký');
    expect(ws.getCell('B9').value).toBe('Tổng cộng');
    expect(ws.getCell('L9').value).toEqual({ formula: 'SUM(L7:L8)', result: 3_000_000_000 });
    expect(ws.getCell('M9').value).toEqual({ formula: 'SUM(M7:M8)', result: 900_000_000 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '5:6',
    });
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'proposal.list_exported')));
    expect(events.at(-1)?.after).toMatchObject({ format: 'xlsx', rows: 2 });

    const pdf = await toPdf(file);
    if (pdf) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 180_000); // LibreOffice converts in ~10 s alone, longer on a loaded machine

  it('the export is scoped and an unauthenticated caller gets nothing', async () => {
    const bacNinh = await w.bacNinhOfficer!.get(
      '/api/v1/proposals/export.xlsx?planYear=2026&provinceCode=15',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bacNinh.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Biểu tổng hợp')!;
    expect(sheet.getCell('A7').value).toBeNull();
    expect(sheet.getCell('B7').value).toBe('Tổng cộng');
    expectProblem(await h.anonymous.get('/api/v1/proposals/export.xlsx'), 401, 'unauthenticated');
  });
});

describe('Word documents (.docx)', () => {
  it('the registration letter: heading, number, date, recipient, the proposals and their totals; converts to PDF', async () => {
    const response = await w.laoCaiOfficer!.get(`/api/v1/registrations/${registrationId}/letter.docx`);
    expect(response.statusCode, response.body).toBe(200);
    const text = paragraphs(documentXml(response.rawPayload));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 125/SCT-QLCN');
    expect(text.filter((p) => p.includes(', ngày 05 tháng 05 năm 2025'))).toEqual([
      'Lào Cai, ngày 05 tháng 05 năm 2025',
    ]);
    expect(text).toContain('V/v đăng ký kế hoạch khuyến công quốc gia năm 2026');
    expect(text.filter((p) => p.startsWith('Kính gửi'))).toEqual([
      'Kính gửi: Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công - Bộ Công Thương',
    ]);
    expect(text).toContain('Hỗ trợ máy móc thiết bị chế biến miến dong');
    expect(text).toContain('3.000.000.000'); // total of the two
    expect(text).toContain('900.000.000');
    const file = path.join(dir, 'cong-van.docx');
    await writeFile(file, response.rawPayload);
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'registration.letter_exported'));
    expect(event?.entityId).toBe(registrationId);
    const pdf = await toPdf(file);
    if (pdf) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Another province's officer: 404, like a missing letter.
    expectProblem(
      await w.bacNinhOfficer!.get(`/api/v1/registrations/${registrationId}/letter.docx`),
      404,
      'not_found',
    );
  }, 180_000); // LibreOffice converts in ~10 s alone, longer on a loaded machine

  it('the project outline: the eight sections of TT 36/2013 Art. 5 as headings, filled from the proposal', async () => {
    const response = await w.laoCaiCentre!.get(`/api/v1/proposals/${draftId}/outline.docx`);
    expect(response.statusCode, response.body).toBe(200);
    const xml = documentXml(response.rawPayload);
    const headings = [
      ...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs),
    ].map((m) => paragraphs(m[0]).join(''));
    expect(headings).toEqual(OUTLINE_SECTIONS.map((title, i) => `${i + 1}. ${title}`));
    const text = paragraphs(xml);
    expect(text).toContain('ĐỀ ÁN KHUYẾN CÔNG QUỐC GIA');
    expect(text).toContain('Mô hình trình diễn kỹ thuật chế biến chè Shan tuyết');
    expect(text).toContain('Đơn vị thụ hưởng: Hợp tác xã Chè Suối Giàng');
    expect(text).toContain('Thời gian thực hiện: Từ 01/03/2026 đến 30/11/2026');
    expect(text).toContain('Địa bàn ưu tiên: Có');
    expect(text).toContain('600.000.000');
    expect(text).toContain('- Mô hình trình diễn: 1 mô hình');
    await writeFile(path.join(dir, 'de-cuong.docx'), response.rawPayload);
    expectProblem(await w.bacNinhOfficer!.get(`/api/v1/proposals/${draftId}/outline.docx`), 404, 'not_found');
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'proposal.outline_exported'));
    expect(event?.entityId).toBe(draftId);
    expect((await stat(path.join(dir, 'de-cuong.docx'))).size).toBeGreaterThan(1000);
  });
});
