/** Organisation kinds of api.md (closed list). */
export const ORGANIZATION_KINDS = [
  'agency',
  'provincial_department',
  'extension_center',
  'regional_center',
  'service_org',
  'people_committee',
] as const;
export type TOrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<TOrganizationKind, { vi: string; en: string }> = {
  agency: { vi: 'Cục', en: 'Agency' },
  provincial_department: { vi: 'Sở Công Thương', en: 'Department of Industry and Trade' },
  extension_center: { vi: 'Trung tâm Khuyến công', en: 'Provincial extension centre' },
  regional_center: { vi: 'Trung tâm Khuyến công quốc gia vùng', en: 'Regional extension centre' },
  service_org: { vi: 'Tổ chức dịch vụ khuyến công', en: 'Service organisation' },
  people_committee: { vi: 'Ủy ban nhân dân tỉnh', en: "Provincial People's Committee" },
};
