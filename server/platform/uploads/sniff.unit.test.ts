import { describe, expect, it } from 'vitest';
import { docx, hostileCorpus, jpeg, makeZip, pdf, png, xlsx } from '../../test/sample-files';
import { asciiFileName, contentDisposition, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-names';
import { sniffFile, sniffHead } from './sniff';

const sniff = (file: Buffer) => sniffFile(file.length, async (start, end) => file.subarray(start, end));

describe('content sniffing (allow-list by magic bytes, never by name)', () => {
  it('accepts PDF, DOCX, XLSX, JPEG and PNG', async () => {
    expect(await sniff(pdf())).toEqual({ ok: true, type: 'pdf' });
    expect(await sniff(docx())).toEqual({ ok: true, type: 'docx' });
    expect(await sniff(xlsx())).toEqual({ ok: true, type: 'xlsx' });
    expect(await sniff(jpeg())).toEqual({ ok: true, type: 'jpeg' });
    expect(await sniff(png())).toEqual({ ok: true, type: 'png' });
  });

  it('accepts a DOCX whose central directory lies beyond the tail window', async () => {
    const big = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w/>') },
      { name: 'word/media/scan.jpg', data: Buffer.alloc(200_000, 7) },
      ...Array.from({ length: 3000 }, (_, i) => ({
        name: `word/media/part-${i}.xml`,
        data: Buffer.from('x'),
      })),
    ]);
    expect(await sniff(big)).toEqual({ ok: true, type: 'docx' });
  });

  it('refuses the whole hostile corpus (R5: executables, polyglots, zip bombs, plain archives)', async () => {
    const corpus = hostileCorpus();
    const verdicts = await Promise.all(
      Object.entries(corpus).map(async ([name, file]) => [name, await sniff(file)] as const),
    );
    const accepted = verdicts.filter(([, v]) => v.ok).map(([name]) => name);
    expect(accepted).toEqual([]);
    expect(Object.keys(corpus).length).toBeGreaterThanOrEqual(15);
  });

  it('says why (zip bombs by total size and by ratio, entry count)', async () => {
    const corpus = hostileCorpus();
    expect(await sniff(corpus['zip bomb (declared sizes)']!)).toMatchObject({
      reason: 'zip bomb: total size',
    });
    expect(await sniff(corpus['zip bomb (compression ratio)']!)).toMatchObject({
      reason: 'zip bomb: compression ratio',
    });
    expect(await sniff(corpus['ZIP with absurdly many entries']!)).toMatchObject({
      reason: 'absurd entry count',
    });
  });

  it('decides the family from the first bytes alone (a stream is stopped at its first chunk)', () => {
    expect(sniffHead(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniffHead(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffHead(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBe('zip');
  });
});

describe('file names', () => {
  it('keeps Vietnamese letters (NFC) and the extension that matches the content', () => {
    const decomposed = 'Thuyết minh đề án.pdf'.normalize('NFD');
    expect(sanitizeFileName(decomposed, 'pdf')).toBe('Thuyết minh đề án.pdf');
    expect(sanitizeFileName('Dự toán.XLSX', 'xlsx')).toBe('Dự toán.XLSX'.replace('.XLSX', '.xlsx'));
    expect(sanitizeFileName('ảnh hiện trường.jpeg', 'jpeg')).toBe('ảnh hiện trường.jpeg');
  });

  it('strips paths, control and bidi characters, and Windows-forbidden characters', () => {
    expect(sanitizeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\x\\Desktop\\hồ sơ.pdf', 'pdf')).toBe('hồ sơ.pdf');
    expect(sanitizeFileName('a\u0000b\r\nc\u001b[31m.pdf', 'pdf')).toBe('abc[31m.pdf');
    expect(sanitizeFileName('hoa-don\u202Efdp.exe', 'pdf')).toBe('hoa-donfdp.exe.pdf');
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf', 'pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(sanitizeFileName('...', 'pdf')).toBe('tai-lieu.pdf');
    expect(sanitizeFileName(undefined, 'png')).toBe('tai-lieu.png');
    expect(sanitizeFileName('.bashrc', 'pdf')).toBe('bashrc.pdf');
  });

  it('names the real type: an executable name on a PDF gets .pdf', () => {
    expect(sanitizeFileName('setup.exe', 'pdf')).toBe('setup.exe.pdf');
    expect(sanitizeFileName('bao-cao.pdf', 'docx')).toBe('bao-cao.pdf.docx');
  });

  it('limits the length, counting characters not bytes', () => {
    const long = `${'Đề án khuyến công '.repeat(20)}.pdf`;
    const name = sanitizeFileName(long, 'pdf');
    expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name.startsWith('Đề án khuyến công')).toBe(true);
  });

  it('builds Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(asciiFileName('Thuyết minh đề án "mới".pdf')).toBe('Thuyet minh de an _moi_.pdf');
    expect(contentDisposition("Đề án (bản 2)'s.pdf")).toBe(
      `attachment; filename="De an (ban 2)'s.pdf"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%28b%E1%BA%A3n%202%29%27s.pdf`,
    );
  });
});
