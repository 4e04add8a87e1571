import { Button, Descriptions, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { formatDateVi, formatOptionalInstant, organizationKindLabel, useLanguage } from '../../lib/format';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { type TOrganization, useOrganization } from './organizations.api';

/** One organisation with its name history (names it carried, with the days each was in use). */
export function OrganizationDetailDrawer({
  organizationId,
  canEdit,
  onEdit,
  onClose,
}: {
  organizationId: string | null;
  canEdit: boolean;
  onEdit: (organization: TOrganization) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const provinces = useCurrentProvinces();
  const detail = useOrganization(organizationId);
  const organization = detail.data;

  const history = [...(organization?.nameHistory ?? [])].sort((a, b) =>
    b.validFrom.localeCompare(a.validFrom),
  );

  return (
    <Drawer
      open={organizationId !== null}
      onClose={onClose}
      title={organization?.name ?? t('organizations.detailTitle')}
      size={600}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      extra={
        canEdit && organization ? (
          <Button type="primary" onClick={() => onEdit(organization)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {detail.isPending ? <Spin description={t('common.loading')} /> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {organization ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'kind',
                label: t('organizations.kind'),
                children: organizationKindLabel(organization.kind, language),
              },
              { key: 'name', label: t('organizations.name'), children: organization.name },
              {
                key: 'shortName',
                label: t('organizations.shortName'),
                children: organization.shortName ?? '—',
              },
              {
                key: 'province',
                label: t('organizations.province'),
                children: provinces.nameOf(organization.provinceCode),
              },
              { key: 'parent', label: t('organizations.parent'), children: organization.parentName ?? '—' },
              {
                key: 'status',
                label: t('organizations.status'),
                children: organization.active ? (
                  <Tag color="success">{t('organizations.active')}</Tag>
                ) : (
                  <Tag>{t('organizations.inactive')}</Tag>
                ),
              },
              {
                key: 'createdAt',
                label: t('organizations.createdAt'),
                children: formatOptionalInstant(organization.createdAt),
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            {t('organizations.nameHistory')}
          </Typography.Title>
          {history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizations.nameHistoryEmpty')} />
          ) : (
            <Timeline
              items={history.map((entry) => ({
                key: `${entry.name}-${entry.validFrom}`,
                color: entry.validTo ? 'gray' : 'blue',
                title: `${formatDateVi(entry.validFrom)} – ${entry.validTo ? formatDateVi(entry.validTo) : t('organizations.current')}`,
                content: (
                  <span>
                    <strong>{entry.name}</strong>
                    {entry.shortName ? ` (${entry.shortName})` : ''}
                  </span>
                ),
              }))}
            />
          )}
        </>
      ) : null}
    </Drawer>
  );
}
