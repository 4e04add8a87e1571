/**
 * Where the words of a search query occur in a text, ignoring case and Vietnamese marks (đ as d), as
 * half-open [start, end) ranges of the ORIGINAL text, merged and in order: the UI wraps them in <mark>.
 * Folding is done one character at a time, so positions in the folded text are positions in the text.
 */
export function foldChar(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  const folded = c
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return folded.length === 1 ? folded : c.toLowerCase().slice(0, 1) || c;
}

export function foldForMatch(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) out += c.length === 1 ? foldChar(c) : '\u0000'.repeat(c.length);
  return out;
}

export function highlightRanges(text: string, query: string): [number, number][] {
  const source = text.normalize('NFC');
  const folded = foldForMatch(source);
  const words = [
    ...new Set(
      foldForMatch(query.normalize('NFC'))
        .split(/\s+/)
        .filter((w) => w.length > 0),
    ),
  ];
  const ranges: [number, number][] = [];
  for (const word of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(word, from);
      if (at < 0) break;
      ranges.push([at, at + word.length]);
      from = at + word.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
