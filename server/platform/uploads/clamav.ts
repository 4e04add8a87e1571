import { createReadStream } from 'node:fs';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';

/**
 * Optional antivirus scan of uploads through `clamd` (R5, ASVS 5.4.3), with the INSTREAM command of
 * its TCP protocol: `zINSTREAM\0`, then chunks each preceded by its length (4 bytes, big-endian), then a
 * zero length; clamd answers `stream: OK` or `stream: <signature> FOUND`. Enabled by `CLAMAV_HOST`
 * (and `CLAMAV_PORT`, 3310 by default); a scanner that cannot be reached refuses the upload (fail
 * closed) rather than storing an unscanned file.
 */
export type TScanVerdict = { clean: true } | { clean: false; signature: string };
export type TVirusScanner = { scan(body: Readable): Promise<TScanVerdict> };

const CHUNK = 64 * 1024;

export function clamdScanner(options: { host: string; port: number; timeoutMs?: number }): TVirusScanner {
  return {
    scan: (body) =>
      new Promise<TScanVerdict>((resolve, reject) => {
        const socket = net.connect({ host: options.host, port: options.port });
        let answer = '';
        let settled = false;
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          body.destroy();
          reject(error);
        };
        socket.setTimeout(options.timeoutMs ?? 30_000, () => fail(new Error('clamd: timeout')));
        socket.on('error', fail);
        socket.on('data', (data) => {
          answer += data.toString('utf8');
        });
        socket.on('close', () => {
          if (settled) return;
          settled = true;
          const text = answer.replace(/\0/g, '').trim();
          const found = /^stream: (.+) FOUND$/.exec(text);
          if (found) resolve({ clean: false, signature: found[1]! });
          else if (text === 'stream: OK') resolve({ clean: true });
          else reject(new Error(`clamd: unexpected answer ${JSON.stringify(text)}`));
        });
        socket.once('connect', async () => {
          try {
            socket.write('zINSTREAM\0');
            for await (const piece of body) {
              const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as string);
              for (let offset = 0; offset < buffer.length; offset += CHUNK) {
                const slice = buffer.subarray(offset, offset + CHUNK);
                const length = Buffer.alloc(4);
                length.writeUInt32BE(slice.length);
                if (!socket.write(Buffer.concat([length, slice]))) {
                  await new Promise<void>((r) => socket.once('drain', () => r()));
                }
              }
            }
            socket.end(Buffer.alloc(4));
          } catch (error) {
            fail(error as Error);
          }
        });
      }),
  };
}

/** The scanner named by the configuration, or null when scanning is off. */
export function virusScannerFor(config: { clamavHost?: string; clamavPort?: number }): TVirusScanner | null {
  return config.clamavHost
    ? clamdScanner({ host: config.clamavHost, port: config.clamavPort ?? 3310 })
    : null;
}

/**
 * For uploads that are parsed rather than stored (the .xlsx imports, R5): scans a temporary file and
 * throws 422 malware_detected, or 503 scan_unavailable when clamd does not answer. No-op when off.
 */
export async function assertCleanFile(scanner: TVirusScanner | null, file: string): Promise<void> {
  if (!scanner) return;
  const verdict = await scanner.scan(createReadStream(file)).catch(() => {
    throw new AppError('scan_unavailable');
  });
  if (!verdict.clean) throw new AppError('malware_detected', { reason: verdict.signature });
}
