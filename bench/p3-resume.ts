import net from 'node:net';
import { Upload } from 'tus-js-client';
import type { TFigure } from './lib/report';
import type { TBenchRuntime } from './lib/runtime';
import { freePort, startApp } from './lib/server';
import { api, prepareWriteWorld, rushDraft } from './lib/world';

const MB = 1024 * 1024;
/** The browser's tus chunk size (web/features/documents/documents.api.ts). */
const CHUNK = 5 * MB;
const SIZE = 30 * MB;

/** A TCP proxy that counts the bytes clients send and can drop every connection, like a flaky link. */
async function countingProxy(target: URL) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let upstreamBytes = 0;
  let onBytes: (total: number) => void = () => {};
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      upstreamBytes += chunk.length;
      onBytes(upstreamBytes);
    });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => upstreamBytes,
    whenBytes(threshold: number, action: () => void) {
      onBytes = (total) => {
        if (total >= threshold) {
          onBytes = () => {};
          action();
        }
      };
    },
    dropAll() {
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function pdf(size: number): Buffer {
  const buffer = Buffer.alloc(size, 0x20);
  buffer.write('%PDF-1.7\n% Hồ sơ quét\n', 0, 'utf8');
  buffer.write('\n%%EOF\n', size - 7, 'latin1');
  return buffer;
}

/**
 * P3: a 30 MB dossier sent with tus in 5 MB chunks (as the browser does) through a proxy that drops
 * the connection in the middle of the third chunk; the client resumes from the server's offset.
 * Figure: bytes sent beyond the file's size (re-sent bytes plus request headers). Target ≤ one chunk.
 */
export async function benchmarkResume(runtime: TBenchRuntime): Promise<TFigure[]> {
  const world = await prepareWriteWorld(runtime);
  const app = await startApp(runtime.database.url);
  const proxy = await countingProxy(new URL(app.url));
  try {
    const province = world[0]!;
    const created = await api(
      app.url,
      province.officer,
      'POST',
      '/api/v1/proposals',
      rushDraft(province.departmentId, 999_001),
    );
    if (created.status !== 201)
      throw new Error(`P3 create: ${created.status} ${JSON.stringify(created.body)}`);
    const file = pdf(SIZE);
    const options = {
      endpoint: `${proxy.url}/api/v1/uploads`,
      chunkSize: CHUNK,
      retryDelays: [] as number[],
      headers: { authorization: `Bearer ${province.officer}` },
      metadata: {
        proposalId: created.body.id as string,
        kind: 'project_document',
        filename: 'Hồ sơ đề án.pdf',
      },
    };
    let uploadUrl: string | null = null;
    await new Promise<void>((resolve) => {
      const upload = new Upload(file, {
        ...options,
        onUploadUrlAvailable: () => {
          uploadUrl = upload.url;
        },
        onError: () => resolve(),
        onSuccess: () => resolve(),
      });
      proxy.whenBytes(2 * CHUNK + CHUNK / 2, () => proxy.dropAll());
      upload.start();
    });
    if (!uploadUrl) throw new Error('P3: the upload was not created');
    const sentBeforeDrop = proxy.bytes();
    await new Promise<void>((resolve, reject) => {
      const upload = new Upload(file, { ...options, uploadUrl, onError: reject, onSuccess: () => resolve() });
      upload.start();
    });
    const extra = proxy.bytes() - SIZE;
    return [
      {
        id: 'P3',
        name: 'resumable upload: bytes re-sent after a dropped connection',
        value: extra / MB,
        unit: 'MB',
        floor: CHUNK / MB,
        floorName: 'one tus chunk',
        ratio: extra / CHUNK,
        target: '≤ one chunk',
        pass: extra <= CHUNK,
        details: { fileBytes: SIZE, sentBeforeDrop, totalSent: proxy.bytes() },
      },
    ];
  } finally {
    await proxy.close();
    await app.stop();
  }
}
