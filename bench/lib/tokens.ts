import { eq } from 'drizzle-orm';
import { systemActor } from '../../server/access/actor';
import { users } from '../../server/db/schema';
import { createApiToken } from '../../server/modules/auth/api-tokens';
import type { TBenchRuntime } from './runtime';

/** An API token for a generated user (the benchmark clients authenticate like any API client). */
export async function tokenFor(runtime: TBenchRuntime, email: string): Promise<string> {
  const [user] = await runtime.database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return runtime.database.db.transaction(async (tx) => {
    const created = await createApiToken({
      actor: systemActor('bench'),
      tx,
      now: new Date(),
      userId: user.id,
      name: 'bench',
      expiresInDays: 1,
    });
    return created.token;
  });
}
