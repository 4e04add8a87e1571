import { useTranslation } from 'react-i18next';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  type TOrganizationKind,
} from '../../domain/enums/organization-kinds';
import { isRegion, REGION_LABELS } from '../../domain/enums/regions';
import { ROLE_LABELS, ROLES, type TRole } from '../../domain/enums/roles';
import { formatDateVi, formatInstantVi, vnDateOf } from '../../domain/lib/dates';
import { formatVnd } from '../../domain/lib/money';
import { compareVietnamese } from '../../domain/lib/text';
import { currentLanguage, type TLanguage } from './i18n';

export { compareVietnamese, formatDateVi, formatInstantVi, formatVnd };

/** Today's calendar date in Vietnam (`YYYY-MM-DD`), whatever the browser's time zone. */
export function todayVn(): string {
  return vnDateOf(new Date());
}

/** A nullable ISO date as `dd/MM/yyyy`, or the dash. */
export function formatOptionalDate(value: string | null | undefined): string {
  return value ? formatDateVi(value) : '—';
}

/** A nullable instant as `dd/MM/yyyy HH:mm` in Vietnam's time, or the dash. */
export function formatOptionalInstant(value: string | null | undefined): string {
  return value ? formatInstantVi(value) : '—';
}

function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

function isOrganizationKind(value: string): value is TOrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

/** The label of a role in the UI language; an unknown code (a newer server) shows as itself. */
export function roleLabel(role: string, language: TLanguage = currentLanguage()): string {
  return isRole(role) ? ROLE_LABELS[role][language] : role;
}

export function organizationKindLabel(kind: string, language: TLanguage = currentLanguage()): string {
  return isOrganizationKind(kind) ? ORGANIZATION_KIND_LABELS[kind][language] : kind;
}

/** The label of a socio-economic region (`admin-units[].region`). */
export function regionLabel(region: string, language: TLanguage = currentLanguage()): string {
  return isRegion(region) ? REGION_LABELS[region][language] : region;
}

/** Options for a role select, in the UI language. */
export function roleOptions(language: TLanguage): { value: TRole; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role][language] }));
}

export function organizationKindOptions(language: TLanguage): { value: TOrganizationKind; label: string }[] {
  return ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: ORGANIZATION_KIND_LABELS[kind][language] }));
}

/** Re-renders with the language: use in components whose labels come from domain enums. */
export function useLanguage(): TLanguage {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}
