import { formatInstantVi } from '../../../domain/lib/dates';
import type { TDeadlineStage } from '../../../domain/workflow/cycle';
import type { TDbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { latestExtension, type TCycleRow } from './cycles.repository';

export type TEffectiveDeadline = {
  stage: TDeadlineStage;
  /** The instant after which the stage is closed for this organisation. */
  deadline: Date;
  /** The cycle's own deadline for the stage. */
  stageDeadline: Date;
  /** True when an extension moved the deadline later for this organisation. */
  extended: boolean;
  /** `now` is at or before the deadline. */
  isOpen: boolean;
};

/**
 * The deadline in force for one organisation at one stage of a cycle (R9): the latest extension granted
 * to it when that is later than the stage's deadline, else the stage's deadline. Decided at the instant,
 * with the `now` of the caller's transaction (the injectable clock), never the wall clock.
 */
export async function deadlineFor(
  db: TDbOrTx,
  cycle: Pick<TCycleRow, 'id' | 'registrationDeadline' | 'dossierDeadline'>,
  organizationId: string,
  stage: TDeadlineStage,
  now: Date,
): Promise<TEffectiveDeadline> {
  const extension = await latestExtension(db, { cycleId: cycle.id, organizationId, stage });
  return effectiveDeadline(cycle, extension?.until ?? null, stage, now);
}

/** The rule of `deadlineFor` once the latest extension is known (lists look extensions up in one query). */
export function effectiveDeadline(
  cycle: Pick<TCycleRow, 'registrationDeadline' | 'dossierDeadline'>,
  extensionUntil: Date | null,
  stage: TDeadlineStage,
  now: Date,
): TEffectiveDeadline {
  const stageDeadline = new Date(
    stage === 'registration' ? cycle.registrationDeadline : cycle.dossierDeadline,
  );
  const extended = extensionUntil !== null && extensionUntil.getTime() > stageDeadline.getTime();
  const deadline = extended ? extensionUntil : stageDeadline;
  return { stage, deadline, stageDeadline, extended, isOpen: now.getTime() <= deadline.getTime() };
}

const STAGE_NAMES = {
  registration: { vi: 'hạn đăng ký kế hoạch', en: 'registration deadline' },
  dossier: { vi: 'hạn gửi hồ sơ đề án', en: 'dossier deadline' },
  supplement: { vi: 'hạn bổ sung hồ sơ', en: 'supplement due date' },
} as const;

/** `422 deadline_passed` naming the deadline in Vietnam time (dd/MM/yyyy HH:mm). */
export function deadlinePassed(kind: keyof typeof STAGE_NAMES, deadline: Date, extended = false): AppError {
  const when = formatInstantVi(deadline);
  const name = STAGE_NAMES[kind];
  return new AppError('deadline_passed', {
    detail: {
      vi: `Đã quá ${name.vi}${extended ? ' (đã gia hạn)' : ''}: hạn chót là ${when} (giờ Việt Nam).`,
      en: `The ${name.en}${extended ? ' (as extended)' : ''} has passed: it was ${when} (Vietnam time).`,
    },
    deadline: deadline.toISOString(),
  });
}

/** Throws `deadline_passed` when the effective deadline is behind `now`. */
export function assertDeadlineOpen(effective: TEffectiveDeadline): void {
  if (!effective.isOpen) throw deadlinePassed(effective.stage, effective.deadline, effective.extended);
}
