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
 * Issue #7, the implementation through the UI: on a proposal taken to an approved plan through the API,
 * the Sở signs the contract, finds the project in "Báo cáo tháng cần nộp" and files the monthly report
 * from there in one click; the agency is refused an advance above 70 % (in Vietnamese), records one
 * within it, the acceptance and the settlement (the refund shown); the Sở fills the inspection form on a
 * 390×844 phone without horizontal scrolling; the agency's monitoring lists; axe on every new screen.
 */

const LAO_CAI_DEPARTMENT = 'Sở Công Thương tỉnh Lào Cai';
const PLAN_YEAR = 2030;
const SUPPORT = 500_000_000;
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
/** A 1×1 PNG: a real image for the photo input. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

async function newPerson(
  browser: Browser,
  baseURL: string | undefined,
  viewport = { width: 1366, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport,
  });
  return context.newPage();
}

/** Fills an antd money input (digits only) after clearing it. */
async function fillMoney(page: Page, label: string, digits: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.fill('');
  await input.fill(digits);
}

test('the Sở and the agency take an approved proposal from contract to settlement; the inspection form on a phone', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const stamp = Date.now();
  const person = (key: string, name: string) => ({
    email: `${key}.impl.${stamp}@e2e.khuyencong.local`,
    name,
    password: `Mat-khau-${key}-2030`,
  });
  const provinceOfficer = person('so', 'Lương Thị Sở');
  const provinceLeader = person('lanhdaoso', 'Phạm Văn Lãnh Đạo Sở');
  const officer = person('chuyenvien', 'Hà Thị Chuyên Viên Cục');
  const leader = person('lanhdaocuc', 'Ngô Văn Lãnh Đạo Cục');
  const appraiser = person('thamdinh', `Đỗ Văn Thẩm Định ${stamp}`);
  const title = `Mô hình trình diễn sấy chè ${stamp}`;

  // --- Setup through the API: the cycle, the people, a proposal up to an approved plan.
  const admin = await newPerson(browser, baseURL);
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const adminHeaders = await csrfHeaders(admin);
  const cycle = await admin.request.post('/api/v1/cycles', {
    headers: adminHeaders,
    data: { planYear: PLAN_YEAR, budgetEnvelope: 10_000_000_000, status: 'open' },
  });
  expect([201, 409], await cycle.text()).toContain(cycle.status());
  const departmentId = await organizationIdByName(admin, LAO_CAI_DEPARTMENT);
  const me = (await (await admin.request.get('/api/v1/me')).json()) as { organization: { id: string } };
  const ids: Record<string, string> = {};
  for (const [p, role, organizationId] of [
    [provinceOfficer, 'province_officer', departmentId],
    [provinceLeader, 'province_leader', departmentId],
    [officer, 'agency_officer', me.organization.id],
    [leader, 'agency_leader', me.organization.id],
    [appraiser, 'appraiser', me.organization.id],
  ] as const) {
    const response = await admin.request.post('/api/v1/users', {
      headers: adminHeaders,
      data: { email: p.email, name: p.name, organizationId, roles: [role], password: p.password },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids[p.email] = ((await response.json()) as { id: string }).id;
  }
  await admin.context().close();

  const api = await newPerson(browser, baseURL);
  const as = async (who: { email: string; password: string }) => {
    await api.context().clearCookies();
    await signInThroughApi(api, who.email, who.password);
    return csrfHeaders(api);
  };
  const expectOk = async (response: { status(): number; text(): Promise<string> }, status = 200) =>
    expect(response.status(), await response.text()).toBe(status);

  let headers = await as(provinceOfficer);
  const created = await api.request.post('/api/v1/proposals', {
    headers,
    data: {
      planYear: PLAN_YEAR,
      activityType: 'demonstration_model',
      title,
      implementingOrganizationId: departmentId,
      isPilot: false,
      isGroupProject: false,
      beneficiary: { name: 'Hợp tác xã Chè Tả Phìn', taxCode: '5300123456', kind: 'cooperative' },
      location: { commune: 'Xã Tả Phìn' },
      startDate: `${PLAN_YEAR}-03-01`,
      endDate: `${PLAN_YEAR}-11-30`,
      budget: { total: 2_000_000_000, requested: SUPPORT, counterpart: 1_500_000_000, other: 0 },
      outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
      fields: { models: 1 },
    },
  });
  await expectOk(created, 201);
  const { id: proposalId, code } = (await created.json()) as { id: string; code: string };
  for (const kind of KINDS) {
    const upload = await api.request.post(`/api/v1/proposals/${proposalId}/documents`, {
      headers,
      multipart: {
        kind,
        file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(`${kind} ${stamp}`) },
      },
    });
    await expectOk(upload, 201);
  }
  headers = await as(provinceLeader);
  await expectOk(
    await api.request.post('/api/v1/registrations', {
      headers,
      data: {
        planYear: PLAN_YEAR,
        proposalIds: [proposalId],
        letterNumber: `${stamp}/SCT`,
        letterDate: todayIso(),
      },
    }),
    201,
  );
  await expectOk(
    await api.request.post(`/api/v1/proposals/${proposalId}/base-appraisal`, {
      headers,
      data: { result: 'pass' },
    }),
  );
  await expectOk(await api.request.post(`/api/v1/proposals/${proposalId}/submit`, { headers }));
  headers = await as(officer);
  await expectOk(
    await api.request.post('/api/v1/appraisal/accept', { headers, data: { proposalIds: [proposalId] } }),
  );
  const assigned = await api.request.post(`/api/v1/proposals/${proposalId}/appraisal-assignments`, {
    headers,
    data: { userIds: [ids[appraiser.email]] },
  });
  await expectOk(assigned);
  const criteria = ((await assigned.json()) as { criteria: { code: string }[] }).criteria;
  headers = await as(appraiser);
  await expectOk(
    await api.request.put(`/api/v1/proposals/${proposalId}/appraisals/mine`, {
      headers,
      data: {
        conflictOfInterest: false,
        criteria: criteria.map((c) => ({ code: c.code, pass: true, comment: 'Đạt yêu cầu' })),
        score: 85,
        recommendation: 'recommended',
        recommendedFunding: SUPPORT,
        submit: true,
      },
    }),
  );
  headers = await as(officer);
  await expectOk(
    await api.request.post(`/api/v1/proposals/${proposalId}/decision`, {
      headers,
      data: { result: 'recommended', approvedFunding: SUPPORT },
    }),
  );
  headers = await as(leader);
  await expectOk(
    await api.request.post(`/api/v1/plans/${PLAN_YEAR}/approve`, {
      headers,
      data: { decisionNumber: `${stamp}/QĐ-BCT`, decisionDate: todayIso() },
    }),
  );
  await api.context().close();

  // --- The Sở: the implementation section, the contract.
  await login(page, provinceOfficer.email, provinceOfficer.password);
  await page.goto(`/proposals/${proposalId}`);
  // A cold page on a machine shared by several engineers: its chunks and five requests take a while.
  const section = page.getByRole('heading', { level: 2, name: 'Thực hiện đề án' });
  await expect(section).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('[data-step]').getByText('Phê duyệt kế hoạch', { exact: true })).toBeVisible();
  // The dossier's documents are listed at their step, as audited downloads.
  await expect(page.getByRole('link', { name: 'Tải request_letter.pdf' })).toHaveAttribute(
    'href',
    /\/api\/v1\/documents\/.+\/content/,
  );
  await expect(page.getByRole('button', { name: 'Ghi nhận tạm ứng' })).toHaveCount(0); // the agency's
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ký hợp đồng' }).click();
  let dialog = page.getByRole('dialog', { name: 'Ký hợp đồng' });
  await dialog.getByLabel('Số hợp đồng').fill(`${stamp}/HĐ-KC`);
  // Signed on the 1st of this month: this month's report (due on the 25th) is owed whatever today is.
  const [year, month] = todayIso().split('-');
  const signedOn = dialog.getByLabel('Ngày ký');
  await signedOn.fill(`01/${month}/${year}`);
  await signedOn.press('Enter');
  await fillMoney(page, 'Giá trị hợp đồng', '2000000000');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Hợp đồng số ${stamp}/HĐ-KC`)).toBeVisible();
  await expect(page.getByText('2.000.000.000 ₫').first()).toBeVisible();

  // --- "Báo cáo tháng cần nộp": the project is there; one click opens its report form.
  await page.getByRole('menuitem', { name: 'Báo cáo tháng cần nộp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo tháng cần nộp' })).toBeVisible();
  const dueRow = page.getByRole('row', { name: new RegExp(code) });
  await expect(dueRow).toBeVisible();
  await expectNoAxeViolations(page);
  await dueRow.getByRole('button', { name: /^Nộp báo cáo tháng/ }).click();
  dialog = page.getByRole('dialog', { name: 'Nộp báo cáo tháng' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Khối lượng đã thực hiện (%)').fill('80');
  await fillMoney(page, 'Kinh phí đã chi', '300000000');
  await dialog.getByLabel('Khó khăn, vướng mắc').fill('Thiết bị sấy giao chậm 10 ngày');
  await dialog
    .getByLabel('Ảnh hiện trường (không bắt buộc)')
    .setInputFiles({ name: 'bao-cao-thang.png', mimeType: 'image/png', buffer: PNG });
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Khối lượng 80 %, đã chi 300.000.000 ₫')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Xem ảnh bao-cao-thang.png' })).toHaveAttribute(
    'href',
    /\/api\/v1\/implementation-photos\/.+\/content/,
  );
  await page.goto('/reports-due');
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo tháng cần nộp' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(code) })).toHaveCount(0);

  // --- The inspection form on a phone (the Sở inspects in its province).
  const phone = await newPerson(browser, baseURL, { width: 390, height: 844 });
  await login(phone, provinceOfficer.email, provinceOfficer.password);
  await phone.goto(`/proposals/${proposalId}/inspection`);
  await expect(phone.getByRole('heading', { level: 1, name: 'Phiếu kiểm tra thực tế' })).toBeVisible({
    timeout: 90_000,
  });
  await phone.getByLabel('Họ tên, chức vụ 1').fill('Lương Thị Sở — Trưởng đoàn');
  await phone.getByRole('button', { name: 'Thêm thành viên' }).click();
  await phone.getByLabel('Họ tên, chức vụ 2').fill('Vũ Văn Kỹ Thuật — Chuyên viên');
  await phone.getByLabel('Kết quả kiểm tra').fill('Đã lắp đặt 2/3 máy sấy; nhà xưởng đạt yêu cầu.');
  await phone
    .getByLabel('Ảnh hiện trường')
    .setInputFiles({ name: 'hien-truong.png', mimeType: 'image/png', buffer: PNG });
  await expect(phone.getByText('Đã chọn 1 ảnh', { exact: false })).toBeVisible();
  await phone.getByRole('button', { name: 'Thêm việc cần khắc phục' }).click();
  await phone.getByLabel('Nội dung 1').fill('Lắp đặt máy sấy còn lại');
  const overflow = () =>
    phone.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as {
        document: { scrollingElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth };
    });
  let size = await overflow();
  expect(size.scrollWidth, JSON.stringify(size)).toBeLessThanOrEqual(size.innerWidth);
  // Touch targets: the save button is at least 44 px high.
  const box = await phone.getByRole('button', { name: 'Lưu phiếu kiểm tra' }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(phone);
  await phone.getByRole('button', { name: 'Lưu phiếu kiểm tra' }).click();
  await expect(phone.getByText('Đã lưu phiếu kiểm tra cho 1 đề án.')).toBeVisible();
  size = await overflow();
  expect(size.scrollWidth, JSON.stringify(size)).toBeLessThanOrEqual(size.innerWidth);
  await phone.context().close();

  // --- The agency: an advance above 70 % refused in Vietnamese, one within it, acceptance, settlement.
  await page.context().clearCookies();
  await login(page, officer.email, officer.password);
  await page.goto(`/proposals/${proposalId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Thực hiện đề án' })).toBeVisible({
    timeout: 90_000,
  });
  await expect(
    page.getByText('Đoàn kiểm tra: Lương Thị Sở — Trưởng đoàn; Vũ Văn Kỹ Thuật — Chuyên viên'),
  ).toBeVisible();
  // The photo taken on the phone is kept with the inspection, and opens (an audited download).
  const inspectionPhoto = page.getByRole('link', { name: 'Xem ảnh hien-truong.png' });
  await expect(inspectionPhoto).toBeVisible();
  const photoResponse = await page.request.get((await inspectionPhoto.getAttribute('href')) ?? '');
  expect(photoResponse.status()).toBe(200);
  expect(Buffer.from(await photoResponse.body()).equals(PNG)).toBe(true);
  await page.getByRole('button', { name: 'Ghi nhận tạm ứng' }).click();
  dialog = page.getByRole('dialog', { name: 'Ghi nhận tạm ứng' });
  await fillMoney(page, 'Số tiền tạm ứng', '400000000');
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Tổng tạm ứng (400.000.000 ₫) vượt 70 % kinh phí hỗ trợ được duyệt (350.000.000 ₫) trước khi nghiệm thu.',
  );
  await expectNoAxeViolations(page);
  await fillMoney(page, 'Số tiền tạm ứng', '300000000');
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Tạm ứng lần 1', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Nghiệm thu' }).click();
  dialog = page.getByRole('dialog', { name: 'Nghiệm thu' });
  await dialog.getByLabel('Số biên bản nghiệm thu').fill(`${stamp}/BB-NT`);
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Biên bản số ${stamp}/BB-NT`, { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Quyết toán' }).click();
  dialog = page.getByRole('dialog', { name: 'Quyết toán' });
  await fillMoney(page, 'Số tiền quyết toán', '250000000');
  await expect(dialog.getByText('Đã tạm ứng 300.000.000 ₫; phải nộp lại 50.000.000 ₫')).toBeVisible();
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Số tiền phải nộp lại: 50.000.000 ₫')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hoàn thành, đóng đề án' })).toBeVisible();
  await expectNoAxeViolations(page);

  // --- The agency's monitoring lists.
  await page.getByRole('menuitem', { name: 'Theo dõi thực hiện' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Theo dõi thực hiện' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: 'Chậm tiến độ' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('tab', { name: 'Chậm quyết toán, thanh lý' }).click();
  await expectNoAxeViolations(page);
});
