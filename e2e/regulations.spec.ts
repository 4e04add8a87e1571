import { expect, type Page, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  expectNoAxeViolations,
  login,
  openFromMenu,
  waitUntilSettled,
} from './support';

/** Opens a regulation set's page from the list ("Bộ quy định" in the menu). */
async function openSet(page: Page, code: string, version: number): Promise<void> {
  await openFromMenu(page, 'Bộ quy định', 'Bộ quy định');
  await page.getByText('Tất cả phiên bản', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Tất cả phiên bản' })).toBeChecked();
  await page.getByRole('link', { name: `Xem bộ quy định ${code}, phiên bản ${version}` }).click();
  await expect(page.getByText(`Phiên bản ${version}`, { exact: true }).first()).toBeVisible();
  await waitUntilSettled(page);
}

test('issue #3, done when 5: the try-out panel reports cap_exceeded while the amount is typed, computed in the browser', async ({
  page,
}) => {
  // Two accessibility scans on top of the journey.
  test.slow();
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await openSet(page, 'national-2026', 1);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nghị định 235/2025/NĐ-CP');

  // Unverified values stand out, naming their source.
  const caps = page.getByRole('tabpanel', { name: 'Mức hỗ trợ' });
  const demonstration = caps.getByRole('row').filter({ hasText: 'Mô hình trình diễn kỹ thuật' }).first();
  await expect(demonstration).toContainText('1.000.000.000 ₫');
  await expect(demonstration).toContainText('30 %');
  const flag = caps
    .getByRole('row')
    .filter({ hasText: 'Ứng dụng máy móc tiên tiến' })
    .getByText('Cần xác minh');
  await expect(flag.first()).toBeVisible();
  await flag.first().hover();
  await expect(page.getByRole('tooltip')).toContainText('Nguồn:');
  await expectNoAxeViolations(page);

  await page.getByRole('tab', { name: 'Kiểm tra thử' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Kiểm tra thử' });
  await expect(panel.getByLabel('Năm kế hoạch')).toHaveValue('2026');
  await expect(panel.locator('#rs-try-activity').locator('..').locator('..')).toContainText(
    'Mô hình trình diễn kỹ thuật',
  );

  // From here on nothing may go to the server: the findings come from the engine in the browser.
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) requests.push(`${request.method()} ${request.url()}`);
  });

  await panel.getByLabel('Tổng kinh phí').pressSequentially('5.000.000.000');
  await expect(panel.getByLabel('Tổng kinh phí')).toHaveValue('5.000.000.000');
  const requested = panel.getByLabel('Kinh phí KCQG đề nghị hỗ trợ');
  const capExceeded = panel.locator('[data-code="cap_exceeded"]');
  await requested.pressSequentially('1.200.000.00');
  await expect(requested).toHaveValue('120.000.000');
  await expect(capExceeded).toHaveCount(0);
  await expect(panel.getByText('Mức hỗ trợ tối đa: 1.000.000.000 ₫')).toBeVisible();

  // The last digit makes it 1.200.000.000 ₫: the finding appears, naming the cap.
  await requested.pressSequentially('0');
  await expect(requested).toHaveValue('1.200.000.000');
  await expect(capExceeded).toContainText(
    'Kinh phí đề nghị hỗ trợ 1.200.000.000 ₫ vượt mức tối đa 1.000.000.000 ₫ (30 % chi phí, tối đa 1.000.000.000 ₫/mô hình).',
  );
  await expect(capExceeded).toContainText('Lỗi');
  await expectNoAxeViolations(page);

  // A priority area raises the maximum ×1.5 and the finding goes away, still without a request.
  await panel.getByLabel('Địa bàn ưu tiên').click();
  await expect(capExceeded).toHaveCount(0);
  await expect(panel.getByText('Mức hỗ trợ tối đa: 1.500.000.000 ₫')).toBeVisible();

  expect(requests.filter((r) => r.includes('/check'))).toEqual([]);
  expect(requests).toEqual([]);
});

test('an agency admin publishes a lower cap as a new version and compares it with the previous one', async ({
  page,
}) => {
  // Two page loads, a drawer with every cap line and a comparison: a long journey on a busy machine.
  test.slow();
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await openSet(page, 'national-2012', 1);

  await page.getByRole('button', { name: 'Sửa thành phiên bản mới' }).click();
  const drawer = page.getByRole('dialog', { name: 'Phiên bản mới 2 của national-2012' });
  await expect(drawer).toBeVisible();
  const consulting = drawer.getByLabel('Mức tối đa, Tư vấn, trợ giúp cơ sở công nghiệp nông thôn');
  await expect(consulting).toHaveValue('35.000.000');
  await consulting.fill('');
  await consulting.pressSequentially('30000000');
  await expect(consulting).toHaveValue('30.000.000');
  await drawer.getByLabel('Lý do, căn cứ thay đổi').fill('Thử nghiệm: hạ mức hỗ trợ tư vấn');
  await drawer.getByRole('button', { name: 'Ban hành phiên bản mới' }).click();

  // The page of the new version opens (the toast saying so lasts only a few seconds).
  await expect(drawer).toBeHidden();
  await expect(page.getByText('Phiên bản 2', { exact: true }).first()).toBeVisible();
  await waitUntilSettled(page);
  await expect(page.getByText('Thử nghiệm: hạ mức hỗ trợ tư vấn')).toBeVisible();

  await page.getByRole('button', { name: 'So sánh' }).click();
  const compare = page.getByRole('tabpanel', { name: 'So sánh' });
  await expect(
    compare.getByText('Khác nhau: 1 dòng mức hỗ trợ, 0 danh mục tài liệu, 0 giá trị khác.'),
  ).toBeVisible();
  const changed = compare.locator('.rs-changed');
  await expect(changed.filter({ hasText: '35.000.000 ₫' })).toHaveCount(1);
  await expect(changed.filter({ hasText: '30.000.000 ₫' })).toHaveCount(1);

  // The earlier version stays as it was and can no longer be edited.
  await openSet(page, 'national-2012', 1);
  await expect(page.getByText('Đây là phiên bản cũ.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sửa thành phiên bản mới' })).toBeDisabled();
  const row = page.getByRole('tabpanel', { name: 'Mức hỗ trợ' }).getByRole('row').filter({
    hasText: 'Tư vấn, trợ giúp cơ sở công nghiệp nông thôn',
  });
  await expect(row).toContainText('35.000.000 ₫');
});
