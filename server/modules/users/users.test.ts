import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailOutbox } from '../../db/schema';
import { client, createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';

let h: THarness;
let admin: TClient;
let laoCai: TClient;
let bacNinh: TClient;
let unit: TClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  ids.admin = await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
  ids.laoCai = await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  ids.laoCaiCentre = await h.addUser({ email: 'tt@laocai.vn', orgKey: 'ttkc-15', roles: ['unit_officer'] });
  ids.bacNinh = await h.addUser({ email: 'so@bacninh.vn', orgKey: 'so-ct-24', roles: ['province_leader'] });
  admin = await h.signIn('admin@cuc.vn');
  laoCai = await h.signIn('so@laocai.vn');
  bacNinh = await h.signIn('so@bacninh.vn');
  unit = await h.signIn('tt@laocai.vn');
});
afterAll(() => h?.close());

describe('province scope on users (private records)', () => {
  it('a province user lists only users of their own province', async () => {
    const response = await laoCai.get('/api/v1/users?pageSize=500');
    expect(response.statusCode).toBe(200);
    const emails = response
      .json()
      .items.map((u: { email: string }) => u.email)
      .sort();
    expect(emails).toEqual(['so@laocai.vn', 'tt@laocai.vn']);
    expect(response.json().total).toBe(2);
  });

  it('another province’s user answers 404 exactly like a missing one', async () => {
    const forbidden = await laoCai.get(`/api/v1/users/${ids.bacNinh}`);
    const missing = await laoCai.get('/api/v1/users/00000000-0000-4000-8000-000000000000');
    const a = expectProblem(forbidden, 404, 'not_found');
    const b = expectProblem(missing, 404, 'not_found');
    expect({ ...a, requestId: null }).toEqual({ ...b, requestId: null });
  });

  it('filters cannot widen the scope', async () => {
    const bacNinhOrg = await h.orgId('so-ct-24');
    const response = await laoCai.get(`/api/v1/users?organizationId=${bacNinhOrg}`);
    expect(response.json().items).toEqual([]);
  });

  it('a unit user sees only their own organisation', async () => {
    const response = await unit.get('/api/v1/users');
    expect(response.json().items.map((u: { email: string }) => u.email)).toEqual(['tt@laocai.vn']);
    expectProblem(await unit.get(`/api/v1/users/${ids.laoCai}`), 404, 'not_found');
  });

  it('the agency sees every province', async () => {
    const response = await admin.get('/api/v1/users?pageSize=500');
    expect(response.json().total).toBe(4);
    expect((await admin.get(`/api/v1/users/${ids.bacNinh}`)).statusCode).toBe(200);
  });

  it('a province user cannot write users at all', async () => {
    const response = await bacNinh.patch(`/api/v1/users/${ids.laoCai}`, { name: 'x' });
    expectProblem(response, 403, 'forbidden');
  });
});

describe('creating users', () => {
  it('creates a user, queues the welcome e-mail and audits it in the same transaction', async () => {
    const organizationId = await h.orgId('so-ct-24');
    const response = await admin.post('/api/v1/users', {
      email: 'Moi@BacNinh.vn',
      name: 'Nguyễn Thị Mới',
      organizationId,
      roles: ['province_officer'],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      email: 'moi@bacninh.vn',
      provinceCode: '24',
      roles: ['province_officer'],
      active: true,
    });
    const mails = await h.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'moi@bacninh.vn'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.textBody).toContain('http://localhost:3000/set-password?token=');
    const audits = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(['user.created']);
    expect(audits[0]?.actorLabel).toBe('admin@cuc.vn');
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    const before = await h.db.select().from(auditEvents);
    const response = await admin.post('/api/v1/users', {
      email: 'SO@laocai.vn',
      name: 'Trùng',
      organizationId: await h.orgId('so-ct-15'),
      roles: ['province_officer'],
    });
    expectProblem(response, 409, 'email_taken');
    expect(await h.db.select().from(auditEvents)).toHaveLength(before.length);
  });

  it('refuses roles that do not fit the organisation', async () => {
    const response = await admin.post('/api/v1/users', {
      email: 'sai@laocai.vn',
      name: 'Sai vai trò',
      organizationId: await h.orgId('so-ct-15'),
      roles: ['agency_admin'],
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(JSON.stringify(problem)).toContain('roles');
  });

  it('gives field errors in Vietnamese, and in English on request', async () => {
    const vi = (await admin.post('/api/v1/users', { email: 'not-an-email' })).json();
    expect(vi.errors.find((e: { path: string }) => e.path === 'email').message).toBe('Định dạng không đúng.');
    const english = client(h.app, { ...admin.auth, lang: 'en-US,en;q=0.9' });
    const en = (await english.post('/api/v1/users', { email: 'not-an-email' })).json();
    expect(en.title).toBe('The request is not valid.');
    expect(en.errors.find((e: { path: string }) => e.path === 'email').message).toBe('Wrong format.');
  });

  it('deactivating a user ends their sessions at once', async () => {
    const victim = await h.addUser({
      email: 'khoa@laocai.vn',
      orgKey: 'so-ct-15',
      roles: ['province_officer'],
    });
    const session = await h.signIn('khoa@laocai.vn');
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    const response = await admin.patch(`/api/v1/users/${victim}`, { active: false });
    expect(response.json().active).toBe(false);
    expectProblem(await session.get('/api/v1/me'), 401, 'unauthenticated');
    const login = await h.anonymous.post('/api/v1/auth/login', {
      email: 'khoa@laocai.vn',
      password: 'Thu-nghiem-2026',
    });
    expectProblem(login, 403, 'account_disabled');
  });
});
