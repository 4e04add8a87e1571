import { expect, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  csrfHeaders,
  expectNoAxeViolations,
  openFromMenu,
  organizationIdByName,
  signInThroughApi,
} from './support';

/**
 * Issue #7: "Báo cáo định kỳ". A Lào Cai Sở officer opens it from the menu: their province is fixed, the
 * current quarter chosen; the figures by programme and the tables are shown; the .xlsx and .docx links
 * download the files of the same period; the Bắc Ninh report is refused; axe finds nothing.
 */
test('the Sở opens its periodic report, switches period and downloads both files', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const officer = { email: `so.report.${stamp}@e2e.khuyencong.local`, password: 'Mat-khau-bao-cao-2030' };
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const departmentId = await organizationIdByName(admin, 'Sở Công Thương tỉnh Lào Cai');
  const created = await admin.request.post('/api/v1/users', {
    headers: await csrfHeaders(admin),
    data: {
      email: officer.email,
      name: 'Trịnh Thị Báo Cáo',
      organizationId: departmentId,
      roles: ['province_officer'],
      password: officer.password,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await admin.context().close();

  await signInThroughApi(page, officer.email, officer.password);
  await page.goto('/');
  await openFromMenu(page, 'Báo cáo định kỳ', 'Báo cáo định kỳ');
  await expect(page.getByRole('combobox', { name: 'Tỉnh, thành phố' })).toBeDisabled();
  await expect(page.getByText('SỞ CÔNG THƯƠNG LÀO CAI')).toBeVisible();
  await expect(page.getByText('Kết quả chung')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Kinh phí đã tạm ứng', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The whole year instead of the quarter.
  await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
  await page.getByRole('option', { name: 'Cả năm' }).click();
  await expect(page.getByText(/Số liệu từ 01\/01\/\d{4} đến hết 31\/12\/\d{4}/)).toBeVisible();
  const docx = page.getByRole('link', { name: 'Tải báo cáo (.docx)' });
  await expect(docx).toHaveAttribute(
    'href',
    /\/api\/v1\/reports\/province\.docx\?provinceCode=15&year=\d{4}&period=Y/,
  );
  for (const link of [docx, page.getByRole('link', { name: 'Tải bảng số liệu (.xlsx)' })]) {
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
  }
  const other = await page.request.get('/api/v1/reports/province?provinceCode=24&year=2026&period=Q1');
  expect(other.status()).toBe(404);
});
