/**
 * Folds Vietnamese text for diacritic-insensitive matching: "Chế biến Đặc sản" → "che bien dac san".
 * Đ/đ are separate letters (not a base letter plus a mark), so they are mapped explicitly.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts in Vietnamese alphabetical order (Ánh and Đặng before Z, unlike the C collation). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
