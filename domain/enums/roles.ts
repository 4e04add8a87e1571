/** The roles of the product brief (closed list). A user may hold several. */
export const ROLES = [
  'agency_admin',
  'agency_officer',
  'agency_leader',
  'appraiser',
  'province_officer',
  'province_leader',
  'unit_officer',
  'auditor',
] as const;
export type TRole = (typeof ROLES)[number];

/** Roles whose holders work for the ministry's agency and see every province. */
export const AGENCY_ROLES: readonly TRole[] = ['agency_admin', 'agency_officer', 'agency_leader', 'auditor'];

export const ROLE_LABELS: Record<TRole, { vi: string; en: string }> = {
  agency_admin: { vi: 'Quản trị hệ thống (Cục)', en: 'Agency administrator' },
  agency_officer: { vi: 'Chuyên viên Cục', en: 'Agency officer' },
  agency_leader: { vi: 'Lãnh đạo Cục / Bộ', en: 'Agency leader' },
  appraiser: { vi: 'Thành viên hội đồng thẩm định', en: 'Appraiser' },
  province_officer: { vi: 'Chuyên viên Sở / Trung tâm', en: 'Province officer' },
  province_leader: { vi: 'Lãnh đạo Sở', en: 'Province leader' },
  unit_officer: { vi: 'Cán bộ đơn vị thực hiện', en: 'Implementing unit officer' },
  auditor: { vi: 'Thanh tra, kiểm toán', en: 'Auditor' },
};
