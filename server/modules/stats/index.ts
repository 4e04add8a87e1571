/** Dashboards (issue #8): figures, lagging projects. The only file other modules import from this folder. */
export { getStats } from './get-stats';
export { provinceMapping } from './province-mapping';
export { statsRoutes } from './stats.routes';
