import { expect, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  expectNoAxeViolations,
  openFromMenu,
  signInThroughApi,
  waitUntilSettled,
} from './support';

test('the login page has no WCAG 2 A/AA violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the signed-in pages have no WCAG 2 A/AA violations', async ({ page }) => {
  // Four pages, each with a full axe run: three times the budget of a one-page test.
  test.slow();
  await signInThroughApi(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();

  // One session, moving through the menu as a person does; every page is checked and reported even when
  // an earlier one fails (soft assertions).
  const pages = [
    { menu: 'Người dùng', heading: 'Người dùng', ready: 'Tổng số:' },
    { menu: 'Đơn vị', heading: 'Đơn vị', ready: 'Tổng số:' },
    { menu: 'Đơn vị hành chính', heading: 'Đơn vị hành chính', ready: 'tỉnh, thành phố' },
    { menu: 'Tài khoản của tôi', heading: 'Tài khoản của tôi', ready: 'Chưa có mã truy cập nào.' },
  ];
  for (const { menu, heading, ready } of pages) {
    await test.step(heading, async () => {
      await openFromMenu(page, menu, heading);
      await expect(page.getByText(ready).first()).toBeVisible();
      await waitUntilSettled(page);
      await expectNoAxeViolations(page, { soft: true });
    });
  }
});
