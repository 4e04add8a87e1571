import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROLES, type TRole } from '../../domain/enums/roles';
import { permissionsOf } from '../access/permissions';
import type { TRouteTableEntry } from '../http/app';
import { createHarness, type TClient, type THarness } from '../test/harness';

/**
 * R4: property-based fuzzing of every route's body and query. For each route of the route table with
 * a zod body or querystring schema, fast-check generates inputs from the schema's JSON Schema
 * (`z.toJSONSchema`): mostly well-typed values near the limits, plus arbitrary junk. Each is sent by a
 * signed-in user allowed to call the route. Property: never a 5xx, every refusal a problem+json with a
 * code. Bounded: CASES per route, so the run stays short.
 */
const CASES = 20;
const ID = '00000000-0000-4000-8000-000000000000';
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
// Routes whose side effect would end the fuzzing session itself.
const SKIP = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/me/password',
  'POST /api/v1/me/second-factor/totp',
]);

let h: THarness;
const clients = new Map<TRole, TClient>();

beforeAll(async () => {
  h = await createHarness();
  for (const role of ROLES) {
    const email = `fuzz-${role.replace(/_/g, '-')}@fuzz.vn`;
    await h.addUser({ email, orgKey: ORG_OF_ROLE[role], roles: [role] });
    clients.set(role, await h.signIn(email));
  }
}, 180_000);
afterAll(() => h?.close());

type TJsonSchema = {
  type?: string | string[];
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  items?: TJsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
};

const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant('<script>alert(1)</script>'),
  fc.constant("' OR 1=1 --"),
  fc.constant('../../etc/passwd'),
  fc.constant('\u0000\u202e'),
  fc.string({ minLength: 300, maxLength: 2000 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

/** An arbitrary of values for a JSON Schema: valid-looking most of the time, junk sometimes. */
function arbitraryOf(schema: TJsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: typed(schema, depth) }, { weight: 1, arbitrary: junk });
}

function typed(schema: TJsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return junk;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((s) => typed(s, depth + 1)));
  if (schema.allOf?.length) return typed(schema.allOf[0]!, depth + 1);
  const types = [schema.type ?? 'any'].flat();
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.constant(ID));
          if (schema.format === 'date') return fc.oneof(fc.constant('2026-02-30'), fc.constant('2026-03-01'));
          if (schema.format === 'date-time')
            return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
          if (schema.format === 'email') return fc.emailAddress();
          return fc.string({
            minLength: schema.minLength ?? 0,
            maxLength: Math.min(schema.maxLength ?? 40, (schema.minLength ?? 0) + 60),
            unit: 'grapheme',
          });
        case 'integer':
          return fc.integer({
            min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
            max: Math.min(schema.maximum ?? 1_000_000_000_000, Number.MAX_SAFE_INTEGER),
          });
        case 'number':
          return fc.double({ min: schema.minimum ?? -1e12, max: schema.maximum ?? 1e12, noNaN: true });
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return fc.array(schema.items ? typed(schema.items, depth + 1) : junk, {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4),
          });
        case 'object': {
          const properties = schema.properties ?? {};
          const required = new Set(schema.required ?? []);
          const record: Record<string, fc.Arbitrary<unknown>> = {};
          for (const [key, value] of Object.entries(properties)) record[key] = arbitraryOf(value, depth + 1);
          return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
        }
        default:
          return junk;
      }
    }),
  );
}

function jsonSchemaOf(schema: unknown): TJsonSchema | null {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return null;
  try {
    return z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' }) as TJsonSchema;
  } catch {
    return null;
  }
}

function concreteUrl(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (/code|province/i.test(name)) return '24';
    if (/year/i.test(name)) return '2026';
    return ID;
  });
}

function callerFor(route: TRouteTableEntry): TClient | null {
  if (route.access === 'public' || route.access === 'authenticated') return clients.get('agency_admin')!;
  const permission = route.access.permission;
  const role = ROLES.find((r) => permissionsOf([r]).has(permission));
  return role ? clients.get(role)! : null;
}

describe('fuzzing every route from its zod schemas (R4)', () => {
  it('no 5xx, every refusal a problem+json with a code', async () => {
    let routes = 0;
    let cases = 0;
    const statuses = new Map<number, number>();
    for (const route of h.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      if (SKIP.has(key)) continue;
      const body = jsonSchemaOf(route.schema?.body);
      const query = jsonSchemaOf(route.schema?.querystring);
      if (!body && !query) continue;
      const caller = callerFor(route);
      if (!caller) continue;
      routes++;
      const input = fc.record({
        body: body ? arbitraryOf(body) : fc.constant(undefined),
        query: query ? typed(query, 0) : fc.constant({}),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ body: payload, query: params }) => {
          const search = new URLSearchParams();
          for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
            if (value !== undefined)
              search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
          }
          const qs = search.toString();
          const response = await h.app.inject({
            method: route.method as 'GET',
            url: `${concreteUrl(route.url)}${qs ? `?${qs}` : ''}`,
            ...(route.method === 'GET' || payload === undefined
              ? {}
              : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
            cookies: { kc_session: caller.auth.cookie! },
            headers: {
              ...(route.method === 'GET' || payload === undefined
                ? {}
                : { 'content-type': 'application/json' }),
              ...(route.method !== 'GET' ? { 'x-csrf-token': caller.auth.csrf! } : {}),
            },
          });
          cases++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const label = `${key} with ${JSON.stringify({ payload, params }).slice(0, 300)}: ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, label).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(String(response.headers['content-type']), label).toContain('application/problem+json');
            expect(response.json().code, label).toMatch(/^[a-z_]+$/);
          }
        }),
        { numRuns: CASES, seed: 20_261_128, endOnFailure: true },
      );
    }
    console.log(
      `R4: ${cases} fuzz cases over ${routes} routes (${CASES} each), 0 server errors; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(routes).toBeGreaterThan(30);
  }, 900_000);
});
