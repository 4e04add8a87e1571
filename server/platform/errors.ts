import { ERROR_MESSAGES, type TErrorCode } from '../../domain/enums/error-codes';

/** A field problem; `message` overrides the code's generic text, ideally in both languages. */
export type TFieldError = { path: string; code: string; message?: string | { vi: string; en: string } };

/**
 * The one error type of the application (architecture rule 6). Use cases throw it; the HTTP layer
 * renders it as problem+json with the stable `code` and a Vietnamese or English message.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    readonly params: { detail?: { vi: string; en: string }; errors?: TFieldError[] } & Record<
      string,
      unknown
    > = {},
    status?: number,
  ) {
    super(`${code}${params.detail ? `: ${params.detail.en}` : ''}`);
    this.name = 'AppError';
    this.status = status ?? ERROR_MESSAGES[code].status;
  }
}

/** The answer for a record that is missing or that the caller may not see: the two are indistinguishable. */
export const notFound = () => new AppError('not_found');
