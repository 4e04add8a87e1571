import { desc, eq } from 'drizzle-orm';
import { localRegulationSet } from '../../../domain/regulation';
import { auditActor, type TActor } from '../../access/actor';
import { adminUnits, regulationSets } from '../../db/schema';
import type { TTx } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';

/**
 * A province's first local (KCĐP) set, made from the template (`domain/regulation/local-seeds.ts`: the
 * national 2026 lines at 70 %, every cap `needsVerification`) when its Sở opens its first local cycle
 * and the province has none: version 1 of `local-{province}-2026`, audited as a publication. The province
 * then publishes its People's Committee's own values as new versions. Idempotent under a race (the
 * code+version index): the second caller finds the first one's row.
 */
export async function ensureLocalRegulationSet(
  tx: TTx,
  actor: TActor,
  now: Date,
  provinceCode: string,
): Promise<string | null> {
  const [unit] = await tx
    .select({ name: adminUnits.name })
    .from(adminUnits)
    .where(eq(adminUnits.code, provinceCode))
    .orderBy(desc(adminUnits.validFrom))
    .limit(1);
  if (!unit) return null;
  const body = localRegulationSet(provinceCode, unit.name);
  const [created] = await tx
    .insert(regulationSets)
    .values({
      code: body.code,
      version: 1,
      name: body.name,
      programme: 'local',
      provinceCode,
      effectiveFromYear: body.effectiveFromYear,
      effectiveToYear: body.effectiveToYear,
      body,
      previousId: null,
      note: 'Khởi tạo từ mẫu khi Sở Công Thương mở kỳ kế hoạch địa phương đầu tiên; mức hỗ trợ cần thay bằng mức do UBND tỉnh quy định.',
      createdBy: actor.via === 'system' ? null : actor.userId,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [regulationSets.code, regulationSets.version] })
    .returning({ id: regulationSets.id });
  if (!created) return null;
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'regulation_set.published',
    entityType: 'regulation_set',
    entityId: created.id,
    provinceCode,
    after: { code: body.code, version: 1, programme: 'local', provinceCode, template: true },
    at: now,
  });
  return created.id;
}
