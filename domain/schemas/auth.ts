import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../enums/organization-kinds';
import { ROLES } from '../enums/roles';
import { ZEmail, ZInstant, zText } from './common';

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1).max(256),
  /** The second factor when the account has one: a 6-digit TOTP code or a one-time recovery code. */
  code: z.string().trim().min(1).max(40).optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['vi', 'en']),
});

export const ZMeResponse = z.object({
  user: ZSessionUser,
  organization: z
    .object({
      id: z.uuid(),
      kind: z.enum(ORGANIZATION_KINDS),
      name: z.string(),
      provinceCode: z.string().nullable(),
    })
    .nullable(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
  /** TOTP second factor: on or not, required for the caller's roles (agency), recovery codes left. */
  secondFactor: z
    .object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() })
    .optional(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

export const ZLoginResponse = z.object({ user: ZSessionUser });

export const ZSetPasswordRequest = z.object({
  token: z.string().min(10).max(200),
  password: z.string().max(256),
});
export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});
export const ZUpdateMeRequest = z.object({
  name: zText(200).optional(),
  locale: z.enum(['vi', 'en']).optional(),
});

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: ZInstant,
  expiresAt: ZInstant.nullable(),
  lastUsedAt: ZInstant.nullable(),
});
export const ZCreateApiTokenRequest = z.object({
  name: zText(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ZCreateApiTokenResponse = ZApiToken.extend({ token: z.string() });

export const ZTotpCodeRequest = z.object({ code: z.string().trim().min(1).max(40) });
export const ZTotpEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrSvg: z.string(),
});
export const ZRecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
