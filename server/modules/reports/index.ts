/** The Sở's periodic reports (issue #7): one computation, presented as JSON, .xlsx and .docx. */
export { buildProvinceReport } from './province-report';
export { provinceReportDocx, provinceReportXlsx } from './province-report.export';
export { reportsRoutes } from './reports.routes';
