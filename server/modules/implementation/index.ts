/**
 * Implementation of approved proposals (issue #7): contract, advances, progress reports and their
 * reminders, adjustments, inspections, acceptance, settlement. The only file other modules import.
 */
export { SETTLEMENT_DAYS_AFTER_ACCEPTANCE } from './closing';
export { implementationJobs, PROGRESS_REMINDERS_JOB } from './implementation.jobs';
export { implementationRoutes } from './implementation.routes';
export { sendProgressReminders } from './progress-reminders';
