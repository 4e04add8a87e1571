import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADJUSTMENT_KIND_LABELS, type TAdjustmentKind } from '../../../domain/regulation/adjustments';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatDateVi, formatVnd, todayVn, useLanguage } from '../../lib/format';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { useMe } from '../auth/auth.api';
import { StatusTag } from '../proposals/inputs';
import {
  REPORT_PERIODS,
  reportFileUrl,
  type TProvinceReport,
  type TReportPeriod,
  useProvinceReport,
} from './reports.api';
import './reports.i18n';

type TIndicator = keyof TProvinceReport['programmes'][number] & keyof ReturnType<typeof indicatorKeys>;
const indicatorKeys = () => ({
  projects: false,
  approvedSupport: true,
  contractedValue: true,
  advanced: true,
  spent: true,
  acceptedProjects: false,
  acceptedSupport: true,
  settled: true,
  refunded: true,
});

/** The last period that has started: the current quarter of this year. */
function currentPeriod(): { year: number; period: TReportPeriod } {
  const [y, m] = todayVn().split('-').map(Number) as [number, number];
  return { year: y, period: `Q${Math.floor((m - 1) / 3) + 1}` as TReportPeriod };
}

/** "Báo cáo định kỳ": the Sở's quarterly, half-year and yearly report, on screen and as .xlsx/.docx. */
export default function ProvinceReportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const provinces = useCurrentProvinces();
  // A province user reports on their own province; the agency chooses any.
  const roles = me.data?.roles ?? [];
  const ownProvince =
    roles.includes('province_officer') || roles.includes('province_leader')
      ? (me.data?.organization?.provinceCode ?? null)
      : null;
  const initial = useMemo(currentPeriod, []);
  const [chosenProvince, setProvince] = useState<string | null>(null);
  const [year, setYear] = useState(initial.year);
  const [period, setPeriod] = useState<TReportPeriod>(initial.period);
  const provinceCode = chosenProvince ?? ownProvince ?? '';
  const query = provinceCode ? { provinceCode, year, period } : null;
  const report = useProvinceReport(query);
  const r = report.data;
  const years = Array.from({ length: 6 }, (_, i) => initial.year - i);
  const money = (n: number) => formatVnd(n);

  const summaryRows = r
    ? (Object.entries(indicatorKeys()) as [TIndicator, boolean][]).map(([key, isMoney]) => {
        const [n, l] = [r.programmes[0]!, r.programmes[1]!].map((p) => Number(p[key]));
        const f = (v: number) => (isMoney ? money(v) : String(v));
        return {
          key,
          label: t(`report.indicators.${key}`),
          national: f(n!),
          local: f(l!),
          total: f(n! + l!),
        };
      })
    : [];
  const statusRows = r
    ? r.programmes[0]!.byStatus.map((s, i) => ({
        key: s.status,
        status: s.status,
        national: s.count,
        local: r.programmes[1]!.byStatus[i]!.count,
      }))
    : [];

  return (
    <>
      <PageHeader
        title={t('report.title')}
        description={t('report.intro')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('report.province')}
              style={{ width: 200 }}
              showSearch
              optionFilterProp="label"
              value={provinceCode || undefined}
              placeholder={t('report.province')}
              disabled={ownProvince !== null}
              onChange={(value: string) => setProvince(value)}
              options={provinces.options}
            />
            <Select
              aria-label={t('report.year')}
              style={{ width: 100 }}
              value={year}
              onChange={(value: number) => setYear(value)}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <Select
              aria-label={t('report.period')}
              style={{ width: 160 }}
              value={period}
              onChange={(value: TReportPeriod) => setPeriod(value)}
              options={REPORT_PERIODS.map((p) => ({ value: p, label: t(`report.periods.${p}`) }))}
            />
            <Button href={query ? reportFileUrl(query, 'xlsx') : undefined} disabled={!r} download>
              {t('report.downloadXlsx')}
            </Button>
            <Button
              type="primary"
              href={query ? reportFileUrl(query, 'docx') : undefined}
              disabled={!r}
              download
            >
              {t('report.downloadDocx')}
            </Button>
          </Space>
        }
      />
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {r ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {r.issuer.department} —{' '}
            {t('report.asOf', { start: formatDateVi(r.startDate), end: formatDateVi(r.endDate) })}
          </Typography.Text>
          <Card title={t('report.summary')}>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={summaryRows}
              columns={[
                { title: t('report.indicator'), dataIndex: 'label' },
                { title: t('report.national'), dataIndex: 'national', align: 'right' },
                { title: t('report.local'), dataIndex: 'local', align: 'right' },
                { title: t('report.total'), dataIndex: 'total', align: 'right' },
              ]}
            />
            <Table
              style={{ marginTop: 12 }}
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={statusRows}
              columns={[
                {
                  title: t('report.status'),
                  dataIndex: 'status',
                  render: (s: string) => <StatusTag status={s} />,
                },
                { title: t('report.national'), dataIndex: 'national', align: 'right' },
                { title: t('report.local'), dataIndex: 'local', align: 'right' },
              ]}
            />
          </Card>
          <Card title={t('report.projects')}>
            <Table
              size="small"
              rowKey="id"
              dataSource={r.projects}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t('report.code'), dataIndex: 'code', width: 170 },
                { title: t('report.titleCol'), dataIndex: 'title' },
                {
                  title: '',
                  dataIndex: 'programme',
                  width: 70,
                  render: (p: string) => (
                    <Tag>{p === 'local' ? t('report.local') : t('report.national')}</Tag>
                  ),
                },
                { title: t('report.organization'), dataIndex: 'implementingOrganizationName' },
                {
                  title: t('report.status'),
                  dataIndex: 'status',
                  render: (s: string) => <StatusTag status={s} />,
                },
                {
                  title: t('report.indicators.approvedSupport'),
                  dataIndex: 'approvedSupport',
                  align: 'right',
                  render: money,
                },
                {
                  title: t('report.indicators.advanced'),
                  dataIndex: 'advanced',
                  align: 'right',
                  render: money,
                },
                { title: t('report.indicators.spent'), dataIndex: 'spent', align: 'right', render: money },
                {
                  title: t('report.volume'),
                  dataIndex: 'volumePercent',
                  align: 'right',
                  render: (v: number | null) => v ?? '—',
                },
                { title: t('report.problems'), dataIndex: 'problems', render: (v: string | null) => v ?? '' },
              ]}
            />
          </Card>
          <Card title={t('report.inspections')}>
            <Table
              size="small"
              rowKey={(i) => `${i.code}-${i.doneOn}`}
              pagination={false}
              locale={{ emptyText: <Typography.Text type="secondary">{t('report.none')}</Typography.Text> }}
              dataSource={r.inspections}
              columns={[
                { title: t('report.code'), dataIndex: 'code', width: 170 },
                { title: t('report.titleCol'), dataIndex: 'title' },
                { title: t('report.doneOn'), dataIndex: 'doneOn', render: formatDateVi },
                { title: t('report.findings'), dataIndex: 'findings' },
                {
                  title: t('report.followUps'),
                  dataIndex: 'followUps',
                  render: (f: { action: string; dueOn?: string }[]) =>
                    f.map((x) => `${x.action}${x.dueOn ? ` (${formatDateVi(x.dueOn)})` : ''}`).join('; '),
                },
              ]}
            />
          </Card>
          <Card title={t('report.overdue')}>
            <Table
              size="small"
              rowKey={(o) => `${o.code}-${o.month}`}
              pagination={false}
              locale={{ emptyText: <Typography.Text type="secondary">{t('report.none')}</Typography.Text> }}
              dataSource={r.overdueReports}
              columns={[
                { title: t('report.code'), dataIndex: 'code', width: 170 },
                { title: t('report.titleCol'), dataIndex: 'title' },
                {
                  title: t('report.month'),
                  dataIndex: 'month',
                  render: (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`,
                },
                { title: t('report.dueDate'), dataIndex: 'dueDate', render: formatDateVi },
                {
                  title: t('report.submittedOn'),
                  dataIndex: 'submittedOn',
                  render: (s: string | null) =>
                    s ? formatDateVi(s) : <Tag color="error">{t('report.notSubmitted')}</Tag>,
                },
              ]}
            />
          </Card>
          <Card title={t('report.adjustments')}>
            <Table
              size="small"
              rowKey={(a) => `${a.code}-${a.kind}-${a.requestedOn}`}
              pagination={false}
              locale={{ emptyText: <Typography.Text type="secondary">{t('report.none')}</Typography.Text> }}
              dataSource={r.adjustments}
              columns={[
                { title: t('report.code'), dataIndex: 'code', width: 170 },
                {
                  title: t('report.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => ADJUSTMENT_KIND_LABELS[k as TAdjustmentKind]?.[language] ?? k,
                },
                { title: t('report.reason'), dataIndex: 'reason' },
                { title: t('report.requestedOn'), dataIndex: 'requestedOn', render: formatDateVi },
                {
                  title: t('report.result'),
                  dataIndex: 'status',
                  render: (s: 'requested' | 'approved' | 'rejected') => t(`report.adjustmentStatus.${s}`),
                },
                {
                  title: t('report.decision'),
                  key: 'decision',
                  render: (_: unknown, a: TProvinceReport['adjustments'][number]) =>
                    a.decidedOn ? `${a.decisionNumber ?? ''} (${formatDateVi(a.decidedOn)})` : '',
                },
              ]}
            />
          </Card>
        </Space>
      ) : null}
    </>
  );
}
