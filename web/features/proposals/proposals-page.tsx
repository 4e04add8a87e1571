import { FileExcelOutlined, PlusOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ACTIVITY_TYPES } from '../../../domain/enums/activity-types';
import { highlightRanges } from '../../../domain/lib/highlight';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatOptionalInstant, formatVnd, useLanguage } from '../../lib/format';
import { usePermissions } from '../../lib/permissions';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { currentCycle, useCycles } from '../cycles/cycles.api';
import { matchesOption } from '../organizations/organization-form-drawer';
import { Highlighted } from '../search/highlighted';
import { StatusTag } from './inputs';
import { activityLabel, activityOptions, statusOptions } from './labels';
import { exportUrl } from './proposal-sheets.api';
import { type TProposal, useProposals } from './proposals.api';
import { RegistrationWizard } from './registration-wizard';

const SORTABLE = ['code', 'updatedAt', 'budgetRequested'] as const;

/**
 * The proposals the user may see (the server scopes them to the province or the unit), with filters by
 * plan year, status, activity type and orientation, and a search that ignores Vietnamese marks.
 * Filters live in the address, so a reminder e-mail's link opens the right list.
 */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const cycles = useCycles();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim());
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [sort, setSort] = useState<string>('-updatedAt');
  const [wizardOpen, setWizardOpen] = useState(false);

  const fallbackYear = useMemo(() => currentCycle(cycles.data?.items ?? [])?.planYear, [cycles.data]);
  // A dashboard drill-down (issue #8) may name a province (of today with provinces=current) and a range
  // of plan years (fromYear/toYear, or planYear=all) instead of one plan year.
  const fromYear = params.get('fromYear') ? Number(params.get('fromYear')) : undefined;
  const toYear = params.get('toYear') ? Number(params.get('toYear')) : undefined;
  const provinceCode = params.get('provinceCode') ?? undefined;
  const provinces = (params.get('provinces') ?? undefined) as 'current' | 'historical' | undefined;
  const ranged = params.get('planYear') === 'all' || fromYear !== undefined || toYear !== undefined;
  const planYear =
    params.get('planYear') && !ranged ? Number(params.get('planYear')) : ranged ? undefined : fallbackYear;
  const status = (params.get('status')?.split(',').filter(Boolean) ?? []) as TProposalStatus[];
  const activityType = params.get('activityType') ?? undefined;
  const orientation = params.get('orientation') ?? undefined;
  const cycle = cycles.data?.items.find((c) => c.planYear === planYear);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };
  // The debounced search goes into the address too (a shared link opens the same list).
  useEffect(() => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
    setPage(1);
  }, [q, setParams]);

  const list = useProposals(
    {
      planYear,
      fromYear,
      toYear,
      provinceCode,
      provinces,
      status: status.length > 0 ? status : undefined,
      activityType,
      orientation,
      q: q || undefined,
      page,
      pageSize,
      sort,
    },
    planYear !== undefined || !cycles.isPending,
  );

  const sortOrderOf = (field: (typeof SORTABLE)[number]) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

  const columns: TableColumnsType<TProposal> = [
    {
      title: t('proposals.code'),
      dataIndex: 'code',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf('code'),
      render: (code: string, p) => (
        <Link to={`/proposals/${p.id}`} aria-label={t('proposals.open', { code })}>
          {code}
        </Link>
      ),
    },
    {
      title: t('proposals.name'),
      dataIndex: 'title',
      width: 360,
      render: (title: string, p) => (
        <>
          <div>
            <Highlighted text={title} ranges={q ? highlightRanges(title, q) : []} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Highlighted
              text={p.beneficiary.name ?? ''}
              ranges={q && p.beneficiary.name ? highlightRanges(p.beneficiary.name, q) : []}
            />
          </Typography.Text>
          {p.registersDirectly ? <Tag style={{ marginLeft: 4 }}>{t('proposals.direct')}</Tag> : null}
        </>
      ),
    },
    { title: t('proposals.implementingOrganization'), dataIndex: 'implementingOrganizationName', width: 200 },
    {
      title: t('proposals.activityType'),
      dataIndex: 'activityType',
      width: 200,
      render: (code: string) => activityLabel(code, language),
    },
    {
      title: t('proposals.requested'),
      key: 'budgetRequested',
      align: 'right',
      width: 160,
      sorter: true,
      sortOrder: sortOrderOf('budgetRequested'),
      render: (_: unknown, p) => formatVnd(p.budget.requested),
    },
    {
      title: t('proposals.status'),
      dataIndex: 'status',
      width: 170,
      render: (s: string) => <StatusTag status={s} />,
    },
    {
      title: t('proposals.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      render: (value: string) => formatOptionalInstant(value),
    },
  ];

  const onTableChange: TableProps<TProposal>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = SORTABLE.find(
        (candidate) => candidate === single?.field || candidate === single?.columnKey,
      );
      setSort(field && single?.order ? `${single.order === 'descend' ? '-' : ''}${field}` : '-updatedAt');
      setPage(1);
      return;
    }
    setPage(pagination.current ?? 1);
    setPageSize(pagination.pageSize ?? 50);
  };

  const hasFilters = status.length > 0 || activityType || orientation || search !== '';

  return (
    <>
      <PageHeader
        title={t('proposals.title')}
        description={t('proposals.intro')}
        extra={
          <Space wrap>
            <a
              href={exportUrl({
                planYear,
                provinceCode,
                status: status.length > 0 ? status.join(',') : undefined,
                activityType,
                orientation,
                q: q || undefined,
                sort: 'code',
              })}
              download
              title={t('proposals.sheets.exportHint')}
            >
              <Button icon={<FileExcelOutlined aria-hidden />} tabIndex={-1}>
                {t('proposals.sheets.export')}
              </Button>
            </a>
            {can('proposals.write') ? (
              <Link to="/proposals/import">
                <Button icon={<UploadOutlined aria-hidden />} tabIndex={-1}>
                  {t('proposals.sheets.import')}
                </Button>
              </Link>
            ) : null}
            {can('proposals.register') && planYear ? (
              <Button icon={<SendOutlined aria-hidden />} onClick={() => setWizardOpen(true)}>
                {t('proposals.registerReport')}
              </Button>
            ) : null}
            {can('proposals.write') ? (
              <Link to={`/proposals/new${planYear ? `?planYear=${planYear}` : ''}`}>
                <Button type="primary" icon={<PlusOutlined aria-hidden />} tabIndex={-1}>
                  {t('proposals.create')}
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <div className="filters">
          <Input.Search
            allowClear
            aria-label={t('proposals.searchLabel')}
            placeholder={t('proposals.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 340 }}
          />
          <Select
            aria-label={t('proposals.filterYear')}
            placeholder={t('proposals.filterYear')}
            value={planYear}
            options={(cycles.data?.items ?? []).map((c) => ({
              value: c.planYear,
              label: t('cycles.planYearValue', { year: c.planYear }),
            }))}
            onChange={(value: number) => setParam('planYear', String(value))}
            style={{ width: 140 }}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('proposals.filterStatus')}
            placeholder={t('proposals.filterStatus')}
            options={statusOptions(language)}
            value={status}
            onChange={(values: string[]) => setParam('status', values.join(','))}
            style={{ minWidth: 220 }}
          />
          <Select
            allowClear
            showSearch={{ filterOption: matchesOption }}
            aria-label={t('proposals.filterActivity')}
            placeholder={t('proposals.filterActivity')}
            options={activityOptions(ACTIVITY_TYPES, language)}
            value={activityType}
            onChange={(value: string | undefined) => setParam('activityType', value)}
            style={{ width: 280 }}
          />
          {cycle && cycle.orientations.length > 0 ? (
            <Select
              allowClear
              aria-label={t('proposals.filterOrientation')}
              placeholder={t('proposals.filterOrientation')}
              options={cycle.orientations.map((o) => ({ value: o.code, label: o.label }))}
              value={orientation}
              onChange={(value: string | undefined) => setParam('orientation', value)}
              style={{ width: 260 }}
            />
          ) : null}
          {hasFilters ? (
            <Button
              onClick={() => {
                setSearch('');
                const next = new URLSearchParams();
                if (planYear) next.set('planYear', String(planYear));
                setParams(next, { replace: true });
                setPage(1);
              }}
            >
              {t('common.resetFilters')}
            </Button>
          ) : null}
        </div>
        <Table<TProposal>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          size="middle"
          scroll={{ x: 1380 }}
          locale={{ emptyText: t('proposals.empty') }}
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
      {wizardOpen && planYear ? (
        <RegistrationWizard planYear={planYear} onClose={() => setWizardOpen(false)} />
      ) : null}
    </>
  );
}
