import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Small files of every kind the upload tests need, made in memory: allowed types (PDF, DOCX, XLSX,
 * JPEG, PNG) and hostile ones (a renamed Windows executable, polyglots, zip bombs, a plain ZIP).
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export type TZipEntry = {
  name: string;
  data: Buffer;
  /** Deflate the data (method 8) instead of storing it (method 0). */
  deflate?: boolean;
  /** Lie about the uncompressed size in the central directory (a crafted zip bomb). */
  declaredSize?: number;
};

/** A ZIP archive (no ZIP64) with a correct central directory, unless an entry lies about its size. */
export function makeZip(entries: TZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate ? deflateRawSync(entry.data) : entry.data;
    const crc = crc32(entry.data);
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

export function docx(text = 'Thuyết minh đề án'): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, deflate: true },
    { name: '_rels/.rels', data: Buffer.from('<Relationships/>'), deflate: true },
    { name: 'word/document.xml', data: Buffer.from(`<w:document>${text}</w:document>`), deflate: true },
  ]);
}

export function xlsx(): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, deflate: true },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), deflate: true },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), deflate: true },
  ]);
}

/** A minimal, well-formed PDF of about `size` bytes (padding in a comment). */
export function pdf(size = 2048, seed = 'Công văn đề nghị'): Buffer {
  const head = Buffer.from(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n% ${seed}\n`,
    'latin1',
  );
  const tail = Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const padding = Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20);
  return Buffer.concat([head, padding, tail]);
}

export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
    Buffer.alloc(200, 0x11),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(100, 0x22),
    Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
  ]);
}

/** The start of a Windows PE executable: `MZ`, the DOS stub, `PE\0\0`. */
export function exe(size = 4096): Buffer {
  const file = Buffer.alloc(size, 0);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  file.write('PE\0\0', 0x80, 'latin1');
  return file;
}

/** The hostile corpus of quality.md R5: every one of these must be refused. */
export function hostileCorpus(): Record<string, Buffer> {
  return {
    'renamed executable': exe(),
    'executable with a PDF header further in': Buffer.concat([exe(1024), pdf(512)]),
    'plain ZIP (not Office)': makeZip([{ name: 'virus.exe', data: exe(512) }]),
    'ZIP with word/ but no [Content_Types].xml': makeZip([
      { name: 'word/document.xml', data: Buffer.from('<x/>') },
    ]),
    'Office file claiming to be both DOCX and XLSX': makeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'word/document.xml', data: Buffer.from('<x/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<x/>') },
    ]),
    'zip bomb (declared sizes)': makeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'word/document.xml', data: Buffer.alloc(1000, 0x41), declaredSize: 0xfffffff0 },
    ]),
    'zip bomb (compression ratio)': makeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'word/media/zeros.bin', data: Buffer.alloc(48 * 1024 * 1024), deflate: true },
    ]),
    'ZIP with absurdly many entries': makeZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      ...Array.from({ length: 10_001 }, (_, i) => ({ name: `word/e${i}`, data: Buffer.alloc(0) })),
    ]),
    'JPEG with a ZIP appended (polyglot)': Buffer.concat([
      jpeg(),
      makeZip([{ name: 'a.exe', data: exe(256) }]),
    ]),
    'PDF with a ZIP appended (polyglot)': Buffer.concat([
      pdf(),
      makeZip([{ name: 'a.js', data: Buffer.from('x') }]),
    ]),
    'PNG with data after IEND': Buffer.concat([png(), Buffer.from('<script>alert(1)</script>')]),
    'PDF header without %%EOF (an HTML page)': Buffer.from(
      `%PDF-1.4\n<html><script>alert(1)</script></html>${' '.repeat(2000)}`,
    ),
    'HTML page': Buffer.from('<!doctype html><script>alert(1)</script>'),
    'shell script': Buffer.from('#!/bin/sh\nrm -rf /\n'),
    'empty file': Buffer.alloc(0),
    'truncated ZIP (no directory)': docx().subarray(0, 60),
  };
}

/** The content of one entry of a ZIP (stored or deflated), read through its central directory. */
export function readZipEntry(zip: Buffer, name: string): Buffer | null {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let pos = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(pos + 10);
    const compressed = zip.readUInt32LE(pos + 20);
    const nameLength = zip.readUInt16LE(pos + 28);
    const extraLength = zip.readUInt16LE(pos + 30);
    const commentLength = zip.readUInt16LE(pos + 32);
    const localOffset = zip.readUInt32LE(pos + 42);
    const entryName = zip.subarray(pos + 46, pos + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      const localName = zip.readUInt16LE(localOffset + 26);
      const localExtra = zip.readUInt16LE(localOffset + 28);
      const start = localOffset + 30 + localName + localExtra;
      const data = zip.subarray(start, start + compressed);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
