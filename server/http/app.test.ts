import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectProblem, type THarness } from '../test/harness';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

describe('HTTP assembly', () => {
  it('refuses to register a route under /api/v1 without an access declaration (deny by default)', async () => {
    const { buildApp } = await import('./app');
    const app = await buildApp(h.ctx, { serveWeb: false });
    expect(() => app.get('/api/v1/forgotten', async () => ({ secret: true }))).toThrow(
      /has no access declaration/,
    );
    await app.close();
  });

  it('answers /health with the database mode and a request id, and sets security headers', async () => {
    const response = await h.anonymous.get('/api/v1/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { mode: 'external' } });
    expect(response.headers['x-request-id']).toBeTruthy();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeUndefined(); // only behind https
  });

  it('keeps a sane incoming x-request-id', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'so-ct-15-abcdef' },
    });
    expect(response.headers['x-request-id']).toBe('so-ct-15-abcdef');
  });

  it('serves the OpenAPI description, generated from the zod schemas', async () => {
    const spec = (await h.anonymous.get('/api/v1/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin-units',
        '/api/v1/users/{id}',
        '/api/v1/organizations',
        '/api/v1/auth/login',
      ]),
    );
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API paths, malformed JSON and oversized bodies with problem+json', async () => {
    expectProblem(await h.anonymous.get('/api/v1/khong-co'), 404, 'not_found');
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectProblem(malformed, 400, 'validation_failed');
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(huge, 413, 'payload_too_large');
  });

  it('every /api/v1 route answers an anonymous caller with 2xx or a problem+json, never a 5xx', async () => {
    const spec = (await h.anonymous.get('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        const url = path.replace('{id}', '00000000-0000-4000-8000-000000000000').replace('{code}', '24');
        const response = await h.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(String(response.headers['content-type']), `${method} ${url}`).toContain(
            'application/problem+json',
          );
          expect(response.json().code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
        }
      }
    }
  });
});
