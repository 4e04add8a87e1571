import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, proposalTransitions } from '../db/schema';
import { buildApp, type TApp } from '../http/app';
import {
  attachDocuments,
  BEFORE_REGISTRATION,
  createDraft,
  FULL_DOSSIER,
  setUpWorld,
} from '../modules/proposals/test-fixtures';
import type { TAppContext } from '../platform/context';
import { openDatabase, type TDatabase } from '../platform/db';
import { startJobs, type TJobRunner } from '../platform/jobs';
import { createLogger } from '../platform/log';
import { APP_VERSION } from '../platform/version';
import { client, createHarness, expectProblem, type TClient, type THarness } from '../test/harness';

/**
 * R2: two server instances on one PostgreSQL. Instance A is the harness's app; instance B is a second
 * app with its own connection pool and its own clock object on the same database and the same file
 * storage — what two `khuyencong serve` processes behind a load balancer share. A session made on one
 * works on the other; each job runs exactly once with two workers; racing submissions of one proposal
 * through the two instances give one 200, one 409 and one transition.
 */
let h: THarness;
let databaseB: TDatabase;
let appB: TApp;
let w: Awaited<ReturnType<typeof setUpWorld>>;
const runners: TJobRunner[] = [];

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
  databaseB = await openDatabase({
    databaseUrl: h.url,
    dataDir: h.ctx.config.dataDir,
    embeddedPort: 0,
    poolSize: 6,
  });
  // Both instances read the same instant (as two servers read one NTP-synchronised clock).
  const ctxB: TAppContext = {
    config: h.ctx.config,
    database: databaseB,
    clock: { now: () => h.clock.now() },
    log: createLogger('silent'),
    version: APP_VERSION,
  };
  appB = await buildApp(ctxB, { serveWeb: false });
  await appB.ready();
}, 120_000);

afterAll(async () => {
  for (const runner of runners) await runner.stop().catch(() => {});
  await appB?.close();
  await databaseB?.close();
  await h?.close();
});

function onB(of: TClient): TClient {
  return client(appB, of.auth);
}

describe('two instances on one PostgreSQL (R2)', () => {
  it('a session made on one instance works on the other, CSRF token included; logout ends it on both', async () => {
    const onA = await h.signIn('cv@laocai.vn');
    const me = await onB(onA).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('cv@laocai.vn');
    // An unsafe request on B with the token issued through A.
    expect((await onB(onA).patch('/api/v1/me', { name: 'Chuyên viên Sở Lào Cai' })).statusCode).toBe(204);
    // Without the token, B refuses like A.
    expectProblem(
      await client(appB, { cookie: onA.auth.cookie }).patch('/api/v1/me', { name: 'x' }),
      403,
      'csrf_failed',
    );
    expect((await onB(onA).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expectProblem(await onA.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('an agency session enrolled with TOTP on one instance passes the second factor on the other', async () => {
    const onA = await h.signIn('ld@cuc.vn');
    expect((await onB(onA).get('/api/v1/proposals')).statusCode).toBe(200);
  });

  it('each job runs exactly once with a worker on each instance', async () => {
    const runs: { instance: string; at: number }[] = [];
    const name = `r2-test-${Date.now()}`;
    const definition = (instance: string) => ({
      name,
      handler: async () => {
        runs.push({ instance, at: Date.now() });
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    const log = createLogger('silent');
    runners.push(
      await startJobs({ connectionString: h.url, definitions: [definition('A')], log, work: true }),
    );
    runners.push(
      await startJobs({ connectionString: h.url, definitions: [definition('B')], log, work: true }),
    );
    // Both instances ask for the job at the same moment, as two servers' schedulers would: one run.
    await Promise.all([runners[0]!.nudge(name), runners[1]!.nudge(name)]);
    const deadline = Date.now() + 20_000;
    while (runs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Long enough for a second worker to pick a duplicate up (polling every 2 s).
    await new Promise((r) => setTimeout(r, 5_000));
    expect(runs).toHaveLength(1);
    // Ten separate requests, spaced beyond the singleton window: ten runs, never two at once.
    for (let i = 0; i < 10; i++) {
      await runners[i % 2]!.nudge(name);
      const before = runs.length;
      const until = Date.now() + 20_000;
      while (runs.length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1_100));
    }
    expect(runs).toHaveLength(11);
    console.log(
      `R2 jobs: ${runs.length} runs, by instance A ${runs.filter((r) => r.instance === 'A').length}, B ${runs.filter((r) => r.instance === 'B').length}`,
    );
  }, 180_000);

  it('racing submissions of one proposal through the two instances: one 200, one 409, one transition', async () => {
    let raced = 0;
    for (let round = 0; round < 3; round++) {
      h.clock.set(BEFORE_REGISTRATION);
      const p = await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { title: `Đề án đua ${round + 1}` });
      const registered = await w.laoCaiLeader!.post('/api/v1/registrations', {
        planYear: 2026,
        proposalIds: [p.id],
        letterNumber: `${round + 50}/SCT-QLCN`,
        letterDate: '2025-06-10',
      });
      expect(registered.statusCode, registered.body).toBe(201);
      await attachDocuments(h, p.id, FULL_DOSSIER);
      const pass = await w.laoCaiOfficer!.post(`/api/v1/proposals/${p.id}/base-appraisal`, {
        result: 'pass',
        comments: 'Đạt yêu cầu',
        recommendedFunding: 600_000_000,
      });
      expect(pass.statusCode, pass.body).toBe(200);
      h.clock.set('2025-09-20T03:00:00Z');
      const responses = await Promise.all([
        w.laoCaiLeader!.post(`/api/v1/proposals/${p.id}/submit`),
        onB(w.laoCaiLeader!).post(`/api/v1/proposals/${p.id}/submit`),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expectProblem(responses.find((r) => r.statusCode === 409)!, 409, 'invalid_transition');
      const transitions = await h.db
        .select()
        .from(proposalTransitions)
        .where(and(eq(proposalTransitions.proposalId, p.id), eq(proposalTransitions.action, 'submit')));
      expect(transitions).toHaveLength(1);
      const audits = await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'proposal.submitted')));
      expect(audits).toHaveLength(1);
      raced++;
    }
    console.log(`R2 racing submissions: ${raced} races, each one 200 + one 409`);
  });
});
