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
 * Issue #6, done-when 6: an agency officer accepts a submitted dossier and assigns two appraisers, both
 * appraise, the officer decides within the cap, an agency leader approves the plan and the decision
 * annex downloads; axe on the inbox, the appraisal form, the consensus view and the plan.
 */

const LAO_CAI_DEPARTMENT = 'Sở Công Thương tỉnh Lào Cai';
const PLAN_YEAR = 2028;
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

async function newPerson(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
  });
  return context.newPage();
}

test('an officer assigns two appraisers, both appraise, the officer decides, a leader approves the plan and downloads the annex', async ({
  page,
  browser,
  baseURL,
}) => {
  // Seven people, two appraisal forms and five axe checks on a machine shared by several engineers.
  test.setTimeout(600_000);
  const stamp = Date.now();
  const person = (key: string, name: string) => ({
    email: `${key}.${stamp}@e2e.khuyencong.local`,
    name,
    password: `Mat-khau-${key}-2028`,
  });
  const provinceOfficer = person('so', 'Hoàng Thị Sở');
  const provinceLeader = person('lanhdaoso', 'Vũ Văn Lãnh Đạo Sở');
  const officer = person('chuyenvien', 'Đinh Thị Chuyên Viên');
  const leader = person('lanhdaocuc', 'Tạ Văn Lãnh Đạo Cục');
  const first = person('thamdinh1', `Nguyễn Văn Thẩm Định ${stamp}`);
  const second = person('thamdinh2', `Trần Thị Thẩm Định ${stamp}`);
  const title = `Mô hình trình diễn chế biến chè Shan tuyết ${stamp}`;

  // --- Setup through the API: the 2028 cycle, the people, and a proposal submitted by Lào Cai.
  const admin = await newPerson(browser, baseURL);
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const adminHeaders = await csrfHeaders(admin);
  const cycle = await admin.request.post('/api/v1/cycles', {
    headers: adminHeaders,
    data: {
      planYear: PLAN_YEAR,
      registrationDeadline: '2028-06-20T23:59:59+07:00',
      dossierDeadline: '2028-09-30T23:59:59+07:00',
      budgetEnvelope: 10_000_000_000,
      status: 'open',
    },
  });
  expect([201, 409], await cycle.text()).toContain(cycle.status());
  const departmentId = await organizationIdByName(admin, LAO_CAI_DEPARTMENT);
  const agencyId = (
    (await (await admin.request.get('/api/v1/me')).json()) as { organization: { id: string } }
  ).organization.id;
  for (const [p, role, organizationId] of [
    [provinceOfficer, 'province_officer', departmentId],
    [provinceLeader, 'province_leader', departmentId],
    [officer, 'agency_officer', agencyId],
    [leader, 'agency_leader', agencyId],
    [first, 'appraiser', agencyId],
    [second, 'appraiser', agencyId],
  ] as const) {
    const response = await admin.request.post('/api/v1/users', {
      headers: adminHeaders,
      data: { email: p.email, name: p.name, organizationId, roles: [role], password: p.password },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  await admin.context().close();

  const province = await newPerson(browser, baseURL);
  await signInThroughApi(province, provinceOfficer.email, provinceOfficer.password);
  let headers = await csrfHeaders(province);
  const created = await province.request.post('/api/v1/proposals', {
    headers,
    data: {
      planYear: PLAN_YEAR,
      activityType: 'demonstration_model',
      title,
      implementingOrganizationId: departmentId,
      isPilot: false,
      isGroupProject: false,
      beneficiary: { name: 'Hợp tác xã Chè Suối Giàng', taxCode: '5200123456', kind: 'cooperative' },
      location: { commune: 'Xã Suối Giàng' },
      startDate: '2028-03-01',
      endDate: '2028-11-30',
      budget: { total: 2_000_000_000, requested: 600_000_000, counterpart: 1_400_000_000, other: 0 },
      outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
      fields: { models: 1 },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: proposalId, code } = (await created.json()) as { id: string; code: string };
  for (const kind of KINDS) {
    const upload = await province.request.post(`/api/v1/proposals/${proposalId}/documents`, {
      headers,
      multipart: {
        kind,
        file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(`${kind} ${stamp}`) },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
  }
  await province.context().clearCookies();
  await signInThroughApi(province, provinceLeader.email, provinceLeader.password);
  headers = await csrfHeaders(province);
  const registered = await province.request.post('/api/v1/registrations', {
    headers,
    data: {
      planYear: PLAN_YEAR,
      proposalIds: [proposalId],
      letterNumber: `${stamp}/SCT`,
      letterDate: todayIso(),
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const passed = await province.request.post(`/api/v1/proposals/${proposalId}/base-appraisal`, {
    headers,
    data: { result: 'pass' },
  });
  expect(passed.status(), await passed.text()).toBe(200);
  const submitted = await province.request.post(`/api/v1/proposals/${proposalId}/submit`, { headers });
  expect(submitted.status(), await submitted.text()).toBe(200);
  await province.context().close();

  // --- The agency officer: the inbox, acceptance, two appraisers.
  await login(page, officer.email, officer.password);
  await page.goto('/appraisals');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận và thẩm định hồ sơ' })).toBeVisible();
  await page.getByLabel('Năm kế hoạch', { exact: true }).click();
  await page.locator('.ant-select-item-option[title="2028"]').click();
  const row = page.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('Đủ 5/5');
  await expectNoAxeViolations(page);
  await row.getByRole('checkbox', { name: `Chọn ${code}` }).check();
  await page.getByRole('button', { name: 'Tiếp nhận vào thẩm định (1)' }).click();
  await expect(row).toContainText('Đang thẩm định');
  await row.getByRole('link', { name: `Mở ${code}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Thẩm định đề án ${code}` })).toBeVisible();

  const picker = page.getByLabel('Phân công thêm thành viên', { exact: true });
  for (const appraiser of [first, second]) {
    await picker.click();
    await picker.fill(appraiser.name);
    await page.locator('.ant-select-item-option', { hasText: appraiser.name }).click();
  }
  await picker.press('Escape'); // close the open list before reaching for the button under it
  await page.getByRole('button', { name: 'Phân công', exact: true }).click();
  const assignments = page.locator('.ant-card', { hasText: 'Thành viên thẩm định' });
  await expect(assignments.getByRole('row', { name: new RegExp(first.name) })).toContainText('Chưa làm');
  await expect(assignments.getByRole('row', { name: new RegExp(second.name) })).toContainText('Chưa làm');
  await expectNoAxeViolations(page);

  // --- Both appraisers appraise (one checks every criterion, the other fails one with a comment).
  for (const [index, appraiser] of [first, second].entries()) {
    const appraiserPage = await newPerson(browser, baseURL);
    await login(appraiserPage, appraiser.email, appraiser.password);
    await appraiserPage.goto('/my-appraisals');
    await expect(
      appraiserPage.getByRole('heading', { level: 1, name: 'Phiếu thẩm định của tôi' }),
    ).toBeVisible();
    await expect(appraiserPage.locator('.ant-statistic', { hasText: 'Còn phải thẩm định' })).toContainText(
      '1',
    );
    await appraiserPage.getByRole('link', { name: `Mở ${code}` }).click();
    await expect(
      appraiserPage.getByRole('heading', { level: 1, name: `Thẩm định đề án ${code}` }),
    ).toBeVisible();
    const passes = appraiserPage.getByRole('radio', { name: 'Đạt', exact: true });
    await expect(passes).toHaveCount(6);
    for (let i = 0; i < 6; i++) await passes.nth(i).check();
    if (index === 1) {
      await appraiserPage.getByRole('radio', { name: 'Không đạt', exact: true }).nth(2).check();
      await appraiserPage
        .getByLabel('Nhận xét: Tính hợp lý trong sử dụng kinh phí, nguồn lực và cơ sở vật chất')
        .fill('Đơn giá thiết bị sấy cao hơn báo giá thị trường.');
    }
    await appraiserPage.getByLabel('Điểm (0–100, không bắt buộc)').fill(index === 0 ? '85' : '72');
    await appraiserPage.getByRole('radio', { name: 'Đề nghị hỗ trợ', exact: true }).check();
    const funding = appraiserPage.getByLabel('Kinh phí đề nghị hỗ trợ (đồng)', { exact: true });
    await funding.fill(index === 0 ? '550000000' : '500000000');
    await expectNoAxeViolations(appraiserPage);
    await appraiserPage.getByRole('button', { name: 'Gửi phiếu thẩm định' }).click();
    await expect(appraiserPage.getByText(/Phiếu đã gửi lúc/)).toBeVisible();
    await appraiserPage.context().close();
  }

  // --- The officer sees both side by side and decides (above the limit first: refused).
  await page.reload();
  const consensus = page.locator('.ant-card', { hasText: 'Tổng hợp ý kiến thẩm định' });
  await expect(consensus.getByRole('columnheader', { name: first.name })).toBeVisible();
  await expect(consensus.getByRole('columnheader', { name: second.name })).toBeVisible();
  await expect(consensus).toContainText('Đơn giá thiết bị sấy cao hơn báo giá thị trường.');
  await expectNoAxeViolations(page);
  const approved = page.getByLabel('Kinh phí phê duyệt', { exact: true });
  await approved.fill('600000001');
  await page.getByRole('button', { name: 'Ghi kết luận' }).click();
  await expect(page.getByText(/vượt kinh phí đề án xin hỗ trợ hoặc mức hỗ trợ tối đa/)).toBeVisible();
  await approved.fill('500000000');
  await page.getByRole('button', { name: 'Ghi kết luận' }).click();
  await expect(page.getByText(/Đề nghị hỗ trợ — 500\.000\.000/)).toBeVisible();

  // --- The agency leader approves the plan and downloads the decision annex.
  const leaderPage = await newPerson(browser, baseURL);
  await login(leaderPage, leader.email, leader.password);
  await leaderPage.goto(`/plans/${PLAN_YEAR}`);
  await expect(
    leaderPage.getByRole('heading', { level: 1, name: `Kế hoạch khuyến công quốc gia năm ${PLAN_YEAR}` }),
  ).toBeVisible();
  await expect(leaderPage.getByRole('row', { name: new RegExp(code) })).toContainText('Trong kế hoạch');
  await expect(leaderPage.getByText(/Dự thảo \(phiên bản 1\)/)).toBeVisible();
  await expectNoAxeViolations(leaderPage);
  await leaderPage.getByLabel('Số quyết định', { exact: true }).fill(`${stamp}/QĐ-BCT`);
  const date = leaderPage.getByLabel('Ngày quyết định', { exact: true });
  await date.click();
  await date.fill(todayVi());
  await date.press('Enter');
  await leaderPage.getByRole('button', { name: 'Phê duyệt kế hoạch' }).click();
  await expect(leaderPage.getByText(/Đã phê duyệt \(phiên bản 1\)/)).toBeVisible();
  await expect(leaderPage.getByRole('row', { name: new RegExp(code) })).toContainText('Đã phê duyệt');

  const download = leaderPage.waitForEvent('download');
  await leaderPage.getByRole('link', { name: 'Tải phụ lục quyết định (.docx)' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  await leaderPage.context().close();

  // --- The public page of the approved plan.
  const visitor = await newPerson(browser, baseURL);
  await visitor.goto(`/open-data/plans/${PLAN_YEAR}`);
  await expect(visitor.getByRole('row', { name: new RegExp(code) })).toContainText('500.000.000');
  await expectNoAxeViolations(visitor);
  await visitor.context().close();
});
