import { eq } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { vnDateOf } from '../../../domain/lib/dates';
import { organizations } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { AppError, type TFieldError } from '../../platform/errors';
import { isProvinceInForce } from '../admin-units/admin-units.repository';

/** National bodies have no province; provincial ones must name a province in force today. */
const NATIONAL_KINDS: readonly TOrganizationKind[] = ['agency', 'regional_center'];

export async function assertOrganizationShape(
  tx: TDbOrTx,
  input: {
    id?: string;
    kind: TOrganizationKind;
    provinceCode: string | null;
    parentId: string | null;
    now: Date;
  },
): Promise<void> {
  const errors: TFieldError[] = [];
  if (NATIONAL_KINDS.includes(input.kind) && input.provinceCode) {
    errors.push({
      path: 'provinceCode',
      code: 'invalid_value',
      message: {
        vi: 'Cơ quan trung ương không thuộc tỉnh nào.',
        en: 'A national body belongs to no province.',
      },
    });
  }
  if (input.kind !== 'service_org' && !NATIONAL_KINDS.includes(input.kind) && !input.provinceCode) {
    errors.push({
      path: 'provinceCode',
      code: 'required',
      message: { vi: 'Cần chọn tỉnh, thành phố.', en: 'Choose a province.' },
    });
  }
  if (input.provinceCode && !(await isProvinceInForce(tx, input.provinceCode, vnDateOf(input.now)))) {
    errors.push({
      path: 'provinceCode',
      code: 'invalid_value',
      message: {
        vi: 'Mã tỉnh không có trong danh mục 34 tỉnh, thành phố hiện hành.',
        en: 'Not one of the 34 provinces in force.',
      },
    });
  }
  if (input.parentId) {
    if (input.parentId === input.id) {
      errors.push({
        path: 'parentId',
        code: 'invalid_value',
        message: {
          vi: 'Đơn vị không thể trực thuộc chính nó.',
          en: 'An organisation cannot be its own parent.',
        },
      });
    } else {
      const [parentRow] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, input.parentId))
        .limit(1);
      if (!parentRow)
        errors.push({
          path: 'parentId',
          code: 'invalid_value',
          message: { vi: 'Không tìm thấy đơn vị cấp trên.', en: 'Parent organisation not found.' },
        });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
}
