import { Readable } from 'node:stream';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import type { TRole } from '../../../domain/enums/roles';
import { proposalDocuments } from '../../db/schema';
import { generateStorageKey } from '../../platform/storage';
import type { TClient, THarness } from '../../test/harness';
import { tokenClient } from '../../test/workflow-support';
import { storageOf } from '../documents';

/** Shared set-up of the proposal tests: the 2026 cycle (open) and users of every role. */

export const BEFORE_REGISTRATION = '2025-05-05T02:00:00Z';
/** 20/06/2025 23:59:59.999 in Vietnam. */
export const REGISTRATION_DEADLINE = '2025-06-20T16:59:59.999Z';
/** 30/09/2025 23:59:59.999 in Vietnam. */
export const DOSSIER_DEADLINE = '2025-09-30T16:59:59.999Z';

export const ORIENTATIONS = [
  { code: 'agro-processing', label: 'Chế biến nông, lâm, thủy sản' },
  { code: 'high-tech', label: 'Ứng dụng công nghệ cao' },
];

const PEOPLE: { key: string; email: string; orgKey: string; roles: TRole[] }[] = [
  { key: 'admin', email: 'admin@cuc.vn', orgKey: 'agency', roles: ['agency_admin'] },
  { key: 'agencyOfficer', email: 'cv@cuc.vn', orgKey: 'agency', roles: ['agency_officer'] },
  { key: 'agencyLeader', email: 'ld@cuc.vn', orgKey: 'agency', roles: ['agency_leader'] },
  { key: 'appraiser', email: 'td@cuc.vn', orgKey: 'agency', roles: ['appraiser'] },
  { key: 'auditor', email: 'tt@cuc.vn', orgKey: 'agency', roles: ['auditor'] },
  { key: 'laoCaiOfficer', email: 'cv@laocai.vn', orgKey: 'so-ct-15', roles: ['province_officer'] },
  { key: 'laoCaiLeader', email: 'ld@laocai.vn', orgKey: 'so-ct-15', roles: ['province_leader'] },
  { key: 'laoCaiCentre', email: 'tt@laocai.vn', orgKey: 'ttkc-15', roles: ['unit_officer'] },
  { key: 'bacNinhOfficer', email: 'cv@bacninh.vn', orgKey: 'so-ct-24', roles: ['province_officer'] },
  { key: 'bacNinhLeader', email: 'ld@bacninh.vn', orgKey: 'so-ct-24', roles: ['province_leader'] },
  { key: 'bacNinhCentre', email: 'tt@bacninh.vn', orgKey: 'ttkc-24', roles: ['unit_officer'] },
  { key: 'region', email: 'vung1@ttkc.vn', orgKey: 'ttkc-vung-1', roles: ['unit_officer'] },
];

export type TWorld = Record<(typeof PEOPLE)[number]['key'] | string, TClient>;

/** Creates the users (token clients, so the clock may move by months) and opens the 2026 cycle. */
export async function setUpWorld(h: THarness): Promise<TWorld> {
  const world: TWorld = {};
  for (const person of PEOPLE) {
    await h.addUser({ email: person.email, orgKey: person.orgKey, roles: person.roles });
    world[person.key] = await tokenClient(h, person.email);
  }
  const created = await world.admin!.post('/api/v1/cycles', {
    planYear: 2026,
    status: 'open',
    budgetEnvelope: 100_000_000_000,
    orientations: ORIENTATIONS,
  });
  if (created.statusCode !== 201) throw new Error(`cycle: ${created.body}`);
  return world;
}

/** A demonstration model that passes every rule of the 2026 set once its documents are attached. */
export function draftPayload(implementingOrganizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    planYear: 2026,
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến chè Shan tuyết',
    implementingOrganizationId,
    beneficiary: { name: 'Hợp tác xã Chè Suối Giàng', taxCode: '5200123456', kind: 'cooperative' },
    location: { commune: 'Xã Suối Giàng' },
    startDate: '2026-03-01',
    endDate: '2026-11-30',
    budget: { total: 2_000_000_000, requested: 600_000_000, counterpart: 1_400_000_000, other: 0 },
    outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
    fields: { models: 1 },
    orientations: ['agro-processing'],
    ...overrides,
  };
}

/** The documents a full dossier of `draftPayload` needs (the uploads belong to the documents module). */
export const FULL_DOSSIER: TDocumentKind[] = [
  'request_letter',
  'project_document',
  'cost_estimate',
  'beneficiary_request',
  'counterpart_commitment',
];

/** Records current documents of the given kinds directly, as the upload endpoints would. */
/**
 * Attaches stored documents of the given kinds (a real file in the harness's storage, so downloads and
 * receipts work), as the upload use case would leave them.
 */
export async function attachDocuments(h: THarness, proposalId: string, kinds: readonly TDocumentKind[]) {
  const storage = storageOf(h.ctx);
  const rows = [];
  for (const kind of kinds) {
    const storageKey = generateStorageKey('documents', h.clock.now());
    const body = Buffer.from(`%PDF-1.4\n% ${kind}\n%%EOF\n`);
    const { size, sha256 } = await storage.put(storageKey, Readable.from([body]));
    rows.push({
      proposalId,
      kind,
      version: 1,
      fileName: `${kind}.pdf`,
      contentType: 'application/pdf',
      size,
      sha256,
      storageKey,
      uploadedAt: h.clock.now(),
    });
  }
  await h.db.insert(proposalDocuments).values(rows);
}

/** Creates a draft through the API and returns its body. */
export async function createDraft(
  h: THarness,
  as: TClient,
  orgKey: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await as.post('/api/v1/proposals', draftPayload(await h.orgId(orgKey), overrides));
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; code: string; status: string; lockVersion: number };
}
