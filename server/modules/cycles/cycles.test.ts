import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import { tokenClient } from '../../test/workflow-support';

let h: THarness;
let admin: TClient;
let laoCai: TClient;
let bacNinh: TClient;
let officer: TClient;

beforeAll(async () => {
  h = await createHarness({ now: '2025-03-02T02:00:00Z' });
  await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
  await h.addUser({ email: 'cv@cuc.vn', orgKey: 'agency', roles: ['agency_officer'] });
  await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_leader'] });
  await h.addUser({ email: 'so@bacninh.vn', orgKey: 'so-ct-24', roles: ['province_officer'] });
  admin = await tokenClient(h, 'admin@cuc.vn');
  officer = await tokenClient(h, 'cv@cuc.vn');
  laoCai = await tokenClient(h, 'so@laocai.vn');
  bacNinh = await tokenClient(h, 'so@bacninh.vn');
});
afterAll(() => h?.close());

describe('cycles', () => {
  it('creates the 2026 cycle with the regulation set’s default deadlines at 23:59:59 Vietnam time', async () => {
    const response = await admin.post('/api/v1/cycles', {
      planYear: 2026,
      budgetEnvelope: 100_000_000_000,
      guidanceLetter: { number: '1234/ĐMST-KC', date: '2025-03-01' },
      orientations: [
        { code: 'agro-processing', label: 'Chế biến nông, lâm, thủy sản' },
        { code: 'circular', label: 'Sản xuất tuần hoàn, tiết kiệm năng lượng' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const cycle = response.json();
    expect(cycle).toMatchObject({
      planYear: 2026,
      programme: 'national',
      status: 'draft',
      registrationDeadline: '2025-06-20T16:59:59.999Z',
      dossierDeadline: '2025-09-30T16:59:59.999Z',
      budgetEnvelope: 100_000_000_000,
      guidanceLetter: { number: '1234/ĐMST-KC', date: '2025-03-01' },
    });
    expect(cycle.regulationSetName).toContain('235/2025');
    expect(cycle.orientations).toHaveLength(2);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, cycle.id));
    expect(audit.map((a) => a.action)).toEqual(['cycle.created']);
  });

  it('picks the 2012 set for plan year 2025 and takes deadlines given as dates', async () => {
    const response = await admin.post('/api/v1/cycles', {
      planYear: 2025,
      registrationDeadline: '2024-06-20',
      dossierDeadline: '2024-09-30T17:00:00+07:00',
      status: 'open',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      registrationDeadline: '2024-06-20T16:59:59.999Z',
      dossierDeadline: '2024-09-30T10:00:00.000Z',
    });
    expect(response.json().regulationSetName).toContain('2013–2025');
  });

  it('refuses a second cycle for the same year, and deadlines in the wrong order', async () => {
    expectProblem(await admin.post('/api/v1/cycles', { planYear: 2026 }), 409, 'conflict');
    const wrong = await admin.post('/api/v1/cycles', {
      planYear: 2027,
      registrationDeadline: '2026-10-01',
      dossierDeadline: '2026-09-30',
    });
    expectProblem(wrong, 400, 'validation_failed');
  });

  it('drafts are hidden from provinces until opened; then everyone reads them', async () => {
    expectProblem(await laoCai.get('/api/v1/cycles/2026'), 404, 'not_found');
    expect(
      (await laoCai.get('/api/v1/cycles')).json().items.map((c: { planYear: number }) => c.planYear),
    ).toEqual([2025]);
    const opened = await admin.patch('/api/v1/cycles/2026', { status: 'open' });
    expect(opened.statusCode).toBe(200);
    expect((await laoCai.get('/api/v1/cycles/2026')).json().status).toBe('open');
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'cycle.updated'), eq(auditEvents.entityId, opened.json().id)));
    expect(audit[0]?.before).toMatchObject({ status: 'draft' });
    expect(audit[0]?.after).toMatchObject({ status: 'open' });
  });

  it('only administrators write cycles', async () => {
    expectProblem(await officer.post('/api/v1/cycles', { planYear: 2030 }), 403, 'forbidden');
    expectProblem(await laoCai.patch('/api/v1/cycles/2026', { budgetEnvelope: 1 }), 403, 'forbidden');
    expectProblem(
      await laoCai.post('/api/v1/cycles/2026/extensions', {
        organizationId: await h.orgId('so-ct-15'),
        stage: 'registration',
        until: '2025-06-30',
        reason: 'x',
      }),
      403,
      'forbidden',
    );
  });

  it('grants an extension (audited) and shows it only within scope; the organisation’s deadline moves', async () => {
    const laoCaiOrg = await h.orgId('so-ct-15');
    const response = await admin.post('/api/v1/cycles/2026/extensions', {
      organizationId: laoCaiOrg,
      stage: 'registration',
      until: '2025-06-27',
      reason: 'Lũ quét tại Lào Cai, UBND tỉnh đề nghị gia hạn',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      stage: 'registration',
      until: '2025-06-27T16:59:59.999Z',
      organizationName: 'Sở Công Thương tỉnh Lào Cai',
    });
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'cycle.extension_granted'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.provinceCode).toBe('15');

    expect((await laoCai.get('/api/v1/cycles/2026/extensions')).json().total).toBe(1);
    expect((await bacNinh.get('/api/v1/cycles/2026/extensions')).json().total).toBe(0);
    expect((await admin.get('/api/v1/cycles/2026/extensions')).json().total).toBe(1);

    const mine = (await laoCai.get('/api/v1/cycles/2026')).json().myDeadlines;
    expect(mine.registration).toEqual({ deadline: '2025-06-27T16:59:59.999Z', extended: true, isOpen: true });
    // The province's extension centre works under its Sở's deadlines (the Sở registers and submits).
    await h.addUser({ email: 'tt@laocai.vn', orgKey: 'ttkc-15', roles: ['unit_officer'] });
    const centre = await tokenClient(h, 'tt@laocai.vn');
    expect((await centre.get('/api/v1/cycles/2026')).json().myDeadlines.registration.extended).toBe(true);
    const theirs = (await bacNinh.get('/api/v1/cycles/2026')).json().myDeadlines;
    expect(theirs.registration).toEqual({
      deadline: '2025-06-20T16:59:59.999Z',
      extended: false,
      isOpen: true,
    });
  });

  it('refuses an extension that ends before the stage’s own deadline', async () => {
    const response = await admin.post('/api/v1/cycles/2026/extensions', {
      organizationId: await h.orgId('so-ct-24'),
      stage: 'dossier',
      until: '2025-09-01',
      reason: 'sớm hơn hạn',
    });
    expectProblem(response, 400, 'validation_failed');
  });

  it('the countdown closes at the instant', async () => {
    h.clock.set('2025-06-20T16:59:59.999Z');
    expect((await bacNinh.get('/api/v1/cycles/2026')).json().myDeadlines.registration.isOpen).toBe(true);
    h.clock.set('2025-06-20T17:00:00.000Z');
    expect((await bacNinh.get('/api/v1/cycles/2026')).json().myDeadlines.registration.isOpen).toBe(false);
    expect((await laoCai.get('/api/v1/cycles/2026')).json().myDeadlines.registration.isOpen).toBe(true);
    h.clock.set('2025-03-02T02:00:00Z');
  });

  it('a closed cycle is frozen', async () => {
    expect((await admin.patch('/api/v1/cycles/2025', { status: 'closed' })).statusCode).toBe(200);
    expectProblem(await admin.patch('/api/v1/cycles/2025', { status: 'open' }), 409, 'invalid_transition');
    expectProblem(await admin.patch('/api/v1/cycles/2025', { budgetEnvelope: 5 }), 409, 'invalid_transition');
  });
});
