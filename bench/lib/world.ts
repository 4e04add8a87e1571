import { createHash } from 'node:crypto';
import http from 'node:http';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TBenchRuntime } from './runtime';
import { tokenFor } from './tokens';

/** The plan year the write benchmarks (P2, P3) work in: its cycle is open, its deadlines ahead. */
export const RUSH_YEAR = 2028;

export type TProvinceClients = {
  provinceCode: string;
  departmentId: string;
  officer: string;
  leader: string;
};

/**
 * An open cycle for RUSH_YEAR and, for each of the 34 provinces, an officer and a leader of its Sở with
 * API tokens. Idempotent.
 */
export async function prepareWriteWorld(runtime: TBenchRuntime): Promise<TProvinceClients[]> {
  const { pool } = runtime.database;
  await pool.query(
    `insert into cycles (plan_year, status, registration_deadline, dossier_deadline, budget_envelope, regulation_set_id)
     select $1, 'open', $2, $3, 150000000000, id from regulation_sets
      where programme = 'national' and effective_from_year <= $1 and (effective_to_year is null or effective_to_year >= $1)
      order by effective_from_year desc, version desc limit 1
     on conflict do nothing`,
    [RUSH_YEAR, `${RUSH_YEAR - 1}-06-20T16:59:59.999Z`, `${RUSH_YEAR - 1}-09-30T16:59:59.999Z`],
  );
  const departments = (
    await pool.query<{ id: string; province_code: string }>(
      `select distinct on (province_code) id, province_code from organizations
        where kind = 'provincial_department' and active order by province_code, created_at`,
    )
  ).rows;
  const clients: TProvinceClients[] = [];
  for (const d of departments) {
    for (const role of ['officer', 'leader'] as const)
      await pool.query(
        `insert into users (email, name, organization_id, roles) values ($1, $2, $3, $4) on conflict do nothing`,
        [
          `bench.rush.${role}${d.province_code}@khuyencong.local`,
          `Cán bộ ${role === 'leader' ? 'lãnh đạo' : 'chuyên viên'} ${d.province_code}`,
          d.id,
          [`province_${role}`],
        ],
      );
    clients.push({
      provinceCode: d.province_code,
      departmentId: d.id,
      officer: await tokenFor(runtime, `bench.rush.officer${d.province_code}@khuyencong.local`),
      leader: await tokenFor(runtime, `bench.rush.leader${d.province_code}@khuyencong.local`),
    });
  }
  return clients;
}

/** A demonstration model that passes every rule once its dossier is attached (as the tests' fixture). */
export function rushDraft(implementingOrganizationId: string, n: number) {
  return {
    planYear: RUSH_YEAR,
    activityType: 'demonstration_model',
    title: `Mô hình trình diễn kỹ thuật chế biến nông sản số ${n}`,
    implementingOrganizationId,
    beneficiary: {
      name: `Hợp tác xã Nông sản số ${n}`,
      taxCode: String(5_200_000_000 + n),
      kind: 'cooperative',
    },
    location: { commune: 'Xã Tân Cương' },
    startDate: `${RUSH_YEAR}-03-01`,
    endDate: `${RUSH_YEAR}-11-30`,
    budget: { total: 2_000_000_000, requested: 600_000_000, counterpart: 1_400_000_000, other: 0 },
    outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
    fields: { models: 1 },
  };
}

export const DOSSIER = [
  'request_letter',
  'project_document',
  'cost_estimate',
  'beneficiary_request',
  'counterpart_commitment',
] as const;

/** JSON request with a bearer token; resolves with status and parsed body. */
export async function api(baseUrl: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A PDF of exactly `size` bytes, generated while it is sent (never held in memory), and its SHA-256. */
export function pdfStream(size: number, seed: number) {
  const head = Buffer.from(`%PDF-1.7\n% Hồ sơ đề án ${seed}\n`, 'utf8');
  const tail = Buffer.from('\n%%EOF\n');
  const line = Buffer.from(`${'Khuyến công '.repeat(5)}${seed}\n`, 'utf8');
  const bodySize = size - head.length - tail.length;
  async function* chunks() {
    yield head;
    const block = Buffer.alloc(256 * 1024);
    for (let i = 0; i < block.length; i += line.length)
      line.copy(block, i, 0, Math.min(line.length, block.length - i));
    let left = bodySize;
    while (left > 0) {
      const n = Math.min(left, block.length);
      yield n === block.length ? block : block.subarray(0, n);
      left -= n;
    }
    yield tail;
  }
  return Readable.from(chunks());
}

/** Streams a multipart upload of `size` bytes; resolves with the status, body and the client's SHA-256. */
export function uploadDocument(
  baseUrl: string,
  token: string,
  proposalId: string,
  kind: string,
  size: number,
  seed: number,
) {
  const boundary = `----kcbench${seed}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${kind}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = createHash('sha256');
  return new Promise<{ status: number; body: string; sha256: string }>((resolve, reject) => {
    const request = http.request(`${baseUrl}/api/v1/proposals/${proposalId}/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(preamble.length + size + epilogue.length),
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (c) => (text += c));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: text, sha256: hash.digest('hex') }),
      );
    });
    request.on('error', reject);
    request.write(preamble);
    const hashing = new Transform({
      transform(chunk: Buffer, _e, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    pipeline(
      pdfStream(size, seed),
      hashing,
      async function* (source) {
        for await (const chunk of source) yield chunk;
        yield epilogue;
      },
      request,
    ).catch(reject);
  });
}
