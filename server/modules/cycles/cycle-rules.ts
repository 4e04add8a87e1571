import { endOfVnDay, isIsoDate } from '../../../domain/lib/dates';
import { defaultDeadlines, isSetEffectiveIn, type TRegulationSet } from '../../../domain/regulation';
import type { TDbOrTx } from '../../platform/db';
import { AppError, type TFieldError } from '../../platform/errors';
import { loadRegulationSet } from './cycles.repository';

/** A deadline given as a date means the end of that day in Vietnam (23:59:59). */
export function toDeadlineInstant(value: string): Date {
  return isIsoDate(value) ? endOfVnDay(value) : new Date(value);
}

/**
 * The set a cycle names must exist and cover its plan year: a national set for a national cycle, the
 * same province's local set for a local (KCĐP) one.
 */
export async function assertUsableSet(
  tx: TDbOrTx,
  regulationSetId: string,
  planYear: number,
  provinceCode: string | null = null,
): Promise<{ set: TRegulationSet; name: string }> {
  const loaded = await loadRegulationSet(tx, regulationSetId);
  const usable =
    loaded !== null &&
    (provinceCode === null
      ? loaded.row.programme === 'national'
      : loaded.row.programme === 'local' && loaded.row.provinceCode === provinceCode) &&
    isSetEffectiveIn(loaded.set, planYear);
  if (!usable) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'regulationSetId',
          code: 'invalid_value',
          message: {
            vi: `Bộ quy định không tồn tại hoặc không áp dụng cho năm kế hoạch ${planYear}.`,
            en: `No such regulation set of the cycle's programme for plan year ${planYear}.`,
          },
        },
      ],
    });
  }
  return { set: loaded.set, name: loaded.row.name };
}

/** The set's default deadlines for the plan year, at the end of each day in Vietnam. */
export function defaultDeadlineInstants(set: TRegulationSet, planYear: number) {
  const d = defaultDeadlines(set, planYear);
  return { registration: endOfVnDay(d.registration), dossier: endOfVnDay(d.dossier) };
}

/** Registration comes before the dossiers (20 June, then 30 September). */
export function assertDeadlineOrder(registration: Date, dossier: Date): void {
  if (registration.getTime() <= dossier.getTime()) return;
  const errors: TFieldError[] = [
    {
      path: 'registrationDeadline',
      code: 'invalid_value',
      message: {
        vi: 'Hạn đăng ký kế hoạch phải trước hạn gửi hồ sơ đề án.',
        en: 'The registration deadline must come before the dossier deadline.',
      },
    },
  ];
  throw new AppError('validation_failed', { errors });
}
