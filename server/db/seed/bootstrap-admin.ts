import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { systemActor } from '../../access/actor';
import { recordAudit } from '../../modules/audit/record-audit';
import { hashPassword } from '../../modules/auth/password-hash';
import { assertAcceptablePassword } from '../../modules/auth/password-policy';
import type { TDb } from '../../platform/db';
import { organizations, users } from '../schema';

export const DEFAULT_ADMIN_EMAIL = 'admin@khuyencong.local';

/**
 * The first administrator (api.md "Configuration and bootstrap"): created only when the database has
 * no user at all, from KHUYENCONG_ADMIN_EMAIL / KHUYENCONG_ADMIN_PASSWORD, or with a generated
 * password that is printed once. Returns what was created, or null.
 */
export async function bootstrapAdmin(
  db: TDb,
  input: { email: string | undefined; password: string | undefined; now: Date },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  return db.transaction(async (tx) => {
    // Two instances starting together on an empty database must not both create an admin.
    await tx.execute('select pg_advisory_xact_lock(7344003)');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return null;
    const [agency] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.seedKey, 'agency'))
      .limit(1);
    if (!agency) throw new Error('the agency organisation is missing: run the reference seeds first');
    const email = (input.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
    const generatedPassword = input.password ? null : `Kc-${randomBytes(12).toString('base64url')}`;
    const password = input.password ?? generatedPassword!;
    assertAcceptablePassword(password, email);
    const [admin] = await tx
      .insert(users)
      .values({
        email,
        name: 'Quản trị hệ thống',
        organizationId: agency.id,
        roles: ['agency_admin'],
        passwordHash: await hashPassword(password),
        passwordChangedAt: input.now,
      })
      .returning({ id: users.id });
    await recordAudit(tx, {
      actor: { userId: null, label: `system:${systemActor('bootstrap').name}` },
      action: 'system.bootstrap',
      entityType: 'user',
      entityId: admin?.id ?? null,
      after: { email, roles: ['agency_admin'] },
      at: input.now,
    });
    return { email, generatedPassword };
  });
}
