import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailOutbox, sessions } from '../../db/schema';
import { client, createHarness, expectProblem, TEST_PASSWORD, type THarness } from '../../test/harness';
import { MAX_FAILURES_PER_ACCOUNT } from './login-throttle';
import { SESSION_IDLE_MS } from './sessions';

let h: THarness;

beforeAll(async () => {
  h = await createHarness();
  await h.addUser({ email: 'officer@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
});
afterAll(() => h?.close());

const login = (email: string, password: string, cookie?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(cookie ? { cookies: { kc_session: cookie } } : {}),
  });

describe('login and sessions', () => {
  it('sets an httpOnly SameSite=Lax cookie and records the login in the audit trail', async () => {
    const response = await login('Officer@LaoCai.vn', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe('officer@laocai.vn');
    const cookie = response.cookies.find((c) => c.name === 'kc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // PUBLIC_URL is http in tests
    const [last] = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last).toMatchObject({ action: 'auth.login', actorLabel: 'officer@laocai.vn' });
  });

  it('a wrong password is a 401 problem, audited, and never says which part was wrong', async () => {
    const wrong = await login('officer@laocai.vn', 'sai-mat-khau');
    const unknown = await login('khong-ton-tai@laocai.vn', 'sai-mat-khau');
    const a = expectProblem(wrong, 401, 'invalid_credentials');
    const b = expectProblem(unknown, 401, 'invalid_credentials');
    expect(a.detail).toBe(b.detail);
    const [last] = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last?.action).toBe('auth.login_failed');
  });

  it('rotates the session at login: the old cookie dies', async () => {
    const first = (await login('officer@laocai.vn', TEST_PASSWORD)).cookies.find(
      (c) => c.name === 'kc_session',
    )!.value;
    const second = (await login('officer@laocai.vn', TEST_PASSWORD, first)).cookies.find(
      (c) => c.name === 'kc_session',
    )!.value;
    expect(second).not.toBe(first);
    expectProblem(await client(h.app, { cookie: first }).get('/api/v1/me'), 401, 'unauthenticated');
    expect((await client(h.app, { cookie: second }).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('stores only a hash of the session token', async () => {
    const cookie = (await login('officer@laocai.vn', TEST_PASSWORD)).cookies.find(
      (c) => c.name === 'kc_session',
    )!.value;
    const rows = await h.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === cookie)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('ends a session after 30 idle minutes', async () => {
    const session = await h.signIn('officer@laocai.vn');
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    const now = h.clock.now();
    h.clock.set(new Date(now.getTime() + SESSION_IDLE_MS + 1000));
    try {
      expectProblem(await session.get('/api/v1/me'), 401, 'unauthenticated');
    } finally {
      h.clock.set(now);
    }
  });

  it('ends a session after 12 hours even when it is used all along', async () => {
    const session = await h.signIn('officer@laocai.vn');
    const start = h.clock.now();
    try {
      for (let hour = 0; hour < 12 * 4; hour++) {
        h.clock.set(new Date(start.getTime() + hour * 15 * 60_000));
        expect((await session.get('/api/v1/me')).statusCode).toBe(200);
      }
      h.clock.set(new Date(start.getTime() + 12 * 3_600_000 + 1000));
      expectProblem(await session.get('/api/v1/me'), 401, 'unauthenticated');
    } finally {
      h.clock.set(start);
    }
  });

  it('logs out: the cookie stops working and the logout is audited', async () => {
    const session = await h.signIn('officer@laocai.vn');
    const response = await session.post('/api/v1/auth/logout');
    expect(response.statusCode).toBe(204);
    expectProblem(await session.get('/api/v1/me'), 401, 'unauthenticated');
    const [last] = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(last?.action).toBe('auth.logout');
  });
});

describe('CSRF', () => {
  it('refuses an unsafe request with a cookie but without the token, before reading the body', async () => {
    const session = await h.signIn('officer@laocai.vn');
    const noToken = client(h.app, { cookie: session.auth.cookie });
    expectProblem(await noToken.post('/api/v1/auth/logout'), 403, 'csrf_failed');
    expectProblem(await noToken.patch('/api/v1/me', { name: 12 }), 403, 'csrf_failed');
    const wrongToken = client(h.app, { cookie: session.auth.cookie, csrf: 'x'.repeat(43) });
    expectProblem(await wrongToken.post('/api/v1/auth/logout'), 403, 'csrf_failed');
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('throttling', () => {
  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures in 15 minutes, even for the right password`, async () => {
    await h.addUser({ email: 'throttle@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expectProblem(await login('throttle@laocai.vn', `wrong-${i}`), 401, 'invalid_credentials');
    }
    expectProblem(await login('throttle@laocai.vn', TEST_PASSWORD), 429, 'rate_limited');
    const start = h.clock.now();
    h.clock.set(new Date(start.getTime() + 16 * 60_000));
    try {
      expect((await login('throttle@laocai.vn', TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      h.clock.set(start);
    }
  });
});

describe('API tokens', () => {
  it('issues a token shown once, accepts it as Bearer without CSRF, and revokes it', async () => {
    const session = await h.signIn('officer@laocai.vn');
    const created = await session.post('/api/v1/me/tokens', { name: 'Báo cáo tỉnh', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^kc_/);
    const bearer = client(h.app, { bearer: token });
    expect((await bearer.get('/api/v1/me')).json().user.email).toBe('officer@laocai.vn');
    expect((await bearer.patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(204);
    const listed = (await session.get('/api/v1/me/tokens')).json().items;
    expect(listed.map((t: { id: string }) => t.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await session.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    expectProblem(await bearer.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('refuses an expired token', async () => {
    const session = await h.signIn('officer@laocai.vn');
    const { token } = (await session.post('/api/v1/me/tokens', { name: 'ngắn', expiresInDays: 1 })).json();
    const start = h.clock.now();
    h.clock.set(new Date(start.getTime() + 2 * 86_400_000));
    try {
      expectProblem(await client(h.app, { bearer: token }).get('/api/v1/me'), 401, 'unauthenticated');
    } finally {
      h.clock.set(start);
    }
  });
});

describe('passwords', () => {
  it('a new user chooses a password from the welcome link; the link works once', async () => {
    const admin = await (async () => {
      await h.addUser({ email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] });
      return h.signIn('admin@cuc.vn');
    })();
    const created = await admin.post('/api/v1/users', {
      email: 'moi@laocai.vn',
      name: 'Người Mới',
      organizationId: await h.orgId('ttkc-15'),
      roles: ['unit_officer'],
    });
    expect(created.statusCode).toBe(201);
    const [mail] = await h.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'moi@laocai.vn'));
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail!.textBody)![1]!);
    expectProblem(await login('moi@laocai.vn', 'anything-at-all'), 401, 'invalid_credentials');
    expectProblem(
      await h.anonymous.post('/api/v1/auth/set-password', { token, password: '12345678' }),
      422,
      'weak_password',
    );
    expect(
      (await h.anonymous.post('/api/v1/auth/set-password', { token, password: 'Lao-Cai-Sa-Pa-2026' }))
        .statusCode,
    ).toBe(204);
    expect((await login('moi@laocai.vn', 'Lao-Cai-Sa-Pa-2026')).statusCode).toBe(200);
    expectProblem(
      await h.anonymous.post('/api/v1/auth/set-password', { token, password: 'Another-Pass-2026' }),
      422,
      'invalid_token',
    );
  });

  it('changing a password needs the current one, refuses common passwords and ends other sessions', async () => {
    await h.addUser({ email: 'doimk@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
    const here = await h.signIn('doimk@laocai.vn');
    const elsewhere = await h.signIn('doimk@laocai.vn');
    const wrong = await here.post('/api/v1/me/password', {
      currentPassword: 'nope',
      newPassword: 'Mot-Mat-Khau-Moi',
    });
    const problem = expectProblem(wrong, 400, 'validation_failed') as unknown as {
      errors: { message: string }[];
    };
    expect(problem.errors[0]?.message).toBe('Mật khẩu hiện tại không đúng.');
    const english = client(h.app, { ...here.auth, lang: 'en' });
    const inEnglish = await english.post('/api/v1/me/password', {
      currentPassword: 'nope',
      newPassword: 'Mot-Mat-Khau-Moi',
    });
    expect(inEnglish.json().errors[0].message).toBe('The current password is wrong.');
    const common = await here.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'matkhau123',
    });
    expectProblem(common, 422, 'weak_password');
    const ok = await here.post('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mot-Mat-Khau-Moi',
    });
    expect(ok.statusCode).toBe(204);
    expectProblem(await elsewhere.get('/api/v1/me'), 401, 'unauthenticated');
    const renewed = ok.cookies.find((c) => c.name === 'kc_session')!.value;
    expect((await client(h.app, { cookie: renewed }).get('/api/v1/me')).statusCode).toBe(200);
  });
});
