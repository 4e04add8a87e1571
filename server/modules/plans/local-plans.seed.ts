import { and, eq, sql } from 'drizzle-orm';
import { vnDateOf } from '../../../domain/lib/dates';
import { LOCAL_REGULATION_SETS } from '../../../domain/regulation';
import type { TActor } from '../../access/actor';
import { organizations, users } from '../../db/schema';
import type { TAppContext } from '../../platform/context';
import { acceptProposals, decideProposal, fundingLimit } from '../appraisals';
import { loadActor } from '../auth/authenticate';
import { createCycle, findCycle } from '../cycles';
import { findProposal } from '../proposals';
import { baseAppraiseProposal } from '../proposals/base-appraise-proposal';
import { createProposal } from '../proposals/create-proposal';
import { attachDemoDocuments } from '../proposals/proposals.seed';
import { registerProposals } from '../proposals/register-proposals';
import { seedRegulationSets } from '../regulations';
import { approvePlan } from './approve-plan';

/**
 * The local-plan demo (issue #7, `seed --demo`): Bắc Ninh's local regulation set; its 2026 local
 * (KCĐP) cycle with three proposals taken by the Sở through registration, base appraisal, its own
 * appraisal and decision, and the plan approved by the leader of UBND tỉnh Bắc Ninh (Quyết định
 * 1234/QĐ-UBND); its 2027 local cycle in progress (one proposal under the Sở's appraisal, one registered,
 * one draft). Deadlines are the province's choice: 30 and 60 days from the seeding day. Made through the
 * use cases by the demo users; idempotent (a cycle that exists is left as it is).
 */
export const UBND_LEADER = 'ubnd.bacninh@demo.khuyencong.vn';
const SO_OFFICER = 'so.bacninh@demo.khuyencong.vn';
const SO_LEADER = 'lanhdao.bacninh@demo.khuyencong.vn';
const PROVINCE = '24';

const DEMO = [
  {
    title: 'Mô hình trình diễn kỹ thuật sản xuất gốm mỹ nghệ Phù Lãng bằng lò ga',
    beneficiary: { name: 'Hợp tác xã Gốm Phù Lãng', taxCode: '2300456789', kind: 'cooperative' },
    commune: 'Xã Phù Lãng',
    budget: { total: 1_800_000_000, requested: 500_000_000, counterpart: 1_300_000_000, other: 0 },
  },
  {
    title: 'Mô hình trình diễn dây chuyền đúc đồng mỹ nghệ Đại Bái',
    beneficiary: { name: 'Công ty TNHH Đồng Đại Bái', taxCode: '2300567890', kind: 'sme' },
    commune: 'Xã Đại Lai',
    budget: { total: 2_000_000_000, requested: 550_000_000, counterpart: 1_450_000_000, other: 0 },
  },
  {
    title: 'Mô hình trình diễn chế biến tranh dân gian Đông Hồ trên giấy dó',
    beneficiary: { name: 'Hộ kinh doanh Nguyễn Đăng Chế', taxCode: '2300678901', kind: 'household_business' },
    commune: 'Phường Thuận Thành',
    budget: { total: 900_000_000, requested: 250_000_000, counterpart: 650_000_000, other: 0 },
  },
] as const;

export async function seedDemoLocalPlans(
  ctx: TAppContext,
  now: Date,
): Promise<{ cycles: number; proposals: number }> {
  const db = ctx.database.db;
  await seedRegulationSets(db, LOCAL_REGULATION_SETS);
  const actorOf = async (email: string): Promise<TActor> => {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (!user) throw new Error(`demo user missing: ${email}`);
    const actor = await loadActor(db, user.id, 'session', { ip: null, requestId: 'demo-seed' });
    if (!actor) throw new Error(`demo user inactive: ${email}`);
    return actor;
  };
  const officer = await actorOf(SO_OFFICER);
  const soLeader = await actorOf(SO_LEADER);
  const ubnd = await actorOf(UBND_LEADER);
  const [centre] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.seedKey, `ttkc-${PROVINCE}`)));
  if (!centre) throw new Error(`demo organisation missing: ttkc-${PROVINCE}`);
  const today = vnDateOf(now);
  const inDays = (n: number) => vnDateOf(new Date(now.getTime() + n * 86_400_000));

  let cycles = 0;
  let created = 0;
  const stages: { planYear: number; steps: ('decided' | 'accepted' | 'registered' | 'draft')[] }[] = [
    { planYear: 2026, steps: ['decided', 'decided', 'decided'] },
    { planYear: 2027, steps: ['accepted', 'registered', 'draft'] },
  ];
  for (const { planYear, steps } of stages) {
    if (await findCycle(db, planYear, PROVINCE)) continue;
    await db.transaction((tx) =>
      createCycle({
        actor: officer,
        tx,
        now,
        data: {
          planYear,
          programme: 'local',
          provinceCode: PROVINCE,
          status: 'open',
          budgetEnvelope: 1_500_000_000,
          registrationDeadline: inDays(30),
          dossierDeadline: inDays(60),
          orientations: [{ code: 'lang-nghe', label: 'Phát triển làng nghề truyền thống' }],
        },
      }),
    );
    cycles++;
    const ids: string[] = [];
    for (const [index, step] of steps.entries()) {
      const demo = DEMO[index]!;
      const id = await db.transaction((tx) =>
        createProposal({
          actor: officer,
          tx,
          now,
          data: {
            planYear,
            programme: 'local',
            implementingOrganizationId: centre.id,
            activityType: 'demonstration_model',
            title: demo.title,
            isPilot: false,
            isGroupProject: false,
            beneficiary: demo.beneficiary as never,
            location: { commune: demo.commune },
            startDate: `${planYear}-03-01`,
            endDate: `${planYear}-11-30`,
            budget: demo.budget,
            outputs: [{ name: 'Mô hình trình diễn', quantity: 1, unit: 'mô hình' }],
            fields: { models: 1 },
            priorityArea: false,
            priorityIndustry: false,
            womenOwned: index === 2,
            ethnicMinorityOwned: false,
            orientations: ['lang-nghe'],
          },
        }),
      );
      created++;
      if (step !== 'draft') ids.push(id);
    }
    if (ids.length === 0) continue;
    await db.transaction((tx) =>
      registerProposals({
        actor: soLeader,
        tx,
        now,
        data: {
          planYear,
          programme: 'local',
          proposalIds: ids,
          letterNumber: `${planYear - 2000}/SCT-KCĐP`,
          letterDate: today,
        },
      }),
    );
    for (const [index, id] of ids.entries()) {
      if (steps[index] === 'registered') continue;
      await db.transaction((tx) => attachDemoDocuments(ctx, tx, officer, id, now));
      await db.transaction((tx) =>
        baseAppraiseProposal({
          actor: officer,
          tx,
          now,
          id,
          data: { result: 'pass', comments: 'Hồ sơ đầy đủ.' },
        }),
      );
      await db.transaction((tx) => acceptProposals({ actor: officer, tx, now, data: { proposalIds: [id] } }));
      if (steps[index] !== 'decided') continue;
      const row = await findProposal(db, officer, id);
      if (!row) continue;
      const limit = await fundingLimit(db, row);
      const funding = Math.floor((limit.limit * 0.9) / 1_000_000) * 1_000_000;
      await db.transaction((tx) =>
        decideProposal({
          actor: officer,
          tx,
          now,
          id,
          data: { result: 'recommended', approvedFunding: funding, note: 'Sở Công Thương thẩm định: đạt.' },
        }),
      );
    }
    if (steps.every((s) => s === 'decided')) {
      await db.transaction((tx) =>
        approvePlan({
          actor: ubnd,
          tx,
          now,
          planYear,
          provinceCode: PROVINCE,
          data: { decisionNumber: '1234/QĐ-UBND', decisionDate: today },
        }),
      );
    }
  }
  return { cycles, proposals: created };
}
