import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      runWorker: true,
      databaseUrl: undefined,
      isSecure: false,
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.storageUrl).toBe(`file://${config.dataDir}/files`);
  });

  it('turns on secure cookies with an https PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://khuyencong.gov.vn/' })).toMatchObject({
      isSecure: true,
      publicUrl: 'https://khuyencong.gov.vn',
    });
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        PORT: 'ba nghìn',
        DATABASE_URL: 'mysql://x',
        KHUYENCONG_WORKER: 'maybe',
        KHUYENCONG_ADMIN_PASSWORD: 'short',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'KHUYENCONG_WORKER', 'KHUYENCONG_ADMIN_PASSWORD']) {
        expect(message).toContain(`${name}:`);
      }
    }
  });

  it('takes DATABASE_OWNER_URL (R7) with DATABASE_URL only', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db/kc',
      DATABASE_OWNER_URL: 'postgres://owner@db/kc',
    });
    expect(config.databaseOwnerUrl).toBe('postgres://owner@db/kc');
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://owner@db/kc' })).toThrow(/DATABASE_OWNER_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@b/c', DATABASE_OWNER_URL: 'mysql://x' })).toThrow(
      /DATABASE_OWNER_URL/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
