import { expect, type Page, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signInThroughApi, waitUntilSettled } from './support';

const rowsOf = (page: Page) => page.locator('.ant-table-tbody > tr.ant-table-row');

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto('/admin-units');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
});

test('63 provinces on 30/06/2025, 34 from 01/07/2025, and Bắc Ninh formed from Bắc Giang and Bắc Ninh', async ({
  page,
}) => {
  // The date picker, typed as a person would.
  const datePicker = page.getByLabel('Ngày hiệu lực');
  await datePicker.click();
  await datePicker.fill('30/06/2025');
  await datePicker.press('Enter');
  await expect(page).toHaveURL(/[?&]date=2025-06-30/);
  await expect(page.getByText('Số tỉnh, thành phố có hiệu lực ngày 30/06/2025')).toBeVisible();
  await expect(page.getByText('63 tỉnh, thành phố', { exact: true })).toBeVisible();
  await waitUntilSettled(page);
  await expect(rowsOf(page)).toHaveCount(63);
  await expect(rowsOf(page).filter({ hasText: 'Tỉnh Bắc Giang' })).toHaveCount(1);

  // The quick choice for the first day of the 34-province map.
  await page.getByRole('button', { name: '01/07/2025 (34)' }).click();
  await expect(page).toHaveURL(/[?&]date=2025-07-01/);
  await expect(page.getByRole('button', { name: '01/07/2025 (34)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('34 tỉnh, thành phố', { exact: true })).toBeVisible();
  await waitUntilSettled(page);
  await expect(rowsOf(page)).toHaveCount(34);
  await expect(rowsOf(page).filter({ hasText: 'Tỉnh Bắc Giang' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Xem lịch sử Tỉnh Bắc Ninh' }).click();
  const drawer = page.getByRole('dialog', { name: 'Lịch sử: Tỉnh Bắc Ninh' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Hình thành từ' })).toBeVisible();
  // Predecessors are the link buttons above the unit's card: the former Bắc Giang and the former Bắc Ninh.
  const predecessors = drawer.locator('.history-chain').first().getByRole('button');
  await expect(predecessors.filter({ hasText: 'Tỉnh Bắc Giang' })).toHaveCount(1);
  await expect(predecessors.filter({ hasText: 'Tỉnh Bắc Ninh' })).toHaveCount(1);
  await expect(predecessors).toHaveCount(2);
  await expect(drawer.getByText('Không có đơn vị kế thừa')).toBeVisible();
  await drawer.getByRole('button', { name: 'Đóng' }).click();
  await expect(drawer).toBeHidden();
});

test('the language switch turns the page into English and back', async ({ page }) => {
  const languages = page.getByRole('group', { name: 'Ngôn ngữ giao diện' });
  await languages.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrative units' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Người dùng' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});
