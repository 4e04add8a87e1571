import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL (test-only switch of the e2e server)', () => {
  it('is off by default', () => {
    expect(loadConfig({}).totpEnrolmentOptional).toBe(false);
  });

  it('is accepted on a loopback address without TLS', () => {
    expect(
      loadConfig({ KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: 'true', HOST: '127.0.0.1' })
        .totpEnrolmentOptional,
    ).toBe(true);
  });

  it('is refused with an https PUBLIC_URL or a non-loopback HOST (a production configuration)', () => {
    expect(() =>
      loadConfig({
        KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: 'true',
        PUBLIC_URL: 'https://khuyencong.gov.vn',
      }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: 'true', HOST: '0.0.0.0' })).toThrow(
      /test only/,
    );
  });
});
