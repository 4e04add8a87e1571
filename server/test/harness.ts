import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { TRole } from '../../domain/enums/roles';
import { systemActor } from '../access/actor';
import { organizations, users, userTotp } from '../db/schema';
import { buildApp, type TApp } from '../http/app';
import { totpCode } from '../modules/auth/totp';
import { createUser } from '../modules/users/create-user';
import { fixedClock, type TClock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import type { TAppContext } from '../platform/context';
import { openDatabase } from '../platform/db';
import { createLogger } from '../platform/log';
import { APP_VERSION } from '../platform/version';
import { appRoleUrl, TEMPLATE_DATABASE, withDatabase } from './global-setup';

export const TEST_PASSWORD = 'Thu-nghiem-2026';

export type THarness = Awaited<ReturnType<typeof createHarness>>;

/**
 * A fresh database cloned from the migrated template, a context with a movable clock, and the app
 * (in-process, through `app.inject`). Each test file gets its own; `close()` drops the database.
 */
export async function createHarness(
  options: {
    now?: string;
    env?: Record<string, string>;
    /**
     * R7 (ADR 0008): the app connects as the test app role (SELECT/INSERT only on audit_events) and
     * `ownerUrl` is the admin; off by default, the app then connects as the admin as before.
     */
    appRole?: boolean;
  } = {},
) {
  const adminUrl = inject('pgAdminUrl');
  const name = `kc_test_${randomBytes(6).toString('hex')}`;
  await cloneTemplate(adminUrl, name);
  const ownerUrl = withDatabase(adminUrl, name);
  const url = options.appRole ? appRoleUrl(ownerUrl) : ownerUrl;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kc-test-data-'));
  const database = await openDatabase({
    databaseUrl: url,
    ...(options.appRole ? { ownerUrl } : {}),
    dataDir,
    embeddedPort: 0,
    poolSize: 6,
  });
  const clock = fixedClock(options.now ?? '2026-03-02T02:00:00Z');
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    ...(options.appRole ? { DATABASE_OWNER_URL: ownerUrl } : {}),
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    ...options.env,
  });
  const ctx: TAppContext = {
    config,
    database,
    clock,
    log: createLogger(process.env.KC_TEST_LOG ? 'error' : 'silent'),
    version: APP_VERSION,
  };
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();

  async function orgId(seedKey: string): Promise<string> {
    const [row] = await database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.seedKey, seedKey));
    if (!row) throw new Error(`no organisation ${seedKey}`);
    return row.id;
  }

  async function addUser(input: {
    email: string;
    orgKey: string;
    roles: TRole[];
    name?: string;
    password?: string;
  }) {
    return database.db.transaction(async (tx) =>
      createUser({
        actor: systemActor('test'),
        tx,
        now: clock.now(),
        publicUrl: config.publicUrl,
        data: {
          email: input.email,
          name: input.name ?? input.email.split('@')[0]!,
          organizationId: await orgId(input.orgKey),
          roles: input.roles,
          password: input.password ?? TEST_PASSWORD,
        },
      }),
    );
  }

  /**
   * Signs in through the API and returns a client that sends the cookie and the CSRF token. The TOTP
   * second factor is handled as a person with an authenticator app would (issue #9): a user who has
   * one answers the code step with the code computed from their secret; an agency user without one
   * enrols first (secret → code → confirm), so every later request works as before.
   */
  async function signIn(email: string, password = TEST_PASSWORD) {
    const code = await testTotpCode(email);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password, ...(code ? { code } : {}) },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'kc_session');
    if (!cookie) throw new Error('no session cookie');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { kc_session: cookie.value } });
    const signedIn = client(app, { cookie: cookie.value, csrf: me.json().csrfToken as string });
    const secondFactor = me.json().secondFactor as { enabled: boolean; required: boolean } | undefined;
    if (secondFactor?.required && !secondFactor.enabled) await enrolTotp(signedIn);
    return signedIn;
  }

  /**
   * Enrols the TOTP factor for a signed-in client; returns the secret and the recovery codes. The code
   * is computed from the secret at the harness clock's instant, as the phone would show it.
   */
  async function enrolTotp(signedIn: TClient) {
    const started = await signedIn.post('/api/v1/me/second-factor/totp');
    if (started.statusCode !== 200) throw new Error(`TOTP enrolment: ${started.statusCode} ${started.body}`);
    const secret = started.json().secret as string;
    const confirmed = await signedIn.post('/api/v1/me/second-factor/totp/confirm', {
      code: totpCode(secret, clock.now()),
    });
    if (confirmed.statusCode !== 200)
      throw new Error(`TOTP confirm: ${confirmed.statusCode} ${confirmed.body}`);
    return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
  }

  /**
   * The current code of a user's confirmed TOTP factor, or null when they have none. Test-only: the
   * harness reads the secret from the database and forgets the last used step, so one test may sign
   * the same user in several times at one frozen instant (a real code works once per 30 s).
   */
  async function testTotpCode(email: string): Promise<string | null> {
    const [row] = await database.db
      .select({ userId: userTotp.userId, secret: userTotp.secret })
      .from(userTotp)
      .innerJoin(users, eq(users.id, userTotp.userId))
      .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), isNotNull(userTotp.confirmedAt)))
      .limit(1);
    if (!row) return null;
    await database.db.update(userTotp).set({ lastUsedStep: null }).where(eq(userTotp.userId, row.userId));
    return totpCode(row.secret, clock.now());
  }

  return {
    app,
    ctx,
    db: database.db,
    url,
    ownerUrl,
    clock: clock as TClock & { set(instant: Date | string): void },
    orgId,
    addUser,
    signIn,
    enrolTotp,
    testTotpCode,
    anonymous: client(app, {}),
    async close() {
      await app.close();
      await database.close();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type TClient = ReturnType<typeof client>;

/** A small HTTP client over `app.inject` carrying a session cookie, a CSRF token or a bearer token. */
export function client(app: TApp, auth: { cookie?: string; csrf?: string; bearer?: string; lang?: string }) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      cookies: auth.cookie ? { kc_session: auth.cookie } : {},
      headers: {
        ...(auth.csrf && method !== 'GET' ? { 'x-csrf-token': auth.csrf } : {}),
        ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
        ...(auth.lang ? { 'accept-language': auth.lang } : {}),
      },
    });
  return {
    auth,
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload ?? {}),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    put: (url: string, payload: unknown) => send('PUT', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

/** Asserts the RFC 9457 shape every error of the API has, and returns the body. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status} ${code}, got ${response.statusCode}: ${response.body}`);
  }
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`not problem+json: ${response.headers['content-type']}`);
  }
  const body = response.json() as {
    code: string;
    status: number;
    title: string;
    detail: string;
    type: string;
  };
  if (body.code !== code || body.status !== status || !body.title || !body.detail || !body.type) {
    throw new Error(`bad problem body: ${response.body}`);
  }
  return body;
}

async function cloneTemplate(adminUrl: string, name: string): Promise<void> {
  // Two files cloning at the same instant can see "source database is being accessed": retry.
  for (let attempt = 0; ; attempt++) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    } finally {
      await admin.end();
    }
  }
}
