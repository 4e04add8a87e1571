import { expect, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  csrfHeaders,
  login,
  openFromMenu,
  organizationIdByName,
  waitUntilSettled,
} from './support';

const LAO_CAI_DEPARTMENT = 'Sở Công Thương tỉnh Lào Cai';
const BAC_NINH_DEPARTMENT = 'Sở Công Thương tỉnh Bắc Ninh';
const LAO_CAI_USER = {
  name: 'Nguyễn Thị Lào Cai',
  email: 'chuyenvien.laocai@e2e.khuyencong.local',
  password: 'Lao-Cai-e2e-2026',
};
const BAC_NINH_USER = {
  name: 'Trần Văn Bắc Ninh',
  email: 'chuyenvien.bacninh@e2e.khuyencong.local',
  password: 'Bac-Ninh-e2e-2026',
};

test('the admin creates a Lào Cai officer, who then sees only Lào Cai', async ({ page }) => {
  // Two people, two sign-ins through the login page and a user created through a form: a long journey.
  test.slow();
  // --- The administrator signs in and creates the Lào Cai officer through the users page.
  await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await openFromMenu(page, 'Người dùng', 'Người dùng');
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();

  const drawer = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel('Họ và tên').fill(LAO_CAI_USER.name);
  await drawer.getByLabel('Email').fill(LAO_CAI_USER.email);

  await drawer.getByLabel('Đơn vị').click();
  await drawer.getByLabel('Đơn vị').fill('Lào Cai');
  await page.locator(`.ant-select-item-option[title="${LAO_CAI_DEPARTMENT}"]`).click();
  await expect(drawer.locator('.ant-select-content', { hasText: LAO_CAI_DEPARTMENT })).toBeVisible();

  await drawer.getByLabel('Vai trò').click();
  await drawer.getByLabel('Vai trò').fill('Chuyên viên Sở');
  await page.locator('.ant-select-item-option[title="Chuyên viên Sở / Trung tâm"]').click();
  await expect(drawer.getByText('Chuyên viên Sở / Trung tâm', { exact: true })).toBeVisible();

  await drawer.getByLabel('Mật khẩu ban đầu (không bắt buộc)').fill(LAO_CAI_USER.password);
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(`Đã tạo tài khoản ${LAO_CAI_USER.email}.`)).toBeVisible();
  await expect(drawer).toBeHidden();
  const laoCaiRow = page.getByRole('row').filter({ hasText: LAO_CAI_USER.email });
  await expect(laoCaiRow).toContainText(LAO_CAI_DEPARTMENT);
  await expect(laoCaiRow).toContainText('Chuyên viên Sở / Trung tâm');

  // --- Someone in another province, created through the API in the admin's session.
  const bacNinhResponse = await page.request.post('/api/v1/users', {
    headers: await csrfHeaders(page),
    data: {
      email: BAC_NINH_USER.email,
      name: BAC_NINH_USER.name,
      organizationId: await organizationIdByName(page, BAC_NINH_DEPARTMENT),
      roles: ['province_officer'],
      password: BAC_NINH_USER.password,
    },
  });
  expect(bacNinhResponse.status(), await bacNinhResponse.text()).toBe(201);
  const bacNinhUser = (await bacNinhResponse.json()) as { id: string };
  // The admin sees every province: the Bắc Ninh user is there for them (so hiding it below means something).
  const adminView = await page.request.get(`/api/v1/users/${bacNinhUser.id}`);
  expect(adminView.status()).toBe(200);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1/);
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();

  // --- The Lào Cai officer signs in with the initial password and sees Lào Cai only.
  await login(page, LAO_CAI_USER.email, LAO_CAI_USER.password);
  await expect(page.getByRole('banner')).toContainText(LAO_CAI_DEPARTMENT);
  await openFromMenu(page, 'Người dùng', 'Người dùng');
  await waitUntilSettled(page);

  const rows = page.locator('.ant-table-tbody > tr.ant-table-row');
  // Loaded (the own-province user is listed), then nobody else: not Bắc Ninh's user, not the agency's admin.
  await expect(rows.filter({ hasText: LAO_CAI_USER.email })).toHaveCount(1);
  await expect(page.getByText(BAC_NINH_USER.email)).toHaveCount(0);
  await expect(page.getByText(ADMIN_EMAIL)).toHaveCount(0);
  await expect(page.getByText('Tổng số: 1', { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(1);
  for (const organization of await rows.locator('td:nth-child(3)').allTextContents()) {
    expect(organization).toContain('Lào Cai');
  }

  // Another province's user answers like a user that does not exist.
  const hidden = await page.request.get(`/api/v1/users/${bacNinhUser.id}`);
  expect(hidden.status()).toBe(404);
  expect(hidden.headers()['content-type']).toContain('application/problem+json');
  expect(((await hidden.json()) as { code: string }).code).toBe('not_found');

  // A province officer reads users but cannot create them.
  await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm người dùng' })).toHaveCount(0);
});
