import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalDocuments } from '../../db/schema';
import { sniffFile } from '../../platform/uploads/sniff';
import { createHarness, expectProblem, type TClient, type THarness } from '../../test/harness';
import { docx, exe, hostileCorpus, jpeg, pdf, png, readZipEntry, xlsx } from '../../test/sample-files';
import { tokenClient } from '../../test/workflow-support';
import { auditRows, insertProposal, storageRoot, storedFiles, uploadAs } from './test-support';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const LIMIT = 2 * 1024 * 1024;

let h: THarness;
let laoCai: TClient; // province officer of Lào Cai (15), cookie session + CSRF
let laoCaiCentre: TClient; // unit officer of Lào Cai's extension centre, which implements the proposals
let bacNinh: TClient; // province officer of Bắc Ninh (24)
let bacNinhCentre: TClient;
let agency: TClient;
let auditor: TClient;
let draft: { id: string; code: string };
let bacNinhDraft: { id: string; code: string };

beforeAll(async () => {
  h = await createHarness({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
  await h.addUser({ email: 'cv@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  await h.addUser({ email: 'tt@laocai.vn', orgKey: 'ttkc-15', roles: ['unit_officer'] });
  await h.addUser({ email: 'cv@bacninh.vn', orgKey: 'so-ct-24', roles: ['province_officer'] });
  await h.addUser({ email: 'tt@bacninh.vn', orgKey: 'ttkc-24', roles: ['unit_officer'] });
  await h.addUser({ email: 'cv@cuc.vn', orgKey: 'agency', roles: ['agency_officer'] });
  await h.addUser({ email: 'tt@cuc.vn', orgKey: 'agency', roles: ['auditor'] });
  laoCai = await h.signIn('cv@laocai.vn');
  laoCaiCentre = await tokenClient(h, 'tt@laocai.vn');
  bacNinh = await h.signIn('cv@bacninh.vn');
  bacNinhCentre = await tokenClient(h, 'tt@bacninh.vn');
  agency = await h.signIn('cv@cuc.vn');
  auditor = await h.signIn('tt@cuc.vn');
  draft = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15' });
  bacNinhDraft = await insertProposal(h, { orgKey: 'ttkc-24', provinceCode: '24' });
});
afterAll(() => h?.close());

describe('multipart upload', () => {
  it('stores the file under a generated key, answers 201 with its SHA-256, and audits it', async () => {
    const file = pdf(50_000, 'Thuyết minh');
    const response = await uploadAs(h, laoCai, draft.id, {
      kind: 'project_document',
      fileName: 'Thuyết minh đề án chè Shan tuyết.pdf',
      data: file,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'project_document',
      fileName: 'Thuyết minh đề án chè Shan tuyết.pdf',
      size: file.length,
      sha256: sha256(file),
      version: 1,
      contentType: 'application/pdf',
      uploadedAt: h.clock.now().toISOString(),
      supersededAt: null,
    });
    const [row] = await h.db.select().from(proposalDocuments).where(eq(proposalDocuments.id, body.id));
    expect(row!.storageKey).toMatch(/^documents\/2026\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(row!.storageKey).not.toContain('Thuy');
    // The bytes in storage are the bytes sent.
    const stored = await readFile(path.join(storageRoot(h), row!.storageKey));
    expect(sha256(stored)).toBe(sha256(file));
    const [audit] = await auditRows(h, 'document.uploaded', body.id);
    expect(audit).toMatchObject({
      actorLabel: 'cv@laocai.vn',
      provinceCode: '15',
      entityType: 'proposal_document',
    });
    expect(audit!.after).toMatchObject({
      sha256: sha256(file),
      version: 1,
      kind: 'project_document',
      via: 'multipart',
    });
  });

  it('decides the type from the content, not from the declared type or the name', async () => {
    const cases = [
      {
        data: docx(),
        name: 'du-toan.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      {
        data: xlsx(),
        name: 'Dự toán kinh phí.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      { data: jpeg(), name: 'anh.jpg', type: 'image/jpeg' },
      { data: png(), name: 'so-do.png', type: 'image/png' },
    ];
    for (const c of cases) {
      const response = await uploadAs(h, laoCaiCentre, draft.id, {
        kind: 'other',
        fileName: c.name,
        data: c.data,
        contentType: 'application/pdf', // a lie the server ignores
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        contentType: c.type,
        fileName: c.name,
        sha256: sha256(c.data),
      });
    }
  });

  it('keeps versions: a new upload of a kind supersedes the old one, which is kept', async () => {
    const first = pdf(3000, 'v1');
    const second = pdf(4000, 'v2');
    const one = (
      await uploadAs(h, laoCai, draft.id, { kind: 'cost_estimate', fileName: 'Dự toán.pdf', data: first })
    ).json();
    const two = (
      await uploadAs(h, laoCai, draft.id, {
        kind: 'cost_estimate',
        fileName: 'Dự toán (sửa).pdf',
        data: second,
      })
    ).json();
    expect([one.version, two.version]).toEqual([1, 2]);

    const list = await laoCai.get(`/api/v1/proposals/${draft.id}/documents`);
    expect(list.statusCode).toBe(200);
    const { current, history, canUpload, maxBytes } = list.json();
    expect(canUpload).toBe(true);
    expect(maxBytes).toBe(LIMIT);
    const currentCost = current.filter((d: { kind: string }) => d.kind === 'cost_estimate');
    expect(currentCost).toHaveLength(1);
    expect(currentCost[0]).toMatchObject({
      id: two.id,
      version: 2,
      supersededAt: null,
      sha256: sha256(second),
    });
    const old = history.find((d: { id: string }) => d.id === one.id);
    expect(old).toMatchObject({
      version: 1,
      supersededAt: h.clock.now().toISOString(),
      sha256: sha256(first),
    });
    // The old version's content is still downloadable.
    const download = await laoCai.get(`/api/v1/documents/${one.id}/content`);
    expect(download.rawPayload).toEqual(first);
  });

  it('accepts `?kind=` for clients that send the file first, and refuses a missing or unknown kind', async () => {
    const viaQuery = await uploadAs(
      h,
      laoCai,
      draft.id,
      { fileName: 'cv.pdf', data: pdf() },
      { query: '?kind=request_letter' },
    );
    expect(viaQuery.statusCode).toBe(201);
    expect(viaQuery.json().kind).toBe('request_letter');
    const missing = expectProblem(
      await uploadAs(h, laoCai, draft.id, { fileName: 'x.pdf', data: pdf() }),
      400,
      'validation_failed',
    );
    expect(missing).toMatchObject({ errors: [{ path: 'kind', code: 'required' }] });
    expectProblem(
      await uploadAs(h, laoCai, draft.id, { kind: 'passport', fileName: 'x.pdf', data: pdf() }),
      400,
      'validation_failed',
    );
  });
});

describe('download', () => {
  it('serves an attachment with the Vietnamese name, nosniff and the stored type, and audits it', async () => {
    const file = pdf(10_000, 'Công văn');
    // A document number has a slash (123/SCT-QLCN): a path separator for any file system, so only the
    // last segment is kept.
    const name = 'Công văn đề nghị số 123/SCT-QLCN (gấp) đợt 1.pdf';
    const uploaded = (
      await uploadAs(h, laoCai, draft.id, { kind: 'request_letter', fileName: name, data: file })
    ).json();
    expect(uploaded.fileName).toBe('SCT-QLCN (gấp) đợt 1.pdf');

    const response = await laoCai.get(`/api/v1/documents/${uploaded.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-length']).toBe(String(file.length));
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="SCT-QLCN (gap) dot 1.pdf"; filename*=UTF-8''SCT-QLCN%20%28g%E1%BA%A5p%29%20%C4%91%E1%BB%A3t%201.pdf`,
    );
    expect(String(response.headers['content-security-policy'])).toContain('sandbox');
    expect(response.rawPayload).toEqual(file);
    expect(sha256(response.rawPayload)).toBe(uploaded.sha256);
    const audits = await auditRows(h, 'document.downloaded', uploaded.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorLabel: 'cv@laocai.vn', provinceCode: '15' });
  });

  it('the agency reads every province; an auditor too', async () => {
    const list = await agency.get(`/api/v1/proposals/${draft.id}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().canUpload).toBe(false);
    const id = list.json().current[0].id;
    expect((await auditor.get(`/api/v1/documents/${id}/content`)).statusCode).toBe(200);
  });
});

describe('refusals', () => {
  it('refuses a Windows executable renamed .pdf with 415 unsupported_file_type, storing nothing', async () => {
    const before = await storedFiles(h);
    const rowsBefore = await h.db.select().from(proposalDocuments);
    const response = await uploadAs(h, laoCai, draft.id, {
      kind: 'project_document',
      fileName: 'Thuyết minh.pdf',
      data: exe(),
      contentType: 'application/pdf',
    });
    expectProblem(response, 415, 'unsupported_file_type');
    expect(await storedFiles(h)).toEqual(before);
    expect(await h.db.select().from(proposalDocuments)).toHaveLength(rowsBefore.length);
  });

  it('refuses the whole hostile corpus (polyglots, zip bombs, plain archives, scripts)', async () => {
    const before = await storedFiles(h);
    for (const [label, data] of Object.entries(hostileCorpus())) {
      const response = await uploadAs(h, laoCai, draft.id, { kind: 'other', fileName: `${label}.pdf`, data });
      expect(response.statusCode, `${label}: ${response.body}`).toBe(415);
      expect(response.json().code).toBe('unsupported_file_type');
    }
    expect(await storedFiles(h)).toEqual(before);
  });

  it('refuses an over-limit upload with 413 payload_too_large: no row, no file, no partial', async () => {
    const before = await storedFiles(h);
    const rowsBefore = await h.db.select().from(proposalDocuments);
    const response = await uploadAs(h, laoCai, draft.id, {
      kind: 'project_document',
      fileName: 'quá lớn.pdf',
      data: pdf(LIMIT + 100_000),
    });
    expectProblem(response, 413, 'payload_too_large');
    expect(await storedFiles(h)).toEqual(before);
    expect(await h.db.select().from(proposalDocuments)).toHaveLength(rowsBefore.length);
    // One byte under the limit passes.
    const fits = await uploadAs(h, laoCai, draft.id, {
      kind: 'other',
      fileName: 'vừa.pdf',
      data: pdf(LIMIT),
    });
    expect(fits.statusCode).toBe(201);
  });

  it('stores hostile names safely: no path, no control characters, never used as the storage key', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd.pdf'],
      ['..\\..\\Windows\\System32\\drivers\\etc\\hosts.pdf', 'hosts.pdf'],
      ['/var/lib/khuyencong/data/files/x.pdf', 'x.pdf'],
      ['bao\u0001cao\u001b[2J\u007f.pdf', 'baocao[2J.pdf'],
      ['hoa-don\u202Efdp.exe', 'hoa-donfdp.exe.pdf'],
      ['%2e%2e%2fsecret.pdf', '%2e%2e%2fsecret.pdf'],
    ];
    for (const [raw, expected] of cases) {
      const response = await uploadAs(h, laoCai, draft.id, { kind: 'other', fileName: raw, data: pdf() });
      expect(response.statusCode, raw).toBe(201);
      expect(response.json().fileName).toBe(expected);
    }
    const files = await storedFiles(h);
    expect(files.every((f) => /^documents\/2026\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(f))).toBe(true);
    expect(await readFile('/etc/passwd', 'utf8')).toContain('root:');
  });

  it('answers 409 invalid_transition once the dossier is submitted, and accepts it again when returned', async () => {
    const submitted = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15', status: 'submitted' });
    const refused = await uploadAs(h, laoCai, submitted.id, {
      kind: 'other',
      fileName: 'x.pdf',
      data: pdf(),
    });
    expectProblem(refused, 409, 'invalid_transition');
    expect((await laoCai.get(`/api/v1/proposals/${submitted.id}/documents`)).json().canUpload).toBe(false);
    for (const status of ['registered', 'base_appraised', 'returned']) {
      const p = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15', status });
      const ok = await uploadAs(h, laoCai, p.id, { kind: 'other', fileName: 'x.pdf', data: pdf() });
      expect(ok.statusCode, status).toBe(201);
    }
  });
});

describe('province scope: another province’s proposal answers 404, like a missing one', () => {
  let laoCaiDocument: string;
  beforeAll(async () => {
    laoCaiDocument = (
      await uploadAs(h, laoCai, draft.id, { kind: 'other', fileName: 'a.pdf', data: pdf() })
    ).json().id;
  });

  it('for upload, list, download and receipt', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const other of [bacNinh, bacNinhCentre]) {
      const upload = expectProblem(
        await uploadAs(h, other, draft.id, { kind: 'other', fileName: 'x.pdf', data: pdf() }),
        404,
        'not_found',
      );
      const uploadMissing = expectProblem(
        await uploadAs(h, other, missing, { kind: 'other', fileName: 'x.pdf', data: pdf() }),
        404,
        'not_found',
      );
      expect({ ...upload, requestId: null }).toEqual({ ...uploadMissing, requestId: null });
      expectProblem(await other.get(`/api/v1/proposals/${draft.id}/documents`), 404, 'not_found');
      expectProblem(await other.get(`/api/v1/documents/${laoCaiDocument}/content`), 404, 'not_found');
      expectProblem(await other.get(`/api/v1/proposals/${draft.id}/receipt`), 404, 'not_found');
      expectProblem(await other.get(`/api/v1/proposals/${draft.id}/receipt.docx`), 404, 'not_found');
    }
    expect(await auditRows(h, 'document.downloaded', laoCaiDocument)).toHaveLength(0);
  });

  it('a unit sees only its own organisation’s proposals, even in its province', async () => {
    const departmentOwn = await insertProposal(h, { orgKey: 'so-ct-15', provinceCode: '15' });
    expectProblem(
      await uploadAs(h, laoCaiCentre, departmentOwn.id, { kind: 'other', fileName: 'x.pdf', data: pdf() }),
      404,
      'not_found',
    );
    expect(
      (await uploadAs(h, laoCai, departmentOwn.id, { kind: 'other', fileName: 'x.pdf', data: pdf() }))
        .statusCode,
    ).toBe(201);
  });

  it('the agency may read but not upload (403: no write permission)', async () => {
    expectProblem(
      await uploadAs(h, agency, bacNinhDraft.id, { kind: 'other', fileName: 'x.pdf', data: pdf() }),
      403,
      'forbidden',
    );
  });

  it('uploads need a session and, with a cookie, the CSRF token', async () => {
    expectProblem(
      await uploadAs(h, h.anonymous, draft.id, { kind: 'other', fileName: 'x.pdf', data: pdf() }),
      401,
      'unauthenticated',
    );
    const noCsrf = { ...laoCai, auth: { cookie: laoCai.auth.cookie } };
    expectProblem(
      await uploadAs(h, noCsrf as TClient, draft.id, { kind: 'other', fileName: 'x.pdf', data: pdf() }),
      403,
      'csrf_failed',
    );
  });
});

describe('receipt (phiếu tiếp nhận hồ sơ)', () => {
  it('lists every current document with kind label, name, size, SHA-256 and time, and the server time', async () => {
    const p = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15', title: 'Hỗ trợ máy sấy chè' });
    const a = pdf(5000, 'a');
    const b = docx('b');
    await uploadAs(h, laoCai, p.id, {
      kind: 'request_letter',
      fileName: 'Công văn.pdf',
      data: pdf(5000, 'old'),
    });
    await uploadAs(h, laoCai, p.id, { kind: 'request_letter', fileName: 'Công văn.pdf', data: a });
    await uploadAs(h, laoCai, p.id, { kind: 'project_document', fileName: 'Thuyết minh.docx', data: b });
    const response = await laoCai.get(`/api/v1/proposals/${p.id}/receipt`);
    expect(response.statusCode).toBe(200);
    const receipt = response.json();
    expect(receipt.proposal).toMatchObject({
      id: p.id,
      code: p.code,
      title: 'Hỗ trợ máy sấy chè',
      provinceCode: '15',
    });
    expect(receipt.serverTime).toBe(h.clock.now().toISOString());
    expect(receipt.documents).toHaveLength(2);
    expect(receipt.documents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'request_letter',
          kindLabel: 'Công văn đề nghị',
          version: 2,
          sha256: sha256(a),
          size: a.length,
        }),
        expect.objectContaining({
          kind: 'project_document',
          kindLabel: 'Thuyết minh đề án',
          sha256: sha256(b),
          fileName: 'Thuyết minh.docx',
        }),
      ]),
    );
    expect(receipt.totalSize).toBe(a.length + b.length);
    const english = await h.app.inject({
      method: 'GET',
      url: `/api/v1/proposals/${p.id}/receipt`,
      cookies: { kc_session: laoCai.auth.cookie! },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().documents.map((d: { kindLabel: string }) => d.kindLabel)).toContain(
      'Project document',
    );
  });

  it('downloads as a real Word file with the title, the code, the hashes and Vietnam time', async () => {
    const p = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15', title: 'Đề án chế biến chè' });
    const file = pdf(7000, 'receipt');
    await uploadAs(h, laoCai, p.id, { kind: 'cost_estimate', fileName: 'Dự toán.pdf', data: file });
    const response = await laoCai.get(`/api/v1/proposals/${p.id}/receipt.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toContain(
      `filename="Phieu tiep nhan ho so ${p.code}.docx"`,
    );
    const docxFile = response.rawPayload;
    // Our own sniffer takes it for a DOCX, as Word would.
    expect(await sniffFile(docxFile.length, async (s, e) => docxFile.subarray(s, e))).toEqual({
      ok: true,
      type: 'docx',
    });
    const xml = readZipEntry(docxFile, 'word/document.xml')!.toString('utf8');
    expect(xml).toContain('PHIẾU TIẾP NHẬN HỒ SƠ');
    expect(xml).toContain(p.code);
    expect(xml).toContain('Đề án chế biến chè');
    const hash = sha256(file);
    expect(xml).toContain(hash.slice(0, 32));
    expect(xml).toContain(hash.slice(32));
    expect(xml).toContain('Dự toán kinh phí (Mẫu số 1)');
    // 2026-03-02T02:00:00Z is 09:00 in Vietnam.
    expect(xml).toContain('02/03/2026 09:00');
    expect(await auditRows(h, 'document.receipt_exported', p.id)).toHaveLength(1);
  });
});
