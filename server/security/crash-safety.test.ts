import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycles, proposalDocuments, proposals, proposalTransitions } from '../db/schema';
import { storageOf } from '../modules/documents/documents.storage';
import { multipartBody } from '../modules/documents/test-support';
import {
  attachDocuments,
  BEFORE_REGISTRATION,
  createDraft,
  FULL_DOSSIER,
  setUpWorld,
  type TWorld,
} from '../modules/proposals/test-fixtures';
import { createHarness, type THarness } from '../test/harness';
import { pdf } from '../test/sample-files';

/**
 * R1: no acknowledged write is lost. A real `khuyencong serve` child process on this test's database
 * and file folder takes a load of submissions and uploads; it is killed with SIGKILL at a random
 * moment, restarted, loaded and killed again, several times. Then: every request that got a 2xx is in
 * the database, every stored document's file matches its SHA-256, and no proposal is `submitted`
 * without its dossier.
 */
const KILLS = 3;
let h: THarness;
let w: TWorld;
let child: ChildProcess | null = null;
let port = 0;

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
}, 120_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await h?.close();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
}

async function startServer(): Promise<void> {
  port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: h.url,
      DATA_DIR: h.ctx.config.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      KHUYENCONG_WORKER: 'false',
    },
    stdio: 'ignore',
  });
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not start');
}

/** A draft and an appraised proposal per round, prepared in-process before the server is loaded. */
async function prepare(count: number, round: number) {
  h.clock.set(BEFORE_REGISTRATION);
  const drafts: string[] = [];
  const ready: string[] = [];
  for (let i = 0; i < count; i++) {
    drafts.push((await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { title: `Nháp ${round}.${i}` })).id);
    ready.push((await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { title: `Gửi ${round}.${i}` })).id);
  }
  const registered = await w.laoCaiLeader!.post('/api/v1/registrations', {
    planYear: 2026,
    proposalIds: ready,
    letterNumber: `${round + 70}/SCT-QLCN`,
    letterDate: '2025-06-10',
  });
  if (registered.statusCode !== 201) throw new Error(registered.body);
  for (const id of ready) {
    await attachDocuments(h, id, FULL_DOSSIER);
    const pass = await w.laoCaiOfficer!.post(`/api/v1/proposals/${id}/base-appraisal`, {
      result: 'pass',
      comments: 'Đạt',
      recommendedFunding: 600_000_000,
    });
    if (pass.statusCode !== 200) throw new Error(pass.body);
  }
  return { drafts, ready };
}

describe('crash safety under SIGKILL (R1)', () => {
  it('every acknowledged submission and upload survives kills; files match; no half-finished state', async () => {
    const acknowledgedSubmissions: string[] = [];
    const acknowledgedUploads: { id: string; sha256: string }[] = [];
    let sent = 0;
    for (let round = 0; round < KILLS; round++) {
      const { drafts, ready } = await prepare(4, round);
      // The real clock runs in the child: the 2026 dossier deadline is moved beyond today.
      await h.db
        .update(cycles)
        .set({ dossierDeadline: sql`now() + interval '30 days'` })
        .where(eq(cycles.planYear, 2026));
      await startServer();
      const base = `http://127.0.0.1:${port}/api/v1`;
      const leader = { authorization: `Bearer ${w.laoCaiLeader!.auth.bearer}` };
      const officer = { authorization: `Bearer ${w.laoCaiOfficer!.auth.bearer}` };
      const requests: Promise<void>[] = [];
      for (const id of ready) {
        sent++;
        requests.push(
          fetch(`${base}/proposals/${id}/submit`, { method: 'POST', headers: leader })
            .then((r) => {
              if (r.ok) acknowledgedSubmissions.push(id);
            })
            .catch(() => {}),
        );
      }
      for (const id of drafts) {
        for (let k = 0; k < 3; k++) {
          const data = pdf(150_000 + randomInt(100_000), `Hồ sơ ${round}.${k}.${id}`);
          const body = multipartBody([
            { name: 'kind', value: 'other' },
            { name: 'file', fileName: `ho-so-${k}.pdf`, data, contentType: 'application/pdf' },
          ]);
          sent++;
          requests.push(
            fetch(`${base}/proposals/${id}/documents`, {
              method: 'POST',
              headers: { ...officer, 'content-type': body.contentType },
              body: body.payload,
            })
              .then(async (r) => {
                if (r.status === 201) {
                  const json = (await r.json()) as { id: string; sha256: string };
                  expect(json.sha256).toBe(createHash('sha256').update(data).digest('hex'));
                  acknowledgedUploads.push({ id: json.id, sha256: json.sha256 });
                }
              })
              .catch(() => {}),
          );
        }
      }
      // Kill at a random moment while the load runs.
      await new Promise((r) => setTimeout(r, 300 + randomInt(1500)));
      // On a slow machine the server may not have answered anything yet by then; the last round waits
      // for a first acknowledgement (up to 30 s) so the checks below always have something to check.
      for (
        let waited = 0;
        round === KILLS - 1 &&
        acknowledgedSubmissions.length + acknowledgedUploads.length === 0 &&
        waited < 30_000;
        waited += 100
      )
        await new Promise((r) => setTimeout(r, 100));
      const exited = new Promise((r) => child!.once('exit', r));
      child!.kill('SIGKILL');
      await exited;
      await Promise.all(requests);
      child = null;
    }

    // Every acknowledged submission is there, with its one transition.
    if (acknowledgedSubmissions.length > 0) {
      const rows = await h.db.select().from(proposals).where(inArray(proposals.id, acknowledgedSubmissions));
      for (const row of rows) expect(row.status, row.id).toBe('submitted');
      expect(rows).toHaveLength(acknowledgedSubmissions.length);
      const transitions = await h.db
        .select()
        .from(proposalTransitions)
        .where(
          and(
            inArray(proposalTransitions.proposalId, acknowledgedSubmissions),
            eq(proposalTransitions.action, 'submit'),
          ),
        );
      expect(transitions).toHaveLength(acknowledgedSubmissions.length);
    }
    // Every acknowledged upload is there with the hash the client was given.
    if (acknowledgedUploads.length > 0) {
      const rows = await h.db
        .select()
        .from(proposalDocuments)
        .where(
          inArray(
            proposalDocuments.id,
            acknowledgedUploads.map((u) => u.id),
          ),
        );
      expect(rows).toHaveLength(acknowledgedUploads.length);
      for (const u of acknowledgedUploads) expect(rows.find((r) => r.id === u.id)?.sha256).toBe(u.sha256);
    }
    // Every document row, acknowledged or not, has its file with the recorded SHA-256.
    const storage = storageOf(h.ctx);
    const documents = await h.db.select().from(proposalDocuments);
    for (const document of documents) {
      const hash = createHash('sha256');
      for await (const chunk of (await storage.get(document.storageKey)) as Readable)
        hash.update(chunk as Buffer);
      expect(hash.digest('hex'), document.storageKey).toBe(document.sha256);
    }
    // No proposal is submitted without its full dossier.
    const submitted = await h.db.select().from(proposals).where(eq(proposals.status, 'submitted'));
    for (const proposal of submitted) {
      const kinds = new Set(
        (
          await h.db.select().from(proposalDocuments).where(eq(proposalDocuments.proposalId, proposal.id))
        ).map((d) => d.kind),
      );
      for (const kind of FULL_DOSSIER) expect(kinds.has(kind), `${proposal.id} lacks ${kind}`).toBe(true);
    }
    console.log(
      `R1: ${KILLS} SIGKILLs survived; ${sent} requests sent, ${acknowledgedSubmissions.length} submissions and ${acknowledgedUploads.length} uploads acknowledged and all found; ${documents.length} stored files hashed`,
    );
    expect(acknowledgedSubmissions.length + acknowledgedUploads.length).toBeGreaterThan(0);
  }, 300_000);
});
