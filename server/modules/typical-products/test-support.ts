import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { TClient, THarness } from '../../test/harness';
import { multipartBody } from '../documents/test-support';
import { CERTIFICATES_LAYOUT } from './certificates.layout';

/** A valid certificate request of old Lào Cai (code 10 before the 2025 reform), national by default. */
export function certificatePayload(overrides: Record<string, unknown> = {}) {
  return {
    productName: 'Chè Shan tuyết cổ thụ Suối Giàng',
    productGroup: 'food_processing',
    establishmentName: 'Hợp tác xã Chè Suối Giàng',
    establishmentTaxCode: '5200123456',
    provinceCode: '10',
    commune: 'Xã Suối Giàng',
    level: 'national',
    selectionRound: 'Đợt 1',
    selectionYear: 2024,
    certificateNumber: `${Math.floor(Math.random() * 1e9)}/QĐ-BCT`,
    issueDate: '2024-11-20',
    validUntil: '2029-11-19',
    issuingBody: 'Bộ Công Thương',
    ...overrides,
  };
}

/** POSTs one multipart file to `url` as the client. */
export function postFile(
  h: THarness,
  as: TClient,
  url: string,
  file: { fileName: string; data: Buffer; contentType?: string },
): Promise<LightMyRequestResponse> {
  const body = multipartBody([{ name: 'file', ...file }]);
  return h.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      ...(as.auth.csrf ? { 'x-csrf-token': as.auth.csrf } : {}),
      ...(as.auth.bearer ? { authorization: `Bearer ${as.auth.bearer}` } : {}),
    },
    cookies: as.auth.cookie ? { kc_session: as.auth.cookie } : {},
  });
}

/** A certificate list in the import layout: a title row, the headers, then the given rows as typed. */
export async function certificateListXlsx(
  rows: readonly (string | number | Date | null)[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(CERTIFICATES_LAYOUT.sheetName);
  sheet.addRow(['DANH SÁCH SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU']);
  sheet.addRow(CERTIFICATES_LAYOUT.columns.map((c) => c.header));
  rows.forEach((row, i) => {
    sheet.addRow([i + 1, ...row]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
