/**
 * Plan-cycle statuses (domain.md §3.4 "Plan", simplified). Deadlines are enforced by their instants,
 * not by the status; the status says what the agency is doing with the cycle and whether provinces may
 * start new proposals in it.
 */
export const CYCLE_STATUSES = [
  'draft',
  'open',
  'registration_closed',
  'dossier_closed',
  'appraisal',
  'approved',
  'closed',
] as const;
export type TCycleStatus = (typeof CYCLE_STATUSES)[number];

export const CYCLE_STATUS_LABELS: Record<TCycleStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang chuẩn bị', en: 'Being prepared' },
  open: { vi: 'Đang nhận đăng ký', en: 'Open' },
  registration_closed: { vi: 'Hết hạn đăng ký', en: 'Registration closed' },
  dossier_closed: { vi: 'Hết hạn nộp hồ sơ', en: 'Dossiers closed' },
  appraisal: { vi: 'Đang thẩm định', en: 'Appraisal' },
  approved: { vi: 'Đã phê duyệt kế hoạch', en: 'Plan approved' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export const DEADLINE_STAGES = ['registration', 'dossier'] as const;
export type TDeadlineStage = (typeof DEADLINE_STAGES)[number];

/** New proposals are started only while the cycle is open. */
export function acceptsNewProposals(status: TCycleStatus): boolean {
  return status === 'open';
}

/**
 * A closed cycle is frozen (its regulation set and figures are history); any other status may be
 * changed by an administrator, forwards or back (e.g. reopening registration by mistake closed).
 */
export function canChangeCycleStatus(from: TCycleStatus, to: TCycleStatus): boolean {
  return from !== 'closed' && from !== to;
}

/** Days before a deadline on which reminders go out (issue 4: 14, 7, 3 and 1 days). */
export const REMINDER_DAYS = [14, 7, 3, 1] as const;

/**
 * The reminder due for a deadline `daysLeft` calendar days away (0 = the deadline is today): the
 * smallest threshold at or above `daysLeft`, so a run missed on the 7th day still sends the 7-day
 * reminder on the 6th. Undefined when the deadline is more than 14 days away or has passed.
 */
export function reminderThreshold(daysLeft: number): number | undefined {
  if (daysLeft < 0 || daysLeft > REMINDER_DAYS[0]) return undefined;
  return [...REMINDER_DAYS].reverse().find((d) => d >= daysLeft);
}
