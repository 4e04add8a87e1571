import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import {
  compareVietnamese,
  organizationKindLabel,
  organizationKindOptions,
  useLanguage,
} from '../../lib/format';
import { usePermissions } from '../../lib/permissions';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { OrganizationDetailDrawer } from './organization-detail-drawer';
import { matchesOption, OrganizationFormDrawer } from './organization-form-drawer';
import { type TOrganization, useOrganizations } from './organizations.api';

type TStatusFilter = 'all' | 'active' | 'inactive';

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { can } = usePermissions();
  const canWrite = can('organizations.write');
  const provinces = useCurrentProvinces();

  const [kind, setKind] = useState<TOrganizationKind | undefined>();
  const [provinceCode, setProvinceCode] = useState<string | undefined>();
  const [status, setStatus] = useState<TStatusFilter>('all');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [detailId, setDetailId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ organization: TOrganization | null } | null>(null);

  const list = useOrganizations({
    kind,
    provinceCode,
    q: q || undefined,
    active: status === 'all' ? undefined : status === 'active',
  });

  // The server's collation may put "Đ" after "Z"; the list is sorted here in Vietnamese order.
  const rows = useMemo(
    () => [...(list.data?.items ?? [])].sort((a, b) => compareVietnamese(a.name, b.name)),
    [list.data],
  );

  const columns: TableColumnsType<TOrganization> = [
    {
      title: t('organizations.kind'),
      dataIndex: 'kind',
      render: (value: string) => organizationKindLabel(value, language),
      sorter: (a, b) =>
        compareVietnamese(organizationKindLabel(a.kind, language), organizationKindLabel(b.kind, language)),
    },
    {
      title: t('organizations.name'),
      dataIndex: 'name',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => compareVietnamese(a.name, b.name),
      render: (_value, organization) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          aria-label={t('organizations.openDetails', { name: organization.name })}
          onClick={() => setDetailId(organization.id)}
        >
          {organization.name}
        </Button>
      ),
    },
    {
      title: t('organizations.province'),
      dataIndex: 'provinceCode',
      render: (code: string | null) => provinces.nameOf(code),
      sorter: (a, b) => compareVietnamese(provinces.nameOf(a.provinceCode), provinces.nameOf(b.provinceCode)),
    },
    {
      title: t('organizations.parent'),
      dataIndex: 'parentName',
      render: (value: string | null) => value ?? t('common.empty'),
      sorter: (a, b) => compareVietnamese(a.parentName ?? '', b.parentName ?? ''),
    },
    {
      title: t('organizations.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="success">{t('organizations.active')}</Tag>
        ) : (
          <Tag>{t('organizations.inactive')}</Tag>
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_value: unknown, organization: TOrganization) => (
              <Button
                size="small"
                aria-label={t('organizations.editNamed', { name: organization.name })}
                onClick={() => setEditing({ organization })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const total = list.data?.total ?? 0;
  const hasFilters = kind !== undefined || provinceCode !== undefined || status !== 'all' || search !== '';

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ organization: null })}
            >
              {t('organizations.create')}
            </Button>
          ) : null
        }
      />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <div className="filters">
          <Input
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            aria-label={t('organizations.searchLabel')}
            placeholder={t('organizations.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 300 }}
          />
          <Select
            allowClear
            aria-label={t('organizations.filterKind')}
            placeholder={t('organizations.filterKind')}
            options={organizationKindOptions(language)}
            value={kind}
            onChange={(value) => setKind(value)}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            showSearch={{ filterOption: matchesOption }}
            aria-label={t('organizations.filterProvince')}
            placeholder={t('organizations.filterProvince')}
            options={provinces.options}
            value={provinceCode}
            onChange={(value) => setProvinceCode(value)}
            style={{ width: 220 }}
          />
          <Select<TStatusFilter>
            aria-label={t('organizations.filterStatus')}
            options={[
              { value: 'all', label: `${t('organizations.status')}: ${t('common.all')}` },
              { value: 'active', label: t('organizations.active') },
              { value: 'inactive', label: t('organizations.inactive') },
            ]}
            value={status}
            onChange={setStatus}
            style={{ width: 200 }}
          />
          {hasFilters ? (
            <Button
              onClick={() => {
                setKind(undefined);
                setProvinceCode(undefined);
                setStatus('all');
                setSearch('');
              }}
            >
              {t('common.resetFilters')}
            </Button>
          ) : null}
        </div>
        {total > rows.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('organizations.tooMany', { shown: rows.length, total })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<TOrganization>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching}
          size="middle"
          scroll={{ x: 900 }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (count) => t('common.total', { count }),
          }}
        />
      </Card>
      <OrganizationDetailDrawer
        organizationId={detailId}
        canEdit={canWrite}
        onEdit={(organization) => {
          setDetailId(null);
          setEditing({ organization });
        }}
        onClose={() => setDetailId(null)}
      />
      <OrganizationFormDrawer
        open={editing !== null}
        organization={editing?.organization ?? null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
