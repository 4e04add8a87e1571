import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie, an API token or a one-time link: 256 bits, URL-safe. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256, so a database leak does not leak sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'kc_';
