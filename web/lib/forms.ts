import type { FormInstance } from 'antd';
import { isApiError } from './api';

/** `email`, `/email`, `body.email`, `roles.0` → the top-level form field name. */
function fieldNameOf(path: string): string {
  const segments = path
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./]/);
  return segments[0] ?? '';
}

/**
 * Puts the server's field-level messages (`errors[]` of a problem+json answer) under the matching
 * inputs. Returns true when at least one message found its field; the caller shows `detail` anyway.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!isApiError(error) || error.errors.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const fieldError of error.errors) {
    const name = fieldNameOf(fieldError.path);
    if (!fieldNames.includes(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), fieldError.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

/** True when the error carries a message for one of these fields (then the form shows it in place). */
export function hasFieldErrors(error: unknown, fieldNames: readonly string[]): boolean {
  return (
    isApiError(error) && error.errors.some((fieldError) => fieldNames.includes(fieldNameOf(fieldError.path)))
  );
}
