import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { vnDateOf } from '../../../domain/lib/dates';
import type { TActor } from '../../access/actor';
import { appraisalAssignments, plans, proposals, users } from '../../db/schema';
import type { TAppContext } from '../../platform/context';
import {
  acceptProposals,
  assignAppraisers,
  decideProposal,
  fundingLimit,
  saveAppraisal,
} from '../appraisals';
import { loadActor } from '../auth/authenticate';
import { findNationalCycle } from '../cycles';
import { findProposal } from '../proposals';
import { approvePlan } from './approve-plan';

/**
 * The demo of issue #6 (`khuyencong seed --demo`, after the 2026 proposals and the 2021–2025 history):
 * the 2026 cycle's submitted dossiers accepted into appraisal; two of them appraised by the council
 * member and the agency officer and recommended (a decided plan, still a draft); the third waiting in
 * the council member's queue; the 2025 plan approved (Quyết định 2345/QĐ-BCT) over the history's
 * approved projects, so the open-data page has a plan to show. Made through the same use cases as the
 * API, by the demo users. Idempotent: nothing is done once a 2026 proposal has an appraiser.
 */

const OFFICER = 'chuyenvien.cuc@demo.khuyencong.vn';
const LEADER = 'lanhdao.cuc@demo.khuyencong.vn';
const COUNCIL = 'thamdinh@demo.khuyencong.vn';

export async function seedDemoPlans(
  ctx: TAppContext,
  now: Date,
): Promise<{ appraised: number; approvedPlans: number }> {
  const db = ctx.database.db;
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
  const officer = await actorOf(OFFICER);
  const leader = await actorOf(LEADER);
  const council = await actorOf(COUNCIL);

  let appraised = 0;
  const cycle = await findNationalCycle(db, 2026);
  if (cycle) {
    const [already] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appraisalAssignments)
      .innerJoin(proposals, eq(proposals.id, appraisalAssignments.proposalId))
      .where(eq(proposals.cycleId, cycle.id));
    const submitted = await db
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.cycleId, cycle.id), eq(proposals.status, 'submitted')))
      .orderBy(asc(proposals.code));
    if ((already?.n ?? 0) === 0 && submitted.length > 0) {
      const ids = submitted.map((s) => s.id);
      await db.transaction((tx) => acceptProposals({ actor: officer, tx, now, data: { proposalIds: ids } }));
      for (const [index, id] of ids.entries()) {
        const decided = index < 2;
        const people = decided ? [council.userId, officer.userId] : [council.userId];
        await db.transaction((tx) =>
          assignAppraisers({ actor: officer, tx, now, id, data: { userIds: people } }),
        );
        if (!decided) continue;
        const row = await findProposal(db, officer, id);
        if (!row) continue;
        const limit = await fundingLimit(db, row);
        // Rounded down to the million, 90 % of what may be approved.
        const funding = Math.floor((limit.limit * 0.9) / 1_000_000) * 1_000_000;
        for (const [n, who] of [council, officer].entries()) {
          await db.transaction((tx) =>
            saveAppraisal({
              actor: who,
              tx,
              now,
              id,
              data: {
                conflictOfInterest: false,
                criteria: limit.set.appraisalCriteria.map((c) => ({
                  code: c.code,
                  pass: true,
                  comment: c.code === 'reasonable_cost' ? 'Dự toán cần rà soát đơn giá thiết bị.' : 'Đạt.',
                })),
                score: 80 + n * 5,
                recommendation: 'recommended',
                recommendedFunding: funding,
                comments: n === 0 ? 'Đề nghị hỗ trợ, điều chỉnh giảm chi phí thuê chuyên gia.' : undefined,
                submit: true,
              },
            }),
          );
        }
        await db.transaction((tx) =>
          decideProposal({
            actor: officer,
            tx,
            now,
            id,
            data: {
              result: 'recommended',
              approvedFunding: funding,
              note: 'Thống nhất với ý kiến của Hội đồng thẩm định.',
            },
          }),
        );
        appraised++;
      }
    }
  }

  // The 2025 plan: approved once, over the history's approved projects.
  let approvedPlans = 0;
  const cycle2025 = await findNationalCycle(db, 2025);
  if (cycle2025) {
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.cycleId, cycle2025.id));
    const [decided] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(proposals)
      .where(
        and(eq(proposals.cycleId, cycle2025.id), inArray(proposals.status, ['approved', 'recommended'])),
      );
    if (!plan && (decided?.n ?? 0) > 0) {
      const decisionDate = vnDateOf(now) < '2024-12-20' ? vnDateOf(now) : '2024-12-20';
      await db.transaction((tx) =>
        approvePlan({
          actor: leader,
          tx,
          now,
          planYear: 2025,
          data: { decisionNumber: '2345/QĐ-BCT', decisionDate },
        }),
      );
      approvedPlans++;
    }
  }
  return { appraised, approvedPlans };
}
