import { NATIONAL_REGULATION_SETS, type TRegulationSet } from '../../../domain/regulation';
import { regulationSets } from '../../db/schema';
import type { TDb } from '../../platform/db';
import { existingCodes } from './regulations.repository';

const SEED_NOTE =
  'Phiên bản khởi tạo của hệ thống, theo các văn bản nêu ở mục Căn cứ pháp lý. Các giá trị gắn nhãn «Cần xác minh» phải được đối chiếu với văn bản hiện hành trước khi sử dụng.';

/**
 * Inserts the national regulation sets as version 1 of their code when the code is absent. Idempotent:
 * once a code exists it belongs to the administrators, who change it only by publishing new versions.
 */
export async function seedRegulationSets(
  db: TDb,
  sets: readonly TRegulationSet[] = NATIONAL_REGULATION_SETS,
): Promise<number> {
  const present = await existingCodes(
    db,
    sets.map((s) => s.code),
  );
  const missing = sets.filter((s) => !present.has(s.code));
  if (missing.length === 0) return 0;
  const inserted = await db
    .insert(regulationSets)
    .values(
      missing.map((set) => ({
        code: set.code,
        version: 1,
        name: set.name,
        programme: set.programme,
        provinceCode: set.provinceCode,
        effectiveFromYear: set.effectiveFromYear,
        effectiveToYear: set.effectiveToYear,
        body: set,
        previousId: null,
        note: SEED_NOTE,
        createdBy: null,
      })),
    )
    // Two instances starting at once: the second finds the rows the first wrote.
    .onConflictDoNothing({ target: [regulationSets.code, regulationSets.version] })
    .returning({ id: regulationSets.id });
  return inserted.length;
}
