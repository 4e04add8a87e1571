import { describe, expect, it } from 'vitest';
import { highlightRanges } from './highlight';

const marked = (text: string, q: string) =>
  highlightRanges(text, q)
    .map(([a, b]) => text.slice(a, b))
    .join('|');

describe('highlightRanges', () => {
  it('finds the words without marks, at the positions of the original text', () => {
    expect(marked('Mô hình chế biến nông sản', 'che bien nong san')).toBe('chế|biến|nông|sản');
    expect(marked('Công ty Cà phê Đắk Lắk', 'dak lak')).toBe('Đắk|Lắk');
    expect(highlightRanges('Đắk Lắk', 'DAK')).toEqual([[0, 3]]);
  });

  it('merges overlapping matches and ignores missing words', () => {
    expect(highlightRanges('chè xanh', 'che ch xyz')).toEqual([[0, 3]]);
    expect(highlightRanges('abc', '   ')).toEqual([]);
  });

  it('is safe with characters outside the BMP', () => {
    expect(marked('😀 chế biến', 'che')).toBe('chế');
  });
});
