import { z } from 'zod';
import { ROLES } from '../enums/roles';
import { ZBooleanQuery, ZEmail, ZInstant, ZPageQuery, zSort, zText } from './common';

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  provinceCode: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  lastLoginAt: ZInstant.nullable(),
  createdAt: ZInstant,
});
export type TUser = z.infer<typeof ZUser>;

export const ZUsersQuery = ZPageQuery.extend({
  organizationId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(200).optional(),
  active: ZBooleanQuery.optional(),
  sort: zSort(['name', 'email', 'createdAt', 'lastLoginAt'] as const),
});

export const ZCreateUserRequest = z.object({
  email: ZEmail,
  name: zText(200),
  organizationId: z.uuid(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  password: z.string().max(256).optional(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  name: zText(200).optional(),
  organizationId: z.uuid().optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;
