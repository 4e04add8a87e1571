import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../domain/enums/roles';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { formatOptionalInstant, roleLabel, roleOptions, useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { matchesOption } from '../organizations/organization-form-drawer';
import { useOrganizationOptions } from '../organizations/organizations.api';
import { UserFormDrawer } from './user-form-drawer';
import { type TUser, type TUserSort, useUpdateUser, useUsers } from './users.api';

type TStatusFilter = 'all' | 'active' | 'inactive';
const SORTABLE = ['name', 'email', 'lastLoginAt'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const { can } = usePermissions();
  const canWrite = can('users.write');
  const organizations = useOrganizationOptions(can('organizations.read'));
  const update = useUpdateUser();

  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [role, setRole] = useState<TRole | undefined>();
  const [status, setStatus] = useState<TStatusFilter>('all');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [sort, setSort] = useState<TUserSort>('name');
  const [editing, setEditing] = useState<{ user: TUser | null } | null>(null);

  const list = useUsers({
    organizationId,
    role,
    q: q || undefined,
    active: status === 'all' ? undefined : status === 'active',
    page,
    pageSize,
    sort,
  });

  const organizationOptions = useMemo(
    () => organizations.items.map((organization) => ({ value: organization.id, label: organization.name })),
    [organizations.items],
  );

  /** Any filter change starts again from the first page. */
  const filterBy =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };

  const setActive = (user: TUser, active: boolean) => {
    update.mutate(
      { id: user.id, changes: { active } },
      {
        onSuccess: () =>
          void notify.success(
            active
              ? t('users.reactivated', { name: user.name })
              : t('users.deactivated', { name: user.name }),
          ),
        onError: (error) => void notify.error(errorMessage(error)),
      },
    );
  };

  const sortOrderOf = (field: (typeof SORTABLE)[number]) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableColumnsType<TUser> = [
    { title: t('users.name'), dataIndex: 'name', sorter: true, sortOrder: sortOrderOf('name'), width: 200 },
    { title: t('users.email'), dataIndex: 'email', sorter: true, sortOrder: sortOrderOf('email') },
    { title: t('users.organization'), dataIndex: 'organizationName' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((code) => (
            <Tag key={code}>{roleLabel(code, language)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="success">{t('users.active')}</Tag>
        ) : (
          <Tag color="error">{t('users.inactive')}</Tag>
        ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrderOf('lastLoginAt'),
      render: (value: string | null) => (value ? formatOptionalInstant(value) : t('users.neverLoggedIn')),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_value: unknown, user: TUser) => (
              <Space size={4}>
                <Button
                  size="small"
                  aria-label={t('users.editNamed', { name: user.name })}
                  onClick={() => setEditing({ user })}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={
                    user.active
                      ? t('users.deactivateConfirm', { name: user.name })
                      : t('users.reactivateConfirm', { name: user.name })
                  }
                  okText={user.active ? t('users.deactivate') : t('users.reactivate')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: user.active }}
                  onConfirm={() => setActive(user, !user.active)}
                >
                  <Button
                    size="small"
                    danger={user.active}
                    aria-label={
                      user.active
                        ? t('users.deactivateNamed', { name: user.name })
                        : t('users.reactivateNamed', { name: user.name })
                    }
                  >
                    {user.active ? t('users.deactivate') : t('users.reactivate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const onTableChange: TableProps<TUser>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = SORTABLE.find((candidate) => candidate === single?.field);
      setSort(
        field && single?.order ? (`${single.order === 'descend' ? '-' : ''}${field}` as TUserSort) : 'name',
      );
      setPage(1);
      return;
    }
    setPage(pagination.current ?? 1);
    setPageSize(pagination.pageSize ?? 50);
  };

  const hasFilters = organizationId !== undefined || role !== undefined || status !== 'all' || search !== '';

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ user: null })}
            >
              {t('users.create')}
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
            aria-label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
            style={{ width: 280 }}
          />
          {organizationOptions.length > 0 ? (
            <Select
              allowClear
              showSearch={{ filterOption: matchesOption }}
              aria-label={t('users.filterOrganization')}
              placeholder={t('users.filterOrganization')}
              options={organizationOptions}
              value={organizationId}
              onChange={filterBy(setOrganizationId)}
              style={{ width: 300 }}
            />
          ) : null}
          <Select
            allowClear
            aria-label={t('users.filterRole')}
            placeholder={t('users.filterRole')}
            options={roleOptions(language)}
            value={role}
            onChange={filterBy(setRole)}
            style={{ width: 260 }}
          />
          <Select<TStatusFilter>
            aria-label={t('users.filterStatus')}
            options={[
              { value: 'all', label: `${t('users.status')}: ${t('common.all')}` },
              { value: 'active', label: t('users.active') },
              { value: 'inactive', label: t('users.inactive') },
            ]}
            value={status}
            onChange={filterBy(setStatus)}
            style={{ width: 200 }}
          />
          {hasFilters ? (
            <Button
              onClick={() => {
                setOrganizationId(undefined);
                setRole(undefined);
                setStatus('all');
                setSearch('');
                setPage(1);
              }}
            >
              {t('common.resetFilters')}
            </Button>
          ) : null}
        </div>
        <Table<TUser>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          size="middle"
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (count) => t('common.total', { count }),
          }}
        />
      </Card>
      <UserFormDrawer open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
