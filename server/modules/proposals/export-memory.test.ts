import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycles, organizations } from '../../db/schema';
import { createHarness, type THarness } from '../../test/harness';
import { BEFORE_REGISTRATION, setUpWorld } from './test-fixtures';

/**
 * Done-when 5: exporting 50,000 proposals keeps the exporting process's peak RSS under 300 MB. The
 * export runs in a process of its own (scripts/measure-export-memory.ts) so the figure is the export's.
 */

const run = promisify(execFile);
const ROWS = 50_000;
let h: THarness;
let dir: string;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  await setUpWorld(h);
  dir = await mkdtemp(path.join(os.tmpdir(), 'kc-export-memory-'));
  const [cycle] = await h.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.planYear, 2026));
  const [org] = await h.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.seedKey, 'ttkc-15'));
  await h.db.execute(sql`
    insert into proposals (code, cycle_id, plan_year, province_code, implementing_organization_id, activity_type,
      title, is_pilot, beneficiary, location, start_date, end_date, budget_total, budget_requested,
      budget_counterpart, budget_other, priority_area, selection_method, status)
    select 'KCQG-2026-15-' || lpad(g::text, 5, '0'), ${cycle!.id}, 2026, '15', ${org!.id}, 'demonstration_model',
      'Mô hình trình diễn kỹ thuật chế biến nông sản, thiết bị sấy và đóng gói số ' || g, g % 10 = 0,
      jsonb_build_object('name', 'Hợp tác xã nông nghiệp và dịch vụ số ' || g, 'kind', 'cooperative'),
      jsonb_build_object('commune', 'Xã Suối Giàng', 'address', 'Thôn ' || (g % 50)),
      date '2026-03-01', date '2026-11-30', 2000000000 + g, 600000000, 1400000000 + g, 0, g % 2 = 0,
      'selection', 'draft'
    from generate_series(1, ${ROWS}) g`);
}, 300_000);
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('exporting 50,000 rows (done-when 5)', () => {
  it('streams from the cursor with a peak RSS under 300 MB', async () => {
    const out = path.join(dir, '50k.xlsx');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/measure-export-memory.ts', '2026', out],
      { env: { ...process.env, DATABASE_URL: h.url, LOG_LEVEL: 'silent' }, timeout: 600_000 },
    );
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      rows: number;
      bytes: number;
      ms: number;
      maxRssMb: number;
    };
    console.info(
      `export of ${figures.rows} rows: ${figures.ms} ms, ${(figures.bytes / 1048576).toFixed(1)} MB file, peak RSS ${figures.maxRssMb} MB`,
    );
    expect(figures.rows).toBe(ROWS);
    expect(figures.bytes).toBeGreaterThan(1_000_000);
    expect(figures.maxRssMb).toBeLessThan(300);
  }, 600_000);
});
