import { eq } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { vnDateOf } from '../../../domain/lib/dates';
import { organizations } from '../../db/schema';
import type { TDbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
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
  const errors: { path: string; code: string; message: string }[] = [];
  if (NATIONAL_KINDS.includes(input.kind) && input.provinceCode) {
    errors.push({
      path: 'provinceCode',
      code: 'invalid_value',
      message: 'Cơ quan trung ương không thuộc tỉnh nào.',
    });
  }
  if (input.kind !== 'service_org' && !NATIONAL_KINDS.includes(input.kind) && !input.provinceCode) {
    errors.push({ path: 'provinceCode', code: 'required', message: 'Cần chọn tỉnh, thành phố.' });
  }
  if (input.provinceCode && !(await isProvinceInForce(tx, input.provinceCode, vnDateOf(input.now)))) {
    errors.push({
      path: 'provinceCode',
      code: 'invalid_value',
      message: 'Mã tỉnh không có trong danh mục 34 tỉnh, thành phố hiện hành.',
    });
  }
  if (input.parentId) {
    if (input.parentId === input.id) {
      errors.push({
        path: 'parentId',
        code: 'invalid_value',
        message: 'Đơn vị không thể trực thuộc chính nó.',
      });
    } else {
      const [parentRow] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, input.parentId))
        .limit(1);
      if (!parentRow)
        errors.push({ path: 'parentId', code: 'invalid_value', message: 'Không tìm thấy đơn vị cấp trên.' });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
}
