import { expect, type Page, test } from '@playwright/test';
import { totpCode } from '../server/modules/auth/totp';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  csrfHeaders,
  expectNoAxeViolations,
  login,
  signInThroughApi,
} from './support';

/**
 * R6, the TOTP screens in Chromium: an agency officer turns on two-step verification from the profile
 * page (the secret shown, the code computed here from it as the phone would, RFC 6238 by the server's
 * own helper), saves the recovery codes, signs out; signs in with a code from the authenticator; signs
 * in once with a recovery code; the same recovery code a second time is refused with the Vietnamese
 * message. axe on the enrolment, recovery-codes and code-step screens.
 *
 * The e2e server runs with KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL (support.ts, global-setup.ts): agency
 * users are not forced to enrol, but one who enrols is asked for a code like in production.
 */
const STEP_MS = 30_000;

/** Waits for the next 30-second step: a code works once, and the enrolment used the current one. */
async function nextStep(page: Page): Promise<void> {
  const step = Math.floor(Date.now() / STEP_MS);
  const wait = (step + 1) * STEP_MS - Date.now() + 500;
  await page.waitForTimeout(wait);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  // Let the sign-out finish its own requests and redirect: a late navigation would cut the next login.
  await page.waitForLoadState('networkidle');
}

/** Email and password, then the code step. */
async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(
    page.getByText(
      'Tài khoản này bật xác thực hai lớp. Mở ứng dụng xác thực trên điện thoại và nhập mã 6 số.',
    ),
  ).toBeVisible();
}

async function codeStep(page: Page, code: string): Promise<void> {
  await page.getByLabel('Mã xác thực', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

test('an agency officer enrols TOTP, signs in with a code and once with a recovery code; reuse is refused', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const person = {
    email: `totp.${Date.now()}@e2e.khuyencong.local`,
    name: 'Trần Thị Xác Thực',
    password: 'Mat-khau-hai-lop-2030',
  };
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const agencyId = (
    (await (await admin.request.get('/api/v1/me')).json()) as { organization: { id: string } }
  ).organization.id;
  const created = await admin.request.post('/api/v1/users', {
    headers: await csrfHeaders(admin),
    data: { ...person, organizationId: agencyId, roles: ['agency_officer'] },
  });
  expect(created.status(), await created.text()).toBe(201);
  await admin.context().close();

  // Enrolment on the profile page.
  await login(page, person.email, person.password);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Xác thực hai lớp' })).toBeVisible();
  await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(
    page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Mã xác thực', { exact: true }).fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();

  const list = page.getByRole('list', { name: 'Mã khôi phục' });
  await expect(list).toBeVisible();
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((text) => text.trim());
  expect(recoveryCodes).toHaveLength(10);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tôi đã lưu các mã khôi phục' }).click();
  await expect(page.getByText('Đang bật')).toBeVisible();
  await expect(page.getByText('Còn 10 mã khôi phục chưa dùng.')).toBeVisible();
  await signOut(page);

  // Sign-in with a code from the authenticator (the next step: the enrolment used this one).
  await nextStep(page);
  await passwordStep(page, person.email, person.password);
  await expectNoAxeViolations(page);
  await codeStep(page, totpCode(secret, new Date()));
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await signOut(page);

  // Once with a recovery code.
  await passwordStep(page, person.email, person.password);
  await codeStep(page, recoveryCodes[0]!);
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByText('Còn 9 mã khôi phục chưa dùng.')).toBeVisible();
  await signOut(page);

  // The same recovery code again: refused, in Vietnamese, still on the code step.
  await passwordStep(page, person.email, person.password);
  await codeStep(page, recoveryCodes[0]!);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
