import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  otpauthUri,
  totpCode,
} from './totp';

// RFC 4226 appendix D and RFC 6238 appendix B (SHA-1): the secret is the ASCII "12345678901234567890".
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP / TOTP (RFC 4226, RFC 6238)', () => {
  it('matches the RFC 4226 test values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expect(expected.map((_, counter) => hotp(RFC_KEY, counter))).toEqual(expected);
  });

  it('matches the RFC 6238 SHA-1 test values (8 digits)', () => {
    const cases: [number, string][] = [
      [59, '94287082'],
      [1_111_111_109, '07081804'],
      [1_111_111_111, '14050471'],
      [1_234_567_890, '89005924'],
      [2_000_000_000, '69279037'],
    ];
    for (const [seconds, value] of cases) expect(hotp(RFC_KEY, Math.floor(seconds / 30), 8)).toBe(value);
  });

  it('base32 round-trips (RFC 4648 alphabet) and the secret has 160 bits', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('accepts the code of the current step and one step either side, nothing further', () => {
    const secret = base32Encode(RFC_KEY);
    const at = new Date(1_234_567_890_000);
    expect(matchTotp(secret, totpCode(secret, at), at)).toBe(Math.floor(1_234_567_890 / 30));
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).not.toBeNull();
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).not.toBeNull();
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at)).toBeNull();
    expect(matchTotp(secret, '12345', at)).toBeNull();
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'a@cuc.gov.vn');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Kh/);
    const url = new URL(uri);
    expect(url.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
  });

  it('issues ten distinct recovery codes, compared without dashes or case', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){5}$/);
    expect(normalizeRecoveryCode(' AB12-cd34-EF56 ')).toBe('ab12cd34ef56');
  });
});
