import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZRecoveryCodesResponse,
  ZTotpCodeRequest,
  ZTotpEnrolmentResponse,
} from '../../../domain/schemas/auth';
import { actorOf } from '../../http/app';
import {
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  secondFactorStatus,
  startTotpEnrolment,
} from './second-factor';

const ZSecondFactorStatus = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

/**
 * The caller's TOTP second factor (R6): status, enrolment in two steps (secret + QR, then a code that
 * turns it on and returns the recovery codes), new recovery codes, and turning it off (not for agency
 * roles). Enrolment is reachable by an agency session that has not enrolled yet.
 */
export const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, clock, config } = app.ctx;
  const open = { access: 'authenticated' as const, allowWithoutSecondFactor: true };

  app.get(
    '/me/second-factor',
    {
      config: open,
      schema: {
        tags: ['me'],
        summary: 'Two-step verification status',
        response: { 200: ZSecondFactorStatus },
      },
    },
    async (request) => secondFactorStatus(database.db, actorOf(request), config.totpEnrolmentOptional),
  );

  app.post(
    '/me/second-factor/totp',
    {
      config: open,
      schema: {
        tags: ['me'],
        summary: 'Start TOTP enrolment: a new secret, its otpauth URI and QR code',
        response: { 200: ZTotpEnrolmentResponse },
      },
    },
    async (request) =>
      database.db.transaction((tx) => startTotpEnrolment({ actor: actorOf(request), tx, now: clock.now() })),
  );

  app.post(
    '/me/second-factor/totp/confirm',
    {
      config: open,
      schema: {
        tags: ['me'],
        summary: 'Confirm TOTP enrolment with a code; returns ten one-time recovery codes (shown once)',
        body: ZTotpCodeRequest,
        response: { 200: ZRecoveryCodesResponse },
      },
    },
    async (request) =>
      database.db.transaction((tx) =>
        confirmTotpEnrolment({ actor: actorOf(request), tx, now: clock.now(), code: request.body.code }),
      ),
  );

  app.post(
    '/me/second-factor/recovery-codes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'New recovery codes (the old ones stop working), after a current TOTP code',
        body: ZTotpCodeRequest,
        response: { 200: ZRecoveryCodesResponse },
      },
    },
    async (request) =>
      database.db.transaction((tx) =>
        regenerateRecoveryCodes({ actor: actorOf(request), tx, now: clock.now(), code: request.body.code }),
      ),
  );

  app.post(
    '/me/second-factor/totp/disable',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['me'],
        summary: 'Turn TOTP off with a current code (not allowed for agency roles)',
        body: ZTotpCodeRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await database.db.transaction((tx) =>
        disableTotp({
          actor,
          tx,
          now: clock.now(),
          userId: actor.userId,
          code: request.body.code,
          roles: actor.roles,
        }),
      );
      return reply.status(204).send(null);
    },
  );
};
