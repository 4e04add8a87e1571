import { describe, expect, it } from 'vitest';
import { dayBefore, endOfVnDay, formatDateVi, formatInstantVi, isIsoDate, vnDateOf } from './dates';

describe('dates in Vietnam time', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('30/06/2025')).toBe(false);
  });

  it('formats dd/MM/yyyy and instants in UTC+7', () => {
    expect(formatDateVi('2025-06-20')).toBe('20/06/2025');
    expect(formatInstantVi('2025-06-20T16:59:00Z')).toBe('20/06/2025 23:59');
    expect(vnDateOf(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(endOfVnDay('2025-09-30').toISOString()).toBe('2025-09-30T16:59:59.999Z');
  });

  it('finds the day before, across months and years', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
