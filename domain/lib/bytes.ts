/**
 * A byte count for people: `1,5 MB` in Vietnamese (decimal comma), `1.5 MB` in English. Binary
 * multiples (1 MB = 1,048,576 bytes), as the upload limit and most file managers count them.
 */
export function formatBytes(bytes: number, language: 'vi' | 'en' = 'vi'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
}

/** The first characters of a SHA-256, enough to tell files apart on screen (`3f2a9c1e…`). */
export function shortHash(sha256: string, length = 12): string {
  return sha256.length > length ? `${sha256.slice(0, length)}…` : sha256;
}
