import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createStorage } from '../server/platform/storage';
import type { TFigure } from './lib/report';
import { createRng } from './lib/rng';
import type { TBenchRuntime } from './lib/runtime';
import { startApp } from './lib/server';
import { api, DOSSIER, prepareWriteWorld, rushDraft, uploadDocument } from './lib/world';

const MB = 1024 * 1024;

/**
 * P2, the deadline rush: `clients` officers at once each create a draft, upload a dossier of 5–40 MB
 * (five documents), and their leaders register, base-appraise and submit it. Then every stored file is
 * read back and hashed, and every proposal must be `submitted` with its five documents.
 * Targets: 0 errors, 0 lost or corrupted files, server RSS growth ≤ 300 MB.
 */
export async function benchmarkRush(
  runtime: TBenchRuntime,
  options: { clients: number },
): Promise<TFigure[]> {
  const world = await prepareWriteWorld(runtime);
  const app = await startApp(runtime.database.url);
  const rng = createRng(2028);
  const baseline = await app.rssBytes();
  let peak = baseline;
  const sampler = setInterval(() => {
    app.rssBytes().then(
      (rss) => (peak = Math.max(peak, rss)),
      () => {},
    );
  }, 200);
  const errors: string[] = [];
  const uploaded: { proposalId: string; kind: string; sha256: string; size: number }[] = [];
  const started = performance.now();
  let bytes = 0;
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async (_, n) => {
        const province = world[n % world.length]!;
        const total = rng.int(5 * MB, 40 * MB);
        try {
          const created = await api(
            app.url,
            province.officer,
            'POST',
            '/api/v1/proposals',
            rushDraft(province.departmentId, n),
          );
          if (created.status !== 201)
            throw new Error(`create ${created.status} ${JSON.stringify(created.body)}`);
          const id = created.body.id as string;
          for (const [i, kind] of DOSSIER.entries()) {
            const size = kind === 'project_document' ? total - 4 * 64 * 1024 : 64 * 1024;
            const result = await uploadDocument(app.url, province.officer, id, kind, size, n * 10 + i);
            if (result.status !== 201) throw new Error(`upload ${kind} ${result.status} ${result.body}`);
            const stored = JSON.parse(result.body) as { sha256: string };
            if (stored.sha256 !== result.sha256) throw new Error(`upload ${kind}: server hash differs`);
            uploaded.push({ proposalId: id, kind, sha256: result.sha256, size });
            bytes += size;
          }
          const registered = await api(app.url, province.leader, 'POST', '/api/v1/registrations', {
            planYear: 2028,
            proposalIds: [id],
            letterNumber: `${n}/SCT-KC`,
            letterDate: '2027-06-10',
          });
          if (registered.status !== 201 && registered.status !== 200)
            throw new Error(`register ${registered.status} ${JSON.stringify(registered.body)}`);
          const appraised = await api(
            app.url,
            province.officer,
            'POST',
            `/api/v1/proposals/${id}/base-appraisal`,
            {
              result: 'pass',
              comments: 'Đạt yêu cầu',
              recommendedFunding: 600_000_000,
            },
          );
          if (appraised.status !== 200)
            throw new Error(`base appraisal ${appraised.status} ${JSON.stringify(appraised.body)}`);
          const submitted = await api(app.url, province.leader, 'POST', `/api/v1/proposals/${id}/submit`);
          if (submitted.status !== 200)
            throw new Error(`submit ${submitted.status} ${JSON.stringify(submitted.body)}`);
        } catch (error) {
          errors.push(`client ${n}: ${(error as Error).message.slice(0, 300)}`);
        }
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  await app.stop();

  // Every file the server acknowledged is in storage, byte for byte; every proposal is submitted.
  const storage = createStorage(runtime.config);
  let corrupted = 0;
  const rows = (
    await runtime.database.pool.query<{
      proposal_id: string;
      kind: string;
      sha256: string;
      storage_key: string;
      status: string;
    }>(
      `select d.proposal_id, d.kind, d.sha256, d.storage_key, p.status from proposal_documents d
         join proposals p on p.id = d.proposal_id where d.proposal_id = any($1) and d.superseded_at is null`,
      [[...new Set(uploaded.map((u) => u.proposalId))]],
    )
  ).rows;
  for (const u of uploaded) {
    const row = rows.find((r) => r.proposal_id === u.proposalId && r.kind === u.kind);
    if (!row || row.sha256 !== u.sha256) {
      corrupted += 1;
      continue;
    }
    const hash = createHash('sha256');
    await pipeline(await storage.get(row.storage_key), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) hash.update(chunk);
    });
    if (hash.digest('hex') !== u.sha256) corrupted += 1;
  }
  const notSubmitted = new Set(rows.filter((r) => r.status !== 'submitted').map((r) => r.proposal_id)).size;
  const growthMb = (peak - baseline) / MB;
  if (errors.length > 0) console.log(`P2 errors (first 5):\n  ${errors.slice(0, 5).join('\n  ')}`);
  return [
    {
      id: 'P2',
      name: `deadline rush, ${options.clients} clients: errors + lost/corrupted files`,
      value: errors.length + corrupted + notSubmitted,
      unit: '',
      floor: null,
      floorName: null,
      ratio: null,
      target: '0',
      pass: errors.length === 0 && corrupted === 0 && notSubmitted === 0,
      details: {
        errors: errors.length,
        corrupted,
        notSubmitted,
        files: uploaded.length,
        megabytes: Math.round(bytes / MB),
        seconds,
        firstErrors: errors.slice(0, 5),
      },
    },
    {
      id: 'P2',
      name: 'deadline rush: server RSS growth',
      value: growthMb,
      unit: 'MB',
      floor: baseline / MB,
      floorName: 'RSS before the rush',
      ratio: null,
      target: '≤ 300 MB',
      pass: growthMb <= 300,
    },
  ];
}
