import { AppError } from '../../platform/errors';
import { isCommonPassword } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** R6: at least 8 characters, at most 128, not on the common-password list, not the e-mail address. */
export function assertAcceptablePassword(password: string, email?: string): void {
  const tooShort = [...password].length < MIN_PASSWORD_LENGTH;
  const tooLong = password.length > MAX_PASSWORD_LENGTH;
  const isEmail = email !== undefined && password.toLowerCase() === email.toLowerCase();
  if (tooShort || tooLong || isEmail || isCommonPassword(password)) {
    throw new AppError('weak_password', { errors: [{ path: 'password', code: 'weak_password' }] });
  }
}
