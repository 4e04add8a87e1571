/**
 * Dossier documents: uploads (multipart and tus), storage, versions, downloads and the receipt. The
 * only file other modules import from this folder.
 */
export { buildReceipt } from './build-receipt';
export { renderReceiptDocx } from './documents.export';
export { DOCUMENT_UPLOAD_STATUSES, uploadDecision } from './documents.policy';
export { currentDocumentsOfProposal } from './documents.repository';
export { documentsRoutes } from './documents.routes';
export { storageOf } from './documents.storage';
export { TUS_PATH, uploadsRoutes } from './uploads.routes';
