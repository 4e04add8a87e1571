import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalDocuments, proposals, typicalProductCertificates } from '../db/schema';
import { insertProposal, storedFiles, uploadAs } from '../modules/documents/test-support';
import { certificatePayload, postFile } from '../modules/typical-products/test-support';
import { clamdScanner } from '../platform/uploads/clamav';
import { createHarness, expectProblem, type TClient, type THarness } from '../test/harness';
import { exe, hostileCorpus, makeZip, pdf } from '../test/sample-files';

/**
 * R5: one corpus of hostile uploads through the real multipart route — renamed executables, polyglots,
 * zip bombs (also named .xlsx and .docx), plain archives, scripts, empty and truncated files, each under
 * three declared names and types — all refused with 415 and nothing stored; oversized files 413;
 * hostile names (path traversal, control and bidi characters) never reach a path. Then, when clamd is
 * installed, a real clamd with a test signature database (EICAR) scans uploads: the EICAR string inside
 * an otherwise valid PDF is refused with 422 malware_detected.
 */
const LIMIT = 1024 * 1024;
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const CLAMD = '/usr/sbin/clamd';

let h: THarness;
let officer: TClient;
let draft: { id: string };

beforeAll(async () => {
  h = await createHarness({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
  await h.addUser({ email: 'cv@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
  officer = await h.signIn('cv@laocai.vn');
  draft = await insertProposal(h, { orgKey: 'ttkc-15', provinceCode: '15' });
}, 120_000);
afterAll(() => h?.close());

/** The corpus: every hostile content under the names and types an attacker would give it. */
function corpus(): { label: string; fileName: string; contentType: string; data: Buffer }[] {
  const contents: Record<string, Buffer> = {
    ...hostileCorpus(),
    'zip bomb named as a spreadsheet': makeZip([
      {
        name: '[Content_Types].xml',
        data: Buffer.from('<Types><Override PartName="/xl/workbook.xml"/></Types>'),
      },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/zeros.bin', data: Buffer.alloc(48 * 1024 * 1024), deflate: true },
    ]),
    'ELF executable': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]),
    'Windows shortcut (LNK)': Buffer.concat([
      Buffer.from([0x4c, 0, 0, 0, 1, 0x14, 2, 0]),
      Buffer.alloc(2048),
    ]),
    'SVG with a script': Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    'executable after a PDF header line': Buffer.concat([Buffer.from('%PDF-1.7\n'), exe(2048)]),
  };
  const disguises = [
    { suffix: '.pdf', contentType: 'application/pdf' },
    { suffix: '.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    {
      suffix: '.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  ];
  return Object.entries(contents).flatMap(([label, data]) =>
    disguises.map((d) => ({
      label: `${label} as ${d.suffix}`,
      fileName: `tai-lieu${d.suffix}`,
      contentType: d.contentType,
      data,
    })),
  );
}

describe('hostile uploads (R5)', () => {
  it('refuses the whole corpus with 415 and stores nothing', async () => {
    const before = await storedFiles(h);
    const rows = (await h.db.select().from(proposalDocuments)).length;
    let refused = 0;
    const cases = corpus();
    for (const file of cases) {
      const response = await uploadAs(h, officer, draft.id, { kind: 'other', ...file });
      expect(response.statusCode, `${file.label}: ${response.body}`).toBe(415);
      expectProblem(response, 415, 'unsupported_file_type');
      refused++;
    }
    expect(await storedFiles(h)).toEqual(before);
    expect(await h.db.select().from(proposalDocuments)).toHaveLength(rows);
    console.log(`R5 corpus: ${refused} of ${cases.length} hostile files refused (415), 0 stored`);
    expect(refused).toBe(cases.length);
  }, 300_000);

  it('refuses oversized files while streaming (413), valid PDF or not', async () => {
    const before = await storedFiles(h);
    for (const data of [pdf(LIMIT + 1), Buffer.concat([exe(LIMIT)]), Buffer.alloc(LIMIT * 3, 0x25)]) {
      const response = await uploadAs(h, officer, draft.id, { kind: 'other', fileName: 'lon.pdf', data });
      expect([413, 415]).toContain(response.statusCode);
      expect(['payload_too_large', 'unsupported_file_type']).toContain(response.json().code);
    }
    expect(await storedFiles(h)).toEqual(before);
  });

  it('hostile names never reach a path: stored under generated keys, shown sanitised', async () => {
    const names = [
      '../../../../etc/passwd.pdf',
      '..\\..\\windows\\system32\\cmd.pdf',
      'a\u0000b.pdf',
      'bao-cao\u202Efdp.exe',
      'CON.pdf',
      '/absolute/path.pdf',
      `${'dài'.repeat(200)}.pdf`,
    ];
    for (const fileName of names) {
      const response = await uploadAs(h, officer, draft.id, { kind: 'other', fileName, data: pdf() });
      expect(response.statusCode, `${JSON.stringify(fileName)}: ${response.body}`).toBe(201);
      const stored = response.json() as { fileName: string };
      expect([...stored.fileName].some((c) => c === '/' || c === '\\' || c < ' ' || c === '\u202e')).toBe(
        false,
      );
      expect(stored.fileName.length).toBeLessThanOrEqual(255);
    }
    for (const key of await storedFiles(h))
      expect(key).toMatch(/^documents\/\d{4}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    console.log(
      `R5 names: ${names.length} hostile names neutralised (generated storage keys, sanitised display names)`,
    );
  });
});

describe('antivirus through clamd (R5, optional)', () => {
  let clamd: ChildProcess | null = null;
  let dir = '';
  let port = 0;

  beforeAll(async () => {
    if (!existsSync(CLAMD)) return;
    dir = await mkdtemp(path.join(os.tmpdir(), 'kc-clamd-'));
    await mkdir(path.join(dir, 'db'));
    // A private signature database: the EICAR test string anywhere in a file (no freshclam needed).
    await writeFile(
      path.join(dir, 'db', 'khuyencong-test.ndb'),
      `Khuyencong-Test-EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`,
    );
    port = await freePort();
    await writeFile(
      path.join(dir, 'clamd.conf'),
      [
        `DatabaseDirectory ${path.join(dir, 'db')}`,
        `TCPSocket ${port}`,
        'TCPAddr 127.0.0.1',
        'Foreground yes',
        `PidFile ${path.join(dir, 'clamd.pid')}`,
        `TemporaryDirectory ${dir}`,
      ].join('\n'),
    );
    clamd = spawn(CLAMD, ['-c', path.join(dir, 'clamd.conf')], { stdio: 'ignore' });
    const until = Date.now() + 90_000;
    while (Date.now() < until && !(await answers(port))) await new Promise((r) => setTimeout(r, 500));
  }, 120_000);

  afterAll(async () => {
    clamd?.kill('SIGTERM');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the EICAR string inside a PDF, passes a clean PDF, and the upload route refuses the infected one', async (ctx) => {
    if (!clamd) {
      console.log(`R5 ClamAV: skipped — ${CLAMD} is not installed (apt-get install clamav-daemon)`);
      ctx.skip();
      return;
    }
    const scanner = clamdScanner({ host: '127.0.0.1', port });
    const infected = Buffer.concat([
      Buffer.from('%PDF-1.4\n% '),
      Buffer.from(EICAR),
      Buffer.from('\n%%EOF\n'),
    ]);
    expect(await scanner.scan(Readable.from([infected]))).toEqual({
      clean: false,
      signature: 'Khuyencong-Test-EICAR.UNOFFICIAL',
    });
    expect(await scanner.scan(Readable.from([pdf()]))).toEqual({ clean: true });

    const scanned = await createHarness({ env: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port) } });
    try {
      await scanned.addUser({ email: 'cv@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
      const as = await scanned.signIn('cv@laocai.vn');
      const target = await insertProposal(scanned, { orgKey: 'ttkc-15', provinceCode: '15' });
      const refused = await uploadAs(scanned, as, target.id, {
        kind: 'other',
        fileName: 'eicar.pdf',
        data: infected,
      });
      expectProblem(refused, 422, 'malware_detected');
      expect(await storedFiles(scanned)).toEqual([]);
      const clean = await uploadAs(scanned, as, target.id, {
        kind: 'other',
        fileName: 'sach.pdf',
        data: pdf(),
      });
      expect(clean.statusCode).toBe(201);
      console.log('R5 ClamAV: EICAR in a PDF refused (422 malware_detected), clean PDF stored');
    } finally {
      await scanned.close();
    }
  }, 120_000);

  it('every other upload path is scanned too: the certificate scan and both .xlsx imports', async (ctx) => {
    if (!clamd) {
      ctx.skip();
      return;
    }
    const infectedPdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n% '),
      Buffer.from(EICAR),
      Buffer.from('\n%%EOF\n'),
    ]);
    // A real .xlsx (a ZIP, deflated) with the EICAR string in a cell: clamd unpacks it.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Danh sách').addRow(['Ghi chú', EICAR]);
    const infectedXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const scanned = await createHarness({ env: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port) } });
    try {
      await scanned.addUser({ email: 'cv@cuc.vn', orgKey: 'agency', roles: ['agency_officer'] });
      await scanned.addUser({ email: 'cv@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] });
      const agency = await scanned.signIn('cv@cuc.vn');
      const province = await scanned.signIn('cv@laocai.vn');
      const cert = await agency.post('/api/v1/typical-products', certificatePayload());
      expect(cert.statusCode, cert.body).toBe(201);
      const scanUrl = `/api/v1/typical-products/${cert.json().id}/scan`;
      const certificates = async () =>
        (await scanned.db.select({ n: count() }).from(typicalProductCertificates))[0]!.n;
      const proposalCount = async () => (await scanned.db.select({ n: count() }).from(proposals))[0]!.n;
      const before = { certificates: await certificates(), proposals: await proposalCount() };

      expectProblem(
        await postFile(scanned, agency, scanUrl, { fileName: 'gcn.pdf', data: infectedPdf }),
        422,
        'malware_detected',
      );
      expect(await storedFiles(scanned)).toEqual([]);
      expect((await agency.get(scanUrl)).statusCode).toBe(404);
      expectProblem(
        await postFile(scanned, agency, '/api/v1/typical-products/import', {
          fileName: 'danh-sach.xlsx',
          data: infectedXlsx,
        }),
        422,
        'malware_detected',
      );
      expectProblem(
        await postFile(scanned, province, '/api/v1/proposals/import?planYear=2026&dryRun=false', {
          fileName: 'dang-ky.xlsx',
          data: infectedXlsx,
        }),
        422,
        'malware_detected',
      );
      expect({ certificates: await certificates(), proposals: await proposalCount() }).toEqual(before);
      // The clean scan still goes through.
      const clean = await postFile(scanned, agency, scanUrl, { fileName: 'gcn.pdf', data: pdf() });
      expect(clean.statusCode, clean.body).toBe(200);
      console.log('R5 ClamAV: certificate scan and both .xlsx imports refuse EICAR (422 malware_detected)');
    } finally {
      await scanned.close();
    }
  }, 120_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** clamd answers PING with PONG once its database is loaded. */
async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write('zPING\0'));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().includes('PONG'));
    });
    socket.on('error', () => resolve(false));
  });
}
