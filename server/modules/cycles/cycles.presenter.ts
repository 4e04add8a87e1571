import type { TOrientation } from '../../../domain/schemas/cycles';
import type { TCycleStatus } from '../../../domain/workflow/cycle';
import type { cycleExtensions } from '../../db/schema';
import type { TCycleRow } from './cycles.repository';
import type { TEffectiveDeadline } from './deadlines';

const presentDeadline = (d: TEffectiveDeadline) => ({
  deadline: d.deadline.toISOString(),
  extended: d.extended,
  isOpen: d.isOpen,
});

export function presentCycle(
  cycle: TCycleRow,
  regulationSetName: string,
  myDeadlines: { registration: TEffectiveDeadline; dossier: TEffectiveDeadline },
  mayEdit: boolean,
) {
  return {
    id: cycle.id,
    planYear: cycle.planYear,
    programme: cycle.programme === 'local' ? ('local' as const) : ('national' as const),
    provinceCode: cycle.provinceCode,
    status: cycle.status as TCycleStatus,
    registrationDeadline: cycle.registrationDeadline.toISOString(),
    dossierDeadline: cycle.dossierDeadline.toISOString(),
    budgetEnvelope: cycle.budgetEnvelope,
    regulationSetId: cycle.regulationSetId,
    regulationSetName,
    guidanceLetter:
      cycle.guidanceLetterNumber && cycle.guidanceLetterDate
        ? { number: cycle.guidanceLetterNumber, date: cycle.guidanceLetterDate }
        : null,
    orientations: cycle.orientations as TOrientation[],
    myDeadlines: {
      registration: presentDeadline(myDeadlines.registration),
      dossier: presentDeadline(myDeadlines.dossier),
    },
    mayEdit,
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

export function presentExtension(
  row: {
    extension: typeof cycleExtensions.$inferSelect;
    organizationName: string;
    provinceCode: string | null;
  },
  planYear: number,
) {
  const e = row.extension;
  return {
    id: e.id,
    planYear,
    organizationId: e.organizationId,
    organizationName: row.organizationName,
    provinceCode: row.provinceCode,
    stage: e.stage as 'registration' | 'dossier',
    until: e.until.toISOString(),
    reason: e.reason,
    grantedBy: e.grantedBy,
    createdAt: e.createdAt.toISOString(),
  };
}
