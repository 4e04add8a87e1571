import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Input, Space, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../domain/lib/dates';
import { foldVietnamese } from '../../../domain/lib/text';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import {
  compareVietnamese,
  formatDateVi,
  formatOptionalDate,
  regionLabel,
  todayVn,
  useLanguage,
} from '../../lib/format';
import { AdminUnitHistoryDrawer, type THistoryTarget } from './admin-unit-history-drawer';
import { type TAdminUnit, useAdminUnits, useCurrentProvinces } from './admin-units.api';

/** The last day of the 63-province map and the first day of the 34-province map (Resolution 202/2025/QH15). */
const LAST_DAY_OF_63 = '2025-06-30';
const FIRST_DAY_OF_34 = '2025-07-01';
const DATE_FORMAT = 'DD/MM/YYYY';

export default function AdminUnitsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('date');
  const date = requested && isIsoDate(requested) ? requested : todayVn();
  const [search, setSearch] = useState('');
  const [historyTarget, setHistoryTarget] = useState<THistoryTarget | null>(null);
  const units = useAdminUnits(date);
  const current = useCurrentProvinces();

  const setDate = (next: string) => {
    setSearchParams(next === todayVn() ? {} : { date: next }, { replace: true });
  };

  const rows = useMemo(() => {
    const needle = foldVietnamese(search);
    return [...(units.data ?? [])]
      .filter((unit) => !needle || foldVietnamese(`${unit.code} ${unit.fullName}`).includes(needle))
      .sort((a, b) => compareVietnamese(a.name, b.name));
  }, [units.data, search]);

  const columns: TableColumnsType<TAdminUnit> = [
    {
      title: t('adminUnits.code'),
      dataIndex: 'code',
      width: 80,
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    {
      title: t('adminUnits.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareVietnamese(a.name, b.name),
      defaultSortOrder: 'ascend',
      render: (_value, unit) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          aria-label={t('adminUnits.openHistory', { name: unit.fullName })}
          onClick={() => setHistoryTarget({ code: unit.code, date: unit.validFrom, name: unit.fullName })}
        >
          {unit.fullName}
        </Button>
      ),
    },
    {
      title: t('adminUnits.kind'),
      dataIndex: 'kind',
      render: (kind: TAdminUnit['kind']) => t(`adminUnits.kinds.${kind}`),
      filters: [
        { text: t('adminUnits.kinds.province'), value: 'province' },
        { text: t('adminUnits.kinds.city'), value: 'city' },
      ],
      onFilter: (value, unit) => unit.kind === value,
    },
    {
      title: t('adminUnits.region'),
      dataIndex: 'region',
      render: (region: string) => regionLabel(region, language),
      sorter: (a, b) => compareVietnamese(regionLabel(a.region, language), regionLabel(b.region, language)),
    },
    {
      title: t('adminUnits.validFrom'),
      dataIndex: 'validFrom',
      render: (value: string) => formatDateVi(value),
    },
    {
      title: t('adminUnits.validTo'),
      dataIndex: 'validTo',
      render: (value: string | null) =>
        value ? formatOptionalDate(value) : <Tag color="success">{t('adminUnits.stillInForce')}</Tag>,
    },
    {
      title: t('adminUnits.successor'),
      dataIndex: 'successorCode',
      // A successor comes into force after this unit ends; today's list names it.
      render: (code: string | null) => (code ? `${code} · ${current.nameOf(code)}` : t('common.empty')),
    },
  ];

  const quickDates = [
    { date: LAST_DAY_OF_63, label: t('adminUnits.before') },
    { date: FIRST_DAY_OF_34, label: t('adminUnits.after') },
    { date: todayVn(), label: t('adminUnits.today') },
  ];

  return (
    <>
      <PageHeader title={t('adminUnits.title')} description={t('adminUnits.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-end' }}>
          <div>
            <label htmlFor="admin-units-date" style={{ display: 'block', marginBottom: 4, fontWeight: 600 }}>
              {t('adminUnits.date')}
            </label>
            <DatePicker
              id="admin-units-date"
              value={dayjs(date)}
              format={DATE_FORMAT}
              allowClear={false}
              onChange={(value) => {
                if (value) setDate(value.format('YYYY-MM-DD'));
              }}
            />
          </div>
          <Space.Compact role="group" aria-label={t('adminUnits.quickDates')}>
            {quickDates.map((quick) => (
              <Button
                key={quick.label}
                type={quick.date === date ? 'primary' : 'default'}
                aria-pressed={quick.date === date}
                onClick={() => setDate(quick.date)}
              >
                {quick.label}
              </Button>
            ))}
          </Space.Compact>
          <Statistic
            title={t('adminUnits.countTitle', { date: formatDateVi(date) })}
            value={units.data?.length ?? 0}
            loading={units.isPending}
            formatter={() => t('adminUnits.count', { count: units.data?.length ?? 0 })}
          />
        </div>
      </Card>
      {units.isError ? <QueryError error={units.error} onRetry={() => void units.refetch()} /> : null}
      <Card>
        <div className="filters">
          <Input
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            aria-label={t('adminUnits.searchLabel')}
            placeholder={t('adminUnits.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ maxWidth: 360 }}
          />
        </div>
        <Table<TAdminUnit>
          rowKey={(unit) => `${unit.code}-${unit.validFrom}`}
          columns={columns}
          dataSource={rows}
          loading={units.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 900 }}
        />
      </Card>
      <AdminUnitHistoryDrawer
        target={historyTarget}
        onNavigate={setHistoryTarget}
        onClose={() => setHistoryTarget(null)}
      />
    </>
  );
}
