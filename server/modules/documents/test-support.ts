import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditEvents, cycles, proposals, regulationSets } from '../../db/schema';
import type { TClient, THarness } from '../../test/harness';

/**
 * Proposals for the document tests, inserted directly (with a cycle on a seeded regulation set), so
 * these tests do not depend on the proposals API.
 */
export async function insertProposal(
  h: THarness,
  input: { orgKey: string; provinceCode: string; status?: string; title?: string },
): Promise<{ id: string; code: string }> {
  let [cycle] = await h.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.planYear, 2026)).limit(1);
  if (!cycle) {
    const [set] = await h.db.select({ id: regulationSets.id }).from(regulationSets).limit(1);
    if (!set) throw new Error('no regulation set seeded');
    [cycle] = await h.db
      .insert(cycles)
      .values({
        planYear: 2026,
        status: 'open',
        registrationDeadline: new Date('2025-06-20T16:59:59.999Z'),
        dossierDeadline: new Date('2025-09-30T16:59:59.999Z'),
        regulationSetId: set.id,
      })
      .returning({ id: cycles.id });
  }
  const seq = String(Math.floor(Math.random() * 9000) + 1000);
  const code = `KCQG-2026-${input.provinceCode}-${seq}`;
  const [row] = await h.db
    .insert(proposals)
    .values({
      code,
      cycleId: cycle!.id,
      planYear: 2026,
      provinceCode: input.provinceCode,
      implementingOrganizationId: await h.orgId(input.orgKey),
      activityType: 'demonstration_model',
      title: input.title ?? 'Mô hình trình diễn kỹ thuật chế biến chè Shan tuyết',
      status: input.status ?? 'draft',
    })
    .returning({ id: proposals.id, code: proposals.code });
  return row!;
}

export type TPart =
  | { name: string; value: string }
  | { name: string; fileName: string; data: Buffer; contentType?: string };

/**
 * A multipart/form-data body written byte for byte, so tests control exactly what a hostile client
 * sends (file names with control characters, paths, quotes).
 */
export function multipartBody(parts: TPart[]) {
  const boundary = `----kc-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${
            part.contentType ?? 'application/octet-stream'
          }\r\n\r\n`,
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a document as the given client (cookie + CSRF, or bearer). */
export function uploadAs(
  h: THarness,
  as: TClient,
  proposalId: string,
  file: { kind?: string; fileName: string; data: Buffer; contentType?: string },
  options: { query?: string } = {},
): Promise<LightMyRequestResponse> {
  const parts: TPart[] = [];
  if (file.kind !== undefined) parts.push({ name: 'kind', value: file.kind });
  parts.push({ name: 'file', fileName: file.fileName, data: file.data, contentType: file.contentType });
  const body = multipartBody(parts);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/proposals/${proposalId}/documents${options.query ?? ''}`,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      ...(as.auth.csrf ? { 'x-csrf-token': as.auth.csrf } : {}),
      ...(as.auth.bearer ? { authorization: `Bearer ${as.auth.bearer}` } : {}),
      ...(as.auth.lang ? { 'accept-language': as.auth.lang } : {}),
    },
    cookies: as.auth.cookie ? { kc_session: as.auth.cookie } : {},
  });
}

/** Every file under the local storage folder (relative paths), temporary ones included. */
export async function storedFiles(h: THarness): Promise<string[]> {
  const root = fileURLToPath(new URL(h.ctx.config.storageUrl));
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export function storageRoot(h: THarness): string {
  return fileURLToPath(new URL(h.ctx.config.storageUrl));
}

export async function auditRows(h: THarness, action: string, entityId: string) {
  return h.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}
