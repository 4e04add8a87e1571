import { type Browser, expect, type Page, test } from '@playwright/test';
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
 * Issue #7, done-when 5: a local plan (KCĐP) from the cycle to the People's Committee. The Sở officer of
 * Bắc Ninh opens the local cycle on the local-plans page; the province's extension centre creates a
 * local proposal with its dossier; the Sở leader registers it on the page; the Sở officer base-appraises,
 * takes it into appraisal and decides within the local caps; the leader of UBND tỉnh Bắc Ninh approves
 * the local plan with its decision number and date; the proposal shows "Đã phê duyệt". Axe on the page.
 */

const PROVINCE = '24';
const DEPARTMENT = 'Sở Công Thương tỉnh Bắc Ninh';
const KINDS = [
  'request_letter',
  'project_document',
  'cost_estimate',
  'beneficiary_request',
  'counterpart_commitment',
];

function tinyPdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
function todayVi(): string {
  const [y, m, d] = todayIso().split('-');
  return `${d}/${m}/${y}`;
}
function inDaysVi(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(date)
    .split('-');
  return `${d}/${m}/${y}`;
}

async function newPerson(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
  });
  return context.newPage();
}

async function pickDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('the Sở opens a local cycle, a proposal is registered and decided, the UBND leader approves the local plan', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const planYear = 2029 + (stamp % 50); // a fresh local cycle per run
  const person = (key: string, name: string) => ({
    email: `${key}.${stamp}@e2e.khuyencong.local`,
    name,
    password: `Mat-khau-${key}-2029`,
  });
  const soOfficer = person('so24', 'Ngô Thị Sở');
  const soLeader = person('lanhdaoso24', 'Đỗ Văn Lãnh Đạo Sở');
  const centre = person('trungtam24', 'Bùi Văn Trung Tâm');
  const ubnd = person('ubnd24', 'Nguyễn Hữu Chủ Tịch');
  const title = `Mô hình trình diễn gốm Phù Lãng ${stamp}`;

  // --- Setup through the API: the people of Bắc Ninh (the Sở, its centre, the UBND).
  const admin = await newPerson(browser, baseURL);
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const adminHeaders = await csrfHeaders(admin);
  const departmentId = await organizationIdByName(admin, DEPARTMENT);
  const orgs = (await (
    await admin.request.get('/api/v1/organizations', { params: { provinceCode: PROVINCE, pageSize: 100 } })
  ).json()) as { items: { id: string; kind: string }[] };
  const centreId = orgs.items.find((o) => o.kind === 'extension_center')?.id;
  const ubndId = orgs.items.find((o) => o.kind === 'people_committee')?.id;
  expect(centreId && ubndId, JSON.stringify(orgs.items.map((o) => o.kind))).toBeTruthy();
  for (const [p, role, organizationId] of [
    [soOfficer, 'province_officer', departmentId],
    [soLeader, 'province_leader', departmentId],
    [centre, 'unit_officer', centreId!],
    [ubnd, 'province_leader', ubndId!],
  ] as const) {
    const response = await admin.request.post('/api/v1/users', {
      headers: adminHeaders,
      data: { email: p.email, name: p.name, organizationId, roles: [role], password: p.password },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  await admin.context().close();

  // --- The Sở officer opens the local cycle on the page.
  await login(page, soOfficer.email, soOfficer.password);
  await page.goto('/local-plans');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kế hoạch khuyến công địa phương' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const yearInput = page.getByLabel('Năm kế hoạch', { exact: true });
  await yearInput.fill(String(planYear));
  await page.getByLabel('Tổng mức kinh phí địa phương (đồng)', { exact: true }).fill('1500000000');
  await pickDate(page, 'Hạn đăng ký kế hoạch', inDaysVi(30));
  await pickDate(page, 'Hạn gửi hồ sơ đề án', inDaysVi(60));
  await page.getByRole('button', { name: 'Mở kỳ kế hoạch', exact: true }).click();
  await expect(page.getByText(`Đã mở kỳ kế hoạch khuyến công địa phương năm ${planYear}.`)).toBeVisible();

  // --- It changes its own cycle in the cycle's drawer (the Sở sets a local cycle's deadlines and envelope).
  await page.getByRole('button', { name: 'Sửa kỳ kế hoạch' }).click();
  const drawer = page.getByRole('dialog', {
    name: `Kỳ kế hoạch khuyến công địa phương năm ${planYear} (tỉnh mã ${PROVINCE})`,
  });
  await expect(
    drawer.getByText('Hạn chót của kỳ kế hoạch địa phương do Sở Công Thương quyết định'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await drawer.getByLabel('Tổng mức kinh phí', { exact: true }).fill('1600000000');
  await drawer.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu kỳ kế hoạch.')).toBeVisible();
  const saved = await page.request.get(`/api/v1/cycles/${planYear}?provinceCode=${PROVINCE}`);
  expect(((await saved.json()) as { budgetEnvelope: number }).budgetEnvelope).toBe(1_600_000_000);
  await drawer.getByRole('button', { name: 'Đóng' }).click();
  await expect(drawer).toBeHidden();

  // --- The extension centre creates a local proposal and uploads its dossier (API, its own session).
  const unit = await newPerson(browser, baseURL);
  await signInThroughApi(unit, centre.email, centre.password);
  const unitHeaders = await csrfHeaders(unit);
  const created = await unit.request.post('/api/v1/proposals', {
    headers: unitHeaders,
    data: {
      planYear,
      programme: 'local',
      activityType: 'demonstration_model',
      title,
      implementingOrganizationId: centreId,
      beneficiary: { name: 'Hợp tác xã Gốm Phù Lãng', taxCode: '2300456789', kind: 'cooperative' },
      location: { commune: 'Xã Phù Lãng' },
      startDate: `${planYear}-03-01`,
      endDate: `${planYear}-11-30`,
      budget: { total: 1_800_000_000, requested: 500_000_000, counterpart: 1_300_000_000, other: 0 },
      outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
      fields: { models: 1 },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: proposalId, code } = (await created.json()) as { id: string; code: string };
  expect(code).toMatch(new RegExp(`^KCĐP-${planYear}-${PROVINCE}-\\d{4}$`));
  for (const kind of KINDS) {
    const upload = await unit.request.post(`/api/v1/proposals/${proposalId}/documents`, {
      headers: unitHeaders,
      multipart: {
        kind,
        file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(`${kind} ${stamp}`) },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
  }
  await unit.context().close();

  // --- The Sở leader registers it on the page.
  const leaderPage = await newPerson(browser, baseURL);
  await login(leaderPage, soLeader.email, soLeader.password);
  await leaderPage.goto('/local-plans');
  await leaderPage.getByLabel('Chọn kỳ kế hoạch', { exact: true }).click();
  await leaderPage.locator('.ant-select-item-option', { hasText: `Năm ${planYear}` }).click();
  const leaderRow = leaderPage
    .locator('.ant-card', { hasText: 'Đề án của kỳ kế hoạch' })
    .getByRole('row', { name: new RegExp(code) });
  await expect(leaderRow).toContainText('Bản nháp');
  await leaderPage.getByRole('button', { name: 'Đăng ký (1)' }).click();
  await leaderPage.getByLabel('Số công văn', { exact: true }).fill(`${stamp % 1000}/SCT-KCĐP`);
  await leaderPage.getByRole('dialog').getByRole('button', { name: 'Đăng ký' }).click();
  await expect(leaderRow).toContainText('Đã đăng ký');
  await leaderPage.context().close();

  // --- The Sở officer: base appraisal (the proposal's own page), acceptance and decision on the page.
  const officerHeaders = await csrfHeaders(page);
  const base = await page.request.post(`/api/v1/proposals/${proposalId}/base-appraisal`, {
    headers: officerHeaders,
    data: { result: 'pass' },
  });
  expect(base.status(), await base.text()).toBe(200);
  await page.goto(`/local-plans?cycle=${PROVINCE}-${planYear}`);
  // The proposals' table (the plan's table lists the same code once it is recommended).
  const row = page
    .locator('.ant-card', { hasText: 'Đề án của kỳ kế hoạch' })
    .getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('Đã thẩm định cấp cơ sở');
  await row.getByRole('button', { name: `Tiếp nhận thẩm định đề án ${code}` }).click();
  await expect(row).toContainText('Đang thẩm định');
  await row.getByRole('button', { name: `Kết luận thẩm định đề án ${code}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Kinh phí đề nghị phê duyệt (đồng)', { exact: true }).fill('450000000');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Ghi' }).click();
  await expect(row).toContainText('Đề nghị hỗ trợ');
  // The confirmation toast fades out first (axe measuring it mid-fade reports a contrast nobody sees).
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // --- The leader of UBND tỉnh Bắc Ninh approves the local plan.
  const committee = await newPerson(browser, baseURL);
  await login(committee, ubnd.email, ubnd.password);
  await committee.goto(`/local-plans?cycle=${PROVINCE}-${planYear}`);
  await expect(
    committee.getByRole('heading', { name: `Kế hoạch khuyến công địa phương năm ${planYear}` }),
  ).toBeVisible();
  await committee.getByLabel('Số quyết định', { exact: true }).fill('1234/QĐ-UBND');
  await pickDate(committee, 'Ngày quyết định', todayVi());
  await expectNoAxeViolations(committee);
  await committee.getByRole('button', { name: 'Phê duyệt kế hoạch địa phương' }).click();
  await expect(committee.getByText(`Quyết định số 1234/QĐ-UBND ngày ${todayVi()}`)).toBeVisible();
  await expect(committee.getByText('Đã phê duyệt (phiên bản 1)')).toBeVisible();
  await committee.getByRole('link', { name: code }).first().click();
  await expect(committee.getByText('Đã phê duyệt').first()).toBeVisible();
  await committee.context().close();
});
