/** Dates are ISO `YYYY-MM-DD`; instants are ISO 8601 with an offset; the legal time zone is Vietnam's. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has kept UTC+7 without daylight saving since 1975, so the offset is fixed. */
const VN_OFFSET = '+07:00';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** `2025-06-20` → `20/06/2025`. */
export function formatDateVi(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate.slice(0, 10));
  if (!m) return isoDate;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** The calendar date in Vietnam at an instant. */
export function vnDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The instant at which a Vietnamese calendar day ends: 23:59:59.999 local time. */
export function endOfVnDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999${VN_OFFSET}`);
}

/** An instant shown as `dd/MM/yyyy HH:mm` in Vietnam's time. */
export function formatInstantVi(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const local = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${formatDateVi(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** The calendar day before an ISO date: `2025-07-01` → `2025-06-30`. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
