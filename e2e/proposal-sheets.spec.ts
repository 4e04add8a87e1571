import { PassThrough } from 'node:stream';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { PROPOSALS_SHEET } from '../server/modules/proposals/proposals.sheet';
import { createSheetWriter, type TRowValues } from '../server/platform/spreadsheet';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  csrfHeaders,
  expectNoAxeViolations,
  login,
  organizationIdByName,
  signInThroughApi,
} from './support';

/**
 * Issue #5 from the UI: a Lào Cai officer imports a registration table, sees the error table (row,
 * column, code, message), fixes the file, checks it again and writes it; the list exports it back.
 */

const LAO_CAI_DEPARTMENT = 'Sở Công Thương tỉnh Lào Cai';
const PLAN_YEAR = 2028;

async function table(rows: TRowValues[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  const writer = createSheetWriter(PROPOSALS_SHEET, output, { titleRows: ['BIỂU TỔNG HỢP'] });
  for (const row of rows) await writer.addRow(row);
  await writer.finish();
  await ended;
  return Buffer.concat(chunks);
}

const row = (title: string, total: number | string): TRowValues => ({
  title,
  activityType: 'demonstration_model',
  kind: 'single',
  implementingOrganization: LAO_CAI_DEPARTMENT,
  beneficiaryName: 'Hợp tác xã Chè Suối Giàng',
  commune: 'Xã Suối Giàng',
  startDate: `${PLAN_YEAR}-03-01`,
  endDate: `${PLAN_YEAR}-11-30`,
  budgetTotal: total as number,
  budgetRequested: 600_000_000,
  budgetCounterpart: 1_400_000_000,
  budgetOther: 0,
  selectionMethod: 'selection',
});

test('a province officer imports a registration table: errors by row and column, fix, check again, write', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const stamp = Date.now();
  const officer = {
    email: `nhap.excel.${stamp}@e2e.khuyencong.local`,
    password: 'Nhap-excel-e2e-2026',
  };
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const headers = await csrfHeaders(admin);
  const cycle = await admin.request.post('/api/v1/cycles', {
    headers,
    data: { planYear: PLAN_YEAR, status: 'open', budgetEnvelope: 100_000_000_000 },
  });
  expect([201, 409], await cycle.text()).toContain(cycle.status());
  const user = await admin.request.post('/api/v1/users', {
    headers,
    data: {
      email: officer.email,
      name: 'Nguyễn Thị Nhập Liệu',
      organizationId: await organizationIdByName(admin, LAO_CAI_DEPARTMENT),
      roles: ['province_officer'],
      password: officer.password,
    },
  });
  expect(user.status(), await user.text()).toBe(201);
  await admin.context().close();

  const titles = [`Mô hình sấy chè ${stamp}`, `Mô hình chế biến quế ${stamp}`];
  // The second row's total is text: "text in a money column".
  const bad = await table([row(titles[0]!, 2_000_000_000), row(titles[1]!, 'hai tỷ')]);
  const good = await table([row(titles[0]!, 2_000_000_000), row(titles[1]!, 2_000_000_000)]);

  await login(page, officer.email, officer.password);
  await page.goto('/proposals');
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập Biểu tổng hợp từ Excel' })).toBeVisible();

  const year = page.getByLabel('Năm kế hoạch', { exact: true });
  await year.click();
  await page.locator('.ant-select-item-option', { hasText: `Năm ${PLAN_YEAR}` }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'bieu-tong-hop.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bad,
  });
  await expect(page.getByRole('button', { name: 'Ghi dữ liệu' })).toBeDisabled();
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(page.getByText('Tệp có 1 lỗi', { exact: false })).toBeVisible();
  const errorRow = page.getByRole('row', { name: /invalid_money/ });
  await expect(errorRow.getByRole('cell').first()).toHaveText('6'); // title, blank, header, numbers, row 1
  await expect(errorRow).toContainText('L');
  await expect(errorRow).toContainText('Tổng kinh phí');
  await expect(page.getByRole('button', { name: 'Ghi dữ liệu' })).toBeDisabled();
  await expectNoAxeViolations(page);

  // Fix the file, check again, write.
  await page.locator('input[type=file]').setInputFiles({
    name: 'bieu-tong-hop-da-sua.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: good,
  });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(page.getByText('Tệp hợp lệ', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
  await expect(page.getByText('Đã ghi dữ liệu.', { exact: true })).toBeVisible();

  // The list holds the two drafts, and its export holds them too.
  await page.goto(`/proposals?planYear=${PLAN_YEAR}`);
  await expect(page.getByText(titles[0]!, { exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Biểu tổng hợp')!;
  const exportedTitles: string[] = [];
  sheet.eachRow((r) => {
    const value = r.getCell(3).value;
    if (typeof value === 'string') exportedTitles.push(value);
  });
  expect(exportedTitles).toEqual(expect.arrayContaining(titles));
});
