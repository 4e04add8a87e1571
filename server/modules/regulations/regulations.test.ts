import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasNoErrors,
  NATIONAL_2026,
  type TCheckableProposal,
  type TRegulationSet,
} from '../../../domain/regulation';
import { auditEvents, cycles, regulationSets } from '../../db/schema';
import { client, createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import { checkProposalAgainstSet, regulationSetForCycle, seedRegulationSets } from './index';

let h: THarness;
let admin: TClient;
let officer: TClient;
let leader: TClient;

type TSummary = {
  id: string;
  code: string;
  version: number;
  isLatest: boolean;
  usedByClosedCycle: boolean;
  needsVerificationCount: number;
  previousId: string | null;
  effectiveFromYear: number;
  effectiveToYear: number | null;
};

const DOCS: TCheckableProposal['documents'] = [
  { kind: 'request_letter' },
  { kind: 'project_document' },
  { kind: 'cost_estimate' },
];

/** A 2026 demonstration model: 30 % of 5 billion is 1.5 billion, so the amount cap decides. */
function demonstrationModel(requested: number, planYear = 2026): TCheckableProposal {
  return {
    planYear,
    activityType: 'demonstration_model',
    isPilot: false,
    budget: { total: 5_000_000_000, requested, counterpart: 5_000_000_000 - requested, other: 0 },
    documents: DOCS,
  };
}

async function setByCode(code: string, version?: number): Promise<TSummary> {
  const page = (await admin.get(`/api/v1/regulation-sets?code=${code}`)).json();
  const item = (page.items as TSummary[]).find((s) =>
    version === undefined ? s.isLatest : s.version === version,
  );
  if (!item) throw new Error(`no set ${code} v${version ?? 'latest'}`);
  return item;
}

async function bodyOf(id: string): Promise<TRegulationSet> {
  return (await admin.get(`/api/v1/regulation-sets/${id}`)).json().body;
}

/** The body with the demonstration-model cap line's maximum replaced. */
function withDemonstrationCap(body: TRegulationSet, maxAmount: number): TRegulationSet {
  return {
    ...body,
    caps: body.caps.map((c) =>
      c.activityType === 'demonstration_model' ? { ...c, maxAmount, needsVerification: false } : c,
    ),
  };
}

const rowCount = async () => (await h.db.select({ n: count() }).from(regulationSets))[0]?.n ?? 0;
const auditCount = async () =>
  (
    await h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'regulation_set.published'))
  )[0]?.n ?? 0;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-02T02:00:00Z' });
  await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
  await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  await h.addUser({ email: 'lanhdao@cuc.vn', orgKey: 'agency', roles: ['agency_leader'] });
  admin = await h.signIn('admin@cuc.vn');
  officer = await h.signIn('so@laocai.vn');
  leader = await h.signIn('lanhdao@cuc.vn');
});
afterAll(() => h?.close());

describe('regulation sets: seeds, list and read', () => {
  it('seeds the two national sets as version 1, once', async () => {
    const page = (await officer.get('/api/v1/regulation-sets')).json();
    expect(page.total).toBe(2);
    expect(
      page.items.map((s: TSummary) => [s.code, s.version, s.effectiveFromYear, s.effectiveToYear]),
    ).toEqual([
      ['national-2012', 1, 2013, 2025],
      ['national-2026', 1, 2026, null],
    ]);
    for (const s of page.items as TSummary[]) {
      expect(s).toMatchObject({ isLatest: true, usedByClosedCycle: false, previousId: null });
      expect(s.needsVerificationCount).toBeGreaterThan(10);
    }
    expect(await seedRegulationSets(h.db)).toBe(0);
    expect(await rowCount()).toBe(2);
  });

  it('filters by plan year, programme and code', async () => {
    const for2025 = (await officer.get('/api/v1/regulation-sets?planYear=2025&programme=national')).json();
    expect(for2025.items.map((s: TSummary) => s.code)).toEqual(['national-2012']);
    const for2030 = (await officer.get('/api/v1/regulation-sets?planYear=2030')).json();
    expect(for2030.items.map((s: TSummary) => s.code)).toEqual(['national-2026']);
    expect((await officer.get('/api/v1/regulation-sets?programme=local')).json().total).toBe(0);
    expect((await officer.get('/api/v1/regulation-sets?code=national-2026&pageSize=1')).json()).toMatchObject(
      {
        total: 1,
        page: 1,
        pageSize: 1,
      },
    );
  });

  it('reads one version with its full body; an unknown id is 404', async () => {
    const summary = await setByCode('national-2026');
    const detail = (await officer.get(`/api/v1/regulation-sets/${summary.id}`)).json();
    expect(detail).toMatchObject({ id: summary.id, code: 'national-2026', version: 1 });
    expect(detail.body).toEqual(JSON.parse(JSON.stringify(NATIONAL_2026)));
    expectProblem(
      await officer.get('/api/v1/regulation-sets/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
    expectProblem(await h.anonymous.get('/api/v1/regulation-sets'), 401, 'unauthenticated');
  });
});

describe('the rule check over HTTP', () => {
  it('refuses 1,200,000,000 VND for a 2026 demonstration model, naming the cap, in Vietnamese or English', async () => {
    const set = await setByCode('national-2026');
    const response = await officer.post(
      `/api/v1/regulation-sets/${set.id}/check`,
      demonstrationModel(1_200_000_000),
    );
    expect(response.statusCode).toBe(200);
    const result = response.json();
    const cap = result.findings.find((f: { code: string }) => f.code === 'cap_exceeded');
    expect(cap).toMatchObject({
      severity: 'error',
      path: 'budget.requested',
      params: {
        requested: 1_200_000_000,
        allowed: 1_000_000_000,
        sharePercent: 30,
        maxAmount: 1_000_000_000,
      },
    });
    expect(cap.message).toContain('1.000.000.000 ₫');
    expect(cap.message).toContain('30 % chi phí');
    expect(result.maxSupport).toMatchObject({
      amount: 1_000_000_000,
      limitedBy: 'amount',
      shareCap: 1_500_000_000,
    });
    expect(result.priority.ranks.map((r: { criterion: string }) => r.criterion)).toEqual([
      'pilot',
      'priority_area',
      'priority_industry',
      'ownership',
      'experience',
    ]);

    const english = client(h.app, { ...officer.auth, lang: 'en' });
    const en = (
      await english.post(`/api/v1/regulation-sets/${set.id}/check`, demonstrationModel(1_200_000_000))
    ).json();
    expect(en.findings.find((f: { code: string }) => f.code === 'cap_exceeded').message).toMatch(
      /^The requested support of 1\.200\.000\.000 ₫ exceeds the maximum of 1\.000\.000\.000 ₫/,
    );
  });

  it('applies the ×1.5 priority multiplier and passes a proposal within the cap', async () => {
    const set = await setByCode('national-2026');
    const priority = (
      await officer.post(`/api/v1/regulation-sets/${set.id}/check`, {
        ...demonstrationModel(1_200_000_000),
        priorityArea: true,
      })
    ).json();
    expect(priority.maxSupport.amount).toBe(1_500_000_000);
    expect(priority.findings.map((f: { code: string }) => f.code)).not.toContain('cap_exceeded');
    expect(priority.priority.ranks[1]).toEqual({ criterion: 'priority_area', rank: 0 });
    const fine = (
      await officer.post(`/api/v1/regulation-sets/${set.id}/check`, demonstrationModel(900_000_000))
    ).json();
    expect(fine.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('refuses a malformed proposal with field paths', async () => {
    const set = await setByCode('national-2026');
    const bad = await officer.post(`/api/v1/regulation-sets/${set.id}/check`, {
      ...demonstrationModel(1),
      activityType: 'nonsense',
    });
    const problem = expectProblem(bad, 400, 'validation_failed') as unknown as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('activityType');
    expectProblem(
      await officer.post(
        '/api/v1/regulation-sets/00000000-0000-4000-8000-000000000000/check',
        demonstrationModel(1),
      ),
      404,
      'not_found',
    );
  });
});

describe('publishing a new version', () => {
  it('only agency admins publish: others get 403 and nothing is written', async () => {
    const set = await setByCode('national-2026');
    const body = await bodyOf(set.id);
    for (const caller of [officer, leader]) {
      expectProblem(
        await caller.post('/api/v1/regulation-sets', { basedOnId: set.id, body, note: 'x' }),
        403,
        'forbidden',
      );
    }
    expect(await rowCount()).toBe(2);
  });

  it('refuses a bad body with field paths, and writes nothing', async () => {
    const set = await setByCode('national-2026');
    const body = await bodyOf(set.id);
    const broken = {
      ...body,
      caps: body.caps.map((c, i) => (i === 0 ? { ...c, shareOfEligibleCost: 130, maxAmount: -5 } : c)),
    };
    const problem = expectProblem(
      await admin.post('/api/v1/regulation-sets', { basedOnId: set.id, body: broken }),
      400,
      'validation_failed',
    ) as unknown as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      'body.caps.0.maxAmount',
      'body.caps.0.shareOfEligibleCost',
    ]);

    const duplicateCap = { ...body, caps: [...body.caps, body.caps[0]] };
    const duplicate = expectProblem(
      await admin.post('/api/v1/regulation-sets', { basedOnId: set.id, body: duplicateCap }),
      400,
      'validation_failed',
    ) as unknown as { errors: { path: string; message: string }[] };
    expect(duplicate.errors).toEqual([
      expect.objectContaining({ path: `body.caps.${body.caps.length}.activityType` }),
    ]);

    const renamed = expectProblem(
      await admin.post('/api/v1/regulation-sets', {
        basedOnId: set.id,
        body: { ...body, code: 'other-code' },
      }),
      400,
      'validation_failed',
    ) as unknown as { errors: { path: string }[] };
    expect(renamed.errors.map((e) => e.path)).toEqual(['body.code']);

    expectProblem(
      await admin.post('/api/v1/regulation-sets', {
        basedOnId: '00000000-0000-4000-8000-000000000000',
        body,
      }),
      404,
      'not_found',
    );
    expect(await rowCount()).toBe(2);
    expect(await auditCount()).toBe(0);
  });
});

describe('issue #3, done when 4: a lower cap reaches later cycles; closed cycles keep their rules', () => {
  const cycleIds: Record<string, string> = {};

  it('publishes national-2026 v2 with a lower demonstration cap; the open cycle moves, closed ones stay', async () => {
    const v1 = await setByCode('national-2026');
    const old = await setByCode('national-2012');
    const deadlines = (year: number) => ({
      registrationDeadline: new Date(`${year - 1}-06-20T16:59:59Z`),
      dossierDeadline: new Date(`${year - 1}-09-30T16:59:59Z`),
    });
    const inserted = await h.db
      .insert(cycles)
      .values([
        { planYear: 2025, status: 'closed', regulationSetId: old.id, ...deadlines(2025) },
        { planYear: 2026, status: 'closed', regulationSetId: v1.id, ...deadlines(2026) },
        { planYear: 2027, status: 'open', regulationSetId: v1.id, ...deadlines(2027) },
      ])
      .returning({ id: cycles.id, planYear: cycles.planYear });
    for (const c of inserted) cycleIds[c.planYear] = c.id;
    expect((await setByCode('national-2026', 1)).usedByClosedCycle).toBe(true);

    const body = withDemonstrationCap(await bodyOf(v1.id), 800_000_000);
    const response = await admin.post('/api/v1/regulation-sets', {
      basedOnId: v1.id,
      body,
      note: 'Mức hỗ trợ mô hình trình diễn theo thông tư mới',
    });
    expect(response.statusCode).toBe(201);
    const v2 = response.json();
    expect(v2).toMatchObject({
      code: 'national-2026',
      version: 2,
      previousId: v1.id,
      isLatest: true,
      usedByClosedCycle: false,
      note: 'Mức hỗ trợ mô hình trình diễn theo thông tư mới',
    });
    expect(
      v2.body.caps.find((c: { activityType: string }) => c.activityType === 'demonstration_model').maxAmount,
    ).toBe(800_000_000);
    expect(v2.needsVerificationCount).toBe(v1.needsVerificationCount);

    // Copy-on-write: version 1 is unchanged and no longer the latest.
    const v1After = (await admin.get(`/api/v1/regulation-sets/${v1.id}`)).json();
    expect(v1After).toMatchObject({ version: 1, isLatest: false, usedByClosedCycle: true });
    expect(v1After.body).toEqual(JSON.parse(JSON.stringify(NATIONAL_2026)));
    const latest = (await admin.get('/api/v1/regulation-sets?latest=true')).json();
    expect(latest.items.map((s: TSummary) => `${s.code}@${s.version}`)).toEqual([
      'national-2012@1',
      'national-2026@2',
    ]);

    const rows = await h.db.select({ id: cycles.id, set: cycles.regulationSetId }).from(cycles);
    const setOf = (year: number) => rows.find((r) => r.id === cycleIds[year])?.set;
    expect(setOf(2025)).toBe(old.id);
    expect(setOf(2026)).toBe(v1.id);
    expect(setOf(2027)).toBe(v2.id);
  });

  it('audits the publication in the same transaction, with before and after', async () => {
    const v2 = await setByCode('national-2026');
    const [event] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, v2.id));
    expect(event).toMatchObject({
      action: 'regulation_set.published',
      entityType: 'regulation_set',
      actorLabel: 'admin@cuc.vn',
    });
    expect(event?.before).toMatchObject({ code: 'national-2026', version: 1 });
    expect(event?.after).toMatchObject({
      code: 'national-2026',
      version: 2,
      previousId: v2.previousId,
      movedCycles: [{ id: cycleIds[2027], planYear: 2027 }],
    });
  });

  it('a proposal of the open cycle is checked against v2 and exceeds the cap; the closed cycle keeps v1', async () => {
    const open = await regulationSetForCycle(h.db, cycleIds[2027]!);
    expect(open.row.version).toBe(2);
    const later = checkProposalAgainstSet({ set: open.set, proposal: demonstrationModel(900_000_000, 2027) });
    const cap = later.findings.find((f) => f.code === 'cap_exceeded');
    expect(cap?.params).toMatchObject({
      requested: 900_000_000,
      allowed: 800_000_000,
      maxAmount: 800_000_000,
    });
    expect(cap?.message.vi).toContain('800.000.000 ₫');

    const closed = await regulationSetForCycle(h.db, cycleIds[2026]!);
    expect(closed.row.version).toBe(1);
    const earlier = checkProposalAgainstSet({
      set: closed.set,
      proposal: demonstrationModel(900_000_000, 2026),
    });
    expect(earlier.findings.map((f) => f.code)).not.toContain('cap_exceeded');
    expect(hasNoErrors(earlier.findings)).toBe(true);
    expect(earlier.maxSupport?.amount).toBe(1_000_000_000);

    // The same through the API, by the set each cycle names.
    const viaApi = (
      await officer.post(
        `/api/v1/regulation-sets/${open.row.id}/check`,
        demonstrationModel(900_000_000, 2027),
      )
    )
      .json()
      .findings.map((f: { code: string }) => f.code);
    expect(viaApi).toContain('cap_exceeded');
    await expect(regulationSetForCycle(h.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a version that is no longer the latest cannot be the base of another: 409, nothing written', async () => {
    const v1 = await setByCode('national-2026', 1);
    const before = await rowCount();
    const stale = await admin.post('/api/v1/regulation-sets', {
      basedOnId: v1.id,
      body: withDemonstrationCap(await bodyOf(v1.id), 700_000_000),
    });
    const problem = expectProblem(stale, 409, 'conflict');
    expect(problem.detail).toContain('phiên bản 2');
    expect(await rowCount()).toBe(before);
    expect(await auditCount()).toBe(1);
    // Seeding again never adds a version to a code the admins own.
    expect(await seedRegulationSets(h.db)).toBe(0);
  });

  it('two admins publishing on the same version at once: one wins, the other gets 409', async () => {
    const base = await setByCode('national-2012');
    const body = await bodyOf(base.id);
    const attempt = (cap: number) =>
      admin.post('/api/v1/regulation-sets', { basedOnId: base.id, body: withDemonstrationCap(body, cap) });
    const responses = await Promise.all([attempt(950_000_000), attempt(960_000_000)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const versions = (await admin.get('/api/v1/regulation-sets?code=national-2012')).json().items;
    expect(versions.map((s: TSummary) => [s.version, s.isLatest])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});
