import { describe, expect, it } from 'vitest';
import { formatBytes, shortHash } from './bytes';

describe('formatBytes', () => {
  it('writes Vietnamese decimal commas and binary multiples', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1.023 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(100 * 1024 * 1024)).toBe('100 MB');
    expect(formatBytes(60 * 1024 * 1024 + 300 * 1024)).toBe('60,3 MB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
  });

  it('shortens hashes', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
});
