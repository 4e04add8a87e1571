import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, FIELD_ERROR_MESSAGES, type TErrorCode } from '../../domain/enums/error-codes';
import { AppError, type TFieldError } from '../platform/errors';

export type TLanguage = 'vi' | 'en';

/** Vietnamese unless the client asks for English first. */
export function languageOf(request: FastifyRequest): TLanguage {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'vi';
}

/** Maps any thrown value to an AppError: our own, zod validation, Fastify's, PostgreSQL constraint errors. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext;
    return new AppError('validation_failed', {
      errors: error.validation.map((v) => ({
        path: [where === 'body' ? '' : where, v.instancePath.replace(/^\//, '').replaceAll('/', '.')]
          .filter(Boolean)
          .join('.'),
        code: fieldCode(v.keyword, v.message),
      })),
    });
  }
  const fastifyError = error as Partial<FastifyError> & { code?: string; constraint?: string };
  // drizzle wraps the driver's error: its SQLSTATE is on the cause.
  const causeCode = (error as { cause?: { code?: unknown } }).cause?.code;
  switch (fastifyError.code ?? (typeof causeCode === 'string' ? causeCode : undefined)) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_file_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('validation_failed', { errors: [{ path: '', code: 'invalid_format' }] });
    case 'FST_ERR_RATE_LIMIT':
      return new AppError('rate_limited');
    case '23505': // unique_violation
      return new AppError('conflict');
    case '23503': // foreign_key_violation
    case '23514': // check_violation
    case '22P02': // invalid_text_representation (e.g. a malformed uuid that slipped through)
    case '22021': // character_not_in_repertoire: a NUL character in a text (found by the R4 fuzzing)
    case '22P05': // untranslatable_character
      return new AppError('validation_failed');
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new AppError('conflict');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode === 404)
    return new AppError('not_found');
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return new AppError('validation_failed');
  }
  return new AppError('internal_error');
}

function fieldCode(keyword: string, message: string | undefined): string {
  if (keyword === 'invalid_type' && message?.includes('undefined')) return 'required';
  return keyword in FIELD_ERROR_MESSAGES ? keyword : 'custom';
}

/** Writes `application/problem+json` (RFC 9457) with the stable code and a localised message. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const lang = languageOf(request);
  const base = ERROR_MESSAGES[error.code as TErrorCode];
  const errors = (error.params.errors ?? []).map((e: TFieldError) => ({
    path: e.path,
    code: e.code,
    message:
      (typeof e.message === 'string' ? e.message : e.message?.[lang]) ??
      FIELD_ERROR_MESSAGES[e.code]?.[lang] ??
      FIELD_ERROR_MESSAGES.custom![lang],
  }));
  const body = {
    type: `urn:khuyencong:problem:${error.code}`,
    title: base[lang],
    status: error.status,
    code: error.code,
    detail: error.params.detail?.[lang] ?? base[lang],
    ...(errors.length > 0 ? { errors } : {}),
    requestId: request.id,
  };
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}
