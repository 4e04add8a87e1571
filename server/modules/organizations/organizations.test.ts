import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';

let h: THarness;
let admin: TClient;
let officer: TClient;

beforeAll(async () => {
  h = await createHarness({ now: '2026-03-02T02:00:00Z' });
  await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
  await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  admin = await h.signIn('admin@cuc.vn');
  officer = await h.signIn('so@laocai.vn');
});
afterAll(() => h?.close());

describe('organisations', () => {
  it('seeds the agency with its 2025 rename kept as history', async () => {
    const page = (await officer.get('/api/v1/organizations?kind=agency')).json();
    expect(page.total).toBe(1);
    const agency = (await officer.get(`/api/v1/organizations/${page.items[0].id}`)).json();
    expect(agency.name).toBe('Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công');
    expect(
      agency.nameHistory.map((n: { name: string; validTo: string | null }) => [n.name, n.validTo]),
    ).toEqual([
      ['Cục Công Thương địa phương', '2025-02-28'],
      ['Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công', null],
    ]);
  });

  it('seeds a Sở, an extension centre and a People’s Committee for each of the 34 provinces', async () => {
    for (const kind of ['provincial_department', 'extension_center', 'people_committee']) {
      const page = (await officer.get(`/api/v1/organizations?kind=${kind}&pageSize=100`)).json();
      expect(page.total).toBe(34);
      expect(new Set(page.items.map((o: { provinceCode: string }) => o.provinceCode)).size).toBe(34);
    }
  });

  it('searches without diacritics and sorts', async () => {
    const page = (await officer.get('/api/v1/organizations?q=so cong thuong lao cai')).json();
    expect(page.items.map((o: { name: string }) => o.name)).toEqual(['Sở Công Thương tỉnh Lào Cai']);
    const desc = (
      await officer.get('/api/v1/organizations?kind=people_committee&sort=-provinceCode&pageSize=2')
    ).json();
    expect(desc.items[0].provinceCode).toBe('96');
  });

  it('admins create an organisation; the change is audited', async () => {
    const response = await admin.post('/api/v1/organizations', {
      kind: 'service_org',
      name: 'Công ty TNHH Tư vấn Công nghiệp Tây Bắc',
      provinceCode: '14',
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ kind: 'service_org', provinceCode: '14', active: true });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['organization.created']);
  });

  it('a rename keeps the old name until the day before', async () => {
    const created = (
      await admin.post('/api/v1/organizations', {
        kind: 'service_org',
        name: 'Trung tâm Tư vấn A',
        provinceCode: '15',
      })
    ).json();
    const renamed = await admin.patch(`/api/v1/organizations/${created.id}`, {
      name: 'Trung tâm Tư vấn và Chuyển đổi số A',
      renamedFrom: '2026-04-01',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().nameHistory).toEqual([
      { name: 'Trung tâm Tư vấn A', shortName: null, validFrom: '2026-03-02', validTo: '2026-03-31' },
      {
        name: 'Trung tâm Tư vấn và Chuyển đổi số A',
        shortName: null,
        validFrom: '2026-04-01',
        validTo: null,
      },
    ]);
  });

  it('refuses a province that no longer exists and a national body with a province, naming the field', async () => {
    const oldCode = await admin.post('/api/v1/organizations', {
      kind: 'extension_center',
      name: 'TT cũ',
      provinceCode: '27',
    });
    const problem = expectProblem(oldCode, 400, 'validation_failed') as unknown as {
      errors: { path: string }[];
    };
    expect(problem.errors.map((e) => e.path)).toEqual(['provinceCode']);
    const national = await admin.post('/api/v1/organizations', {
      kind: 'regional_center',
      name: 'TT vùng',
      provinceCode: '01',
    });
    expectProblem(national, 400, 'validation_failed');
    const count = (await officer.get('/api/v1/organizations?q=TT cũ')).json().total;
    expect(count).toBe(0);
  });

  it('province users read organisations but cannot write them', async () => {
    expectProblem(
      await officer.post('/api/v1/organizations', { kind: 'service_org', name: 'X' }),
      403,
      'forbidden',
    );
    const someId = (await officer.get('/api/v1/organizations?pageSize=1')).json().items[0].id;
    expectProblem(
      await officer.patch(`/api/v1/organizations/${someId}`, { active: false }),
      403,
      'forbidden',
    );
  });

  it('anonymous callers get 401 problem+json', async () => {
    expectProblem(await h.anonymous.get('/api/v1/organizations'), 401, 'unauthenticated');
    expectProblem(await h.anonymous.get('/api/v1/users'), 401, 'unauthenticated');
    expectProblem(await h.anonymous.get('/api/v1/me'), 401, 'unauthenticated');
  });
});
