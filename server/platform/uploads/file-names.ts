import { FILE_TYPE_EXTENSIONS, type TFileType } from './sniff';

/** Longest kept file name, in characters (most file systems allow 255 bytes; Vietnamese needs up to 3 per letter). */
export const MAX_FILE_NAME_LENGTH = 80;

const EXTENSION_ALIASES: Record<TFileType, readonly string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  jpeg: ['.jpg', '.jpeg', '.jpe'],
  png: ['.png'],
};

/**
 * The display name of an uploaded file, made harmless: the last path segment only (no `../`, no
 * drive letters), no control or bidirectional-override characters (no `‮fdp.exe` spoofing), none of
 * the characters Windows forbids, Vietnamese letters kept (NFC), at most MAX_FILE_NAME_LENGTH
 * characters, and an extension that matches the detected type. The name is only ever shown and
 * offered as the download name: files are stored under generated keys.
 */
export function sanitizeFileName(raw: string | undefined | null, type: TFileType): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    // C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and BOM characters.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const expected = FILE_TYPE_EXTENSIONS[type];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  let stem = EXTENSION_ALIASES[type].includes(extension) ? name.slice(0, dot) : name;
  const finalExtension = EXTENSION_ALIASES[type].includes(extension) ? extension : expected;
  stem = stem.replace(/[.\s]+$/g, '');
  if (!stem) stem = 'tai-lieu';
  const chars = Array.from(stem);
  const room = MAX_FILE_NAME_LENGTH - finalExtension.length;
  if (chars.length > room) stem = chars.slice(0, room).join('').trimEnd();
  name = `${stem}${finalExtension}`;
  return name;
}

/** `Thuyết minh đề án.pdf` → `Thuyet minh de an.pdf`: the ASCII fallback of Content-Disposition. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\;%]/g, '_');
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 + RFC 8187): every
 * browser gets the Vietnamese name, and old clients a readable ASCII one.
 */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
