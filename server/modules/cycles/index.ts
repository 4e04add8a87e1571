/**
 * Plan cycles: deadlines, extensions, reminders. The only file other modules import from this folder.
 */

export { createCycle } from './create-cycle';
export { CYCLE_REMINDERS_JOB, cycleJobs } from './cycles.jobs';
export {
  findCycle,
  findCycleById,
  findCyclesByIds,
  findNationalCycle,
  latestExtensions,
  loadRegulationSet,
  maySeeCycle,
  type TCycleRow,
} from './cycles.repository';
export { cyclesRoutes } from './cycles.routes';
export {
  assertDeadlineOpen,
  deadlineFor,
  deadlinePassed,
  effectiveDeadline,
  type TEffectiveDeadline,
} from './deadlines';
export { grantExtension } from './grant-extension';
export { sendDeadlineReminders } from './send-deadline-reminders';
