import { eq, inArray, sql } from 'drizzle-orm';
import type { TRole } from '../../../domain/enums/roles';
import { recordAudit } from '../../modules/audit/record-audit';
import { hashPassword } from '../../modules/auth/password-hash';
import { seedDemoImplementation } from '../../modules/implementation/implementation.seed';
import { seedDemoLocalPlans } from '../../modules/plans/local-plans.seed';
import { seedDemoPlans } from '../../modules/plans/plans.seed';
import { seedDemoProposals } from '../../modules/proposals/proposals.seed';
import { seedDemoHistory } from '../../modules/stats/history.seed';
import { seedDemoCertificates } from '../../modules/typical-products';
import type { TAppContext } from '../../platform/context';
import type { TDb } from '../../platform/db';
import { organizations, users } from '../schema';

/** The demo password of every demo account (never used outside `seed --demo`). */
export const DEMO_PASSWORD = 'Khuyen-Cong-2026';

type TDemoUser = { email: string; name: string; orgKey: string; roles: TRole[] };

/** Users of every role in the agency and in four provinces: Lào Cai, Bắc Ninh, Hà Nội and Cần Thơ. */
const DEMO_USERS: TDemoUser[] = [
  { email: 'quantri@demo.khuyencong.vn', name: 'Nguyễn Văn Quản', orgKey: 'agency', roles: ['agency_admin'] },
  {
    email: 'chuyenvien.cuc@demo.khuyencong.vn',
    name: 'Trần Thị Hạnh',
    orgKey: 'agency',
    roles: ['agency_officer'],
  },
  {
    email: 'lanhdao.cuc@demo.khuyencong.vn',
    name: 'Lê Minh Đức',
    orgKey: 'agency',
    roles: ['agency_leader'],
  },
  { email: 'thamdinh@demo.khuyencong.vn', name: 'Phạm Quốc Thắng', orgKey: 'agency', roles: ['appraiser'] },
  { email: 'thanhtra@demo.khuyencong.vn', name: 'Võ Thị Ánh', orgKey: 'agency', roles: ['auditor'] },
  {
    email: 'so.laocai@demo.khuyencong.vn',
    name: 'Hoàng Văn Sơn',
    orgKey: 'so-ct-15',
    roles: ['province_officer'],
  },
  {
    email: 'lanhdao.laocai@demo.khuyencong.vn',
    name: 'Đặng Thị Mai',
    orgKey: 'so-ct-15',
    roles: ['province_leader'],
  },
  {
    email: 'trungtam.laocai@demo.khuyencong.vn',
    name: 'Bùi Văn Tùng',
    orgKey: 'ttkc-15',
    roles: ['unit_officer'],
  },
  {
    email: 'so.bacninh@demo.khuyencong.vn',
    name: 'Ngô Thị Lan',
    orgKey: 'so-ct-24',
    roles: ['province_officer'],
  },
  {
    email: 'lanhdao.bacninh@demo.khuyencong.vn',
    name: 'Đỗ Văn Hùng',
    orgKey: 'so-ct-24',
    roles: ['province_leader'],
  },
  {
    email: 'ubnd.bacninh@demo.khuyencong.vn',
    name: 'Nguyễn Hữu Thành',
    orgKey: 'ubnd-24',
    roles: ['province_leader'], // a leader of UBND tỉnh Bắc Ninh: approves the local plan (issue #7)
  },
  {
    email: 'so.hanoi@demo.khuyencong.vn',
    name: 'Vũ Thị Thu',
    orgKey: 'so-ct-01',
    roles: ['province_officer'],
  },
  {
    email: 'so.cantho@demo.khuyencong.vn',
    name: 'Huỳnh Văn Phát',
    orgKey: 'so-ct-92',
    roles: ['province_officer'],
  },
  {
    email: 'trungtam.vung1@demo.khuyencong.vn',
    name: 'Lý Thị Hoa',
    orgKey: 'ttkc-vung-1',
    roles: ['unit_officer'],
  },
];

/**
 * Idempotent: accounts that already exist are left as they are. With the application context, also the
 * 2026 cycle and its demo proposals (server/modules/proposals/proposals.seed.ts).
 */
export async function seedDemoData(
  db: TDb,
  now: Date,
  ctx?: TAppContext,
): Promise<{ users: number; password: string; proposals: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await db.transaction(async (tx) => {
    const orgs = await tx
      .select({
        id: organizations.id,
        seedKey: organizations.seedKey,
        provinceCode: organizations.provinceCode,
      })
      .from(organizations)
      .where(inArray(organizations.seedKey, [...new Set(DEMO_USERS.map((u) => u.orgKey))]));
    const orgByKey = new Map(orgs.map((o) => [o.seedKey, o]));
    let created = 0;
    for (const demo of DEMO_USERS) {
      const org = orgByKey.get(demo.orgKey);
      if (!org) throw new Error(`demo organisation missing: ${demo.orgKey}`);
      const [exists] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, demo.email));
      if (exists) continue;
      const [row] = await tx
        .insert(users)
        .values({
          email: demo.email,
          name: demo.name,
          organizationId: org.id,
          roles: demo.roles,
          passwordHash,
          passwordChangedAt: now,
        })
        .returning({ id: users.id });
      await recordAudit(tx, {
        actor: { userId: null, label: 'system:demo-seed' },
        action: 'user.created',
        entityType: 'user',
        entityId: row?.id ?? null,
        provinceCode: org.provinceCode,
        after: { email: demo.email, roles: demo.roles, demo: true },
        at: now,
      });
      created++;
    }
    return { users: created, password: DEMO_PASSWORD };
  });
  const demo = ctx ? await seedDemoProposals(ctx, now) : { proposals: 0 };
  if (ctx) await seedDemoHistory(ctx, now); // 2021–2025 in the old province codes, programmes (issue #8)
  if (ctx) await seedDemoCertificates(ctx, now); // the typical-product registry (issue #11)
  // Every implementation step on Lào Cai's 2025 projects (issue #7); before the plans, so that the 2025
  // plan approved there holds them.
  if (ctx) await seedDemoImplementation(ctx, now);
  if (ctx) await seedDemoPlans(ctx, now); // appraisals, the decided 2026 plan, the approved 2025 plan (issue #6)
  if (ctx) await seedDemoLocalPlans(ctx, now); // Bắc Ninh's local (KCĐP) plans: 2026 approved by its UBND, 2027 in progress (issue #7)
  return { ...seeded, proposals: demo.proposals };
}
