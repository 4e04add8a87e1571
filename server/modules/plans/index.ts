/**
 * The national plan (issue #6): ranking by the legal priority order, the funding line against the
 * budget envelope, headroom, approved versions, exports and open data. The only file other modules
 * import from this folder.
 */
export { approvePlan } from './approve-plan';
export { buildPlan, PLAN_STATUSES } from './build-plan';
export { localPlansRoutes } from './local-plans.routes';
export { openDataCsv, openDataPlan } from './open-data';
export { plansRoutes } from './plans.routes';
