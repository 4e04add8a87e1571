import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, typicalProductCertificates } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { BEFORE_REGISTRATION, setUpWorld, type TWorld } from '../proposals/test-fixtures';
import { certificateListXlsx, certificatePayload, postFile } from './test-support';

/** Issue #11, done when 3: a certificate list with planted errors reports exactly those rows and writes nothing. */

let h: THarness;
let w: TWorld;
const URL = '/api/v1/typical-products/import';

async function certificates() {
  const [row] = await h.db.select({ n: count() }).from(typicalProductCertificates);
  return row!.n;
}
async function audits() {
  const [row] = await h.db.select({ n: count() }).from(auditEvents);
  return row!.n;
}

/** One row of the layout after STT: B…N. */
function row(overrides: Partial<Record<string, string | number | Date | null>> = {}) {
  const r = {
    productName: 'Chè Shan tuyết cổ thụ',
    productGroup: 'Chế biến nông, lâm, thủy sản và thực phẩm',
    establishmentName: 'Hợp tác xã Chè Suối Giàng',
    establishmentTaxCode: '5200123456',
    provinceCode: '10',
    commune: 'Xã Suối Giàng',
    level: 'Cấp quốc gia',
    selectionRound: 'Đợt 1',
    selectionYear: 2024,
    certificateNumber: '100/QĐ-BCT',
    issueDate: '20/11/2024',
    validUntil: new Date(Date.UTC(2029, 10, 19)),
    issuingBody: 'Bộ Công Thương',
    ...overrides,
  };
  return Object.values(r);
}

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
  // Already in the registry: the import must not record it twice.
  const existing = await w.agencyOfficer!.post(
    '/api/v1/typical-products',
    certificatePayload({ certificateNumber: '999/QĐ-BCT' }),
  );
  if (existing.statusCode !== 201) throw new Error(existing.body);
});
afterAll(() => h?.close());

describe('importing a certificate list', () => {
  it('reports exactly the planted errors, by row and column, and writes nothing', async () => {
    // Sheet rows: 1 title, 2 headers, data from row 3.
    const file = await certificateListXlsx([
      row({ certificateNumber: '101/QĐ-BCT' }), // 3 ok
      row({ certificateNumber: '102/QĐ-BCT', establishmentTaxCode: '52-001' }), // 4 E: tax code
      row({ certificateNumber: '103/QĐ-BCT', level: 'Cấp huyện' }), // 5 H: the district level is gone
      row({ certificateNumber: '104/QĐ-BCT', provinceCode: '15', issueDate: '01/08/2025' }), // 6 L: future (now 05/05/2025)
      row({ certificateNumber: '105/QĐ-BCT', provinceCode: '03', issueDate: '01/01/2024' }), // 7 F: no province 03
      row({ certificateNumber: '101/QĐ-BCT' }), // 8 K: twice in the file (row 3)
      row({ certificateNumber: '106/QĐ-BCT', validUntil: '01/01/2024' }), // 9 M: before the issue date
      row({ certificateNumber: '999/QĐ-BCT' }), // 10 K: already in the registry
      row({ certificateNumber: '107/QĐ-BCT', productName: null }), // 11 B: required
      row({ certificateNumber: '108/QĐ-BCT', issueDate: '31/02/2024' }), // 12 L: no such day
      row({ certificateNumber: '109/QĐ-BCT', level: 'Cấp tỉnh', provinceCode: '27' }), // 13 ok for the agency
    ]);
    const before = { certificates: await certificates(), audits: await audits() };
    const response = await postFile(h, w.agencyOfficer!, URL, {
      fileName: 'Danh sách 2024.xlsx',
      data: file,
    });
    const problem = expectProblem(response, 422, 'import_rejected') as unknown as {
      detail: string;
      errors: { path: string; row: number; column: string; code: string; message: string }[];
    };
    expect(problem.errors[0]).toMatchObject({ row: 4, column: 'E', field: 'establishmentTaxCode' });
    expect(problem.detail).toBe('Tệp có 9 lỗi; chưa có dữ liệu nào được ghi.');
    expect(problem.errors.map((e) => e.path)).toEqual([
      'E4',
      'H5',
      'L6',
      'F7',
      'K8',
      'M9',
      'K10',
      'B11',
      'L12',
    ]);
    expect(problem.errors.map((e) => e.code)).toEqual([
      'invalid_value',
      'invalid_enum',
      'invalid_value',
      'invalid_value',
      'duplicate_in_file',
      'invalid_value',
      'already_registered',
      'required',
      'invalid_date',
    ]);
    expect(problem.errors[0]!.message).toBe(
      'Dòng 4, cột E: Mã số thuế phải gồm 10 chữ số (chi nhánh: 10 chữ số, gạch ngang và 3 chữ số).',
    );
    expect(problem.errors[4]!.message).toBe(
      'Dòng 8, cột K: Giấy chứng nhận số 101/QĐ-BCT đã có ở dòng 3 của tệp.',
    );
    expect(await certificates()).toBe(before.certificates);
    expect(await audits()).toBe(before.audits);
  });

  it('a province may import only provincial certificates of its own province', async () => {
    const file = await certificateListXlsx([
      row({ certificateNumber: '201/QĐ-UBND', level: 'Cấp tỉnh', issuingBody: 'UBND tỉnh Lào Cai' }), // 3 ok
      row({ certificateNumber: '202/QĐ-BCT' }), // 4 H: national
      row({
        certificateNumber: '203/QĐ-UBND',
        level: 'tỉnh',
        provinceCode: '27',
        issuingBody: 'UBND tỉnh Bắc Ninh',
      }), // 5 F
    ]);
    const before = await certificates();
    const response = await postFile(h, w.laoCaiOfficer!, URL, { fileName: 'ds.xlsx', data: file });
    const problem = expectProblem(response, 422, 'import_rejected') as unknown as {
      errors: { path: string }[];
    };
    expect(problem.errors.map((e) => e.path)).toEqual(['H4', 'F5']);
    expect(await certificates()).toBe(before);
    expectProblem(await postFile(h, w.auditor!, URL, { fileName: 'ds.xlsx', data: file }), 403, 'forbidden');
  });

  it('a clean list is written whole, each certificate audited, with the import itself', async () => {
    const file = await certificateListXlsx([
      row({ certificateNumber: '301/QĐ-BCT' }),
      row({
        certificateNumber: '302/QĐ-BCT',
        level: 'khu vực',
        productGroup: 'Thủ công mỹ nghệ',
        commune: null,
        selectionRound: null,
      }),
      row({
        certificateNumber: '303/QĐ-UBND',
        level: 'Cấp tỉnh',
        provinceCode: '27',
        establishmentTaxCode: '2300 456 789',
      }),
    ]);
    const before = await certificates();
    const response = await postFile(h, w.agencyOfficer!, URL, { fileName: 'ds.xlsx', data: file });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: true, rows: 3, created: 3, errors: [] });
    expect(await certificates()).toBe(before + 3);
    const [imported] = await h.db
      .select()
      .from(typicalProductCertificates)
      .where(eq(typicalProductCertificates.certificateNumber, '303/QĐ-UBND'));
    expect(imported).toMatchObject({
      level: 'provincial',
      provinceCode: '27',
      currentProvinceCode: '24',
      establishmentTaxCode: '2300456789',
      validUntil: '2029-11-19',
      issueDate: '2024-11-20',
    });
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'typical_product.imported'));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ rows: 3, created: 3, fileName: 'ds.xlsx' });
  });

  it('file-level problems: not a workbook, wrong sheet, the template reads back', async () => {
    expectProblem(
      await postFile(h, w.agencyOfficer!, URL, {
        fileName: 'ds.xlsx',
        data: Buffer.from('%PDF-1.4\n%%EOF\n'),
      }),
      415,
      'unsupported_file_type',
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['x']);
    const wrong = Buffer.from(await workbook.xlsx.writeBuffer());
    expectProblem(
      await postFile(h, w.agencyOfficer!, URL, { fileName: 'ds.xlsx', data: wrong }),
      422,
      'spreadsheet_wrong_sheet',
    );
    const template = await w.laoCaiOfficer!.get('/api/v1/typical-products/import-template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const empty = await postFile(h, w.agencyOfficer!, URL, {
      fileName: 'mau.xlsx',
      data: template.rawPayload,
    });
    // The template's headers are recognised: it is refused only for holding no row.
    expectProblem(empty, 422, 'spreadsheet_empty');
  });
});
