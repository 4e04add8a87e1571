import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';

/**
 * Issue #8, done-when 1: the dashboard's province map renders in both modes — today's 34 units and the 63
 * provinces of the time — with every province coloured by its figure, on the DEMO data (its 2021–2025
 * history is in the old province codes). The demo data needs its own server: this file starts one
 * (`seed --demo`, then `serve`) on a fresh data folder, from a snapshot of the built app.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO_AGENCY = 'chuyenvien.cuc@demo.khuyencong.vn';
const DEMO_PASSWORD = 'Khuyen-Cong-2026';

let server: ChildProcess | null = null;
let workDir = '';
let baseURL = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  workDir = mkdtempSync(path.join(tmpdir(), 'khuyencong-e2e-demo-'));
  chmodSync(workDir, 0o755);
  const appDir = path.join(workDir, 'app');
  const dataDir = path.join(workDir, 'data');
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o755);
  for (const entry of ['server', 'domain', 'web/dist', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(root, entry), path.join(appDir, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(appDir, 'node_modules'), 'dir');
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseURL,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: 'true',
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  for (const name of ['DATABASE_URL', 'STORAGE_URL', 'SMTP_URL']) delete env[name];
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'seed', '--demo'], {
    cwd: appDir,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(seed.status, `${seed.stdout}\n${seed.stderr}`).toBe(0);
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the demo server did not become healthy');
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server?.pid) {
    const exited = new Promise((r) => server?.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Hovers a grid of points over the map until ECharts shows a province's tooltip; returns that point. */
async function hoverAProvince(page: Page): Promise<{ x: number; y: number; text: string }> {
  const canvas = page.getByTestId('province-map-canvas');
  const box = (await canvas.boundingBox())!;
  for (let fy = 0.15; fy < 0.95; fy += 0.06) {
    for (let fx = 0.2; fx < 0.8; fx += 0.05) {
      const x = box.x + box.width * fx;
      const y = box.y + box.height * fy;
      await page.mouse.move(x, y);
      const tooltip = page.locator('[data-testid="province-map-canvas"] div').filter({ hasText: 'Số đề án' });
      if (
        await tooltip
          .first()
          .isVisible({ timeout: 150 })
          .catch(() => false)
      ) {
        return { x, y, text: ((await tooltip.first().textContent()) ?? '').trim() };
      }
    }
  }
  throw new Error('no province tooltip found');
}

test('the province map: 34 current and 63 historical provinces, each coloured by its figure; hover and click', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 1000 },
  });
  const page = await context.newPage();
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: DEMO_AGENCY, password: DEMO_PASSWORD },
  });
  expect(login.status(), await login.text()).toBe(200);

  const provincesWithData = async (mode: 'current' | 'historical') => {
    const stats = await (await page.request.get(`/api/v1/stats?groupBy=province&provinces=${mode}`)).json();
    return stats.items.filter((i: { formerUnit: boolean; funding: number }) =>
      mode === 'current' ? i.funding > 0 : i.formerUnit && i.funding > 0,
    ).length as number;
  };

  await page.goto('/');
  const map = page.getByTestId('province-map');
  // The first render on a shared, busy machine: the figures and the chart code arrive after the page.
  await expect(map).toHaveAttribute('data-mode', 'current', { timeout: 90_000 });
  await expect(map).toHaveAttribute('data-provinces', '34');
  // Every one of the 34 units gets a value (0 where nothing was proposed), so each is coloured.
  await expect(map).toHaveAttribute('data-coloured', '34');
  const current = await provincesWithData('current');
  expect(current).toBeGreaterThan(5);
  await expect(map).toHaveAttribute('data-with-figures', String(current));
  await expect(page.getByTestId('province-map-canvas')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('province-map-canvas').locator('canvas')).toBeVisible();
  await expect(map.getByText(/Quần đảo Hoàng Sa \(thành phố Đà Nẵng\) và quần đảo Trường Sa/)).toBeVisible();
  await page.waitForTimeout(1000); // the map's entry animation
  await testInfo.attach('map-34-provinces.png', { body: await map.screenshot(), contentType: 'image/png' });

  const hovered = await hoverAProvince(page);
  expect(hovered.text).toMatch(/Số đề án: \d+/);
  expect(hovered.text).toMatch(/Kinh phí: [\d.]+/);

  await page.getByText('63 tỉnh, thành (trước 1/7/2025)').click();
  await expect(map).toHaveAttribute('data-mode', 'historical', { timeout: 60_000 });
  await expect(map).toHaveAttribute('data-provinces', '63');
  await expect(map).toHaveAttribute('data-coloured', '63');
  const historical = await provincesWithData('historical');
  expect(historical).toBeGreaterThan(current - 1);
  await expect(map).toHaveAttribute('data-with-figures', String(historical));
  // The 2026 proposals, made under the 34-unit map, are said not to be on this one.
  await expect(map.getByText(/không thể hiện trên bản đồ 63 tỉnh/)).toBeVisible();
  await page.waitForTimeout(1000);
  await testInfo.attach('map-63-provinces.png', { body: await map.screenshot(), contentType: 'image/png' });

  // A click on a province opens its proposals.
  const point = await hoverAProvince(page);
  await page.mouse.click(point.x, point.y);
  await expect(page).toHaveURL(/\/proposals\?.*provinceCode=\d{2}.*provinces=historical/);

  // The header's search box, without diacritics: "dak lak" finds Đắk Lắk, the matches marked.
  const search = page.getByRole('combobox', { name: 'Tìm kiếm toàn hệ thống' });
  await search.fill('dak lak');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Cà phê Đắk Lắk' }).first();
  await expect(hit).toBeVisible({ timeout: 30_000 });
  await expect(hit.locator('mark').first()).toHaveText('Đắk');
  await testInfo.attach('search-dak-lak.png', { body: await page.screenshot(), contentType: 'image/png' });
  await context.close();
});
