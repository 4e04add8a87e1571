import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../domain/enums/roles';
import { auditEvents, proposalDocuments, proposals, users } from '../../db/schema';
import { createHarness, type TClient, type THarness } from '../../test/harness';
import { uploadAs } from '../documents/test-support';
import {
  attachDocuments,
  BEFORE_REGISTRATION,
  createDraft,
  draftPayload,
  FULL_DOSSIER,
  setUpWorld,
  type TWorld,
} from './test-fixtures';

/**
 * The access matrix of issue 4 (R3): every route of cycles, proposals and their documents × every role × a record of the
 * caller's own province (Lào Cai, implemented by its extension centre) and of another (Bắc Ninh). No
 * cross-province read or write succeeds; the other province's record answers like a missing one.
 */

let h: THarness;
let w: TWorld;

const ROLE_CLIENT: Record<TRole, string> = {
  agency_admin: 'admin',
  agency_officer: 'agencyOfficer',
  agency_leader: 'agencyLeader',
  appraiser: 'appraiser',
  auditor: 'auditor',
  province_officer: 'laoCaiOfficer',
  province_leader: 'laoCaiLeader',
  unit_officer: 'laoCaiCentre',
};
const ROLES = Object.keys(ROLE_CLIENT) as TRole[];

type TState =
  | 'draft'
  | 'registered'
  | 'base_appraised'
  | 'submitted'
  | 'under_appraisal'
  /** Under appraisal with the matrix's appraiser assigned (on the caller's own side only). */
  | 'assigned'
  /** Under appraisal, the appraiser assigned on both sides and their appraisal submitted. */
  | 'appraised';
type TSide = 'own' | 'other';

const SIDE = {
  own: { officer: 'laoCaiOfficer', leader: 'laoCaiLeader', orgKey: 'ttkc-15' },
  other: { officer: 'bacNinhOfficer', leader: 'bacNinhLeader', orgKey: 'ttkc-24' },
} as const;

/** A fresh proposal of one side in one state, prepared by that province's own staff. */
async function target(side: TSide, state: TState): Promise<string> {
  const s = SIDE[side];
  const p = await createDraft(h, w[s.officer]!, s.orgKey);
  if (state === 'draft') return p.id;
  const reg = await w[s.leader]!.post('/api/v1/registrations', {
    planYear: 2026,
    proposalIds: [p.id],
    letterNumber: '1/SCT',
    letterDate: '2025-05-05',
  });
  if (reg.statusCode !== 201) throw new Error(reg.body);
  if (state === 'registered') return p.id;
  await attachDocuments(h, p.id, FULL_DOSSIER);
  await w[s.officer]!.post(`/api/v1/proposals/${p.id}/base-appraisal`, { result: 'pass' });
  if (state === 'base_appraised') return p.id;
  const sub = await w[s.leader]!.post(`/api/v1/proposals/${p.id}/submit`);
  if (sub.statusCode !== 200) throw new Error(sub.body);
  if (state === 'submitted') return p.id;
  const accepted = await w.agencyOfficer!.post('/api/v1/appraisal/accept', { proposalIds: [p.id] });
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
  if (state === 'under_appraisal' || (state === 'assigned' && side === 'other')) return p.id;
  const assigned = await w.agencyOfficer!.post(`/api/v1/proposals/${p.id}/appraisal-assignments`, {
    userIds: [await appraiserId()],
  });
  if (assigned.statusCode !== 200) throw new Error(assigned.body);
  if (state === 'assigned') return p.id;
  const criteria = assigned.json().criteria as { code: string }[];
  const appraised = await w.appraiser!.put(`/api/v1/proposals/${p.id}/appraisals/mine`, {
    conflictOfInterest: false,
    criteria: criteria.map((c) => ({ code: c.code, pass: true })),
    recommendation: 'recommended',
    recommendedFunding: 100_000_000,
    submit: true,
  });
  if (appraised.statusCode !== 200) throw new Error(appraised.body);
  return p.id;
}

async function appraiserId(): Promise<string> {
  const [row] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, 'td@cuc.vn'));
  return row!.id;
}

type TRoute = {
  name: string;
  state: TState;
  call: (as: TClient, id: string) => ReturnType<TClient['get']>;
  /** Expected status per role for the own province's record; the other province's is derived. */
  own: Record<TRole, number>;
  /** Roles holding the route's permission (server/access/permissions.ts). */
  permitted: readonly TRole[];
};

const AGENCY = ['agency_admin', 'agency_officer', 'agency_leader', 'auditor'] as const;
const PROPOSER: readonly TRole[] = ['province_officer', 'province_leader', 'unit_officer'];
const expectAll = (status: number, overrides: Partial<Record<TRole, number>> = {}) =>
  Object.fromEntries(ROLES.map((r) => [r, overrides[r] ?? status])) as Record<TRole, number>;

const ROUTES: TRoute[] = [
  {
    name: 'GET /proposals/{id}',
    state: 'submitted',
    call: (as, id) => as.get(`/api/v1/proposals/${id}`),
    own: expectAll(200, { appraiser: 404 }),
    permitted: ROLES,
  },
  {
    name: 'GET /proposals/{id}/checks',
    state: 'draft',
    call: (as, id) => as.get(`/api/v1/proposals/${id}/checks`),
    own: expectAll(200, { appraiser: 404 }),
    permitted: ROLES,
  },
  {
    name: 'GET /proposals/{id}/documents',
    state: 'submitted',
    call: (as, id) => as.get(`/api/v1/proposals/${id}/documents`),
    own: expectAll(200, { appraiser: 404 }),
    permitted: ROLES,
  },
  {
    name: 'POST /proposals/{id}/documents',
    state: 'draft',
    call: (as, id) =>
      uploadAs(h, as, id, {
        kind: 'project_document',
        fileName: 'Thuyết minh.pdf',
        data: Buffer.from('%PDF-1.4\n% thuyet minh\n%%EOF\n'),
      }),
    own: expectAll(403, { province_officer: 201, province_leader: 201, unit_officer: 201 }),
    permitted: PROPOSER,
  },
  {
    name: 'GET /documents/{id}/content',
    state: 'submitted',
    call: async (as, id) => {
      const [document] = await h.db
        .select({ id: proposalDocuments.id })
        .from(proposalDocuments)
        .where(eq(proposalDocuments.proposalId, id))
        .limit(1);
      return as.get(`/api/v1/documents/${document!.id}/content`);
    },
    own: expectAll(200, { appraiser: 404 }),
    permitted: ROLES,
  },
  {
    name: 'GET /proposals/{id}/receipt',
    state: 'submitted',
    call: (as, id) => as.get(`/api/v1/proposals/${id}/receipt`),
    own: expectAll(200, { appraiser: 404 }),
    permitted: ROLES,
  },
  {
    name: 'PATCH /proposals/{id}',
    state: 'draft',
    call: (as, id) => as.patch(`/api/v1/proposals/${id}`, { lockVersion: 1, title: 'Đổi tên đề án' }),
    own: expectAll(403, { province_officer: 200, province_leader: 200, unit_officer: 200 }),
    permitted: PROPOSER,
  },
  {
    name: 'DELETE /proposals/{id}',
    state: 'draft',
    call: (as, id) => as.delete(`/api/v1/proposals/${id}`),
    own: expectAll(403, { province_officer: 204, province_leader: 204, unit_officer: 204 }),
    permitted: PROPOSER,
  },
  {
    name: 'POST /registrations',
    state: 'draft',
    call: (as, id) =>
      as.post('/api/v1/registrations', {
        planYear: 2026,
        proposalIds: [id],
        letterNumber: '9/SCT',
        letterDate: '2025-05-05',
      }),
    // The extension centre holds the permission but its proposals go through the Sở: 403 by the machine.
    own: expectAll(403, { province_leader: 201 }),
    permitted: ['province_leader', 'unit_officer'],
  },
  {
    name: 'POST /proposals/{id}/base-appraisal',
    state: 'registered',
    call: (as, id) => as.post(`/api/v1/proposals/${id}/base-appraisal`, { result: 'pass' }),
    own: expectAll(403, { province_officer: 200, province_leader: 200 }),
    permitted: ['province_officer', 'province_leader'],
  },
  {
    name: 'POST /proposals/{id}/submit',
    state: 'base_appraised',
    call: (as, id) => as.post(`/api/v1/proposals/${id}/submit`),
    own: expectAll(403, { province_leader: 200 }),
    permitted: ['province_leader', 'unit_officer'],
  },
  {
    name: 'POST /proposals/{id}/return',
    state: 'submitted',
    call: (as, id) => as.post(`/api/v1/proposals/${id}/return`, { reason: 'Bổ sung', dueDate: '2025-12-31' }),
    own: expectAll(403, { agency_officer: 200 }),
    permitted: ['agency_officer'],
  },
  {
    name: 'POST /proposals/{id}/withdraw',
    state: 'registered',
    call: (as, id) => as.post(`/api/v1/proposals/${id}/withdraw`, { reason: 'Không còn nhu cầu' }),
    own: expectAll(403, { province_officer: 200, province_leader: 200, unit_officer: 200 }),
    permitted: PROPOSER,
  },
  // Issue #6: the ministry-level appraisal.
  {
    name: 'POST /appraisal/accept',
    state: 'submitted',
    call: (as, id) => as.post('/api/v1/appraisal/accept', { proposalIds: [id] }),
    own: expectAll(403, { agency_officer: 200 }),
    permitted: ['agency_officer'],
  },
  {
    name: 'POST /proposals/{id}/appraisal-assignments',
    state: 'under_appraisal',
    call: async (as, id) =>
      as.post(`/api/v1/proposals/${id}/appraisal-assignments`, { userIds: [await appraiserId()] }),
    own: expectAll(403, { agency_officer: 200 }),
    permitted: ['agency_officer'],
  },
  {
    // Everyone who reads proposals may ask; only the agency's readers and assigned appraisers see it.
    name: 'GET /proposals/{id}/appraisals',
    state: 'assigned',
    call: (as, id) => as.get(`/api/v1/proposals/${id}/appraisals`),
    own: expectAll(403, { agency_officer: 200, agency_leader: 200, auditor: 200, appraiser: 200 }),
    permitted: ROLES,
  },
  {
    // The appraiser is assigned on the own side only: elsewhere their appraisal does not exist (404).
    name: 'PUT /proposals/{id}/appraisals/mine',
    state: 'assigned',
    call: (as, id) =>
      as.put(`/api/v1/proposals/${id}/appraisals/mine`, { conflictOfInterest: false, criteria: [] }),
    own: expectAll(403, { appraiser: 200, agency_officer: 404 }),
    permitted: ['appraiser', 'agency_officer'],
  },
  {
    name: 'POST /proposals/{id}/decision',
    state: 'appraised',
    call: (as, id) =>
      as.post(`/api/v1/proposals/${id}/decision`, { result: 'recommended', approvedFunding: 100_000_000 }),
    own: expectAll(403, { agency_officer: 200 }),
    permitted: ['agency_officer'],
  },
  {
    name: 'GET /proposals/{id}/appraisal-minutes.docx',
    state: 'appraised',
    call: (as, id) => as.get(`/api/v1/proposals/${id}/appraisal-minutes.docx`),
    own: expectAll(403, { agency_officer: 200, agency_leader: 200, auditor: 200 }),
    permitted: ['agency_officer', 'agency_leader', 'auditor'],
  },
];

/**
 * The other province's record: agency roles act as on their own (they see every province); anyone else
 * who holds the route's permission gets 404, exactly as for a missing record; without it, 403.
 */
function expectedOther(route: TRoute, role: TRole): number {
  if ((AGENCY as readonly string[]).includes(role)) return route.own[role];
  return route.permitted.includes(role) ? 404 : 403;
}

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
});
afterAll(() => h?.close());

describe('access matrix: proposal routes × roles × own / other province', () => {
  for (const route of ROUTES) {
    it(route.name, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const role of ROLES) {
        for (const side of ['own', 'other'] as const) {
          const id = await target(side, route.state);
          const [before] = await h.db.select().from(proposals).where(eq(proposals.id, id));
          const audits = (await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).length;
          const response = await route.call(w[ROLE_CLIENT[role]]!, id);
          const expected = side === 'own' ? route.own[role] : expectedOther(route, role);
          seen.push(`${role}/${side}: ${response.statusCode}`);
          wanted.push(`${role}/${side}: ${expected}`);
          if (response.statusCode >= 400) {
            // A refusal changes nothing and is recorded nowhere as a change.
            const [after] = await h.db.select().from(proposals).where(eq(proposals.id, id));
            expect(after).toEqual(before);
            expect((await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).length).toBe(
              audits,
            );
          }
          if (side === 'other' && !(AGENCY as readonly string[]).includes(role)) {
            expect(response.statusCode, `${role} reached another province`).toBeGreaterThanOrEqual(400);
          }
        }
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('POST /proposals: the proposer side only, and only for its own organisations', async () => {
    const own = await h.orgId('ttkc-15');
    const other = await h.orgId('ttkc-24');
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const mine = await as.post('/api/v1/proposals', draftPayload(own));
      const theirs = await as.post('/api/v1/proposals', draftPayload(other));
      const proposer = ['province_officer', 'province_leader', 'unit_officer'].includes(role);
      expect([role, mine.statusCode]).toEqual([role, proposer ? 201 : 403]);
      expect([role, theirs.statusCode]).toEqual([role, proposer ? 400 : 403]);
    }
  });

  it('lists and counts never include another province’s proposals', async () => {
    for (const role of ['province_officer', 'province_leader', 'unit_officer'] as const) {
      const as = w[ROLE_CLIENT[role]]!;
      const list = (await as.get('/api/v1/proposals?pageSize=500')).json();
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((p: { provinceCode: string }) => p.provinceCode === '15')).toBe(true);
      const filtered = (await as.get('/api/v1/proposals?provinceCode=24&pageSize=500')).json();
      expect(filtered.total).toBe(0);
      const search = (await as.get('/api/v1/proposals?q=KCQG-2026-24')).json();
      expect(search.total).toBe(0);
    }
    const laoCaiCounts = (await w.laoCaiOfficer!.get('/api/v1/proposals/status-counts')).json().total;
    const all = (await w.agencyOfficer!.get('/api/v1/proposals/status-counts')).json().total;
    expect(all).toBeGreaterThan(laoCaiCounts);
    // An appraiser lists exactly the proposals assigned to them (by the appraisal routes above).
    const assigned = (await w.appraiser!.get('/api/v1/appraisal/queue')).json().counts.assigned;
    expect((await w.appraiser!.get('/api/v1/proposals?pageSize=500')).json().total).toBe(assigned);
    expect((await w.appraiser!.get('/api/v1/proposals/status-counts')).json().total).toBe(assigned);
  });

  it('another province’s proposal answers exactly like a missing one', async () => {
    const id = await target('other', 'draft');
    const forbidden = await w.laoCaiOfficer!.get(`/api/v1/proposals/${id}`);
    const missing = await w.laoCaiOfficer!.get('/api/v1/proposals/00000000-0000-4000-8000-000000000000');
    expect(forbidden.statusCode).toBe(404);
    expect({ ...forbidden.json(), requestId: null }).toEqual({ ...missing.json(), requestId: null });
  });
});

describe('access matrix: plan routes × roles (issue #6)', () => {
  it('every role but the appraiser reads the plan (scoped); only an agency leader approves it', async () => {
    let approvedOne = false;
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const reads = role !== 'appraiser';
      expect([role, (await as.get('/api/v1/plans/2026')).statusCode]).toEqual([role, reads ? 200 : 403]);
      expect([role, (await as.get('/api/v1/plans/2026/export.xlsx')).statusCode]).toEqual([
        role,
        reads ? 200 : 403,
      ]);
      expect([role, (await as.get('/api/v1/plans/2026/export.docx')).statusCode]).toEqual([
        role,
        reads ? 200 : 403,
      ]);
      // The leader approves what the decision route above recommended (or finds nothing new: 409).
      const approve = await as.post('/api/v1/plans/2026/approve', {
        decisionNumber: '1/QĐ-BCT',
        decisionDate: '2025-05-05',
      });
      if (role === 'agency_leader') {
        expect([200, 409]).toContain(approve.statusCode);
        approvedOne = approve.statusCode === 200;
      } else expect([role, approve.statusCode]).toEqual([role, 403]);
    }
    const again = await w.agencyLeader!.post('/api/v1/plans/2026/approve', {
      decisionNumber: '2/QĐ-BCT',
      decisionDate: '2025-05-05',
    });
    expect(again.statusCode).toBe(409);
    expect((await h.anonymous.get('/api/v1/plans/2026')).statusCode).toBe(401);
    const open = await h.anonymous.get('/api/v1/open-data/plans/2026.json');
    expect(open.statusCode).toBe(approvedOne ? 200 : 404);
  });

  it('the inbox and the queue: the agency officer, and those who may appraise', async () => {
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const inbox = await as.get('/api/v1/appraisal/inbox?planYear=2026');
      expect([role, inbox.statusCode]).toEqual([role, role === 'agency_officer' ? 200 : 403]);
      const queue = await as.get('/api/v1/appraisal/queue');
      const appraises = role === 'appraiser' || role === 'agency_officer';
      expect([role, queue.statusCode]).toEqual([role, appraises ? 200 : 403]);
    }
  });
});

describe('access matrix: cycle routes × roles', () => {
  it('everyone reads cycles; only the administrator writes them; extensions are scoped', async () => {
    await w.admin!.post('/api/v1/cycles/2026/extensions', {
      organizationId: await h.orgId('so-ct-24'),
      stage: 'registration',
      until: '2025-06-30',
      reason: 'Bắc Ninh',
    });
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const isAdmin = role === 'agency_admin';
      expect([role, (await as.get('/api/v1/cycles')).statusCode]).toEqual([role, 200]);
      expect([role, (await as.get('/api/v1/cycles/2026')).statusCode]).toEqual([role, 200]);
      const extensions = (await as.get('/api/v1/cycles/2026/extensions')).json();
      const bacNinh = extensions.items.filter((e: { provinceCode: string }) => e.provinceCode === '24');
      const seesBacNinh = (AGENCY as readonly string[]).includes(role);
      expect([role, bacNinh.length]).toEqual([role, seesBacNinh ? 1 : 0]);
      const patch = await as.patch('/api/v1/cycles/2026', { budgetEnvelope: 100_000_000_000 });
      expect([role, patch.statusCode]).toEqual([role, isAdmin ? 200 : 403]);
      const create = await as.post('/api/v1/cycles', { planYear: 2040 + ROLES.indexOf(role) });
      expect([role, create.statusCode]).toEqual([role, isAdmin ? 201 : 403]);
      const extension = await as.post('/api/v1/cycles/2026/extensions', {
        organizationId: await h.orgId('so-ct-15'),
        stage: 'dossier',
        until: '2025-10-15',
        reason: 'Gia hạn',
      });
      expect([role, extension.statusCode]).toEqual([role, isAdmin ? 201 : 403]);
    }
  });
});
