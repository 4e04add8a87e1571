/**
 * What an uploaded file is, decided from its bytes and never from its name or the client's declared
 * type (quality.md R5). Allowed: PDF, DOCX, XLSX, JPEG, PNG. Everything else, including a Windows
 * executable renamed `.pdf`, a polyglot with a ZIP archive appended, and a ZIP bomb, is refused.
 */

export type TFileType = 'pdf' | 'docx' | 'xlsx' | 'jpeg' | 'png';

export const FILE_TYPE_CONTENT_TYPES: Record<TFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export const FILE_TYPE_EXTENSIONS: Record<TFileType, string> = {
  pdf: '.pdf',
  docx: '.docx',
  xlsx: '.xlsx',
  jpeg: '.jpg',
  png: '.png',
};

/** Bytes needed at the start of a file to recognise its family. */
export const HEAD_BYTES = 8;

/** The family of a file from its first bytes; `zip` still needs the central directory to decide. */
export type THeadKind = 'pdf' | 'zip' | 'jpeg' | 'png';

const PDF = Buffer.from('%PDF-', 'latin1');
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
/** The EOCD record may be followed by a comment of up to 65,535 bytes. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;

/** Limits past which a ZIP is treated as hostile (a zip bomb or a crafted archive), not as an Office file. */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxCentralDirectoryBytes: 4 * 1024 * 1024,
  maxTotalUncompressed: 1024 * 1024 * 1024,
  /** Compression ratio past which an entry is a bomb (Office XML compresses about 5–30×). */
  maxEntryRatio: 1_000,
};

/** Reads bytes `[start, end)` of the file; the file's size is known to the caller. */
export type TRangeReader = (start: number, end: number) => Promise<Buffer>;

export type TSniffResult = { ok: true; type: TFileType } | { ok: false; reason: string };

/** The family from the first bytes, or null when the file is of no allowed kind (an `MZ` executable…). */
export function sniffHead(head: Buffer): THeadKind | null {
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, ZIP_LOCAL)) return 'zip';
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  return null;
}

/**
 * The full decision for a stored file of `size` bytes: the head decides the family, then the tail
 * and, for ZIP files, the central directory are read through `read` (a few ranged reads, never the
 * whole file).
 */
export async function sniffFile(size: number, read: TRangeReader): Promise<TSniffResult> {
  if (size < HEAD_BYTES) return { ok: false, reason: 'too short' };
  const head = await read(0, HEAD_BYTES);
  const kind = sniffHead(head);
  if (!kind) return { ok: false, reason: 'unknown signature' };
  const tailStart = Math.max(0, size - EOCD_SEARCH);
  const tail = await read(tailStart, size);
  const eocdAt = findEocd(tail);
  if (kind !== 'zip') {
    // A ZIP directory at the end of a PDF or an image is a polyglot (e.g. a JAR hidden in a JPEG).
    if (eocdAt >= 0) return { ok: false, reason: 'polyglot: ZIP directory at the end' };
    if (kind === 'pdf' && !tail.subarray(-1024).includes('%%EOF', 0, 'latin1')) {
      return { ok: false, reason: 'PDF without %%EOF' };
    }
    if (kind === 'png' && !endsWithPngEnd(tail)) {
      return { ok: false, reason: 'data after the PNG end' };
    }
    return { ok: true, type: kind };
  }
  if (eocdAt < 0) return { ok: false, reason: 'ZIP without end of central directory' };
  return inspectZip(size, tail, tailStart, eocdAt, read);
}

async function inspectZip(
  size: number,
  tail: Buffer,
  tailStart: number,
  eocdAt: number,
  read: TRangeReader,
): Promise<TSniffResult> {
  const disk = tail.readUInt16LE(eocdAt + 4);
  const entriesOnDisk = tail.readUInt16LE(eocdAt + 8);
  const entries = tail.readUInt16LE(eocdAt + 10);
  const cdSize = tail.readUInt32LE(eocdAt + 12);
  const cdOffset = tail.readUInt32LE(eocdAt + 16);
  const eocdOffset = tailStart + eocdAt;
  // Office files are single-disk, non-ZIP64 archives; anything else is not one we accept.
  if (
    disk !== 0 ||
    entries !== entriesOnDisk ||
    entries === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (eocdAt >= 20 && tail.readUInt32LE(eocdAt - 20) === ZIP64_LOCATOR_SIGNATURE)
  ) {
    return { ok: false, reason: 'multi-disk or ZIP64 archive' };
  }
  if (entries === 0 || entries > ZIP_LIMITS.maxEntries) return { ok: false, reason: 'absurd entry count' };
  if (cdSize > ZIP_LIMITS.maxCentralDirectoryBytes) return { ok: false, reason: 'absurd central directory' };
  if (cdOffset + cdSize > eocdOffset || cdOffset + cdSize > size) {
    return { ok: false, reason: 'central directory out of bounds' };
  }
  const cd =
    cdOffset >= tailStart
      ? tail.subarray(cdOffset - tailStart, cdOffset - tailStart + cdSize)
      : await read(cdOffset, cdOffset + cdSize);
  if (cd.length !== cdSize) return { ok: false, reason: 'truncated central directory' };

  let pos = 0;
  let total = 0;
  let hasContentTypes = false;
  let hasWord = false;
  let hasXl = false;
  for (let i = 0; i < entries; i++) {
    if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      return { ok: false, reason: 'malformed central directory' };
    }
    const compressed = cd.readUInt32LE(pos + 20);
    const uncompressed = cd.readUInt32LE(pos + 24);
    const nameLength = cd.readUInt16LE(pos + 28);
    const extraLength = cd.readUInt16LE(pos + 30);
    const commentLength = cd.readUInt16LE(pos + 32);
    const localOffset = cd.readUInt32LE(pos + 42);
    if (pos + 46 + nameLength > cd.length) return { ok: false, reason: 'malformed central directory' };
    const name = cd.subarray(pos + 46, pos + 46 + nameLength).toString('utf8');
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) {
      return { ok: false, reason: 'ZIP64 entry' };
    }
    if (localOffset >= cdOffset) return { ok: false, reason: 'entry outside the archive' };
    total += uncompressed;
    if (total > ZIP_LIMITS.maxTotalUncompressed) return { ok: false, reason: 'zip bomb: total size' };
    if (uncompressed > 1024 * 1024 && uncompressed > Math.max(1, compressed) * ZIP_LIMITS.maxEntryRatio) {
      return { ok: false, reason: 'zip bomb: compression ratio' };
    }
    if (name === '[Content_Types].xml') hasContentTypes = true;
    if (name.startsWith('word/')) hasWord = true;
    if (name.startsWith('xl/')) hasXl = true;
    pos += 46 + nameLength + extraLength + commentLength;
  }
  if (!hasContentTypes) return { ok: false, reason: 'ZIP that is not an Office file' };
  if (hasWord && !hasXl) return { ok: true, type: 'docx' };
  if (hasXl && !hasWord) return { ok: true, type: 'xlsx' };
  return { ok: false, reason: hasWord ? 'ambiguous Office file' : 'ZIP that is neither DOCX nor XLSX' };
}

/** Position of the last end-of-central-directory record in `tail` whose comment fits, or -1. */
function findEocd(tail: Buffer): number {
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      const commentLength = tail.readUInt16LE(i + 20);
      if (i + EOCD_MIN + commentLength <= tail.length) return i;
    }
  }
  return -1;
}

function endsWithPngEnd(tail: Buffer): boolean {
  return tail.length >= PNG_IEND.length && tail.subarray(-PNG_IEND.length).equals(PNG_IEND);
}

function startsWith(data: Buffer, prefix: Buffer): boolean {
  return data.length >= prefix.length && data.subarray(0, prefix.length).equals(prefix);
}
