/** Money is integer VND everywhere (architecture rule 5). */
export type TVnd = number;

/** True for a safe, non-negative integer amount of VND. */
export function isVnd(value: unknown): value is TVnd {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const VI_GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/** Formats an amount the Vietnamese way: `1.500.000.000 ₫`. Deterministic across runtimes (no ICU). */
export function formatVnd(amount: TVnd, options: { symbol?: boolean } = {}): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(amount)).toString().replace(VI_GROUPING, '.');
  return options.symbol === false ? `${sign}${digits}` : `${sign}${digits} ₫`;
}

/** Share of `part` in `whole` as a percentage with two decimals (0 when whole is 0). */
export function percentOf(part: TVnd, whole: TVnd): number {
  if (whole === 0) return 0;
  return Math.round((part / whole) * 10_000) / 100;
}
