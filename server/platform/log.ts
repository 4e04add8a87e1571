import pino from 'pino';

export type TLogger = pino.Logger;

/** JSON logs (pino, Fastify's own logger); secrets never reach them (see `redact`). */
export function createLogger(level: string): TLogger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token'],
      censor: '[redacted]',
    },
  });
}
