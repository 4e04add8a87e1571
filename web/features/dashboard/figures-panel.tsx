import './stats.i18n';
import { Card, Col, Progress, Row, Select, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TStatsGroup, TStatsItem } from '../../../domain/schemas/stats';
import { formatVnd, regionLabel, useLanguage } from '../../lib/format';
import { activityLabel, statusColor, statusLabel } from '../proposals/labels';
import { ProvinceMap } from './province-map';
import { proposalsLink, type TStatsFilter, useLagging, useProgrammes, useStats } from './stats.api';

const EChart = lazy(() => import('./echart'));

const FIRST_YEAR = 2021;

/** Period options: each plan year, the 2021–2025 programme and everything. */
function periodOptions(lastYear: number, t: TFunction) {
  const years = [];
  for (let y = lastYear; y >= FIRST_YEAR; y--)
    years.push({ value: String(y), label: t('stats.planYear', { year: y }) });
  return [
    { value: 'all', label: t('stats.allYears', { from: FIRST_YEAR, to: lastYear }) },
    { value: '2021-2025', label: t('stats.period', { from: 2021, to: 2025 }) },
    ...years,
  ];
}

function filterOf(period: string): TStatsFilter {
  if (period === 'all') return {};
  const [from, to] = period.split('-').map(Number);
  return to ? { fromYear: from, toYear: to } : { planYear: from };
}

/** A bar chart of one grouping; a click on a bar opens the list filtered the same way. */
function GroupChart({
  title,
  groupBy,
  filter,
  label,
  drill,
  testId,
}: {
  title: string;
  groupBy: TStatsGroup;
  filter: TStatsFilter;
  label: (item: TStatsItem) => string;
  drill?: (item: TStatsItem) => string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stats = useStats(filter, groupBy);
  const items = stats.data?.items ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v / 1_000_000)} tr` } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map(label),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('stats.funding'),
          data: items.map((i) => i.funding),
          itemStyle: { color: '#1677ff' },
          tooltip: { valueFormatter: (v: number) => formatVnd(v) },
        },
        ...(groupBy === 'year'
          ? [
              {
                type: 'bar',
                name: t('stats.envelope'),
                data: items.map((i) => i.budgetEnvelope ?? 0),
                itemStyle: { color: '#d9d9d9' },
                tooltip: { valueFormatter: (v: number) => formatVnd(v) },
              },
            ]
          : []),
      ],
    }),
    [items, label, groupBy, t],
  );
  return (
    <Card title={<h2 className="card-title">{title}</h2>} data-testid={testId}>
      {!stats.data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('stats.empty')}</Typography.Text>
      ) : (
        <>
          <Suspense fallback={<Spin />}>
            <EChart
              option={option}
              height={Math.max(200, items.length * 28 + 40)}
              ariaLabel={title}
              onClick={(click) => {
                const item = items[click.dataIndex];
                const to = item && drill ? drill(item) : null;
                if (to) navigate(to);
              }}
            />
          </Suspense>
          {/* The same figures as text: for screen readers and as links to the filtered lists. */}
          <details>
            <summary>{t('stats.asTable')}</summary>
            <ul className="stats-list">
              {items.map((i) => {
                const to = drill?.(i);
                const text = `${label(i)}: ${i.count} ${t('stats.proposals')}, ${formatVnd(i.funding)}`;
                return <li key={i.key}>{to ? <Link to={to}>{text}</Link> : text}</li>;
              })}
            </ul>
          </details>
        </>
      )}
    </Card>
  );
}

/**
 * The figures of the dashboard for the user's scope (the server scopes them): totals, budget use
 * against the envelope, charts by year, activity type, status and region, the province map, lagging
 * projects and programme progress. Every figure drills down to the filtered proposal list.
 */
export default function FiguresPanel({ isAgency }: { isAgency: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lastYear = new Date().getFullYear() + 1;
  const [period, setPeriod] = useState('all');
  const filter = filterOf(period);
  const totals = useStats(filter, 'year');
  const lagging = useLagging(filter.planYear);
  const programmes = useProgrammes(filter.planYear);
  const tot = totals.data?.totals;
  const envelope = tot?.budgetEnvelope ?? null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card>
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} md={6}>
              <Select
                id="stats-period"
                aria-label={t('stats.periodLabel')}
                value={period}
                onChange={setPeriod}
                options={periodOptions(lastYear, t)}
                style={{ width: '100%' }}
              />
            </Col>
            <Col xs={12} md={4}>
              <Link to={proposalsLink(filter)}>
                <Statistic title={t('stats.count')} value={tot?.count ?? 0} loading={!tot} />
              </Link>
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('stats.requested')}
                value={formatVnd(tot?.requestedFunding ?? 0)}
                loading={!tot}
              />
            </Col>
            <Col xs={12} md={5}>
              <Link
                to={proposalsLink(filter, {
                  status: 'approved,contracted,in_progress,accepted,settled,closed',
                })}
              >
                <Statistic
                  title={t('stats.approved', { count: tot?.approvedCount ?? 0 })}
                  value={formatVnd(tot?.approvedFunding ?? 0)}
                  loading={!tot}
                />
              </Link>
            </Col>
            <Col xs={12} md={4}>
              {isAgency && envelope ? (
                <div>
                  <Typography.Text type="secondary">{t('stats.budgetUse')}</Typography.Text>
                  <Progress
                    percent={Math.round(((tot?.approvedFunding ?? 0) / envelope) * 1000) / 10}
                    aria-label={t('stats.budgetUse')}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('stats.ofEnvelope', { envelope: formatVnd(envelope) })}
                  </Typography.Text>
                </div>
              ) : null}
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <ProvinceMap filter={filter} />
      </Col>
      <Col xs={24} xl={10}>
        <GroupChart
          title={t('stats.byYear')}
          groupBy="year"
          filter={filter}
          label={(i) => i.key}
          drill={(i) => proposalsLink({ planYear: Number(i.key) })}
          testId="chart-year"
        />
      </Col>
      <Col xs={24} xl={12}>
        <GroupChart
          title={t('stats.byActivity')}
          groupBy="activityType"
          filter={filter}
          label={(i) => activityLabel(i.key, language)}
          drill={(i) => proposalsLink(filter, { activityType: i.key })}
          testId="chart-activity"
        />
      </Col>
      <Col xs={24} xl={12}>
        <GroupChart
          title={t('stats.byStatus')}
          groupBy="status"
          filter={filter}
          label={(i) => statusLabel(i.key, language)}
          drill={(i) => proposalsLink(filter, { status: i.key })}
          testId="chart-status"
        />
      </Col>
      {isAgency ? (
        <Col xs={24} xl={12}>
          <GroupChart
            title={t('stats.byRegion')}
            groupBy="region"
            filter={filter}
            label={(i) => regionLabel(i.key, language)}
            testId="chart-region"
          />
        </Col>
      ) : null}
      <Col xs={24} xl={12}>
        <Card
          title={<h2 className="card-title">{t('stats.lagging', { count: lagging.data?.total ?? 0 })}</h2>}
        >
          <Table
            size="small"
            rowKey="id"
            loading={!lagging.data}
            dataSource={lagging.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('stats.noLagging') }}
            columns={[
              {
                title: t('proposals.code'),
                dataIndex: 'code',
                render: (code: string, r) => <Link to={`/proposals/${r.id}`}>{code}</Link>,
              },
              { title: t('proposals.name'), dataIndex: 'title', ellipsis: true },
              {
                title: t('proposals.status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={statusColor(s)}>{statusLabel(s, language)}</Tag>,
              },
              {
                title: t('stats.lateBy'),
                dataIndex: 'daysLate',
                render: (d: number, r) => `${t(`stats.lag_${r.reason}`)} · ${t('stats.days', { count: d })}`,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          title={<h2 className="card-title">{t('stats.programmes')}</h2>}
          extra={<Link to="/programmes">{t('stats.allProgrammes')}</Link>}
        >
          {(programmes.data?.items ?? []).map((p) => (
            <div key={p.id} style={{ marginBottom: 16 }}>
              <Typography.Text strong>{p.name}</Typography.Text>
              {p.targets.map((target) => (
                <Row key={target.id} gutter={8} align="middle">
                  <Col xs={24} md={10}>
                    {language === 'vi' ? target.nameVi : target.nameEn}
                  </Col>
                  <Col xs={18} md={10}>
                    <Progress
                      percent={Math.round((target.progress ?? 0) * 1000) / 10}
                      success={{ percent: 0 }}
                      aria-label={language === 'vi' ? target.nameVi : target.nameEn}
                    />
                  </Col>
                  <Col xs={6} md={4}>
                    {t('stats.targetFigures', {
                      accepted: target.accepted,
                      approved: target.approved,
                      target: target.target,
                    })}
                  </Col>
                </Row>
              ))}
            </div>
          ))}
        </Card>
      </Col>
    </Row>
  );
}
