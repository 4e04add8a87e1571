import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycles } from '../db/schema';
import { buildApp, type TApp } from '../http/app';
import {
  attachDocuments,
  BEFORE_REGISTRATION,
  createDraft,
  DOSSIER_DEADLINE,
  FULL_DOSSIER,
  setUpWorld,
  type TWorld,
} from '../modules/proposals/test-fixtures';
import { decisionInstant, type TClock } from '../platform/clock';
import { createLogger } from '../platform/log';
import { APP_VERSION } from '../platform/version';
import { client, createHarness, expectProblem, type THarness } from '../test/harness';

/**
 * R9: deadlines at the instant, under concurrency, decided by the database transaction's time.
 * - With the test clock at the last millisecond of the dossier deadline, a burst of concurrent
 *   submissions all pass; one millisecond later, a burst all fail with 422 deadline_passed.
 * - With the real clock, an instance whose own clock is wrong does not decide: PostgreSQL's
 *   transaction time does (`decisionInstant`).
 */
let h: THarness;
let w: TWorld;
const BURST = 6;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
}, 120_000);
afterAll(() => h?.close());

async function appraisedProposals(count: number, prefix: string): Promise<string[]> {
  h.clock.set(BEFORE_REGISTRATION);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { title: `${prefix} ${i + 1}` })).id);
  }
  const registered = await w.laoCaiLeader!.post('/api/v1/registrations', {
    planYear: 2026,
    proposalIds: ids,
    letterNumber: `${prefix.length}${count}/SCT-QLCN`,
    letterDate: '2025-06-10',
  });
  expect(registered.statusCode, registered.body).toBe(201);
  for (const id of ids) {
    await attachDocuments(h, id, FULL_DOSSIER);
    const pass = await w.laoCaiOfficer!.post(`/api/v1/proposals/${id}/base-appraisal`, {
      result: 'pass',
      comments: 'Đạt yêu cầu',
      recommendedFunding: 600_000_000,
    });
    expect(pass.statusCode, pass.body).toBe(200);
  }
  return ids;
}

describe('deadlines at the instant, under concurrency (R9)', () => {
  it('a burst at the last millisecond passes; a burst one millisecond later is refused', async () => {
    const onTime = await appraisedProposals(BURST, 'Kịp hạn');
    const late = await appraisedProposals(BURST, 'Trễ hạn');
    h.clock.set(DOSSIER_DEADLINE);
    const accepted = await Promise.all(
      onTime.map((id) => w.laoCaiLeader!.post(`/api/v1/proposals/${id}/submit`)),
    );
    expect(accepted.map((r) => r.statusCode)).toEqual(onTime.map(() => 200));
    h.clock.set(new Date(new Date(DOSSIER_DEADLINE).getTime() + 1));
    const refused = await Promise.all(
      late.map((id) => w.laoCaiLeader!.post(`/api/v1/proposals/${id}/submit`)),
    );
    for (const response of refused) expectProblem(response, 422, 'deadline_passed');
    console.log(
      `R9: ${accepted.length} concurrent submissions at the deadline accepted, ${refused.length} 1 ms later refused`,
    );
  });

  it('with the real clock, the database transaction time decides, not the instance clock', async () => {
    // An instance whose clock is a year behind (before the 2025 deadline), on the real clock path.
    const skewed: TClock = { now: () => new Date('2025-09-01T00:00:00Z'), fromDatabase: true };
    const app: TApp = await buildApp(
      { ...h.ctx, clock: skewed, log: createLogger('silent'), version: APP_VERSION },
      { serveWeb: false },
    );
    await app.ready();
    try {
      const [id] = await appraisedProposals(1, 'Đồng hồ lệch');
      const leader = client(app, w.laoCaiLeader!.auth);
      // PostgreSQL's time (today, after 30/09/2025) decides: the deadline has passed.
      expectProblem(await leader.post(`/api/v1/proposals/${id}/submit`), 422, 'deadline_passed');
      // Moving the deadline beyond the database's time opens it, whatever the instance clock says.
      await h.db
        .update(cycles)
        .set({ dossierDeadline: sql`transaction_timestamp() + interval '1 day'` })
        .where(eq(cycles.planYear, 2026));
      expect((await leader.post(`/api/v1/proposals/${id}/submit`)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('decisionInstant is the transaction time with the real clock, the test clock otherwise', async () => {
    await h.db.transaction(async (tx) => {
      const fromDatabase = await decisionInstant(tx, { now: () => new Date(0), fromDatabase: true });
      const result = await tx.execute<{ t: string }>(sql`select now() as t`);
      expect(fromDatabase.getTime()).toBe(new Date(result.rows[0]!.t).getTime());
      expect((await decisionInstant(tx, h.clock)).toISOString()).toBe(h.clock.now().toISOString());
    });
  });
});
