import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../domain/enums/roles';
import { auditEvents, programmes } from '../../db/schema';
import { createHarness, expectProblem, type THarness } from '../../test/harness';
import { BEFORE_REGISTRATION, createDraft, setUpWorld, type TWorld } from '../proposals/test-fixtures';

/**
 * The access matrix of issue #8's routes (stats, lagging projects, search, programmes) × every role, with
 * a registered proposal in Lào Cai (the province roles' own) and one in Bắc Ninh (another province). No
 * figure, hit or record of another province reaches a province or unit user; programmes are read by
 * everyone and written by the administrator only.
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
const AGENCY: readonly TRole[] = ['agency_admin', 'agency_officer', 'agency_leader', 'auditor'];

beforeAll(async () => {
  h = await createHarness({ now: BEFORE_REGISTRATION });
  w = await setUpWorld(h);
  for (const [officer, leader, orgKey, title] of [
    ['laoCaiOfficer', 'laoCaiLeader', 'ttkc-15', 'Mô hình sấy chè Lào Cai ma trận'],
    ['bacNinhOfficer', 'bacNinhLeader', 'ttkc-24', 'Mô hình gốm Bắc Ninh ma trận'],
  ] as const) {
    const p = await createDraft(h, w[officer]!, orgKey, { title });
    const reg = await w[leader]!.post('/api/v1/registrations', {
      planYear: 2026,
      proposalIds: [p.id],
      letterNumber: '1/SCT',
      letterDate: '2025-05-05',
    });
    if (reg.statusCode !== 201) throw new Error(reg.body);
  }
});
afterAll(() => h?.close());

describe('access matrix: dashboards, search and programmes × roles', () => {
  it('GET /stats: everyone, scoped; a province or unit user never sees another province', async () => {
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const response = await as.get('/api/v1/stats?groupBy=province&provinces=current');
      expect([role, response.statusCode]).toEqual([role, 200]);
      const keys = response
        .json()
        .items.map((i: { key: string }) => i.key)
        .sort();
      const expected = AGENCY.includes(role) ? ['15', '24'] : role === 'appraiser' ? [] : ['15'];
      expect([role, keys]).toEqual([role, expected]);
      const lagging = await as.get('/api/v1/stats/lagging');
      expect([role, lagging.statusCode]).toEqual([role, 200]);
    }
  });

  it('GET /search: everyone, scoped; another province’s proposal is never a hit', async () => {
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const response = await as.get('/api/v1/search?q=ma tran&kinds=proposal,beneficiary,document');
      expect([role, response.statusCode]).toEqual([role, 200]);
      const titles = response
        .json()
        .items.filter((i: { kind: string }) => i.kind === 'proposal')
        .map((i: { text: string }) => i.text)
        .sort();
      const expected = AGENCY.includes(role)
        ? ['Mô hình gốm Bắc Ninh ma trận', 'Mô hình sấy chè Lào Cai ma trận']
        : role === 'appraiser'
          ? []
          : ['Mô hình sấy chè Lào Cai ma trận'];
      expect([role, titles]).toEqual([role, expected]);
    }
  });

  it('programmes: everyone reads; only the administrator creates and edits; a refusal changes nothing', async () => {
    const body = (code: string) => ({
      code,
      scope: 'national',
      name: 'Chương trình thử',
      fromYear: 2026,
      toYear: 2030,
      targets: [
        {
          metric: 'models',
          nameVi: 'Mô hình',
          nameEn: 'Models',
          activityTypes: ['demonstration_model'],
          target: 5,
        },
      ],
    });
    const created = await w.admin!.post('/api/v1/programmes', body('KCQG-MATRIX'));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const role of ROLES) {
      const as = w[ROLE_CLIENT[role]]!;
      const isAdmin = role === 'agency_admin';
      expect([role, (await as.get('/api/v1/programmes')).statusCode]).toEqual([role, 200]);
      expect([role, (await as.get(`/api/v1/programmes/${id}`)).statusCode]).toEqual([role, 200]);
      const rowsBefore = (await h.db.select().from(programmes)).length;
      const auditsBefore = (await h.db.select().from(auditEvents)).length;
      const post = await as.post('/api/v1/programmes', body(`KCQG-M-${ROLES.indexOf(role)}`));
      const patch = await as.patch(`/api/v1/programmes/${id}`, { name: `Đổi tên ${role}` });
      expect([role, post.statusCode, patch.statusCode]).toEqual([
        role,
        isAdmin ? 201 : 403,
        isAdmin ? 200 : 403,
      ]);
      if (!isAdmin) {
        expectProblem(post, 403, 'forbidden');
        expect((await h.db.select().from(programmes)).length).toBe(rowsBefore);
        expect((await h.db.select().from(auditEvents)).length).toBe(auditsBefore);
      }
    }
  });

  it('signed-out callers get 401 on every route', async () => {
    for (const url of [
      '/api/v1/stats',
      '/api/v1/stats/lagging',
      '/api/v1/search?q=x',
      '/api/v1/programmes',
    ]) {
      expectProblem(await h.anonymous.get(url), 401, 'unauthenticated');
    }
  });
});
