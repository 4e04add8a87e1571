/**
 * The closed list of audit actions (convention 6). A new kind of change adds its action here, with a
 * comment, so the trail stays searchable and reviewable.
 */
export const AUDIT_ACTIONS = [
  'auth.login', // a successful sign-in (session created)
  'auth.login_failed', // a wrong password, an unknown or disabled account
  'auth.logout',
  'auth.password_set', // a user chose a password from a one-time link
  'auth.password_changed', // a signed-in user changed their password
  'auth.totp_enabled', // a TOTP second factor confirmed (recovery codes issued)
  'auth.totp_disabled', // a TOTP second factor removed (by its owner, or reset by an administrator)
  'auth.recovery_codes_regenerated',
  'auth.token_created', // an API token was issued
  'auth.token_revoked',
  'user.created',
  'user.updated', // name, organisation or roles changed
  'user.deactivated',
  'user.reactivated',
  'organization.created',
  'organization.updated',
  'organization.renamed', // name changed with the old name kept as history
  'system.bootstrap', // the first administrator created on an empty database
  'cycle.created',
  'cycle.updated', // deadlines, envelope, status, regulation set, guidance letter or orientations
  'cycle.extension_granted', // a later deadline for one organisation at one stage
  'cycle.reminders_sent', // a run of the deadline-reminder job that queued e-mails
  'proposal.created',
  'proposal.updated',
  'proposal.deleted', // a draft removed (never registered)
  'proposal.list_exported', // the registration table (.xlsx) exported with the list's filters
  'proposal.imported', // a registration table (.xlsx) imported: drafts created and updated in one transaction
  'proposal.outline_exported', // the project document outline (.docx, TT 36/2013 Art. 5) downloaded
  'registration.letter_exported', // the registration-report letter (công văn, .docx) downloaded
  'proposal.registered', // listed in a registration report
  'proposal.base_appraisal_passed',
  'proposal.base_appraisal_returned', // sent back by the Sở to the unit; stays registered
  'proposal.base_appraisal_rejected',
  'proposal.submitted',
  'proposal.resubmitted', // after a return for supplement
  'proposal.returned', // by the agency, for a supplement with a due date
  'proposal.withdrawn',
  'proposal.accepted_into_appraisal', // the agency took a submitted dossier into ministry-level appraisal
  'proposal.appraisers_assigned', // appraisers (staff or council members) assigned, with conflict warnings
  'proposal.recommended', // the agency's decision after appraisal, with the approved funding
  'proposal.not_recommended',
  'proposal.approved', // in an approved version of the national plan
  'proposal.contracted', // the contract signed (number, date, value, selection method) (issue #7)
  'proposal.started', // the first monthly progress report moved a contracted proposal into progress
  'proposal.accepted', // base acceptance recorded (minutes number, result, date)
  'proposal.settled', // settlement recorded with the refund of unspent advances and the late flags
  'proposal.closed',
  'proposal.stopped', // an approved stop adjustment ended the project
  'proposal.carried_over', // an approved carry-over adjustment moved the project into the next year
  'advance.recorded', // an advance paid (first by the project type's rate, later by progress)
  'progress_report.submitted', // a monthly progress report (volume done, money spent, problems)
  'progress_report.reminders_sent', // a run of the overdue-report reminder job that queued e-mails
  'adjustment.requested', // an adjustment, supplement or stop requested with its reason
  'adjustment.decided', // approved or refused by the authority the regulation set requires
  'inspection.planned', // an inspection visit planned
  'inspection.recorded', // an inspection done with its findings and follow-ups
  'implementation_photo.uploaded', // a photo of an inspection visit or a monthly progress report (JPEG/PNG)
  'implementation_photo.downloaded', // such a photo opened (downloads are audited, R7)
  'appraisal.saved', // an appraiser's draft appraisal (criteria, score, recommendation)
  'appraisal.submitted', // the appraisal made final and visible to the agency
  'appraisal.minutes_exported', // the appraisal minutes downloaded as a Word file
  'plan.approved', // a version of the national plan approved with its decision number and date
  'plan.exported', // the plan table (.xlsx) or the decision annex (.docx) downloaded
  'report.exported', // a Sở's periodic report (.xlsx or .docx) downloaded (issue #7)
  'registration.created', // a registration report (Sở or directly registering unit)
  'regulation_set.published', // a new version of a regulation set; open cycles of its code moved to it
  'document.uploaded', // a new version of a dossier document (multipart or tus); the previous one superseded
  'document.downloaded', // a dossier document's content was served
  'document.receipt_exported', // the receipt of a dossier downloaded as a Word file
  'programme.created', // a programme for a period (national or a province's) with its targets
  'programme.updated', // its name, period, decision or targets changed
  'typical_product.created', // a typical-product certificate recorded in the registry (issue #11)
  'typical_product.updated', // its facts changed
  'typical_product.scan_uploaded', // the scanned certificate stored (a new file replaces the previous one)
  'typical_product.scan_downloaded', // the scanned certificate served (R7: reads of files are audited)
  'backup.created', // `khuyencong backup` read every table and file into a backup folder (R7)
  'typical_product.imported', // a certificate list (.xlsx) imported: every certificate created in one transaction
  'typical_product.report_recorded', // a holder's yearly report created or changed
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];
