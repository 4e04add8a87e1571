import { createHash } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  csrfHeaders,
  expectNoAxeViolations,
  login,
  organizationIdByName,
  signInThroughApi,
  waitUntilSettled,
} from './support';

const LAO_CAI_DEPARTMENT = 'Sở Công Thương tỉnh Lào Cai';
const PLAN_YEAR = 2027;

/** A small PDF the server's sniffing accepts (`%PDF-` head, `%%EOF` in the tail), different per kind. */
function tinyPdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

/** Today in Vietnam as DD/MM/YYYY (what the date pickers take; en-GB orders day, month, year). */
function todayVi(): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
}

/** A page in its own browser context (its own session cookie), for a second person in the journey. */
async function newPerson(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
  });
  return context.newPage();
}

/** Types an amount into a VND input (grouped with dots as it is shown). */
async function fillAmount(page: Page, label: string, amount: number): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(amount));
  await expect(input).toHaveValue(amount.toLocaleString('vi-VN'));
}

test('a Lào Cai officer drafts a proposal within the cap and uploads its dossier; the leader registers, appraises and submits it', async ({
  page,
  browser,
  baseURL,
}) => {
  // Three people, a long form, four uploads and three workflow steps on a loaded machine.
  test.slow();
  const stamp = Date.now();
  const officer = {
    email: `chuyenvien.laocai.${stamp}@e2e.khuyencong.local`,
    name: 'Lê Văn Chuyên Viên',
    password: 'Lao-Cai-officer-e2e-2026',
  };
  const leader = {
    email: `lanhdao.laocai.${stamp}@e2e.khuyencong.local`,
    name: 'Phạm Thị Lãnh Đạo',
    password: 'Lao-Cai-leader-e2e-2026',
  };
  const title = `Mô hình trình diễn sấy nông sản Lào Cai ${stamp}`;

  // --- Setup through the API as the admin: the 2027 cycle (open, future deadlines) and the two users.
  const admin = await newPerson(browser, baseURL);
  await signInThroughApi(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const adminHeaders = await csrfHeaders(admin);
  const cycleResponse = await admin.request.post('/api/v1/cycles', {
    headers: adminHeaders,
    data: {
      planYear: PLAN_YEAR,
      registrationDeadline: '2027-06-20T23:59:59+07:00',
      dossierDeadline: '2027-09-30T23:59:59+07:00',
      budgetEnvelope: 100_000_000_000,
      status: 'open',
    },
  });
  // Another run against the same server may have created it already.
  expect([201, 409], await cycleResponse.text()).toContain(cycleResponse.status());
  const departmentId = await organizationIdByName(admin, LAO_CAI_DEPARTMENT);
  for (const [person, role] of [
    [officer, 'province_officer'],
    [leader, 'province_leader'],
  ] as const) {
    const response = await admin.request.post('/api/v1/users', {
      headers: adminHeaders,
      data: {
        email: person.email,
        name: person.name,
        organizationId: departmentId,
        roles: [role],
        password: person.password,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  await admin.context().close();

  // --- The province officer drafts the proposal.
  await login(page, officer.email, officer.password);
  await page.goto(`/proposals/new?planYear=${PLAN_YEAR}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lập đề án mới' })).toBeVisible();

  await page.getByLabel('Tên đề án', { exact: true }).fill(title);
  await expect(page.locator('.ant-select', { hasText: 'Mô hình trình diễn' }).first()).toBeVisible();
  const implementing = page.getByLabel('Đơn vị thực hiện', { exact: true });
  await implementing.click();
  await implementing.fill('Sở Công Thương');
  await page.locator(`.ant-select-item-option[title="${LAO_CAI_DEPARTMENT}"]`).click();
  await expect(page.locator('.ant-select', { hasText: LAO_CAI_DEPARTMENT })).toBeVisible();

  await page.getByLabel('Tên cơ sở thụ hưởng', { exact: true }).fill('Hợp tác xã Nông sản Bát Xát');
  await page.getByLabel('Mã số thuế', { exact: true }).fill('5300123456');
  await page.getByLabel('Xã, phường', { exact: true }).fill('Xã Bát Xát');

  for (const [label, date] of [
    ['Ngày bắt đầu', '01/03/2027'],
    ['Ngày kết thúc', '30/11/2027'],
  ] as const) {
    const picker = page.getByLabel(label, { exact: true });
    await picker.click();
    await picker.fill(date);
    await picker.press('Enter');
    await expect(picker).toHaveValue(date);
  }

  await fillAmount(page, 'Tổng kinh phí', 5_000_000_000);
  await fillAmount(page, 'Kinh phí KCQG đề nghị hỗ trợ', 1_200_000_000);
  await fillAmount(page, 'Kinh phí đối ứng', 3_800_000_000);
  await expect(page.getByLabel('Nguồn khác', { exact: true })).toHaveValue('0');

  // The live check names the cap: 30 % of 5 billion is 1.5 billion, capped at 1 billion per model.
  const capError = page.locator('[data-finding="cap_exceeded"]');
  await expect(capError).toBeVisible();
  await expect(capError).toContainText('1.200.000.000 ₫');
  await expect(capError).toContainText('1.000.000.000 ₫');
  await expectNoAxeViolations(page);

  await fillAmount(page, 'Kinh phí KCQG đề nghị hỗ trợ', 1_000_000_000);
  await fillAmount(page, 'Kinh phí đối ứng', 4_000_000_000);
  await expect(capError).toHaveCount(0);
  await expect(page.getByText('Cộng các nguồn: 5.000.000.000 ₫')).toBeVisible();

  await page.getByRole('button', { name: 'Lưu đề án' }).click();
  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/);
  const proposalId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  await expect(page.locator('[data-finding="cap_exceeded"]')).toHaveCount(0);

  // --- The officer uploads every required document of the checklist.
  const checklist = page.getByRole('list', { name: 'Hồ sơ tài liệu' });
  const requiredItems = checklist.locator('li.kc-doc-item').filter({ hasText: 'Bắt buộc' });
  await expect(requiredItems.first()).toBeVisible();
  const requiredKinds = (await requiredItems.evaluateAll((items) =>
    items.map((item) => (item as unknown as { dataset: { kind: string } }).dataset.kind),
  )) as string[];
  // The full dossier of every activity, plus the beneficiary's request (a beneficiary other than the unit).
  expect(requiredKinds).toEqual(
    expect.arrayContaining(['request_letter', 'project_document', 'cost_estimate', 'beneficiary_request']),
  );

  const uploaded: { kind: string; fileName: string; hash: string }[] = [];
  for (const kind of requiredKinds) {
    const fileName = `${kind}-${stamp}.pdf`;
    const buffer = tinyPdf(`${kind} ${stamp}`);
    const hash = sha256(buffer);
    const item = checklist.locator(`li.kc-doc-item[data-kind="${kind}"]`);
    await item
      .locator('input[type="file"]')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer });
    await expect(item.getByRole('status')).toContainText(
      `Đã tải lên ${fileName} (SHA-256 ${hash.slice(0, 8)}`,
    );
    await expect(item.getByLabel(`SHA-256 ${hash}`)).toBeVisible();
    uploaded.push({ kind, fileName, hash });
  }
  await expect(page.locator('[data-finding="missing_document"]')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // --- The province leader registers, base-appraises and submits it.
  const leaderPage = await newPerson(browser, baseURL);
  await login(leaderPage, leader.email, leader.password);
  await leaderPage.goto(`/proposals/${proposalId}`);
  await expect(leaderPage.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  const code =
    (await leaderPage.getByRole('heading', { level: 1 }).textContent())?.split(' — ')[0]?.trim() ?? '';
  expect(code).not.toBe('');

  await leaderPage.getByRole('button', { name: 'Đăng ký kế hoạch' }).click();
  const wizard = leaderPage.getByRole('dialog', { name: `Báo cáo đăng ký kế hoạch năm ${PLAN_YEAR}` });
  await expect(wizard).toBeVisible();
  await expect(wizard.getByText(`Đã chọn 1 đề án, tổng kinh phí đề nghị 1.000.000.000 ₫`)).toBeVisible();
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  const letterNumber = `${stamp % 1000}/SCT-QLCN`;
  await wizard.getByLabel('Số công văn', { exact: true }).fill(letterNumber);
  const letterDate = wizard.getByLabel('Ngày công văn', { exact: true });
  await letterDate.click();
  await letterDate.fill(todayVi());
  await letterDate.press('Enter');
  await expect(letterDate).toHaveValue(todayVi());
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByText(`Số ${letterNumber} ngày ${todayVi()}`)).toBeVisible();
  await wizard.getByRole('button', { name: 'Gửi báo cáo đăng ký' }).click();
  await expect(leaderPage.getByText(`Đã đăng ký 1 đề án (công văn ${letterNumber}).`)).toBeVisible();
  await expect(wizard).toBeHidden();
  await expect(leaderPage.getByText(`Số ${letterNumber} ngày ${todayVi()}`)).toBeVisible();

  await leaderPage.getByRole('button', { name: 'Thẩm định cấp cơ sở' }).click();
  const appraisal = leaderPage.getByRole('dialog', { name: `Thẩm định cấp cơ sở: ${code}` });
  await expect(appraisal).toBeVisible();
  await expect(appraisal.getByRole('radio', { name: 'Đạt, đề nghị gửi Cục' })).toBeChecked();
  await appraisal.getByLabel('Ý kiến thẩm định', { exact: true }).fill('Hồ sơ đầy đủ, đúng quy định.');
  await appraisal.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(leaderPage.getByText('Đã ghi kết quả thẩm định cấp cơ sở.')).toBeVisible();
  await expect(appraisal).toBeHidden();

  await leaderPage.getByRole('button', { name: 'Gửi Cục' }).click();
  await leaderPage.locator('.ant-popconfirm').getByRole('button', { name: 'Gửi Cục' }).click();
  await expect(leaderPage.getByText(`Đã gửi đề án ${code} tới Cục.`)).toBeVisible();

  // --- The receipt lists every uploaded document with its full SHA-256.
  await leaderPage.getByRole('link', { name: 'Phiếu tiếp nhận hồ sơ' }).click();
  await expect(leaderPage).toHaveURL(new RegExp(`/proposals/${proposalId}/receipt$`));
  const receipt = leaderPage.getByRole('article', { name: 'PHIẾU TIẾP NHẬN HỒ SƠ' });
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText(code);
  await expect(receipt).toContainText(title);
  await expect(receipt.getByText('Thời điểm gửi hồ sơ')).toBeVisible();
  const rows = receipt.locator('tbody > tr');
  await expect(rows).toHaveCount(uploaded.length);
  for (const document of uploaded) {
    const row = rows.filter({ hasText: document.fileName });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td.kc-receipt-hash')).toHaveText(document.hash);
  }
  await waitUntilSettled(leaderPage);
  await expectNoAxeViolations(leaderPage);
  await leaderPage.context().close();
});
