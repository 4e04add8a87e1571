import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../../domain/enums/roles';
import { permissionsOf } from '../access/permissions';
import { createHarness, type TClient, type THarness } from '../test/harness';
import { ROUTE_MATRIX } from './route-matrix';

/**
 * R3 over the WHOLE route table (`app.routeTable`, filled as routes register): every route × every role
 * × anonymous. Generated, so a new route is covered the moment it exists:
 * - a route without an entry in `route-matrix.ts` fails, naming it (add the entry: which rows it
 *   touches and which test proves own / other province / other organisation);
 * - every role whose permissions lack the route's declared permission gets 403 `forbidden`, before the
 *   body is read; anonymous gets 401 on every non-public route; nobody ever gets a 5xx;
 * - a route touching province-private rows names an existing test file that walks own/other.
 */
let h: THarness;
const clients = new Map<TRole, TClient>();
const ORG_OF_ROLE: Record<TRole, string> = {
  agency_admin: 'agency',
  agency_officer: 'agency',
  agency_leader: 'agency',
  auditor: 'agency',
  appraiser: 'agency',
  province_officer: 'so-ct-15',
  province_leader: 'so-ct-15',
  unit_officer: 'ttkc-15',
};
const ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  h = await createHarness();
  for (const role of ROLES) {
    const email = `${role.replace(/_/g, '-')}@matrix.vn`;
    await h.addUser({ email, orgKey: ORG_OF_ROLE[role], roles: [role] });
    clients.set(role, await h.signIn(email));
  }
}, 180_000);
afterAll(() => h?.close());

const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (/code|province/i.test(name)) return '24';
    if (/year/i.test(name)) return '2026';
    if (/kind/i.test(name)) return 'other';
    return ID;
  });
}

async function call(route: { method: string; url: string }, as: TClient | null) {
  const auth = as?.auth ?? {};
  return h.app.inject({
    method: route.method as 'GET',
    url: concreteUrl(route.url),
    ...(route.method === 'GET' || route.method === 'OPTIONS' ? {} : { payload: {} }),
    cookies: auth.cookie ? { kc_session: auth.cookie } : {},
    headers: auth.csrf && route.method !== 'GET' ? { 'x-csrf-token': auth.csrf } : {},
  });
}

describe('the access matrix over the whole route table (R3)', () => {
  it('every route has an entry', () => {
    const routes = h.app.routeTable.map(keyOf);
    const missing = routes.filter((key) => !(key in ROUTE_MATRIX));
    const stale = Object.keys(ROUTE_MATRIX).filter((key) => !routes.includes(key));
    expect(
      missing,
      `Routes without an entry in server/security/route-matrix.ts — add one per route, e.g.\n${missing
        .map((key) => `  '${key}': { rows: 'province', proof: 'server/modules/<module>/<module>.test.ts' },`)
        .join('\n')}\n`,
    ).toEqual([]);
    // Stale entries are only reported: a route may be on its way in from another branch.
    if (stale.length > 0) console.warn(`route-matrix.ts entries without a route: ${stale.join(', ')}`);
  });

  it('a route touching province-private rows names an existing test that walks own/other province', () => {
    for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
      if (entry.rows === 'province' || entry.rows === 'organisation') {
        expect(entry.proof, `${key}: no proof test`).toBeTruthy();
        expect(existsSync(path.resolve(entry.proof!)), `${key}: ${entry.proof} does not exist`).toBe(true);
      }
    }
  });

  it('every route × every role × anonymous: 401 / 403 as declared, never a 5xx', async () => {
    let checked = 0;
    let denied = 0;
    for (const route of h.app.routeTable) {
      const anonymous = await call(route, null);
      expect(anonymous.statusCode, `${keyOf(route)} anonymous: ${anonymous.body}`).toBeLessThan(500);
      if (route.access !== 'public') {
        expect(anonymous.statusCode, `${keyOf(route)} anonymous`).toBe(401);
      }
      checked++;
      // Logging out would end the matrix's own sessions (it is covered by auth.test.ts).
      if (keyOf(route) === 'POST /api/v1/auth/logout') continue;
      for (const role of ROLES) {
        const response = await call(route, clients.get(role)!);
        const label = `${keyOf(route)} as ${role}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        if (typeof route.access === 'object' && !permissionsOf([role]).has(route.access.permission)) {
          expect(response.statusCode, label).toBe(403);
          expect(response.json().code, label).toBe('forbidden');
          denied++;
        } else if (response.statusCode === 403) {
          // Allowed by the route table: a 403 can only come from the use case's own rule, never from access.
          expect(response.json().code, label).not.toBe('totp_enrolment_required');
        }
        checked++;
      }
    }
    console.log(
      `R3: ${h.app.routeTable.length} routes × ${ROLES.length} roles + anonymous = ${checked} calls, ${denied} refused by the permission table, 0 server errors`,
    );
  }, 600_000);
});
