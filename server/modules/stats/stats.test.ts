import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStatsItem, TStatsResponse } from '../../../domain/schemas/stats';
import { adminUnits, auditEvents, programmes, proposalAcceptances, proposals } from '../../db/schema';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed/demo';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import { DEMO_IMPLEMENTATION } from '../implementation/implementation.seed';
import { DEMO_HISTORY } from './history.seed';

/**
 * Issue #8 on the demo data: the dashboard figures (done-when 2: current and historical province
 * modes add up to the same totals), programme progress (done-when 3) and the search (done-when 4).
 */

let h: THarness;
let agency: TClient;
let admin: TClient;
let laoCai: TClient;

beforeAll(async () => {
  h = await createHarness({ now: '2026-11-28T03:00:00Z' });
  await seedDemoData(h.db, h.clock.now(), h.ctx);
  agency = await h.signIn('chuyenvien.cuc@demo.khuyencong.vn', DEMO_PASSWORD);
  admin = await h.signIn('quantri@demo.khuyencong.vn', DEMO_PASSWORD);
  laoCai = await h.signIn('lanhdao.laocai@demo.khuyencong.vn', DEMO_PASSWORD);
});
afterAll(() => h?.close());

const stats = async (as: TClient, query: string): Promise<TStatsResponse> => {
  const response = await as.get(`/api/v1/stats?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const FIGURES = [
  'count',
  'requestedFunding',
  'approvedCount',
  'approvedFunding',
  'acceptedCount',
  'funding',
] as const;
const sum = (items: TStatsItem[]) =>
  Object.fromEntries(FIGURES.map((f) => [f, items.reduce((s, i) => s + i[f], 0)]));

describe('GET /stats by province: current and historical modes', () => {
  it('adds up to the same totals in both modes, for each year and for the whole period', async () => {
    for (const years of [
      'fromYear=2021&toYear=2026',
      'planYear=2021',
      'planYear=2024',
      'planYear=2025',
      'planYear=2026',
    ]) {
      const current = await stats(agency, `${years}&groupBy=province&provinces=current`);
      const historical = await stats(agency, `${years}&groupBy=province&provinces=historical`);
      expect(sum(current.items), years).toEqual(sum(historical.items));
      expect(sum(current.items)).toEqual(
        sum([{ ...current.totals, key: '', name: null, formerUnit: null, budgetEnvelope: null }]),
      );
      expect(current.totals.count).toBeGreaterThan(0);
    }
  });

  it('counts every non-draft record in the database exactly once', async () => {
    const [row] = await h.db
      .select({ n: sql<number>`count(*)::int`, requested: sql<string>`sum(budget_requested)::text` })
      .from(proposals)
      .where(
        and(
          gte(proposals.planYear, 2021),
          lte(proposals.planYear, 2026),
          sql`${proposals.status} <> 'draft'`,
        ),
      );
    const current = await stats(agency, 'fromYear=2021&toYear=2026&groupBy=province&provinces=current');
    expect(current.totals.count).toBe(row!.n);
    expect(current.totals.requestedFunding).toBe(Number(row!.requested));
  });

  it('current mode puts old Bắc Giang (24) and old Bắc Ninh (27) into today’s Bắc Ninh (24); historical keeps them apart', async () => {
    const expected = DEMO_HISTORY.filter(
      (r) => r.year <= 2025 && (r.province === '24' || r.province === '27'),
    );
    const current = await stats(agency, 'fromYear=2021&toYear=2025&groupBy=province&provinces=current');
    const bacNinh = current.items.find((i) => i.key === '24')!;
    expect(bacNinh).toMatchObject({ name: 'Bắc Ninh', formerUnit: false, count: expected.length });
    // Every group of the current mode is a unit in force today (34-province map).
    const today = await h.db
      .select({ code: adminUnits.code })
      .from(adminUnits)
      .where(sql`${adminUnits.validTo} is null`);
    const todayCodes = new Set(today.map((u) => u.code));
    expect(current.items.every((i) => todayCodes.has(i.key) && i.formerUnit === false)).toBe(true);

    const historical = await stats(agency, 'fromYear=2021&toYear=2025&groupBy=province&provinces=historical');
    const bacGiang = historical.items.find((i) => i.key === '24@2008-08-01')!;
    const oldBacNinh = historical.items.find((i) => i.key === '27@2008-08-01')!;
    expect(bacGiang).toMatchObject({ name: 'Bắc Giang', formerUnit: true });
    expect(oldBacNinh).toMatchObject({ name: 'Bắc Ninh', formerUnit: true });
    expect(bacGiang.count + oldBacNinh.count).toBe(expected.length);
    expect(bacGiang.count).toBe(expected.filter((r) => r.province === '24').length);
  });

  it('a province’s figure drills down to the same proposals in the list (today’s province, a range of years)', async () => {
    const current = await stats(agency, 'fromYear=2021&toYear=2025&groupBy=province&provinces=current');
    for (const item of current.items) {
      const list = (
        await agency.get(
          `/api/v1/proposals?provinceCode=${item.key}&provinces=current&fromYear=2021&toYear=2025&pageSize=500`,
        )
      ).json();
      const counted = list.items.filter((p: { status: string }) => p.status !== 'draft');
      expect([item.key, counted.length]).toEqual([item.key, item.count]);
    }
    // Without provinces=current the code is taken as written: old Bắc Ninh (27) is not today's 24.
    const asWritten = (
      await agency.get('/api/v1/proposals?provinceCode=24&fromYear=2021&toYear=2025&pageSize=500')
    ).json();
    expect(asWritten.total).toBe(DEMO_HISTORY.filter((r) => r.province === '24').length);
  });

  it('groups by activity type, status, year (with the envelopes) and region', async () => {
    const byYear = await stats(agency, 'fromYear=2021&toYear=2026&groupBy=year');
    expect(byYear.items.map((i) => i.key)).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    expect(byYear.items.find((i) => i.key === '2021')!.count).toBe(
      DEMO_HISTORY.filter((r) => r.year === 2021).length,
    );
    expect(byYear.items.every((i) => (i.budgetEnvelope ?? 0) > 0)).toBe(true);
    expect(byYear.totals.budgetEnvelope).toBe(byYear.items.reduce((s, i) => s + (i.budgetEnvelope ?? 0), 0));
    const byStatus = await stats(agency, 'fromYear=2021&toYear=2025&groupBy=status');
    expect(byStatus.items.find((i) => i.key === 'accepted')!.count).toBe(
      DEMO_HISTORY.filter((r) => r.status === 'accepted').length +
        DEMO_IMPLEMENTATION.filter((p) => p.finalStatus === 'accepted').length,
    );
    const byType = await stats(agency, 'planYear=2023&groupBy=activityType');
    expect(byType.items.find((i) => i.key === 'machinery')!.count).toBe(
      DEMO_HISTORY.filter((r) => r.year === 2023 && r.activityType === 'machinery').length,
    );
    for (const provinces of ['current', 'historical']) {
      const byRegion = await stats(agency, `fromYear=2021&toYear=2026&groupBy=region&provinces=${provinces}`);
      expect(byRegion.totals.count).toBe(byYear.totals.count);
      expect(sum(byRegion.items).count).toBe(byYear.totals.count);
    }
    // Old Bắc Ninh (27) was in the Red River Delta, old Bắc Giang (24) in the northern mountains.
    const regions2021 = await stats(agency, 'planYear=2021&groupBy=region&provinces=historical');
    expect(regions2021.items.find((i) => i.key === 'red_river_delta')?.count).toBe(1);
  });

  it('approved funding is the decided amount, funding falls back on the request', async () => {
    const s = await stats(agency, 'planYear=2021&groupBy=year');
    const rows = DEMO_HISTORY.filter((r) => r.year === 2021);
    const approvedRows = rows.filter((r) =>
      ['approved', 'contracted', 'in_progress', 'accepted', 'settled', 'closed'].includes(r.status),
    );
    expect(s.totals.approvedFunding).toBe(approvedRows.reduce((t, r) => t + (r.approved ?? r.requested), 0));
    expect(s.totals.approvedCount).toBe(approvedRows.length);
  });

  it('a province user sees their province of today, with the old provinces merged into it', async () => {
    const mine = await stats(laoCai, 'fromYear=2021&toYear=2026&groupBy=province&provinces=historical');
    // Today's Lào Cai (15) = old Lào Cai (10) + old Yên Bái (15).
    expect(new Set(mine.items.map((i) => i.key))).toEqual(new Set(['10@2008-08-01', '15@2008-08-01', '15']));
    expect(mine.totals.budgetEnvelope).toBeNull();
    const [row] = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(proposals)
      .where(and(inArray(proposals.provinceCode, ['15', '10']), sql`${proposals.status} <> 'draft'`));
    expect(mine.totals.count).toBe(row!.n);
    const current = await stats(laoCai, 'fromYear=2021&toYear=2026&groupBy=province&provinces=current');
    expect(current.items.map((i) => i.key)).toEqual(['15']);
    expect(current.totals.count).toBe(row!.n);
  });

  it('refuses bad parameters with a Vietnamese problem', async () => {
    const bad = await agency.get('/api/v1/stats?groupBy=commune');
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.json().detail).toMatch(/không hợp lệ/);
    expectProblem(await agency.get('/api/v1/stats?fromYear=2025&toYear=2021'), 400, 'validation_failed');
    expectProblem(await agency.get('/api/v1/stats?provinces=ancient'), 400, 'validation_failed');
    expectProblem(await h.anonymous.get('/api/v1/stats'), 401, 'unauthenticated');
  });

  it('lists lagging projects: approved work past its end date, accepted work not settled', async () => {
    const lagging = (await agency.get('/api/v1/stats/lagging?limit=200')).json();
    const late = DEMO_HISTORY.filter((r) =>
      ['approved', 'contracted', 'in_progress', 'accepted'].includes(r.status),
    );
    // The implementation demo (issue #7): its 2025 projects still open are late too.
    const lateToo = DEMO_IMPLEMENTATION.filter((p) =>
      ['approved', 'contracted', 'in_progress', 'accepted'].includes(p.finalStatus),
    );
    expect(lagging.total).toBe(late.length + lateToo.length);
    expect(lagging.items[0]).toMatchObject({ reason: expect.any(String), daysLate: expect.any(Number) });
    expect(lagging.items.every((i: { daysLate: number }) => i.daysLate > 0)).toBe(true);
    // An accepted project with its acceptance recorded is late 15 days after it (the settlement dossier).
    const recorded = await h.db
      .select({ id: proposals.id, acceptedOn: proposalAcceptances.acceptedOn })
      .from(proposals)
      .innerJoin(proposalAcceptances, eq(proposalAcceptances.proposalId, proposals.id))
      .where(eq(proposals.status, 'accepted'));
    expect(recorded.length).toBeGreaterThan(0);
    for (const r of recorded) {
      const item = lagging.items.find((i: { id: string }) => i.id === r.id);
      const due = new Date(Date.parse(`${r.acceptedOn}T00:00:00Z`) + 15 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(item).toMatchObject({ reason: 'late_settlement', dueDate: due });
    }
    const mine = (await laoCai.get('/api/v1/stats/lagging')).json();
    expect(mine.items.every((i: { provinceCode: string }) => ['15', '10'].includes(i.provinceCode))).toBe(
      true,
    );
  });
});

describe('programmes and their progress (done-when 3)', () => {
  it('the 2021–2025 programme’s progress equals the accepted projects of the target’s activity types', async () => {
    const list = (await agency.get('/api/v1/programmes?year=2023')).json();
    const programme = list.items.find((p: { code: string }) => p.code === 'KCQG-2021-2025');
    expect(programme).toMatchObject({ decisionNumber: '1881/QĐ-TTg', fromYear: 2021, toYear: 2025 });
    for (const target of programme.targets) {
      const [row] = await h.db
        .select({ n: sql<number>`count(*)::int` })
        .from(proposals)
        .where(
          and(
            inArray(proposals.activityType, target.activityTypes),
            inArray(proposals.status, ['accepted', 'settled', 'closed']),
            gte(proposals.planYear, 2021),
            lte(proposals.planYear, 2025),
          ),
        );
      expect([target.metric, target.accepted]).toEqual([target.metric, row!.n]);
      const fromData =
        DEMO_HISTORY.filter(
          (r) =>
            target.activityTypes.includes(r.activityType) &&
            ['accepted', 'settled', 'closed'].includes(r.status),
        ).length +
        // The implementation demo's 2025 projects (issue #7) are demonstration models.
        DEMO_IMPLEMENTATION.filter(
          (p) =>
            target.activityTypes.includes('demonstration_model') &&
            ['accepted', 'settled', 'closed'].includes(p.finalStatus),
        ).length;
      expect([target.metric, target.accepted]).toEqual([target.metric, fromData]);
      expect(target.approved).toBeGreaterThanOrEqual(target.accepted);
      expect(target.progress).toBeCloseTo(target.accepted / target.target);
    }
    expect(
      programme.targets.find((t: { metric: string }) => t.metric === 'demonstration_models').accepted,
    ).toBeGreaterThan(0);
  });

  it('an administrator enters a local programme; progress counts the province’s merged predecessors', async () => {
    const created = await admin.post('/api/v1/programmes', {
      code: 'KCDP-24-2021-2025',
      scope: 'local',
      provinceCode: '24',
      name: 'Chương trình khuyến công tỉnh Bắc Ninh giai đoạn 2021–2025',
      fromYear: 2021,
      toYear: 2025,
      targets: [
        {
          metric: 'machinery',
          nameVi: 'Ứng dụng máy móc',
          nameEn: 'Machinery',
          activityTypes: ['machinery'],
          target: 10,
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    // Local programme: only programme='local' proposals count; the demo has none, so nothing yet.
    expect(created.json()).toMatchObject({
      provinceName: 'Bắc Ninh',
      targets: [{ accepted: 0, approved: 0 }],
    });
    const id = created.json().id;
    const [audit] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit?.action).toBe('programme.created');
    await h.db
      .update(proposals)
      .set({ programme: 'local' })
      .where(eq(proposals.title, 'Ứng dụng máy CNC trong sản xuất đồ gỗ Đồng Kỵ'));
    await h.db
      .update(proposals)
      .set({ programme: 'local' })
      .where(eq(proposals.title, 'Ứng dụng máy đóng gói mì Chũ'));
    const after = (await admin.get(`/api/v1/programmes/${id}`)).json();
    // Old Bắc Ninh 27 (in progress) and old Bắc Giang 24 (accepted) both feed today's Bắc Ninh.
    expect(after.targets[0]).toMatchObject({ approved: 2, accepted: 1, progress: 0.1 });
    await h.db.update(proposals).set({ programme: 'national' }).where(eq(proposals.programme, 'local'));

    const patched = await admin.patch(`/api/v1/programmes/${id}`, { toYear: 2030, targets: [] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ toYear: 2030, targets: [] });
  });

  it('refuses bad input and other roles, changing nothing', async () => {
    const count = async () => (await h.db.select().from(programmes)).length;
    const before = await count();
    const body = {
      code: 'KCDP-99',
      scope: 'local',
      provinceCode: '99',
      name: 'X',
      fromYear: 2021,
      toYear: 2025,
      targets: [],
    };
    const unknown = await admin.post('/api/v1/programmes', body);
    expectProblem(unknown, 400, 'validation_failed');
    expect(unknown.json().errors[0].message).toMatch(/tỉnh/);
    expectProblem(
      await admin.post('/api/v1/programmes', { ...body, provinceCode: '24', fromYear: 2025, toYear: 2021 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await admin.post('/api/v1/programmes', { ...body, scope: 'national' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await admin.post('/api/v1/programmes', {
        ...body,
        code: 'KCQG-2021-2025',
        scope: 'national',
        provinceCode: null,
      }),
      409,
      'conflict',
    );
    expectProblem(await agency.post('/api/v1/programmes', { ...body, provinceCode: '24' }), 403, 'forbidden');
    expectProblem(await laoCai.post('/api/v1/programmes', { ...body, provinceCode: '15' }), 403, 'forbidden');
    expect(await count()).toBe(before);
    expectProblem(
      await admin.get('/api/v1/programmes/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
  });
});

describe('GET /search (done-when 4)', () => {
  const search = async (as: TClient, q: string, extra = '') => {
    const response = await as.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      total: number;
      items: {
        kind: string;
        text: string;
        highlights: [number, number][];
        detail: string | null;
        detailHighlights: [number, number][];
        proposalId: string | null;
      }[];
    };
  };
  const marked = (hit: { text: string; highlights: [number, number][] }) =>
    hit.highlights.map(([a, b]) => hit.text.slice(a, b));

  it('"che bien nong san" finds the proposal titled "Chế biến nông sản", first, with the words highlighted', async () => {
    const [any] = await h.db
      .select({ id: proposals.id })
      .from(proposals)
      .where(eq(proposals.provinceCode, '24'))
      .limit(1);
    await h.db.update(proposals).set({ title: 'Chế biến nông sản' }).where(eq(proposals.id, any!.id));
    const result = await search(agency, 'che bien nong san');
    const first = result.items[0]!;
    expect(first).toMatchObject({ kind: 'proposal', text: 'Chế biến nông sản', proposalId: any!.id });
    expect(marked(first)).toEqual(['Chế', 'biến', 'nông', 'sản']);
    // Other titles holding the four words are found too, ranked after the exact one.
    expect(result.items.filter((i) => i.kind === 'proposal').length).toBeGreaterThan(1);
  });

  it('"dak lak" finds Đắk Lắk in titles and beneficiaries; organisations too', async () => {
    const result = await search(agency, 'dak lak');
    const kinds = new Set(result.items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['proposal', 'beneficiary', 'organization']));
    for (const hit of result.items) {
      // A proposal found by its beneficiary shows its title, and the beneficiary highlighted in the detail.
      const detail = hit.detail ? hit.detailHighlights.map(([x, y]) => hit.detail!.slice(x, y)) : [];
      expect([...marked(hit), ...detail]).toEqual(expect.arrayContaining(['Đắk', 'Lắk']));
    }
    expect(result.items.some((i) => i.text === 'Công ty TNHH Cà phê Đắk Lắk')).toBe(true);
  });

  it('finds document names, within the scope', async () => {
    const documents = await search(agency, 'cost estimate', '&kinds=document');
    expect(documents.items.length).toBeGreaterThan(0);
    expect(documents.items.every((i) => i.kind === 'document' && i.text === 'cost_estimate.pdf')).toBe(true);
    // Lào Cai's leader finds no Đắk Lắk proposal nor beneficiary, only the reference organisations.
    const scoped = await search(laoCai, 'dak lak');
    expect(scoped.items.every((i) => i.kind === 'organization')).toBe(true);
    const appraiser = await h.addUser({ email: 'td@kc.test', orgKey: 'agency', roles: ['appraiser'] });
    expect(appraiser).toBeTruthy();
  });

  it('refuses an empty or unknown query', async () => {
    expectProblem(await agency.get('/api/v1/search?q='), 400, 'validation_failed');
    expectProblem(await agency.get('/api/v1/search?q=x&kinds=people'), 400, 'validation_failed');
    expectProblem(await h.anonymous.get('/api/v1/search?q=x'), 401, 'unauthenticated');
  });
});
