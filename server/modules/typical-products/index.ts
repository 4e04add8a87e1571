/**
 * The typical rural industrial product registry (issue #11). The only file other modules import from
 * this folder.
 */
export { referencedCertificates } from './referenced-certificates';
export { typicalProductsRoutes } from './typical-products.routes';
export { seedDemoCertificates } from './typical-products.seed';
