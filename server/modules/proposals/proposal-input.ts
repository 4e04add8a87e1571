import type { TActivityType } from '../../../domain/enums/activity-types';
import { FIELD_ERROR_MESSAGES } from '../../../domain/enums/error-codes';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { vnDateOf } from '../../../domain/lib/dates';
import { activityFieldsSchema } from '../../../domain/regulation';
import type { TOrientation } from '../../../domain/schemas/cycles';
import { IMPLEMENTING_ORGANIZATION_KINDS, registersDirectly } from '../../../domain/workflow/proposal';
import type { TActor } from '../../access/actor';
import type { TDbOrTx } from '../../platform/db';
import { AppError, type TFieldError } from '../../platform/errors';
import { isProvinceInForce } from '../admin-units/admin-units.repository';
import type { TCycleRow } from '../cycles';
import { findOrganization } from './proposals.repository';

const invalid = (path: string, vi: string, en: string): TFieldError => ({
  path,
  code: 'invalid_value',
  message: { vi, en },
});

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Checks `fields` against the activity type's schema (domain/regulation fields.ts). A draft may leave
 * fields out (or a list empty) while it is being written; with `complete` every field must be there,
 * as at submission.
 */
export function fieldErrors(
  activityType: TActivityType,
  fields: Record<string, unknown>,
  options: { complete: boolean },
): TFieldError[] {
  const parsed = activityFieldsSchema(activityType).safeParse(fields);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((issue) => {
      if (options.complete) return true;
      const value = valueAt(fields, issue.path);
      return value !== undefined && !(Array.isArray(value) && value.length === 0);
    })
    .map((issue) => {
      const missing = valueAt(fields, issue.path) === undefined;
      const code = missing ? 'required' : issue.code in FIELD_ERROR_MESSAGES ? issue.code : 'custom';
      return { path: ['fields', ...issue.path.map(String)].join('.'), code };
    });
}

export function assertNoFieldErrors(errors: TFieldError[]): void {
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
}

/** Orientation codes must be the cycle's (the guidance letter's list). */
export function orientationErrors(cycle: TCycleRow, codes: readonly string[]): TFieldError[] {
  const known = new Set((cycle.orientations as TOrientation[]).map((o) => o.code));
  return codes
    .filter((code) => !known.has(code))
    .map((code) =>
      invalid(
        'orientations',
        `Định hướng "${code}" không có trong kỳ kế hoạch.`,
        `Orientation "${code}" is not in the cycle.`,
      ),
    );
}

/**
 * The implementing organisation a proposal may name, and the province the proposal belongs to. A
 * province user proposes for organisations of their own province that go through the Sở; a unit user
 * only for their own organisation. A unit without a province (regional centre) names where the
 * project runs.
 */
export async function resolveImplementer(
  db: TDbOrTx,
  actor: TActor,
  input: { implementingOrganizationId: string; provinceCode: string | undefined; now: Date },
): Promise<{ organizationId: string; provinceCode: string; registersDirectly: boolean }> {
  const organization = await findOrganization(db, input.implementingOrganizationId);
  const path = 'implementingOrganizationId';
  if (
    !organization?.active ||
    !IMPLEMENTING_ORGANIZATION_KINDS.includes(organization.kind as TOrganizationKind)
  ) {
    throw new AppError('validation_failed', {
      errors: [
        invalid(
          path,
          'Không tìm thấy đơn vị thực hiện hoặc đơn vị không thực hiện đề án.',
          'No such implementing organisation, or it does not implement projects.',
        ),
      ],
    });
  }
  const direct = registersDirectly(organization.kind as TOrganizationKind, organization.provinceCode);
  const asProvince =
    (actor.roles.includes('province_officer') || actor.roles.includes('province_leader')) &&
    actor.provinceCode !== null &&
    organization.provinceCode === actor.provinceCode &&
    !direct;
  const asUnit = actor.roles.includes('unit_officer') && actor.organizationId === organization.id;
  if (!asProvince && !asUnit) {
    throw new AppError('validation_failed', {
      errors: [
        invalid(path, 'Bạn không thể lập đề án cho đơn vị này.', 'You cannot propose for this organisation.'),
      ],
    });
  }
  if (organization.provinceCode) {
    if (input.provinceCode && input.provinceCode !== organization.provinceCode) {
      throw new AppError('validation_failed', {
        errors: [
          invalid(
            'provinceCode',
            'Tỉnh của đề án là tỉnh của đơn vị thực hiện.',
            'The province is the implementing organisation’s.',
          ),
        ],
      });
    }
    return {
      organizationId: organization.id,
      provinceCode: organization.provinceCode,
      registersDirectly: direct,
    };
  }
  if (!input.provinceCode) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'provinceCode',
          code: 'required',
          message: {
            vi: 'Cần chọn tỉnh, thành phố thực hiện đề án.',
            en: 'Choose the province where it runs.',
          },
        },
      ],
    });
  }
  if (!(await isProvinceInForce(db, input.provinceCode, vnDateOf(input.now)))) {
    throw new AppError('validation_failed', {
      errors: [
        invalid(
          'provinceCode',
          'Mã tỉnh không có trong danh mục 34 tỉnh, thành phố hiện hành.',
          'Not one of the 34 provinces in force.',
        ),
      ],
    });
  }
  return { organizationId: organization.id, provinceCode: input.provinceCode, registersDirectly: direct };
}

export async function coordinatingErrors(db: TDbOrTx, id: string | null | undefined): Promise<TFieldError[]> {
  if (!id) return [];
  const organization = await findOrganization(db, id);
  return organization
    ? []
    : [
        invalid(
          'coordinatingOrganizationId',
          'Không tìm thấy đơn vị phối hợp.',
          'No such coordinating organisation.',
        ),
      ];
}

export function dateErrors(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
): TFieldError[] {
  if (startDate && endDate && endDate < startDate) {
    return [
      invalid('endDate', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must follow the start date.'),
    ];
  }
  return [];
}
