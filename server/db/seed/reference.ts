import { sql } from 'drizzle-orm';
import { ACTIVITY_TYPE_DEFINITIONS, ACTIVITY_TYPES } from '../../../domain/enums/activity-types';
import { seedRegulationSets } from '../../modules/regulations';
import type { TDb } from '../../platform/db';
import { activityTypes, adminUnits, organizationNames, organizations } from '../schema';
import { ADMIN_UNITS } from './data/admin-units';
import { ORGANIZATION_SEEDS } from './data/organizations';

/**
 * Reference seeds, run at every start and idempotent. Administrative units and activity types are
 * owned by the code (upserted, so a corrected name reaches every installation); organisations are
 * created once by seed key and then belong to the admins (never overwritten).
 */
export async function seedReferenceData(db: TDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(adminUnits)
      .values(ADMIN_UNITS.map((u) => ({ ...u })))
      .onConflictDoUpdate({
        target: [adminUnits.code, adminUnits.validFrom],
        set: {
          validTo: sql`excluded.valid_to`,
          name: sql`excluded.name`,
          fullName: sql`excluded.full_name`,
          kind: sql`excluded.kind`,
          region: sql`excluded.region`,
          successorCode: sql`excluded.successor_code`,
        },
      });

    await tx
      .insert(activityTypes)
      .values(
        ACTIVITY_TYPES.map((code, index) => {
          const d = ACTIVITY_TYPE_DEFINITIONS[code];
          return {
            code,
            nameVi: d.nameVi,
            nameEn: d.nameEn,
            contentGroup: d.contentGroup,
            validFromYear: d.validFromYear,
            validToYear: d.validToYear,
            sortOrder: index,
          };
        }),
      )
      .onConflictDoUpdate({
        target: activityTypes.code,
        set: {
          nameVi: sql`excluded.name_vi`,
          nameEn: sql`excluded.name_en`,
          contentGroup: sql`excluded.content_group`,
          validFromYear: sql`excluded.valid_from_year`,
          validToYear: sql`excluded.valid_to_year`,
          sortOrder: sql`excluded.sort_order`,
        },
      });

    const existing = new Map(
      (await tx.select({ id: organizations.id, seedKey: organizations.seedKey }).from(organizations)).map(
        (o) => [o.seedKey, o.id],
      ),
    );
    // Parents come before children in ORGANIZATION_SEEDS, so parent ids are known when needed.
    for (const seed of ORGANIZATION_SEEDS) {
      if (existing.has(seed.key)) continue;
      const current = seed.names.at(-1)!;
      const parentId = seed.parentKey ? (existing.get(seed.parentKey) ?? null) : null;
      const [created] = await tx
        .insert(organizations)
        .values({
          seedKey: seed.key,
          kind: seed.kind,
          name: current.name,
          shortName: current.shortName ?? null,
          provinceCode: seed.provinceCode,
          parentId,
        })
        .returning({ id: organizations.id });
      if (!created) throw new Error(`could not seed organisation ${seed.key}`);
      existing.set(seed.key, created.id);
      await tx.insert(organizationNames).values(
        seed.names.map((n) => ({
          organizationId: created.id,
          name: n.name,
          shortName: n.shortName ?? null,
          validFrom: n.validFrom,
          validTo: n.validTo,
        })),
      );
    }
  });
  await seedRegulationSets(db);
}
