import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  csrfHeaders,
  expectNoAxeViolations,
  login,
  openFromMenu,
  organizationIdByName,
  signInThroughApi,
  waitUntilSettled,
} from './support';

/**
 * Issue #11, done when 4: an agency officer records a national typical-product certificate in the
 * registry; a Lào Cai officer picks it in a typical-product proposal and sees the priority finding.
 */

const AGENCY = 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công';
const LAO_CAI_DEPARTMENT = 'Sở Công Thương tỉnh Lào Cai';
const PLAN_YEAR = 2027;

async function newPerson(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
  });
  return context.newPage();
}

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const picker = page.getByLabel(label, { exact: true });
  await picker.click();
  await picker.fill(date);
  await picker.press('Enter');
  await expect(picker).toHaveValue(date);
}

test('an agency officer records a national certificate; a Lào Cai officer picks it in a typical-product proposal and sees the priority', async ({
  page,
  browser,
  baseURL,
}) => {
  // Two people, two forms and a save on a machine shared by several test runs.
  test.setTimeout(300_000);
  const stamp = Date.now();
  const taxCode = String(stamp).slice(-10);
  const product = `Chè Shan tuyết cổ thụ Suối Giàng ${stamp}`;
  const number = `${stamp % 100000}/QĐ-BCT`;
  const agencyOfficer = {
    email: `chuyenvien.cuc.${stamp}@e2e.khuyencong.local`,
    password: 'Cuc-officer-e2e-2026',
  };
  const provinceOfficer = {
    email: `chuyenvien.laocai.sptb.${stamp}@e2e.khuyencong.local`,
    password: 'Lao-Cai-officer-e2e-2026',
  };

  // --- Setup through the API as the admin: the 2027 cycle and the two officers.
  const admin = await newPerson(browser, baseURL);
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const headers = await csrfHeaders(admin);
  const cycle = await admin.request.post('/api/v1/cycles', {
    headers,
    data: {
      planYear: PLAN_YEAR,
      registrationDeadline: '2027-06-20T23:59:59+07:00',
      dossierDeadline: '2027-09-30T23:59:59+07:00',
      budgetEnvelope: 100_000_000_000,
      status: 'open',
    },
  });
  expect([201, 409], await cycle.text()).toContain(cycle.status());
  for (const [person, org, role, name] of [
    [agencyOfficer, AGENCY, 'agency_officer', 'Trần Thị Chuyên Viên Cục'],
    [provinceOfficer, LAO_CAI_DEPARTMENT, 'province_officer', 'Lê Văn Chuyên Viên Lào Cai'],
  ] as const) {
    const response = await admin.request.post('/api/v1/users', {
      headers,
      data: {
        email: person.email,
        name,
        organizationId: await organizationIdByName(admin, org),
        roles: [role],
        password: person.password,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  await admin.context().close();

  // --- The agency officer records a national certificate.
  await login(page, agencyOfficer.email, agencyOfficer.password);
  await openFromMenu(page, 'Sản phẩm tiêu biểu', 'Sản phẩm công nghiệp nông thôn tiêu biểu');
  await page.getByRole('button', { name: 'Ghi nhận giấy chứng nhận' }).click();
  const drawer = page.getByRole('dialog', { name: 'Ghi nhận giấy chứng nhận mới' });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel('Tên sản phẩm', { exact: true }).fill(product);
  const group = drawer.getByLabel('Nhóm sản phẩm', { exact: true });
  await group.click();
  await page.locator('.ant-select-item-option[title="Chế biến nông, lâm, thủy sản và thực phẩm"]').click();
  await drawer.getByLabel('Tên cơ sở', { exact: true }).fill('Hợp tác xã Chè Suối Giàng');
  await drawer.getByLabel('Mã số thuế', { exact: true }).fill(taxCode);
  await drawer.getByLabel('Mã tỉnh tại thời điểm cấp', { exact: true }).fill('15');
  await expect(drawer.locator('.ant-select', { hasText: 'Cấp quốc gia' })).toBeVisible();
  await drawer.getByLabel('Năm bình chọn', { exact: true }).fill('2026');
  await drawer.getByLabel('Số giấy chứng nhận', { exact: true }).fill(number);
  await drawer.getByLabel('Cơ quan cấp', { exact: true }).fill('Bộ Công Thương');
  await pickDate(page, 'Ngày cấp', '01/07/2026');
  await pickDate(page, 'Hiệu lực đến', '30/06/2031');
  await expectNoAxeViolations(page);
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/\/typical-products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: product })).toBeVisible();
  await expect(page.getByText('Cấp quốc gia').first()).toBeVisible();
  await waitUntilSettled(page);
  await expectNoAxeViolations(page);

  // The registry finds it without the marks.
  await page.getByRole('button', { name: 'Về danh sách' }).click();
  await page.getByLabel('Tìm kiếm', { exact: true }).fill(`che shan tuyet ${stamp}`);
  await expect(page.getByRole('link', { name: product })).toBeVisible();
  await waitUntilSettled(page);
  await expectNoAxeViolations(page);

  // --- The Lào Cai officer drafts a typical-product proposal and picks the certificate.
  const officer = await newPerson(browser, baseURL);
  await login(officer, provinceOfficer.email, provinceOfficer.password);
  await officer.goto(`/proposals/new?planYear=${PLAN_YEAR}`);
  // The form's chunk, the cycle, the regulation set and the organisations: slow on a shared machine.
  await expect(officer.getByRole('heading', { level: 1, name: 'Lập đề án mới' })).toBeVisible({
    timeout: 60_000,
  });
  await officer
    .getByLabel('Tên đề án', { exact: true })
    .fill(`Hỗ trợ phát triển sản phẩm chè Shan tuyết ${stamp}`);
  const activity = officer.getByLabel('Nội dung hoạt động khuyến công', { exact: true });
  await activity.click();
  await activity.fill('tiêu biểu');
  await officer
    .locator('.ant-select-item-option', { hasText: 'Sản phẩm công nghiệp nông thôn tiêu biểu' })
    .click();
  const implementing = officer.getByLabel('Đơn vị thực hiện', { exact: true });
  await implementing.click();
  await implementing.fill('Sở Công Thương');
  await officer.locator(`.ant-select-item-option[title="${LAO_CAI_DEPARTMENT}"]`).click();

  const picker = officer.getByLabel('Giấy chứng nhận trong sổ sản phẩm tiêu biểu', { exact: true });
  await picker.click();
  // The picker searches the registry after a pause in typing: pick from the search's answer, not from
  // the list it replaces (a click on an option being re-rendered can be lost; then it is clicked again).
  const searched = officer.waitForResponse((r) => r.url().includes('/api/v1/typical-products?q=suoi'));
  await picker.fill(`suoi giang ${stamp}`);
  await searched;
  const option = officer.locator('.ant-select-item-option', { hasText: number });
  const beneficiaryTaxCode = officer.getByLabel('Mã số thuế', { exact: true });
  await expect(async () => {
    if (await option.isVisible()) await option.click({ timeout: 5_000 });
    // The picker copied the holder into the empty beneficiary.
    await expect(beneficiaryTaxCode).toHaveValue(taxCode, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  const priority = officer.locator('[data-finding="certificate_priority"]');
  await expect(priority).toBeVisible();
  await expect(priority).toContainText(`cấp quốc gia số ${number}`);
  await expect(officer.locator('[data-finding="certificate_holder_mismatch"]')).toHaveCount(0);
  // (The proposal form's accessibility is the proposal journey's subject; the picker is an antd Select.)

  // Saved, the server's check agrees: the priority comes from the registry's record.
  await officer.getByRole('button', { name: 'Lưu đề án' }).click();
  await expect(officer).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
  // The saved proposal's page (its code in the heading): until its code has loaded, the new-proposal form
  // may still be on screen, and what is typed there is not the saved proposal's.
  await expect(officer.getByRole('heading', { level: 1, name: /^KCQG-\d{4}-15-\d{4} — / })).toBeVisible();
  await officer.waitForLoadState('networkidle');
  const proposalId = new URL(officer.url()).pathname.split('/').pop() ?? '';
  const checks = await officer.request.get(`/api/v1/proposals/${proposalId}/checks`);
  expect(checks.status()).toBe(200);
  const findings = ((await checks.json()) as { findings: { code: string }[] }).findings.map((f) => f.code);
  expect(findings).toContain('certificate_priority');

  // Another establishment as the beneficiary: the record says it is not theirs.
  await officer.getByLabel('Mã số thuế', { exact: true }).fill('0309876543');
  await expect(officer.locator('[data-finding="certificate_holder_mismatch"]')).toBeVisible();
  await expect(priority).toHaveCount(0);
  await officer.context().close();
});
