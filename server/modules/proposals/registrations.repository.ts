import { asc, eq } from 'drizzle-orm';
import { cycles, organizations, registrationItems, registrations } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';

/** A registration report as the API returns it (read right after it was written by its author). */
export async function findRegistration(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ registration: registrations, organizationName: organizations.name, planYear: cycles.planYear })
    .from(registrations)
    .innerJoin(organizations, eq(organizations.id, registrations.organizationId))
    .innerJoin(cycles, eq(cycles.id, registrations.cycleId))
    .where(eq(registrations.id, id))
    .limit(1);
  if (!row) return null;
  const items = await db
    .select({ proposalId: registrationItems.proposalId })
    .from(registrationItems)
    .where(eq(registrationItems.registrationId, id))
    .orderBy(asc(registrationItems.proposalId));
  const r = row.registration;
  return {
    id: r.id,
    planYear: row.planYear,
    organizationId: r.organizationId,
    organizationName: row.organizationName,
    provinceCode: r.provinceCode,
    letterNumber: r.letterNumber,
    letterDate: r.letterDate,
    proposalIds: items.map((i) => i.proposalId),
    submittedAt: r.submittedAt.toISOString(),
  };
}
