import { describe, expect, it } from 'vitest';
import { NATIONAL_2026 } from '../../../domain/regulation';
import { formatVndText, initialTryOutForm, parseVndText, tryOutResult } from './try-out';

describe('the try-out panel model (the engine in the browser)', () => {
  it('parses and regroups amounts as they are typed', () => {
    expect(parseVndText('1.200.000.000')).toBe(1_200_000_000);
    expect(parseVndText('')).toBeNull();
    expect(parseVndText('00')).toBe(0);
    expect(formatVndText('1200000000')).toBe('1.200.000.000');
    expect(formatVndText('1.2')).toBe('12');
    expect(formatVndText('abc')).toBe('');
  });

  it('reports cap_exceeded as soon as the requested amount passes 1.000.000.000 ₫', () => {
    const form = { ...initialTryOutForm(NATIONAL_2026), total: '5.000.000.000' };
    const codes = (requested: string) =>
      tryOutResult({ ...form, requested }, NATIONAL_2026).findings.map((f) => f.code);
    // Typing 1.200.000.000 digit by digit: the finding appears only with the last digits.
    const typed = '1200000000';
    const appearedAt = [...typed].findIndex((_c, i) => codes(typed.slice(0, i + 1)).includes('cap_exceeded'));
    expect(appearedAt).toBe(typed.length - 1);
    const { findings, support } = tryOutResult({ ...form, requested: '1.200.000.000' }, NATIONAL_2026);
    expect(support?.amount).toBe(1_000_000_000);
    expect(findings.find((f) => f.code === 'cap_exceeded')?.message.vi).toContain('1.000.000.000 ₫');
    expect(findings.map((f) => f.code)).not.toContain('missing_document');
  });

  it('raises the maximum ×1.5 in a priority area', () => {
    const form = { ...initialTryOutForm(NATIONAL_2026), total: '5.000.000.000', requested: '1.200.000.000' };
    const result = tryOutResult({ ...form, priorityArea: true }, NATIONAL_2026);
    expect(result.support?.amount).toBe(1_500_000_000);
    expect(result.findings.map((f) => f.code)).not.toContain('cap_exceeded');
  });
});
