import { and, eq, inArray, sql } from 'drizzle-orm';
import { vnDateOf } from '../../../domain/lib/dates';
import type { TProposalAction, TProposalStatus } from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import { organizations, proposalCodeCounters, proposals, proposalTransitions, users } from '../../db/schema';
import type { TAppContext } from '../../platform/context';
import type { TDb, TTx } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { loadActor } from '../auth/authenticate';
import { findNationalCycle } from '../cycles';
import { decideAdjustment, requestAdjustment } from './adjustments';
import { recordAdvance } from './advances';
import { closeProposal, recordAcceptance, recordSettlement } from './closing';
import { signContract } from './contract';
import { planInspection, recordInspection } from './inspections';
import { submitProgressReport } from './progress';

/**
 * The demo of issue #7 (`khuyencong seed --demo`, after the plans): eight Lào Cai projects of the 2025
 * national plan (old province code 10, implemented by the Lào Cai extension centre) at EVERY step of
 * implementation, made through the same use cases as the API by the demo users, on a fixed 2025
 * calendar: approved (no contract yet); contracted with an adjustment requested and an inspection
 * planned; in progress with monthly reports (June's missing: overdue), a first and a later advance, an
 * adjustment decided and an inspection done with follow-ups; accepted; settled with a refund; closed;
 * stopped and carried over (the Minister's decisions recorded by the agency's leader). The proposals
 * themselves are inserted up to `approved` with their transition rows, as the history is
 * (history.seed.ts). Deterministic (fixed dates and amounts) and idempotent (nothing is done once the
 * first demo project exists); skipped before December 2025, when its dates would lie ahead.
 */

const M = 1_000_000;
const PROVINCE = '10'; // Lào Cai before the 2025 merger; today's Lào Cai (15) sees it
const ORG = 'ttkc-15';
const UNIT = 'trungtam.laocai@demo.khuyencong.vn';
const OFFICER = 'chuyenvien.cuc@demo.khuyencong.vn';
const LEADER = 'lanhdao.cuc@demo.khuyencong.vn';

export type TDemoProject = { key: string; title: string; support: number; finalStatus: TProposalStatus };
export const DEMO_IMPLEMENTATION: TDemoProject[] = [
  {
    key: 'approved',
    title: 'Mô hình trình diễn chế biến chè Shan tuyết Bắc Hà',
    support: 450 * M,
    finalStatus: 'approved',
  },
  {
    key: 'contracted',
    title: 'Mô hình trình diễn sấy dược liệu Sa Pa',
    support: 500 * M,
    finalStatus: 'contracted',
  },
  {
    key: 'in_progress',
    title: 'Mô hình trình diễn chế biến măng Bảo Yên',
    support: 600 * M,
    finalStatus: 'in_progress',
  },
  {
    key: 'accepted',
    title: 'Mô hình trình diễn chế biến gừng Mường Khương',
    support: 400 * M,
    finalStatus: 'accepted',
  },
  {
    key: 'settled',
    title: 'Mô hình trình diễn chế biến chuối Bảo Thắng',
    support: 500 * M,
    finalStatus: 'settled',
  },
  { key: 'closed', title: 'Mô hình trình diễn dệt thổ cẩm Bát Xát', support: 300 * M, finalStatus: 'closed' },
  {
    key: 'stopped',
    title: 'Mô hình trình diễn chế biến quế Văn Bàn',
    support: 350 * M,
    finalStatus: 'stopped',
  },
  {
    key: 'carried_over',
    title: 'Mô hình trình diễn sản xuất miến dong Bát Xát',
    support: 550 * M,
    finalStatus: 'carried_over',
  },
];

const PATH: [TProposalAction, TProposalStatus][] = [
  ['register', 'registered'],
  ['base_appraise_pass', 'base_appraised'],
  ['submit', 'submitted'],
  ['accept_into_appraisal', 'under_appraisal'],
  ['recommend', 'recommended'],
  ['approve', 'approved'],
];

/** 10:00 in Vietnam on a day. */
const at = (isoDate: string) => new Date(`${isoDate}T03:00:00Z`);

async function actorOf(db: TDb, email: string): Promise<TActor> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!user) throw new Error(`demo user missing: ${email}`);
  const actor = await loadActor(db, user.id, 'session', { ip: null, requestId: 'demo-seed' });
  if (!actor) throw new Error(`demo user inactive: ${email}`);
  return actor;
}

export async function seedDemoImplementation(ctx: TAppContext, now: Date): Promise<{ projects: number }> {
  const db = ctx.database.db;
  if (vnDateOf(now) < '2025-12-01') return { projects: 0 };
  const cycle = await findNationalCycle(db, 2025);
  if (!cycle) return { projects: 0 };
  const [exists] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        eq(proposals.cycleId, cycle.id),
        inArray(
          proposals.title,
          DEMO_IMPLEMENTATION.map((p) => p.title),
        ),
      ),
    )
    .limit(1);
  if (exists) return { projects: 0 };
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.seedKey, ORG));
  if (!org) throw new Error(`demo organisation missing: ${ORG}`);
  const unit = await actorOf(db, UNIT);
  const officer = await actorOf(db, OFFICER);
  const leader = await actorOf(db, LEADER);

  // The projects, approved in the 2025 plan (transitions from June to October 2024).
  const ids: Record<string, string> = {};
  await db.transaction(async (tx) => {
    for (const [index, p] of DEMO_IMPLEMENTATION.entries()) {
      const [counter] = await tx
        .insert(proposalCodeCounters)
        .values({ programme: 'national', planYear: 2025, provinceCode: PROVINCE, lastSeq: 1 })
        .onConflictDoUpdate({
          target: [
            proposalCodeCounters.programme,
            proposalCodeCounters.planYear,
            proposalCodeCounters.provinceCode,
          ],
          set: { lastSeq: sql`${proposalCodeCounters.lastSeq} + 1` },
        })
        .returning({ seq: proposalCodeCounters.lastSeq });
      const code = `KCQG-2025-${PROVINCE}-${String(counter!.seq).padStart(4, '0')}`;
      const createdAt = new Date(Date.UTC(2024, 4, 12 + index, 2));
      const [row] = await tx
        .insert(proposals)
        .values({
          code,
          cycleId: cycle.id,
          planYear: 2025,
          provinceCode: PROVINCE,
          implementingOrganizationId: org.id,
          activityType: 'demonstration_model',
          title: p.title,
          beneficiary: { name: `Hợp tác xã ${p.title.split(' ').slice(-2).join(' ')}`, kind: 'cooperative' },
          startDate: '2025-03-01',
          endDate: '2025-11-30',
          budgetTotal: p.support * 2,
          budgetRequested: p.support,
          budgetCounterpart: p.support,
          status: 'approved',
          approvedFunding: p.support,
          submittedAt: new Date(Date.UTC(2024, 8, 20, 3)),
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: proposals.id });
      ids[p.key] = row!.id;
      let from: TProposalStatus = 'draft';
      for (const [step, [action, to]] of PATH.entries()) {
        await tx.insert(proposalTransitions).values({
          proposalId: row!.id,
          action,
          fromStatus: from,
          toStatus: to,
          actorUserId: null,
          data: { demo: true },
          at: new Date(Date.UTC(2024, 5, 1) + step * 30 * 86_400_000),
        });
        from = to;
      }
      await recordAudit(tx, {
        actor: { userId: null, label: 'system:demo-seed' },
        action: 'proposal.created',
        entityType: 'proposal',
        entityId: row!.id,
        provinceCode: PROVINCE,
        after: { code, planYear: 2025, status: 'approved', demo: true, implementation: true },
        at: now,
      });
    }
  });

  const run = <T>(date: string, fn: (tx: TTx, now: Date) => Promise<T>): Promise<T> =>
    db.transaction((tx) => fn(tx, at(date)));
  const contract = (key: string, date: string, value: number) =>
    run(date, (tx, n) =>
      signContract({
        actor: unit,
        tx,
        now: n,
        id: ids[key]!,
        data: {
          number: `${date.slice(5, 7)}/2025/HĐ-KC`,
          signedOn: date,
          value,
          selectionMethod: 'selection',
        },
      }),
    );
  const report = (key: string, month: string, volumePercent: number, spent: number, problems?: string) =>
    run(`${month}-20`, (tx, n) =>
      submitProgressReport({
        actor: unit,
        tx,
        now: n,
        id: ids[key]!,
        data: { month, volumePercent, moneySpent: Math.round(spent), ...(problems ? { problems } : {}) },
      }),
    );
  const advance = (key: string, date: string, amount: number) =>
    run(date, (tx, n) =>
      recordAdvance({
        actor: officer,
        tx,
        now: n,
        id: ids[key]!,
        data: { amount: Math.round(amount), paidOn: date },
      }),
    );
  const accept = (key: string, date: string) =>
    run(date, (tx, n) =>
      recordAcceptance({
        actor: officer,
        tx,
        now: n,
        id: ids[key]!,
        data: { minutesNumber: `${date.slice(5, 7)}/BB-NT`, result: 'passed', acceptedOn: date },
      }),
    );
  const settle = (key: string, date: string, settledAmount: number) =>
    run(date, (tx, n) =>
      recordSettlement({
        actor: officer,
        tx,
        now: n,
        id: ids[key]!,
        data: { settledAmount: Math.round(settledAmount), settledOn: date },
      }),
    );
  const adjustment = async (
    key: string,
    date: string,
    data: Parameters<typeof requestAdjustment>[0]['data'],
    decision?: { date: string; by: TActor; number: string },
  ) => {
    const adjustmentId = await run(date, (tx, n) =>
      requestAdjustment({ actor: unit, tx, now: n, id: ids[key]!, data }),
    );
    if (decision) {
      await run(decision.date, (tx, n) =>
        decideAdjustment({
          actor: decision.by,
          tx,
          now: n,
          adjustmentId,
          data: { result: 'approved', decisionNumber: decision.number },
        }),
      );
    }
  };
  /** The whole life up to the acceptance: contract, reports to 100 %, the first advance and a later one. */
  const throughAcceptance = async (key: string, support: number, acceptedOn: string) => {
    await contract(key, '2025-03-05', support * 2);
    await report(key, '2025-03', 40, support * 0.4);
    await report(key, '2025-04', 75, support * 0.8);
    await advance(key, '2025-04-25', support * 0.5);
    await report(key, '2025-05', 100, support * 1.3);
    await advance(key, '2025-05-26', support * 0.2);
    await accept(key, acceptedOn);
  };

  const support = Object.fromEntries(DEMO_IMPLEMENTATION.map((p) => [p.key, p.support]));
  // Contracted: an adjustment of the timing waiting for the agency, an inspection planned.
  await contract('contracted', '2025-09-15', support.contracted! * 2);
  await adjustment('contracted', '2025-10-06', {
    kind: 'timing',
    reason: 'Thiết bị sấy về chậm do nhà cung cấp gia hạn giao hàng.',
    description: 'Kéo dài thời gian thực hiện đến 31/03/2026.',
  });
  await run('2025-11-20', (tx, n) =>
    planInspection({ actor: officer, tx, now: n, id: ids.contracted!, data: { plannedOn: '2025-12-10' } }),
  );

  // In progress: monthly reports (June's missing: overdue), the first and a later advance, a decided
  // change of the beneficiary, an inspection done with follow-ups.
  const ip = 'in_progress';
  await contract(ip, '2025-03-10', support[ip]! * 2);
  await report(ip, '2025-03', 20, 100 * M, 'Chậm giải phóng mặt bằng nhà xưởng.');
  await report(ip, '2025-04', 45, 250 * M);
  await report(ip, '2025-05', 72, 420 * M);
  await advance(ip, '2025-05-26', 300 * M);
  await adjustment(
    ip,
    '2025-07-02',
    {
      kind: 'beneficiary',
      reason: 'Hợp tác xã đổi tên sau khi hợp nhất.',
      description: 'Hợp tác xã Măng Bảo Yên',
    },
    { date: '2025-07-16', by: officer, number: '312/QĐ-KCCT' },
  );
  await report(ip, '2025-07', 80, 500 * M, 'Thiếu lao động kỹ thuật vận hành dây chuyền.');
  await advance(ip, '2025-07-28', 120 * M);
  const inspectionId = await run('2025-08-01', (tx, n) =>
    planInspection({ actor: officer, tx, now: n, id: ids[ip]!, data: { plannedOn: '2025-08-14' } }),
  );
  await run('2025-08-14', (tx, n) =>
    recordInspection({
      actor: officer,
      tx,
      now: n,
      inspectionId,
      data: {
        doneOn: '2025-08-14',
        findings: 'Dây chuyền đã lắp đặt; nhật ký vận hành chưa đầy đủ; báo cáo tháng 6 chưa nộp.',
        followUps: [
          { action: 'Bổ sung nhật ký vận hành dây chuyền', dueOn: '2025-09-15' },
          { action: 'Nộp báo cáo tiến độ tháng 6/2025' },
        ],
      },
    }),
  );
  await report(ip, '2025-08', 88, 560 * M);
  await report(ip, '2025-09', 92, 580 * M);
  await report(ip, '2025-10', 95, 590 * M);
  await report(ip, '2025-11', 97, 595 * M);

  // Accepted; settled with a refund; closed.
  await throughAcceptance('accepted', support.accepted!, '2025-06-20');
  await throughAcceptance('settled', support.settled!, '2025-06-16');
  await settle('settled', '2025-06-27', support.settled! * 0.6); // 70 % advanced, 60 % settled: 10 % refunded
  await throughAcceptance('closed', support.closed!, '2025-06-10');
  await settle('closed', '2025-06-24', support.closed!);
  await run('2025-07-01', (tx, n) => closeProposal({ actor: officer, tx, now: n, id: ids.closed! }));

  // Stopped and carried over: the Minister's decisions, recorded by the agency's leader.
  await contract('stopped', '2025-04-01', support.stopped! * 2);
  await adjustment(
    'stopped',
    '2025-05-12',
    { kind: 'stop', reason: 'Đơn vị thụ hưởng không còn khả năng bố trí vốn đối ứng.' },
    { date: '2025-05-23', by: leader, number: '1456/QĐ-BCT' },
  );
  await contract('carried_over', '2025-06-02', support.carried_over! * 2);
  await report('carried_over', '2025-06', 20, 60 * M, 'Mưa lũ kéo dài, vùng nguyên liệu bị ảnh hưởng.');
  await report('carried_over', '2025-07', 35, 110 * M);
  await report('carried_over', '2025-08', 45, 150 * M);
  await report('carried_over', '2025-09', 50, 170 * M);
  await report('carried_over', '2025-10', 55, 190 * M, 'Nguyên liệu dong riềng thiếu do mất mùa.');
  await adjustment(
    'carried_over',
    '2025-11-10',
    { kind: 'carry_over', reason: 'Không kịp hoàn thành trong năm do thiên tai.' },
    { date: '2025-11-25', by: leader, number: '2890/QĐ-BCT' },
  );
  return { projects: DEMO_IMPLEMENTATION.length };
}
