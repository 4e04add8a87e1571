import type { TRole } from '../../domain/enums/roles';
import { client, type TClient, type THarness } from './harness';

/**
 * A client authenticated with an API token instead of a session: tests that move the clock by months
 * (deadlines) would otherwise see their sessions expire (idle 30 min, absolute 12 h).
 */
export async function tokenClient(h: THarness, email: string, lang?: string): Promise<TClient> {
  const session = await h.signIn(email);
  const response = await session.post('/api/v1/me/tokens', { name: 'test' });
  if (response.statusCode !== 201) throw new Error(`token: ${response.statusCode} ${response.body}`);
  return client(h.app, { bearer: response.json().token as string, ...(lang ? { lang } : {}) });
}

/** Adds a user and returns a token client for them. */
export async function addTokenUser(
  h: THarness,
  input: { email: string; orgKey: string; roles: TRole[]; name?: string },
): Promise<TClient> {
  await h.addUser(input);
  return tokenClient(h, input.email);
}
