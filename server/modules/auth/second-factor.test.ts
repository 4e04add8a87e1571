import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginAttempts, userRecoveryCodes, userTotp } from '../../db/schema';
import { client, createHarness, expectProblem, TEST_PASSWORD, type THarness } from '../../test/harness';
import { hashSecret } from './tokens';
import { totpCode } from './totp';

/** R6: the TOTP second factor, required for agency roles, with one-time recovery codes. */
let h: THarness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  ids.officer = await h.addUser({ email: 'cv@cuc.vn', orgKey: 'agency', roles: ['agency_officer'] });
  ids.leader = await h.addUser({ email: 'ld@cuc.vn', orgKey: 'agency', roles: ['agency_leader'] });
  ids.province = await h.addUser({ email: 'so@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
});
afterAll(() => h?.close());

const login = (payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

async function rawSignIn(email: string, code?: string) {
  const response = await login({ email, password: TEST_PASSWORD, ...(code ? { code } : {}) });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'kc_session')!.value;
  const me = await client(h.app, { cookie }).get('/api/v1/me');
  return client(h.app, { cookie, csrf: me.json().csrfToken });
}

async function secretOf(userId: string): Promise<string> {
  const [row] = await h.db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row!.secret;
}

describe('TOTP second factor', () => {
  it('an agency user without it may only enrol: every other route answers 403 totp_enrolment_required', async () => {
    const session = await rawSignIn('cv@cuc.vn');
    const me = await session.get('/api/v1/me');
    expect(me.json().secondFactor).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });
    const refused = expectProblem(await session.get('/api/v1/proposals'), 403, 'totp_enrolment_required');
    expect(refused.detail).toMatch(/xác thực hai lớp/);
    expectProblem(await session.get('/api/v1/organizations'), 403, 'totp_enrolment_required');

    const started = await session.post('/api/v1/me/second-factor/totp');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = started.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);
    // A wrong code does not turn it on.
    expectProblem(
      await session.post('/api/v1/me/second-factor/totp/confirm', { code: '000000' }),
      401,
      'totp_invalid',
    );
    const confirmed = await session.post('/api/v1/me/second-factor/totp/confirm', {
      code: totpCode(secret, h.clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    // Only hashes are stored.
    const stored = await h.db
      .select()
      .from(userRecoveryCodes)
      .where(eq(userRecoveryCodes.userId, ids.officer!));
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash)).toContain(hashSecret(codes[0]!.replace(/-/g, '')));
    expect(JSON.stringify(stored)).not.toContain(codes[0]);

    // The same session now works.
    expect((await session.get('/api/v1/proposals')).statusCode).toBe(200);
    const [audit] = await h.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ action: 'auth.totp_enabled', entityId: ids.officer });
  });

  it('login then asks for the code; a wrong code is a failed attempt; a code works once', async () => {
    const asked = expectProblem(
      await login({ email: 'cv@cuc.vn', password: TEST_PASSWORD }),
      401,
      'totp_required',
    );
    expect(asked.detail).toMatch(/mã xác thực/i);
    const noCookie = await login({ email: 'cv@cuc.vn', password: TEST_PASSWORD });
    expect(noCookie.cookies.find((c) => c.name === 'kc_session')).toBeUndefined();
    // A wrong password with a code is still invalid_credentials (the code step comes after the password).
    expectProblem(
      await login({ email: 'cv@cuc.vn', password: 'sai-mat-khau', code: '123456' }),
      401,
      'invalid_credentials',
    );

    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    const before = await h.db.select().from(loginAttempts).where(eq(loginAttempts.email, 'cv@cuc.vn'));
    expectProblem(
      await login({ email: 'cv@cuc.vn', password: TEST_PASSWORD, code: '000000' }),
      401,
      'totp_invalid',
    );
    const after = await h.db.select().from(loginAttempts).where(eq(loginAttempts.email, 'cv@cuc.vn'));
    expect(after.filter((a) => !a.succeeded).length).toBe(before.filter((a) => !a.succeeded).length + 1);

    const code = totpCode(await secretOf(ids.officer!), h.clock.now());
    const session = await rawSignIn('cv@cuc.vn', code);
    expect((await session.get('/api/v1/proposals')).statusCode).toBe(200);
    // Replay of the same code (same 30-second step) is refused.
    expectProblem(await login({ email: 'cv@cuc.vn', password: TEST_PASSWORD, code }), 401, 'totp_invalid');
    const [audit] = await h.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.login'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit?.after).toEqual({ via: 'password+totp' });
  });

  it('two concurrent logins with one code give one session', async () => {
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    const code = totpCode(await secretOf(ids.officer!), h.clock.now());
    const results = await Promise.all([
      login({ email: 'cv@cuc.vn', password: TEST_PASSWORD, code }),
      login({ email: 'cv@cuc.vn', password: TEST_PASSWORD, code }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('a recovery code signs in once, then never again', async () => {
    // Past the throttling window of the failures above.
    h.clock.set(new Date(h.clock.now().getTime() + 16 * 60_000));
    const session = await rawSignIn('cv@cuc.vn', totpCode(await secretOf(ids.officer!), h.clock.now()));
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    const regenerated = await session.post('/api/v1/me/second-factor/recovery-codes', {
      code: totpCode(await secretOf(ids.officer!), h.clock.now()),
    });
    expect(regenerated.statusCode).toBe(200);
    const [first] = regenerated.json().recoveryCodes as string[];
    const withRecovery = await login({
      email: 'cv@cuc.vn',
      password: TEST_PASSWORD,
      code: first!.toUpperCase(),
    });
    expect(withRecovery.statusCode).toBe(200);
    expectProblem(
      await login({ email: 'cv@cuc.vn', password: TEST_PASSWORD, code: first }),
      401,
      'totp_invalid',
    );
    const me = await rawSignIn(
      'cv@cuc.vn',
      totpCode(await secretOf(ids.officer!), new Date(h.clock.now().getTime() + 30_000)),
    );
    expect((await me.get('/api/v1/me/second-factor')).json()).toEqual({
      enabled: true,
      required: true,
      recoveryCodesLeft: 9,
    });
  });

  it('agency users cannot turn it off; others may, with a code', async () => {
    h.clock.set(new Date(h.clock.now().getTime() + 16 * 60_000));
    const agency = await h.signIn('cv@cuc.vn');
    expectProblem(
      await agency.post('/api/v1/me/second-factor/totp/disable', { code: '123456' }),
      403,
      'totp_required_for_role',
    );
    const province = await h.signIn('so@laocai.vn');
    expect((await province.get('/api/v1/me')).json().secondFactor).toMatchObject({
      enabled: false,
      required: false,
    });
    const { secret } = await h.enrolTotp(province);
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    expectProblem(await login({ email: 'so@laocai.vn', password: TEST_PASSWORD }), 401, 'totp_required');
    const disabled = await province.post('/api/v1/me/second-factor/totp/disable', {
      code: totpCode(secret, h.clock.now()),
    });
    expect(disabled.statusCode).toBe(204);
    expect((await login({ email: 'so@laocai.vn', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('the harness signs agency users in transparently (enrols, then answers the code step)', async () => {
    const first = await h.signIn('ld@cuc.vn');
    expect((await first.get('/api/v1/proposals')).statusCode).toBe(200);
    const second = await h.signIn('ld@cuc.vn');
    expect((await second.get('/api/v1/me')).json().secondFactor.enabled).toBe(true);
  });

  it('bearer API tokens are a separate credential and are not asked for a code', async () => {
    const session = await h.signIn('ld@cuc.vn');
    const token = await session.post('/api/v1/me/tokens', { name: 'tích hợp' });
    if (token.statusCode === 201) {
      expect((await client(h.app, { bearer: token.json().token }).get('/api/v1/me')).statusCode).toBe(200);
    } else {
      expectProblem(token, 403, 'forbidden');
    }
  });
});
