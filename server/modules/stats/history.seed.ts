import { eq, inArray, sql } from 'drizzle-orm';
import type { TProposalAction, TProposalStatus } from '../../../domain/workflow/proposal';
import { systemActor } from '../../access/actor';
import {
  organizations,
  programmes,
  proposalCodeCounters,
  proposals,
  proposalTransitions,
} from '../../db/schema';
import type { TAppContext } from '../../platform/context';
import { recordAudit } from '../audit/record-audit';
import { createCycle, findNationalCycle } from '../cycles';
import { createProgramme } from '../programmes/save-programme';

/**
 * Demo history for the dashboards (issue #8, `khuyencong seed --demo`): the national programmes
 * 2021–2025 and 2026–2030 with targets, the closed national cycles 2021–2025 and their proposals in the
 * OLD 63-province codes of the time (Bắc Giang 24 and Bắc Ninh 27 that became today's Bắc Ninh 24; Lào
 * Cai 10 and Yên Bái 15 that became Lào Cai 15; Kiên Giang 91 and An Giang 89; Đắk Lắk 66 and Phú Yên
 * 54; …), approved, in progress, accepted, settled or refused. Past statuses are set by inserting their
 * transition rows directly, as the work of those years would have left them. Idempotent: nothing is
 * added once a 2021 cycle has proposals.
 */

const HISTORY_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** National envelopes of the demo cycles (VND), illustrative. */
const ENVELOPE: Record<number, number> = {
  2021: 95_000_000_000,
  2022: 100_000_000_000,
  2023: 105_000_000_000,
  2024: 110_000_000_000,
  2025: 115_000_000_000,
};

/** The path of a proposal through the machine up to each final status (domain/workflow/proposal). */
const PATH: [TProposalAction, TProposalStatus][] = [
  ['register', 'registered'],
  ['base_appraise_pass', 'base_appraised'],
  ['submit', 'submitted'],
  ['accept_into_appraisal', 'under_appraisal'],
  ['recommend', 'recommended'],
  ['approve', 'approved'],
  ['contract', 'contracted'],
  ['start', 'in_progress'],
  ['accept', 'accepted'],
  ['settle', 'settled'],
  ['close', 'closed'],
];
function pathTo(status: TProposalStatus): [TProposalAction, TProposalStatus][] {
  switch (status) {
    case 'not_recommended':
      return [...PATH.slice(0, 4), ['not_recommend', 'not_recommended']];
    case 'rejected':
      return [
        ['register', 'registered'],
        ['base_appraise_reject', 'rejected'],
      ];
    case 'withdrawn':
      return [...PATH.slice(0, 3), ['withdraw', 'withdrawn']];
    case 'stopped':
      return [...PATH.slice(0, 8), ['stop', 'stopped']];
    default: {
      const end = PATH.findIndex(([, to]) => to === status);
      if (end < 0) throw new Error(`no demo path to ${status}`);
      return PATH.slice(0, end + 1);
    }
  }
}

type THistoric = {
  year: number;
  /** The province code in force then (63-province map). */
  province: string;
  /** Today's unit: its extension centre implements the demo record. */
  orgKey: string;
  status: TProposalStatus;
  activityType: string;
  title: string;
  beneficiary: string;
  requested: number;
  /** Approved funding when it differs from the request. */
  approved?: number;
};

const M = 1_000_000;
const HISTORY: THistoric[] = [
  // 2021
  {
    year: 2021,
    province: '24',
    orgKey: 'ttkc-24',
    status: 'closed',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến nông sản sấy lạnh tại Lục Ngạn',
    beneficiary: 'Hợp tác xã Vải thiều Lục Ngạn',
    requested: 600 * M,
    approved: 540 * M,
  },
  {
    year: 2021,
    province: '27',
    orgKey: 'ttkc-24',
    status: 'closed',
    activityType: 'machinery',
    title: 'Ứng dụng máy móc tiên tiến trong sản xuất gốm Phù Lãng',
    beneficiary: 'Công ty TNHH Gốm Phù Lãng',
    requested: 280 * M,
  },
  {
    year: 2021,
    province: '66',
    orgKey: 'ttkc-66',
    status: 'settled',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật rang xay cà phê Đắk Lắk chất lượng cao',
    beneficiary: 'Công ty TNHH Cà phê Đắk Lắk',
    requested: 750 * M,
    approved: 700 * M,
  },
  {
    year: 2021,
    province: '91',
    orgKey: 'ttkc-91',
    status: 'closed',
    activityType: 'machinery',
    title: 'Ứng dụng máy móc chế biến nước mắm Phú Quốc',
    beneficiary: 'Cơ sở Nước mắm Hưng Thành',
    requested: 300 * M,
  },
  {
    year: 2021,
    province: '10',
    orgKey: 'ttkc-15',
    status: 'not_recommended',
    activityType: 'trade_fair_domestic',
    title: 'Hội chợ hàng công nghiệp nông thôn tiêu biểu Lào Cai',
    beneficiary: 'Trung tâm Khuyến công Lào Cai',
    requested: 900 * M,
  },
  // 2022
  {
    year: 2022,
    province: '24',
    orgKey: 'ttkc-24',
    status: 'settled',
    activityType: 'machinery',
    title: 'Ứng dụng dây chuyền sơ chế gà đồi Yên Thế',
    beneficiary: 'Hợp tác xã Gà đồi Yên Thế',
    requested: 450 * M,
    approved: 420 * M,
  },
  {
    year: 2022,
    province: '27',
    orgKey: 'ttkc-24',
    status: 'accepted',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật tái chế giấy Phong Khê',
    beneficiary: 'Công ty TNHH Giấy Phong Khê',
    requested: 900 * M,
    approved: 850 * M,
  },
  {
    year: 2022,
    province: '54',
    orgKey: 'ttkc-66',
    status: 'closed',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến cá ngừ đại dương Phú Yên',
    beneficiary: 'Công ty Cổ phần Thủy sản Phú Yên',
    requested: 800 * M,
  },
  {
    year: 2022,
    province: '89',
    orgKey: 'ttkc-91',
    status: 'accepted',
    activityType: 'vocational_training',
    title: 'Đào tạo nghề dệt thổ cẩm Chăm Châu Phong',
    beneficiary: 'Hợp tác xã Dệt Châu Phong',
    requested: 250 * M,
  },
  {
    year: 2022,
    province: '15',
    orgKey: 'ttkc-15',
    status: 'rejected',
    activityType: 'machinery',
    title: 'Ứng dụng máy chế biến quế Văn Yên',
    beneficiary: 'Hộ kinh doanh Nguyễn Văn Quế',
    requested: 500 * M,
  },
  {
    year: 2022,
    province: '01',
    orgKey: 'ttkc-01',
    status: 'closed',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật nung gốm Bát Tràng tiết kiệm năng lượng',
    beneficiary: 'Công ty TNHH Gốm sứ Bát Tràng',
    requested: 700 * M,
  },
  // 2023
  {
    year: 2023,
    province: '24',
    orgKey: 'ttkc-24',
    status: 'accepted',
    activityType: 'demonstration_model',
    title: 'Chế biến nông sản: mô hình trình diễn sấy vải thiều bằng bơm nhiệt',
    beneficiary: 'Hợp tác xã Nông sản Lục Nam',
    requested: 650 * M,
    approved: 600 * M,
  },
  {
    year: 2023,
    province: '66',
    orgKey: 'ttkc-66',
    status: 'accepted',
    activityType: 'machinery',
    title: 'Ứng dụng máy sấy cà phê nhân tại Buôn Ma Thuột',
    beneficiary: 'Hợp tác xã Cà phê Ea Tu',
    requested: 300 * M,
  },
  {
    year: 2023,
    province: '91',
    orgKey: 'ttkc-91',
    status: 'settled',
    activityType: 'pollution_treatment',
    title: 'Hệ thống xử lý nước thải chế biến hải sản Rạch Giá',
    beneficiary: 'Công ty TNHH Hải sản Kiên Giang',
    requested: 300 * M,
  },
  {
    year: 2023,
    province: '94',
    orgKey: 'ttkc-92',
    status: 'accepted',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật làm bánh pía Sóc Trăng',
    beneficiary: 'Cơ sở Bánh pía Tân Huê Viên',
    requested: 550 * M,
  },
  {
    year: 2023,
    province: '10',
    orgKey: 'ttkc-15',
    status: 'withdrawn',
    activityType: 'brand_building',
    title: 'Xây dựng thương hiệu chè Shan tuyết Bát Xát',
    beneficiary: 'Hợp tác xã Chè Bát Xát',
    requested: 35 * M,
  },
  // 2024
  {
    year: 2024,
    province: '27',
    orgKey: 'ttkc-24',
    status: 'in_progress',
    activityType: 'machinery',
    title: 'Ứng dụng máy CNC trong sản xuất đồ gỗ Đồng Kỵ',
    beneficiary: 'Công ty TNHH Mỹ nghệ Đồng Kỵ',
    requested: 300 * M,
  },
  {
    year: 2024,
    province: '24',
    orgKey: 'ttkc-24',
    status: 'accepted',
    activityType: 'machinery',
    title: 'Ứng dụng máy đóng gói mì Chũ',
    beneficiary: 'Hợp tác xã Mì Chũ',
    requested: 250 * M,
  },
  {
    year: 2024,
    province: '66',
    orgKey: 'ttkc-66',
    status: 'contracted',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến sầu riêng đông lạnh Krông Pắc',
    beneficiary: 'Công ty Cổ phần Nông sản Đắk Lắk',
    requested: 950 * M,
    approved: 900 * M,
  },
  {
    year: 2024,
    province: '93',
    orgKey: 'ttkc-92',
    status: 'accepted',
    activityType: 'machinery',
    title: 'Ứng dụng máy móc chế biến khóm Cầu Đúc',
    beneficiary: 'Hợp tác xã Khóm Cầu Đúc',
    requested: 280 * M,
  },
  {
    year: 2024,
    province: '89',
    orgKey: 'ttkc-91',
    status: 'settled',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến đường thốt nốt Tri Tôn',
    beneficiary: 'Hợp tác xã Thốt nốt Tri Tôn',
    requested: 600 * M,
  },
  {
    year: 2024,
    province: '15',
    orgKey: 'ttkc-15',
    status: 'stopped',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật sơ chế tre luồng Yên Bái',
    beneficiary: 'Công ty TNHH Tre Việt Yên Bái',
    requested: 500 * M,
  },
  // 2025
  {
    year: 2025,
    province: '24',
    orgKey: 'ttkc-24',
    status: 'in_progress',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến nông sản từ gấc Bắc Giang',
    beneficiary: 'Hợp tác xã Gấc Việt Yên',
    requested: 700 * M,
  },
  {
    year: 2025,
    province: '27',
    orgKey: 'ttkc-24',
    status: 'approved',
    activityType: 'pollution_treatment',
    title: 'Xử lý khí thải lò đúc đồng Đại Bái',
    beneficiary: 'Hộ kinh doanh Nguyễn Văn Đúc',
    requested: 300 * M,
    approved: 250 * M,
  },
  {
    year: 2025,
    province: '66',
    orgKey: 'ttkc-66',
    status: 'accepted',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật ủ men ca cao Đắk Lắk',
    beneficiary: 'Công ty TNHH Ca cao Đắk Lắk',
    requested: 800 * M,
  },
  {
    year: 2025,
    province: '91',
    orgKey: 'ttkc-91',
    status: 'contracted',
    activityType: 'machinery',
    title: 'Ứng dụng máy chế biến hồ tiêu Phú Quốc',
    beneficiary: 'Hợp tác xã Tiêu Phú Quốc',
    requested: 300 * M,
  },
  {
    year: 2025,
    province: '10',
    orgKey: 'ttkc-15',
    status: 'approved',
    activityType: 'demonstration_model',
    title: 'Mô hình trình diễn kỹ thuật chế biến thảo quả Sa Pa',
    beneficiary: 'Hợp tác xã Thảo quả Sa Pa',
    requested: 650 * M,
  },
  {
    year: 2025,
    province: '38',
    orgKey: 'ttkc-38',
    status: 'accepted',
    activityType: 'machinery',
    title: 'Ứng dụng máy dệt chiếu cói Nga Sơn',
    beneficiary: 'Hợp tác xã Cói Nga Sơn',
    requested: 260 * M,
  },
];

/** The national programmes (domain.md §1): 2021–2025 targets are Decision 1881's; 2026–2030's annex is not known yet. */
const PROGRAMMES = [
  {
    code: 'KCQG-2021-2025',
    scope: 'national' as const,
    name: 'Chương trình khuyến công quốc gia giai đoạn 2021–2025',
    fromYear: 2021,
    toYear: 2025,
    decisionNumber: '1881/QĐ-TTg',
    decisionDate: '2020-11-20',
    targets: [
      {
        metric: 'demonstration_models',
        nameVi: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ',
        nameEn: 'Demonstration and technology-transfer models',
        activityTypes: ['demonstration_model', 'demonstration_model_operating'],
        target: 340,
      },
      {
        metric: 'machinery_applications',
        nameVi: 'Cơ sở ứng dụng máy móc thiết bị tiên tiến',
        nameEn: 'Advanced machinery applications',
        activityTypes: ['machinery'],
        target: 1600,
      },
      {
        metric: 'pollution_treatment',
        nameVi: 'Cơ sở được hỗ trợ xử lý ô nhiễm môi trường',
        nameEn: 'Establishments helped to treat pollution',
        activityTypes: ['pollution_treatment', 'cluster_pollution_treatment'],
        target: 100,
      },
      {
        metric: 'training_courses',
        nameVi: 'Đề án đào tạo nghề, truyền nghề',
        nameEn: 'Vocational-training projects',
        activityTypes: ['vocational_training'],
        target: 200,
      },
    ],
  },
  {
    code: 'KCQG-2026-2030',
    scope: 'national' as const,
    name: 'Chương trình khuyến công quốc gia giai đoạn 2026–2030 (chỉ tiêu minh họa, chờ phụ lục Quyết định)',
    fromYear: 2026,
    toYear: 2030,
    decisionNumber: '2646/QĐ-BCT',
    decisionDate: '2025-09-23',
    targets: [
      {
        metric: 'demonstration_models',
        nameVi: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ',
        nameEn: 'Demonstration and technology-transfer models',
        activityTypes: ['demonstration_model', 'demonstration_model_operating'],
        target: 300,
      },
      {
        metric: 'machinery_applications',
        nameVi: 'Cơ sở ứng dụng máy móc thiết bị tiên tiến',
        nameEn: 'Advanced machinery applications',
        activityTypes: ['machinery'],
        target: 1200,
      },
    ],
  },
];

export async function seedDemoHistory(
  ctx: TAppContext,
  now: Date,
): Promise<{ proposals: number; programmes: number }> {
  const db = ctx.database.db;
  const system = systemActor('demo-seed');

  let programmesAdded = 0;
  for (const p of PROGRAMMES) {
    const [exists] = await db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.code, p.code));
    if (exists) continue;
    await db.transaction((tx) => createProgramme({ actor: system, tx, now, data: p as never }));
    programmesAdded++;
  }

  const cycleIds = new Map<number, string>();
  for (const year of HISTORY_YEARS) {
    let cycle = await findNationalCycle(db, year);
    if (!cycle) {
      await db.transaction((tx) =>
        createCycle({
          actor: system,
          tx,
          now,
          data: {
            planYear: year,
            programme: 'national',
            status: 'closed',
            budgetEnvelope: ENVELOPE[year]!,
            orientations: [],
          } as never,
        }),
      );
      cycle = await findNationalCycle(db, year);
    }
    if (!cycle) throw new Error(`the ${year} cycle could not be created`);
    cycleIds.set(year, cycle.id);
  }
  const [already] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .where(inArray(proposals.cycleId, [...cycleIds.values()]));
  if ((already?.n ?? 0) > 0) return { proposals: 0, programmes: programmesAdded };

  const orgs = new Map(
    (
      await db
        .select({ id: organizations.id, key: organizations.seedKey })
        .from(organizations)
        .where(inArray(organizations.seedKey, [...new Set(HISTORY.map((h) => h.orgKey))]))
    ).map((o) => [o.key, o.id]),
  );

  let created = 0;
  await db.transaction(async (tx) => {
    for (const h of HISTORY) {
      const organizationId = orgs.get(h.orgKey);
      if (!organizationId) throw new Error(`demo organisation missing: ${h.orgKey}`);
      // Made in May of the year before, under the 63-province map.
      const createdAt = new Date(Date.UTC(h.year - 1, 4, 10 + (created % 15), 2, 0, 0));
      const [counter] = await tx
        .insert(proposalCodeCounters)
        .values({ programme: 'national', planYear: h.year, provinceCode: h.province, lastSeq: 1 })
        .onConflictDoUpdate({
          target: [
            proposalCodeCounters.programme,
            proposalCodeCounters.planYear,
            proposalCodeCounters.provinceCode,
          ],
          set: { lastSeq: sql`${proposalCodeCounters.lastSeq} + 1` },
        })
        .returning({ seq: proposalCodeCounters.lastSeq });
      const code = `KCQG-${h.year}-${h.province}-${String(counter!.seq).padStart(4, '0')}`;
      const approved = [
        'approved',
        'contracted',
        'in_progress',
        'accepted',
        'settled',
        'closed',
        'stopped',
      ].includes(h.status);
      const [row] = await tx
        .insert(proposals)
        .values({
          code,
          cycleId: cycleIds.get(h.year)!,
          planYear: h.year,
          provinceCode: h.province,
          implementingOrganizationId: organizationId,
          activityType: h.activityType,
          title: h.title,
          beneficiary: { name: h.beneficiary, kind: 'cooperative' },
          startDate: `${h.year}-03-01`,
          endDate: `${h.year}-11-30`,
          budgetTotal: h.requested * 2,
          budgetRequested: h.requested,
          budgetCounterpart: h.requested,
          status: h.status,
          approvedFunding: approved ? (h.approved ?? h.requested) : null,
          submittedAt: new Date(Date.UTC(h.year - 1, 8, 20, 3)),
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: proposals.id });
      const id = row!.id;
      let from: TProposalStatus = 'draft';
      let step = 0;
      for (const [action, to] of pathTo(h.status)) {
        // Registration and dossier in the year before; the decision in January; implementation through the year.
        const at = new Date(Date.UTC(h.year - 1, 5, 1) + step * 30 * 86_400_000);
        await tx.insert(proposalTransitions).values({
          proposalId: id,
          action,
          fromStatus: from,
          toStatus: to,
          actorUserId: null,
          reason:
            action === 'withdraw' || action === 'stop'
              ? 'Đơn vị thụ hưởng không còn khả năng đối ứng.'
              : null,
          data: { demo: true },
          at,
        });
        from = to;
        step++;
      }
      await recordAudit(tx, {
        actor: { userId: null, label: 'system:demo-seed' },
        action: 'proposal.created',
        entityType: 'proposal',
        entityId: id,
        provinceCode: h.province,
        after: { code, planYear: h.year, status: h.status, demo: true, history: true },
        at: now,
      });
      created++;
    }
  });
  return { proposals: created, programmes: programmesAdded };
}

/** For tests: the demo history as data (what the figures must add up to). */
export const DEMO_HISTORY = HISTORY;
