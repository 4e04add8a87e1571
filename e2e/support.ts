import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The first administrator, created by the server at its first start (global-setup.ts). */
export const ADMIN_EMAIL = 'admin@khuyencong.local';
export const ADMIN_PASSWORD = 'Quan-tri-e2e-2026';

/** Signs in through the login page and waits for the signed-in shell. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Signs in through the API (the session cookie lands in the page's browser context): for tests whose
 * subject is another page, so they do not pay for the login page each time.
 */
export async function signInThroughApi(page: Page, email: string, password: string): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Opens a page from the main menu and waits for its heading. */
export async function openFromMenu(page: Page, menuLabel: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu chính' })
    .getByRole('link', { name: menuLabel, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/**
 * Calls the API in the page's session (the browser context's cookie) with the CSRF token from
 * GET /api/v1/me, as the web app does for unsafe methods.
 */
export async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const me = await page.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  const body = (await me.json()) as { csrfToken: string | null };
  expect(body.csrfToken).toBeTruthy();
  return { 'x-csrf-token': body.csrfToken ?? '' };
}

/** The id of the organisation with exactly this name (searched through the API in the page's session). */
export async function organizationIdByName(page: Page, name: string): Promise<string> {
  const response = await page.request.get('/api/v1/organizations', { params: { q: name, pageSize: 50 } });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const match = items.find((item) => item.name === name);
  expect(match, `organisation "${name}" among ${items.map((item) => item.name).join(', ')}`).toBeTruthy();
  return match!.id;
}

/**
 * No spinner, no skeleton and no transition still running: the page shows its data as a person sees it.
 * (antd fades a table in from half opacity after loading; axe measuring colours mid-fade reports
 * contrast failures nobody ever sees.) Infinite animations (a spinner icon) are ignored.
 */
export async function waitUntilSettled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton, .ant-spin-blur')).toHaveCount(0);
  await page.waitForFunction(() => {
    // The root tsconfig has no DOM lib: the little of it used here, typed by hand.
    type TAnimation = { playState: string; effect: { getComputedTiming(): { iterations?: number } } | null };
    const { document } = globalThis as unknown as { document: { getAnimations(): TAnimation[] } };
    return document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      );
  });
}

/**
 * WCAG 2.x A and AA with axe-core; a failure lists each violation's id, help, impact and targets.
 * `exclude` takes exact selectors that are antd's own markup and not fixable in ours (each with a reason
 * at the call site); no rule is ever disabled as a whole.
 */
export async function expectNoAxeViolations(
  page: Page,
  { exclude = [], soft = false }: { exclude?: readonly string[]; soft?: boolean } = {},
): Promise<void> {
  await waitUntilSettled(page);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const report = violations
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n  ${violation.helpUrl}\n` +
        violation.nodes
          .map(
            (node) =>
              `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
  (soft ? expect.soft : expect)(
    violations.length,
    `axe found ${violations.length} violation(s) on ${page.url()}:\n${report}`,
  ).toBe(0);
}
