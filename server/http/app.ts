import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { can, type TActor } from '../access/actor';
import { authenticate } from '../modules/auth/authenticate';
import { SESSION_COOKIE } from '../modules/auth/sessions';
import type { TAppContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { sendProblem, toAppError } from './problem';
import type { TRouteAccess } from './route-access';
import { registerApiRoutes } from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: TAppContext;
    /** Every /api/v1 route with its access declaration, as registered (the R3 matrix walks it). */
    routeTable: TRouteTableEntry[];
  }
  interface FastifyRequest {
    actor: TActor | null;
    csrfToken: string | null;
    sessionToken: string | null;
    secondFactorMissing: boolean;
  }
}

const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export type TApp = Awaited<ReturnType<typeof buildApp>>;
export type TRouteTableEntry = {
  method: string;
  url: string;
  access: TRouteAccess;
  /** The route's zod schemas (body, querystring, params), for the R4 fuzzing. */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
};
export type { FastifyInstance };

/** Assembles the HTTP server: plugins, authentication and access, error mapping, API routes, web app. */
export async function buildApp(ctx: TAppContext, options: { serveWeb?: boolean } = {}) {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.host === '0.0.0.0',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('secondFactorMissing', false);

  // Deny by default: a route under /api/v1 without an access declaration cannot be registered.
  const routeTable: TRouteTableEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no access declaration`);
    }
    if (route.url.startsWith('/api/v1') && route.config?.access) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          routeTable.push({ method, url: route.url, access: route.config.access, schema: route.schema });
        }
      }
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS injects <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.isSecure ? [] : null,
      },
    },
    hsts: ctx.config.isSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Khuyến công API',
        version: ctx.version,
        description:
          'Public API v1 of the national industrial-extension plan system. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // Authentication and access run before the body is parsed or validated: a caller without the right
  // to a route learns nothing about its schema, and a CSRF failure is reported as such.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    // Public routes never look at credentials: a stale cookie cannot break login, nor CSRF apply to it.
    if (!access || access === 'public') return;
    await authenticateRequest(app, request);
    enforceAccess(request, access);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, appError);
  });

  await app.register(registerApiRoutes, { prefix: '/api/v1' });

  const hasWeb = options.serveWeb !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      setHeaders: (reply, filePath) => {
        // Hashed assets never change; index.html must always be revalidated.
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(request, reply, new AppError('not_found'));
    }
    // Client-side routes of the single-page app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}

async function authenticateRequest(app: { ctx: TAppContext }, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  const bearer =
    typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '') : null;
  const cookie = request.cookies[SESSION_COOKIE] ?? null;
  if (!bearer && !cookie) return;
  const result = await authenticate(app.ctx.database.db, {
    bearer,
    cookie,
    now: app.ctx.clock.now(),
    ip: request.ip,
    requestId: request.id,
  });
  if (!result) {
    if (bearer) throw new AppError('unauthenticated');
    return; // a stale cookie is treated as no session
  }
  request.actor = result.actor;
  request.csrfToken = result.csrfToken;
  request.sessionToken = result.sessionToken;
  request.secondFactorMissing = Boolean(result.secondFactorMissing) && !app.ctx.config.totpEnrolmentOptional;
}

function enforceAccess(request: FastifyRequest, access: TRouteAccess): void {
  const actor = request.actor;
  // Cookie sessions need the CSRF token on unsafe methods; bearer tokens are not sent by browsers on their own.
  if (actor && actor.via === 'session' && UNSAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== request.csrfToken) throw new AppError('csrf_failed');
  }
  if (access === 'public') return;
  if (!actor) throw new AppError('unauthenticated');
  // Agency roles must enrol the TOTP second factor before anything else (R6).
  if (request.secondFactorMissing && !request.routeOptions.config?.allowWithoutSecondFactor) {
    throw new AppError('totp_enrolment_required');
  }
  if (access === 'authenticated') return;
  if (!can(actor, access.permission)) throw new AppError('forbidden');
}

/** The signed-in actor of a route declared non-public. */
export function actorOf(request: FastifyRequest): TActor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export type { FastifyReply };
