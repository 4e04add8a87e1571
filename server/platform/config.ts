import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration from environment variables (api.md "Configuration and bootstrap"), validated once at
 * start-up. A bad value stops the process with a message that names the variable.
 */
const ZBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZConfigEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * R7 (ADR 0008): the OWNER role's URL, used for migrations and restores; DATABASE_URL is then the
   * app role, which the owner grants only SELECT and INSERT on the audit trail. External mode only.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  STORAGE_URL: z
    .string()
    .regex(/^(file|s3):\/\//, 'must start with file:// or s3://')
    .optional(),
  /** An S3-compatible endpoint (MinIO, Ceph…) for `STORAGE_URL=s3://…`; unset means AWS itself. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Largest accepted upload in bytes (multipart and tus); 100 MB by default. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 ** 3)
    .default(100 * 1024 * 1024),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  KHUYENCONG_ADMIN_EMAIL: z.email().optional(),
  KHUYENCONG_ADMIN_PASSWORD: z.string().min(8, 'must have at least 8 characters').optional(),
  KHUYENCONG_WORKER: ZBoolean.default(true),
  MAIL_FROM: z.string().min(3).default('Khuyến công <no-reply@khuyencong.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Embedded PostgreSQL's preferred port; a free one is chosen when it is taken. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65_535).default(54_329),
  /**
   * TEST ONLY (the e2e server): agency users may work without enrolling the TOTP second factor (users
   * who enrolled are still asked for their code). Refused unless the server listens on a loopback
   * address without TLS, so a production instance cannot turn it on.
   */
  KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: ZBoolean.default(false),
  /** clamd's address: uploads are scanned when it is set (R5). */
  CLAMAV_HOST: z.string().min(1).optional(),
  CLAMAV_PORT: z.coerce.number().int().min(1).max(65_535).default(3310),
});

export type TConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  storageUrl: string;
  uploadMaxBytes: number;
  s3Endpoint: string | undefined;
  s3Region: string;
  smtpUrl: string | undefined;
  publicUrl: string;
  isSecure: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  runWorker: boolean;
  mailFrom: string;
  logLevel: z.infer<typeof ZConfigEnv>['LOG_LEVEL'];
  embeddedPgPort: number;
  /** Test only, see KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL. */
  totpEnrolmentOptional: boolean;
  clamavHost: string | undefined;
  clamavPort: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  // Empty strings count as unset, as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfigEnv.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  if (
    e.KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL &&
    (publicUrl.startsWith('https://') || !['127.0.0.1', '::1', 'localhost'].includes(e.HOST))
  ) {
    throw new ConfigError([
      'KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL: test only; refused with an https PUBLIC_URL or a non-loopback HOST',
    ]);
  }
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_OWNER_URL: only with DATABASE_URL (embedded PostgreSQL creates its own owner and app roles)',
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    storageUrl: e.STORAGE_URL ?? `file://${path.join(dataDir, 'files')}`,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    s3Endpoint: e.S3_ENDPOINT,
    s3Region: e.AWS_REGION,
    smtpUrl: e.SMTP_URL,
    publicUrl,
    isSecure: publicUrl.startsWith('https://'),
    adminEmail: e.KHUYENCONG_ADMIN_EMAIL,
    adminPassword: e.KHUYENCONG_ADMIN_PASSWORD,
    runWorker: e.KHUYENCONG_WORKER,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    totpEnrolmentOptional: e.KHUYENCONG_TEST_TOTP_ENROLMENT_OPTIONAL,
    clamavHost: e.CLAMAV_HOST,
    clamavPort: e.CLAMAV_PORT,
  };
}
