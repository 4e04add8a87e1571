import { Readable } from 'node:stream';
import { eq, inArray, sql } from 'drizzle-orm';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import { endOfVnDay, vnDateOf } from '../../../domain/lib/dates';
import { auditActor, systemActor, type TActor } from '../../access/actor';
import { organizations, proposalDocuments, proposals, users } from '../../db/schema';
import type { TAppContext } from '../../platform/context';
import type { TTx } from '../../platform/db';
import { generateStorageKey } from '../../platform/storage';
import { storeUpload } from '../../platform/uploads/store-upload';
import { recordAudit } from '../audit/record-audit';
import { loadActor } from '../auth/authenticate';
import { createCycle, deadlineFor, findNationalCycle, grantExtension } from '../cycles';
import { storageOf } from '../documents';
import { baseAppraiseProposal } from './base-appraise-proposal';
import { createProposal } from './create-proposal';
import { registerProposals } from './register-proposals';
import { returnProposal } from './return-proposal';
import { submitProposal } from './submit-proposal';
import { withdrawProposal } from './withdraw-proposal';

/**
 * The demo set of the 2026 national cycle (`khuyencong seed --demo`): proposals of Lào Cai, Bắc Ninh,
 * Hà Nội, Cần Thơ and a regional centre in every status reached so far, made through the same use cases
 * as the API, by the demo users. Idempotent: nothing is added once the cycle has proposals.
 */

const PLAN_YEAR = 2026;

/** The 2024 guidance letter's orientations (domain.md §5.1), carried into the 2026 demo cycle. */
const ORIENTATIONS = [
  { code: 'agro-processing', label: 'Chế biến nông, lâm, thủy sản' },
  { code: 'high-tech', label: 'Ứng dụng công nghệ cao' },
  { code: 'circular', label: 'Sản xuất tuần hoàn, sản xuất sạch hơn' },
  { code: 'poverty-reduction', label: 'Giảm nghèo bền vững tại địa bàn khó khăn' },
  { code: 'digital', label: 'Chuyển đổi số, thiết kế bao bì, tiếp thị' },
];

/** Organisations that register for the demo users; they get extensions when the 2026 stages have closed. */
const DEMO_REGISTERING = ['so-ct-15', 'so-ct-24', 'so-ct-01', 'so-ct-92', 'ttkc-vung-1'];

type TTarget = 'draft' | 'registered' | 'base_appraised' | 'submitted' | 'returned' | 'withdrawn';

type TDemoProposal = {
  target: TTarget;
  /** Who writes it (an officer of the province or the unit). */
  author: string;
  /** Who registers and submits it (the Sở leader, or the unit registering directly). */
  leader?: string;
  orgKey: string;
  provinceCode?: string;
  title: string;
  activityType: string;
  beneficiary: { name: string; taxCode?: string; kind: string; address?: string };
  commune: string;
  budget: { total: number; requested: number; counterpart: number; other: number };
  fields: Record<string, unknown>;
  orientations: string[];
  priorityArea?: boolean;
  womenOwned?: boolean;
  ethnicMinorityOwned?: boolean;
  isPilot?: boolean;
};

const LAO_CAI = { author: 'so.laocai@demo.khuyencong.vn', leader: 'lanhdao.laocai@demo.khuyencong.vn' };
const BAC_NINH = { author: 'so.bacninh@demo.khuyencong.vn', leader: 'lanhdao.bacninh@demo.khuyencong.vn' };
const model = (total: number, requested: number) => ({
  total,
  requested,
  counterpart: total - requested,
  other: 0,
});

const DEMO_PROPOSALS: TDemoProposal[] = [
  {
    target: 'draft',
    ...LAO_CAI,
    orgKey: 'ttkc-15',
    title: 'Ứng dụng máy móc tiên tiến trong sơ chế và chế biến quế Văn Yên',
    activityType: 'machinery',
    beneficiary: { name: 'Hợp tác xã Quế hồi Đại Sơn', taxCode: '5200876543', kind: 'cooperative' },
    commune: 'Xã Đại Sơn',
    // 600 million asked where the machinery cap is 300 million: the error the officer sees and fixes.
    budget: model(1_400_000_000, 600_000_000),
    fields: {
      items: [
        { name: 'Máy thái quế tự động', price: 650_000_000, quotations: 3 },
        { name: 'Lò sấy quế bằng hơi nóng', price: 750_000_000, quotations: 3 },
      ],
      isTechnologyLine: false,
    },
    orientations: ['agro-processing'],
    priorityArea: true,
  },
  {
    target: 'draft',
    ...LAO_CAI,
    orgKey: 'ttkc-15',
    title: 'Mô hình trình diễn kỹ thuật sấy chè Shan tuyết bằng năng lượng mặt trời',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Công ty TNHH Chè Suối Giàng Lào Cai', taxCode: '5200112233', kind: 'sme' },
    commune: 'Xã Mù Cang Chải',
    budget: model(1_800_000_000, 540_000_000),
    fields: { models: 1 },
    orientations: ['agro-processing', 'high-tech'],
  },
  {
    target: 'registered',
    ...LAO_CAI,
    orgKey: 'ttkc-15',
    title: 'Đào tạo nghề dệt thổ cẩm cho phụ nữ dân tộc Mông tại Sa Pa',
    activityType: 'vocational_training',
    beneficiary: { name: 'Hợp tác xã Thổ cẩm Tả Phìn', kind: 'cooperative' },
    commune: 'Xã Tả Phìn',
    budget: { total: 350_000_000, requested: 350_000_000, counterpart: 0, other: 0 },
    fields: {},
    orientations: ['poverty-reduction'],
    womenOwned: true,
    ethnicMinorityOwned: true,
  },
  {
    target: 'base_appraised',
    ...LAO_CAI,
    orgKey: 'ttkc-15',
    title: 'Mô hình trình diễn kỹ thuật chưng cất tinh dầu quế quy mô hộ',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Hộ kinh doanh Hoàng Văn Lợi', kind: 'household_business' },
    commune: 'Xã Bảo Hà',
    budget: model(1_500_000_000, 450_000_000),
    fields: { models: 1 },
    orientations: ['agro-processing'],
  },
  {
    target: 'submitted',
    ...LAO_CAI,
    orgKey: 'ttkc-15',
    title: 'Mô hình trình diễn kỹ thuật chế biến chè xanh chất lượng cao Bát Xát',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Hợp tác xã Chè Bát Xát', taxCode: '5200334455', kind: 'cooperative' },
    commune: 'Xã Bát Xát',
    budget: model(2_000_000_000, 600_000_000),
    fields: { models: 1 },
    orientations: ['agro-processing', 'high-tech'],
    priorityArea: true,
  },
  {
    target: 'returned',
    ...LAO_CAI,
    orgKey: 'ttkc-15',
    title: 'Mô hình trình diễn kỹ thuật sản xuất đồ gỗ từ gỗ rừng trồng Bảo Yên',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Công ty Cổ phần Lâm sản Bảo Yên', taxCode: '5200556677', kind: 'sme' },
    commune: 'Xã Phố Ràng',
    budget: model(2_500_000_000, 750_000_000),
    fields: { models: 1 },
    orientations: ['circular'],
  },
  {
    target: 'draft',
    ...BAC_NINH,
    orgKey: 'ttkc-24',
    title: 'Ứng dụng máy in 3D trong tạo mẫu gốm Phù Lãng',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Hợp tác xã Gốm Phù Lãng', kind: 'cooperative' },
    commune: 'Xã Phù Lãng',
    budget: model(1_200_000_000, 360_000_000),
    fields: { models: 1 },
    orientations: ['high-tech', 'digital'],
  },
  {
    target: 'registered',
    ...BAC_NINH,
    orgKey: 'ttkc-24',
    title: 'Mô hình sản xuất đồ gỗ mỹ nghệ Đồng Kỵ ứng dụng máy CNC',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Công ty TNHH Mỹ nghệ Đồng Kỵ', taxCode: '2300998877', kind: 'sme' },
    commune: 'Phường Đồng Nguyên',
    budget: model(3_000_000_000, 900_000_000),
    fields: { models: 1 },
    orientations: ['high-tech'],
  },
  {
    target: 'submitted',
    ...BAC_NINH,
    orgKey: 'ttkc-24',
    title: 'Mô hình trình diễn kỹ thuật tái chế giấy tiết kiệm nước tại làng nghề Phong Khê',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Công ty TNHH Giấy Phong Khê', taxCode: '2300445566', kind: 'sme' },
    commune: 'Phường Phong Khê',
    budget: model(2_200_000_000, 660_000_000),
    fields: { models: 1 },
    orientations: ['circular'],
  },
  {
    target: 'withdrawn',
    ...BAC_NINH,
    orgKey: 'ttkc-24',
    title: 'Mô hình trình diễn kỹ thuật đúc đồng mỹ nghệ Đại Bái',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Hộ kinh doanh Nguyễn Văn Đúc', kind: 'household_business' },
    commune: 'Xã Đại Lai',
    budget: model(1_000_000_000, 300_000_000),
    fields: { models: 1 },
    orientations: ['agro-processing'],
  },
  {
    target: 'draft',
    author: 'so.hanoi@demo.khuyencong.vn',
    orgKey: 'ttkc-01',
    title: 'Mô hình trình diễn kỹ thuật nung gốm sứ Bát Tràng bằng lò gas tiết kiệm năng lượng',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Công ty TNHH Gốm sứ Bát Tràng Xanh', taxCode: '0101234567', kind: 'sme' },
    commune: 'Xã Bát Tràng',
    budget: model(2_400_000_000, 720_000_000),
    fields: { models: 1 },
    orientations: ['circular'],
  },
  {
    target: 'draft',
    author: 'so.cantho@demo.khuyencong.vn',
    orgKey: 'ttkc-92',
    title: 'Ứng dụng dây chuyền tráng và sấy bánh tráng Thuận Hưng',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Cơ sở Bánh tráng Út Hương', kind: 'household_business' },
    commune: 'Phường Thuận Hưng',
    budget: model(900_000_000, 270_000_000),
    fields: { models: 1 },
    orientations: ['agro-processing'],
  },
  {
    target: 'submitted',
    author: 'trungtam.vung1@demo.khuyencong.vn',
    leader: 'trungtam.vung1@demo.khuyencong.vn',
    orgKey: 'ttkc-vung-1',
    provinceCode: '15',
    title: 'Mô hình trình diễn kỹ thuật chế biến dược liệu Bắc Hà',
    activityType: 'demonstration_model',
    beneficiary: { name: 'Hợp tác xã Dược liệu Bắc Hà', kind: 'cooperative' },
    commune: 'Xã Bắc Hà',
    budget: model(1_600_000_000, 480_000_000),
    fields: { models: 1 },
    orientations: ['agro-processing', 'poverty-reduction'],
  },
];

/** The documents a full dossier needs under the 2026 set (the beneficiary is a separate establishment). */
const DOSSIER: TDocumentKind[] = [
  'request_letter',
  'project_document',
  'cost_estimate',
  'beneficiary_request',
  'counterpart_commitment',
];

/** A small, valid one-page PDF naming the document (stand-in for a scan). */
function demoPdf(title: string): Buffer {
  const text = title.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  const stream = `BT /F1 14 Tf 60 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Stores the demo documents through the storage interface and records them as current versions. */
export async function attachDemoDocuments(
  ctx: TAppContext,
  tx: TTx,
  actor: TActor,
  proposalId: string,
  now: Date,
) {
  const storage = storageOf(ctx);
  for (const kind of DOSSIER) {
    const stored = await storeUpload({
      storage,
      source: Readable.from([demoPdf(`Ho so de an - ${kind}`)]),
      key: generateStorageKey('documents', now),
      scanner: null, // generated here, not uploaded
    });
    const [created] = await tx
      .insert(proposalDocuments)
      .values({
        proposalId,
        kind,
        version: 1,
        fileName: `${kind}.pdf`,
        contentType: stored.contentType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: actor.userId,
        uploadedAt: now,
      })
      .returning({ id: proposalDocuments.id });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'document.uploaded',
      entityType: 'proposal_document',
      entityId: created?.id ?? null,
      provinceCode: actor.provinceCode,
      after: { proposalId, kind, version: 1, size: stored.size, sha256: stored.sha256, demo: true },
      at: now,
    });
  }
}

/**
 * Adds the 2026 cycle (when absent) and the demo proposals. When the 2026 deadlines are already past,
 * the demo provinces and the regional centre get extensions (30 and 120 days from today), so every
 * step can still be tried; the cycle keeps its legal dates.
 */
export async function seedDemoProposals(ctx: TAppContext, now: Date): Promise<{ proposals: number }> {
  const db = ctx.database.db;
  const system = systemActor('demo-seed');
  let cycle = await findNationalCycle(db, PLAN_YEAR);
  if (!cycle) {
    await db.transaction((tx) =>
      createCycle({
        actor: system,
        tx,
        now,
        data: {
          planYear: PLAN_YEAR,
          programme: 'national',
          status: 'open',
          budgetEnvelope: 120_000_000_000,
          guidanceLetter: { number: '1520/ĐMST-KC', date: '2025-03-20' },
          orientations: ORIENTATIONS,
        },
      }),
    );
    cycle = await findNationalCycle(db, PLAN_YEAR);
  }
  if (!cycle) throw new Error('the 2026 cycle could not be created');
  const existing = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .where(eq(proposals.cycleId, cycle.id));
  if ((existing[0]?.n ?? 0) > 0) return { proposals: 0 };

  const orgs = new Map(
    (
      await db
        .select({ id: organizations.id, key: organizations.seedKey })
        .from(organizations)
        .where(inArray(organizations.seedKey, [...DEMO_REGISTERING, ...DEMO_PROPOSALS.map((p) => p.orgKey)]))
    ).map((o) => [o.key, o.id]),
  );
  const orgId = (key: string) => {
    const id = orgs.get(key);
    if (!id) throw new Error(`demo organisation missing: ${key}`);
    return id;
  };
  const today = vnDateOf(now);
  const plusDays = (days: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  for (const key of DEMO_REGISTERING) {
    for (const [stage, days] of [
      ['registration', 30],
      ['dossier', 120],
    ] as const) {
      const effective = await deadlineFor(db, cycle, orgId(key), stage, now);
      if (effective.isOpen) continue;
      await db.transaction((tx) =>
        grantExtension({
          actor: system,
          tx,
          now,
          planYear: PLAN_YEAR,
          data: {
            organizationId: orgId(key),
            stage,
            until: endOfVnDay(plusDays(days)).toISOString(),
            reason: 'Dữ liệu trình diễn: gia hạn để thử các bước của kỳ kế hoạch.',
          },
        }),
      );
    }
  }

  const actors = new Map<string, TActor>();
  const actorOf = async (email: string) => {
    if (!actors.has(email)) {
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      if (!user) throw new Error(`demo user missing: ${email}`);
      const actor = await loadActor(db, user.id, 'session', { ip: null, requestId: 'demo-seed' });
      if (!actor) throw new Error(`demo user inactive: ${email}`);
      actors.set(email, actor);
    }
    return actors.get(email)!;
  };
  const agencyOfficer = await actorOf('chuyenvien.cuc@demo.khuyencong.vn');

  let created = 0;
  for (const demo of DEMO_PROPOSALS) {
    const author = await actorOf(demo.author);
    const id = await db.transaction((tx) =>
      createProposal({
        actor: author,
        tx,
        now,
        data: {
          planYear: PLAN_YEAR,
          implementingOrganizationId: orgId(demo.orgKey),
          ...(demo.provinceCode ? { provinceCode: demo.provinceCode } : {}),
          activityType: demo.activityType as never,
          title: demo.title,
          isPilot: demo.isPilot ?? false,
          isGroupProject: false,
          beneficiary: demo.beneficiary as never,
          location: { commune: demo.commune },
          startDate: `${PLAN_YEAR}-03-01`,
          endDate: `${PLAN_YEAR}-11-30`,
          budget: demo.budget,
          outputs: [{ name: 'Mô hình trình diễn / kết quả chính', quantity: 1, unit: 'mô hình' }],
          fields: demo.fields,
          priorityArea: demo.priorityArea ?? false,
          priorityIndustry: false,
          womenOwned: demo.womenOwned ?? false,
          ethnicMinorityOwned: demo.ethnicMinorityOwned ?? false,
          orientations: demo.orientations,
        },
      }),
    );
    created++;
    if (demo.target === 'draft' || !demo.leader) continue;
    const leader = await actorOf(demo.leader);
    const direct = demo.orgKey.startsWith('ttkc-vung');
    await db.transaction((tx) =>
      registerProposals({
        actor: leader,
        tx,
        now,
        data: {
          planYear: PLAN_YEAR,
          proposalIds: [id],
          letterNumber: direct ? '15/TTKCV1-KH' : `${30 + created}/SCT-QLCN`,
          letterDate: today,
        },
      }),
    );
    if (demo.target === 'registered') continue;
    if (demo.target === 'withdrawn') {
      await db.transaction((tx) =>
        withdrawProposal({
          actor: author,
          tx,
          now,
          id,
          data: { reason: 'Đơn vị thụ hưởng chuyển sang nguồn vốn khác, không còn nhu cầu hỗ trợ.' },
        }),
      );
      continue;
    }
    await db.transaction((tx) => attachDemoDocuments(ctx, tx, author, id, now));
    if (!direct) {
      await db.transaction((tx) =>
        baseAppraiseProposal({
          actor: author,
          tx,
          now,
          id,
          data: {
            result: 'pass',
            comments: 'Đạt yêu cầu thẩm định cấp cơ sở.',
            recommendedFunding: demo.budget.requested,
          },
        }),
      );
    }
    if (demo.target === 'base_appraised') continue;
    await db.transaction((tx) =>
      submitProposal({ actor: leader, tx, now, id, language: 'vi', publicUrl: ctx.config.publicUrl }),
    );
    if (demo.target === 'returned') {
      await db.transaction((tx) =>
        returnProposal({
          actor: agencyOfficer,
          tx,
          now,
          publicUrl: ctx.config.publicUrl,
          id,
          data: {
            reason: 'Bổ sung báo giá của ít nhất ba nhà cung cấp cho máy móc, thiết bị.',
            dueDate: plusDays(14),
          },
        }),
      );
    }
  }
  return { proposals: created };
}
