import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalDocuments } from '../../db/schema';
import { buildApp } from '../../http/app';
import { createHarness, type TClient, type THarness } from '../../test/harness';
import { exe, pdf } from '../../test/sample-files';
import { auditRows, insertProposal, storageRoot, storedFiles } from './test-support';

/**
 * tus 1.0 resumable uploads against a real listening server, with Node's own http client: the
 * connection is dropped in the middle of a PATCH, the client asks the server where it stands (HEAD),
 * and resumes from there.
 */

const MB = 1024 * 1024;
const SIZE = 60 * MB;

let h: THarness;
let officer: TClient;
let other: TClient;
let base: string;
let tmp: string;
let draft: { id: string; code: string };
let bigFile: string;
let bigSha: string;

type TResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request with Node's client; `body` may be a stream, which is piped. */
function request(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: NodeJS.ReadableStream | Buffer,
  server = base,
): Promise<TResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server}${url}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

function tusHeaders(as: TClient, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'tus-resumable': '1.0.0',
    ...(as.auth.cookie ? { cookie: `kc_session=${as.auth.cookie}` } : {}),
    ...(as.auth.csrf ? { 'x-csrf-token': as.auth.csrf } : {}),
    ...extra,
  };
}

const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
const metadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');

async function create(as: TClient, length: number, meta: Record<string, string>) {
  return request(
    'POST',
    '/api/v1/uploads',
    tusHeaders(as, { 'upload-length': String(length), 'upload-metadata': metadata(meta) }),
  );
}

async function head(as: TClient, location: string, server = base) {
  return request('HEAD', location, tusHeaders(as), undefined, server);
}

/**
 * A PATCH that sends the file from `offset`, and drops the connection (destroys the socket) once
 * `abortAfter` bytes have gone out; resolves with the bytes sent.
 */
function patchAndDrop(as: TClient, location: string, file: string, offset: number, abortAfter: number) {
  return new Promise<number>((resolve) => {
    let sent = 0;
    const req = http.request(`${base}${location}`, {
      method: 'PATCH',
      headers: tusHeaders(as, {
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(SIZE - offset),
      }),
    });
    req.on('error', () => resolve(sent));
    const counter = new Transform({
      transform(chunk: Buffer, _e, callback) {
        sent += chunk.length;
        callback(null, chunk);
        if (sent >= abortAfter) {
          counter.unpipe(req);
          req.destroy(); // the connection drops mid-PATCH, as on a flaky provincial link
          setTimeout(() => resolve(sent), 0);
        }
      },
    });
    createReadStream(file, { start: offset }).pipe(counter).pipe(req);
  });
}

function rssMb(): number {
  return Math.round((process.memoryUsage().rss / MB) * 10) / 10;
}

beforeAll(async () => {
  h = await createHarness();
  await h.addUser({ email: 'cv@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  await h.addUser({ email: 'cv2@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  officer = await h.signIn('cv@laocai.vn');
  other = await h.signIn('cv2@laocai.vn');
  draft = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15' });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;

  // A 60 MB PDF written to disk in pieces, so neither the client nor the test holds it in memory.
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kc-tus-'));
  bigFile = path.join(tmp, 'ho-so-60mb.pdf');
  const hash = createHash('sha256');
  const head = Buffer.from('%PDF-1.7\n% Hồ sơ đề án quét 60 MB\n', 'utf8');
  const tail = Buffer.from('\ntrailer << >>\n%%EOF\n', 'latin1');
  let produced = 0;
  const body = SIZE - head.length - tail.length;
  async function* chunks() {
    hash.update(head);
    yield head;
    while (produced < body) {
      const piece = randomBytes(Math.min(MB, body - produced));
      produced += piece.length;
      hash.update(piece);
      yield piece;
    }
    hash.update(tail);
    yield tail;
  }
  await pipeline(chunks, createWriteStream(bigFile));
  bigSha = hash.digest('hex');
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('tus resumable upload', () => {
  it('a 60 MB upload dropped half-way resumes from the server’s offset and completes with the right SHA-256; memory stays flat', async () => {
    global.gc?.();
    const rssBefore = rssMb();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb());
    }, 50);

    const created = await create(officer, SIZE, {
      proposalId: draft.id,
      kind: 'project_document',
      filename: 'Hồ sơ đề án (bản quét).pdf',
    });
    expect(created.status, created.body).toBe(201);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/api\/v1\/uploads\/[0-9a-f]+$/);
    expect(created.headers['x-request-id']).toBeTruthy();

    // First attempt: the connection drops after about 30 MB.
    const sent = await patchAndDrop(officer, location, bigFile, 0, 30 * MB);
    expect(sent).toBeGreaterThanOrEqual(30 * MB);

    // The server kept what reached it, on disk. The client resumes against ANOTHER server instance on
    // the same data folder and database (a restart, or a second instance behind a load balancer): no
    // upload state lives in memory. HEAD says where to resume (it may take a moment to settle).
    const second = await buildApp(h.ctx, { serveWeb: false });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const secondBase = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    let offset = -1;
    for (let i = 0; i < 100; i++) {
      const state = await head(officer, location, secondBase);
      expect(state.status).toBe(200);
      const now = Number(state.headers['upload-offset']);
      if (now === offset && now > 0) break;
      offset = now;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(sent);
    expect(offset).toBeLessThan(SIZE);
    expect((await head(officer, location, secondBase)).headers['upload-length']).toBe(String(SIZE));
    // Nothing is a document yet.
    expect(
      await h.db.select().from(proposalDocuments).where(eq(proposalDocuments.proposalId, draft.id)),
    ).toHaveLength(0);

    // Second attempt: from the server's offset to the end.
    const finished = await request(
      'PATCH',
      location,
      tusHeaders(officer, {
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(SIZE - offset),
      }),
      createReadStream(bigFile, { start: offset }),
      secondBase,
    );
    clearInterval(sampler);
    await second.close();
    global.gc?.();
    const rssAfter = rssMb();
    expect(finished.status, finished.body).toBe(204);
    expect(finished.headers['upload-offset']).toBe(String(SIZE));
    const documentId = String(finished.headers['document-id']);

    const [row] = await h.db.select().from(proposalDocuments).where(eq(proposalDocuments.id, documentId));
    expect(row).toMatchObject({
      proposalId: draft.id,
      kind: 'project_document',
      size: SIZE,
      sha256: bigSha,
      contentType: 'application/pdf',
      fileName: 'Hồ sơ đề án (bản quét).pdf',
      version: 1,
    });
    // The stored file is the file, byte for byte (checked by hash, streaming).
    const stored = createHash('sha256');
    for await (const chunk of createReadStream(path.join(storageRoot(h), row!.storageKey)))
      stored.update(chunk);
    expect(stored.digest('hex')).toBe(bigSha);
    // The partial is gone; the upload URL no longer exists.
    expect(
      (await readdir(path.join(h.ctx.config.dataDir, 'uploads'))).filter((f) => !f.startsWith('.')),
    ).toEqual([]);
    expect((await head(officer, location)).status).toBe(404);
    const [audit] = await auditRows(h, 'document.uploaded', documentId);
    expect(audit!.after).toMatchObject({ via: 'tus', sha256: bigSha, size: SIZE });

    const resent = SIZE - offset;
    console.log(
      `tus 60 MB: dropped after ${(sent / MB).toFixed(1)} MB sent, server offset ${(offset / MB).toFixed(1)} MB, resumed with ${(resent / MB).toFixed(1)} MB; ` +
        `RSS of the test process (server + client) before ${rssBefore} MB, peak ${rssPeak} MB, after ${rssAfter} MB (growth ${(rssAfter - rssBefore).toFixed(1)} MB, peak growth ${(rssPeak - rssBefore).toFixed(1)} MB)`,
    );
    // Streaming: the 60 MB never sit in memory. Well under the file's size even counting GC lag.
    expect(rssPeak - rssBefore).toBeLessThan(40);
  }, 180_000);

  it('refuses Upload-Length above UPLOAD_MAX_BYTES with 413 payload_too_large before any byte', async () => {
    const response = await create(officer, h.ctx.config.uploadMaxBytes + 1, {
      proposalId: draft.id,
      kind: 'other',
      filename: 'x.pdf',
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'payload_too_large' });
  });

  it('checks the metadata before accepting: kind, proposal scope (404) and status (409)', async () => {
    const bad = await create(officer, 1000, { proposalId: draft.id, kind: 'passport', filename: 'x.pdf' });
    expect(bad.status).toBe(400);
    expect((await create(officer, 1000, { kind: 'other', filename: 'x.pdf' })).status).toBe(400);
    const bacNinh = await insertProposal(h, { orgKey: 'ttkc-24', provinceCode: '24' });
    const foreign = await create(officer, 1000, { proposalId: bacNinh.id, kind: 'other', filename: 'x.pdf' });
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body)).toMatchObject({ code: 'not_found' });
    const submitted = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15', status: 'submitted' });
    const locked = await create(officer, 1000, {
      proposalId: submitted.id,
      kind: 'other',
      filename: 'x.pdf',
    });
    expect(locked.status).toBe(409);
    expect(JSON.parse(locked.body)).toMatchObject({ code: 'invalid_transition' });
    // Deferred length is not accepted: the limit must be known up front.
    const deferred = await request(
      'POST',
      '/api/v1/uploads',
      tusHeaders(officer, {
        'upload-defer-length': '1',
        'upload-metadata': metadata({ proposalId: draft.id, kind: 'other', filename: 'x.pdf' }),
      }),
    );
    expect(deferred.status).toBeGreaterThanOrEqual(400);
    expect(await readdir(path.join(h.ctx.config.dataDir, 'uploads'))).toEqual([]);
  });

  it('needs a session and the CSRF token; an upload is its creator’s alone (404 for anyone else)', async () => {
    const anonymous = await request('POST', '/api/v1/uploads', {
      'tus-resumable': '1.0.0',
      'upload-length': '100',
    });
    expect(anonymous.status).toBe(401);
    const noCsrf = await request('POST', '/api/v1/uploads', {
      'tus-resumable': '1.0.0',
      'upload-length': '100',
      cookie: `kc_session=${officer.auth.cookie}`,
    });
    expect(noCsrf.status).toBe(403);
    expect(JSON.parse(noCsrf.body)).toMatchObject({ code: 'csrf_failed' });

    const created = await create(officer, 2048, { proposalId: draft.id, kind: 'other', filename: 'x.pdf' });
    const location = String(created.headers.location);
    expect((await head(other, location)).status).toBe(404);
    const hijack = await request(
      'PATCH',
      location,
      tusHeaders(other, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      pdf(2048),
    );
    expect(hijack.status).toBe(404);
    expect((await request('DELETE', location, tusHeaders(other))).status).toBe(404);
    expect((await head(officer, location)).headers['upload-offset']).toBe('0');
    expect((await request('DELETE', location, tusHeaders(officer))).status).toBe(204);
  });

  it('sniffs the completed file: an executable named .pdf is refused with 415 and its partial removed', async () => {
    const before = await storedFiles(h);
    const file = exe(64 * 1024);
    const created = await create(officer, file.length, {
      proposalId: draft.id,
      kind: 'other',
      filename: 'Thuyết minh.pdf',
    });
    const location = String(created.headers.location);
    const response = await request(
      'PATCH',
      location,
      tusHeaders(officer, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      file,
    );
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'unsupported_file_type' });
    expect(await storedFiles(h)).toEqual(before);
    expect((await head(officer, location)).status).toBe(404);
  });

  it('a small file in one PATCH becomes a new version of its kind', async () => {
    const file = pdf(100_000, 'tus nhỏ');
    const created = await create(officer, file.length, {
      proposalId: draft.id,
      kind: 'project_document',
      filename: 'v2.pdf',
    });
    const response = await request(
      'PATCH',
      String(created.headers.location),
      tusHeaders(officer, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      file,
    );
    expect(response.status).toBe(204);
    const [row] = await h.db
      .select()
      .from(proposalDocuments)
      .where(eq(proposalDocuments.id, String(response.headers['document-id'])));
    expect(row).toMatchObject({ version: 2, sha256: createHash('sha256').update(file).digest('hex') });
    expect(await readFile(path.join(storageRoot(h), row!.storageKey))).toEqual(file);
  });
});
