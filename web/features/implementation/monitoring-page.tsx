import { Card, DatePicker, Form, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatDateVi, todayVn } from '../../lib/format';
import { StatusTag } from '../proposals/inputs';
import {
  type TLaggingResponse,
  type TLateSettlements,
  type TOverdueList,
  useLagging,
  useLateSettlements,
  useOverdueReports,
} from './implementation.api';
import './implementation.i18n';

const codeLink = (code: string, item: { id: string }) => <Link to={`/proposals/${item.id}`}>{code}</Link>;

/**
 * The agency's (and a Sở's, in its province: the server scopes every list) monitoring of
 * implementation: overdue monthly reports, lagging projects, late settlement and liquidation.
 */
export default function MonitoringPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('implementation.monitoring.title')}
        description={t('implementation.monitoring.intro')}
      />
      <Card>
        <Tabs
          items={[
            { key: 'overdue', label: t('implementation.monitoring.overdueTab'), children: <OverdueTab /> },
            { key: 'lagging', label: t('implementation.monitoring.laggingTab'), children: <LaggingTab /> },
            { key: 'late', label: t('implementation.monitoring.lateTab'), children: <LateTab /> },
          ]}
        />
      </Card>
    </>
  );
}

function OverdueTab() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(todayVn().slice(0, 7));
  const overdue = useOverdueReports(month);
  const [y, m] = month.split('-');
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t('implementation.monitoring.month')} htmlFor="overdue-month">
          <DatePicker
            id="overdue-month"
            picker="month"
            format="MM/YYYY"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
          />
        </Form.Item>
      </Form>
      {overdue.isError ? <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} /> : null}
      {overdue.data ? (
        <Typography.Paragraph>
          {overdue.data.duePassed
            ? t('implementation.monitoring.overdueIntro', {
                month: `${m}/${y}`,
                date: formatDateVi(overdue.data.dueDate),
              })
            : t('implementation.monitoring.notPassed')}
        </Typography.Paragraph>
      ) : null}
      <Table<TOverdueList['items'][number]>
        rowKey="id"
        loading={overdue.isFetching}
        dataSource={overdue.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t('implementation.monitoring.empty')}</Typography.Text>
          ),
        }}
        columns={[
          { title: t('implementation.due.code'), dataIndex: 'code', render: codeLink },
          { title: t('implementation.due.titleCol'), dataIndex: 'title', width: 300 },
          { title: t('implementation.monitoring.province'), dataIndex: 'provinceCode' },
          { title: t('implementation.due.organization'), dataIndex: 'implementingOrganizationName' },
          {
            title: t('implementation.monitoring.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
        ]}
      />
    </>
  );
}

function LaggingTab() {
  const { t } = useTranslation();
  const lagging = useLagging();
  return (
    <>
      {lagging.isError ? <QueryError error={lagging.error} onRetry={() => void lagging.refetch()} /> : null}
      <Table<TLaggingResponse['items'][number]>
        rowKey="id"
        loading={lagging.isFetching}
        dataSource={lagging.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t('implementation.monitoring.empty')}</Typography.Text>
          ),
        }}
        columns={[
          { title: t('implementation.due.code'), dataIndex: 'code', render: codeLink },
          { title: t('implementation.due.titleCol'), dataIndex: 'title', width: 300 },
          { title: t('implementation.monitoring.province'), dataIndex: 'provinceCode' },
          {
            title: t('implementation.monitoring.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          {
            title: t('implementation.monitoring.reason'),
            dataIndex: 'reason',
            render: (r: string) => (
              <Tag color="red">{t(`implementation.monitoring.lag.${r as 'late_acceptance'}`)}</Tag>
            ),
          },
          {
            title: t('implementation.monitoring.dueDate'),
            dataIndex: 'dueDate',
            render: (d: string) => formatDateVi(d),
          },
          { title: t('implementation.monitoring.daysLate'), dataIndex: 'daysLate', align: 'right' },
        ]}
      />
    </>
  );
}

function LateTab() {
  const { t } = useTranslation();
  const late = useLateSettlements();
  const date = (d: string | null) => (d ? formatDateVi(d) : '—');
  return (
    <>
      {late.isError ? <QueryError error={late.error} onRetry={() => void late.refetch()} /> : null}
      <Table<TLateSettlements['items'][number]>
        rowKey="id"
        loading={late.isFetching}
        dataSource={late.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t('implementation.monitoring.empty')}</Typography.Text>
          ),
        }}
        columns={[
          { title: t('implementation.due.code'), dataIndex: 'code', render: codeLink },
          { title: t('implementation.due.titleCol'), dataIndex: 'title', width: 260 },
          { title: t('implementation.monitoring.province'), dataIndex: 'provinceCode' },
          {
            title: t('implementation.monitoring.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          { title: t('implementation.monitoring.acceptedOn'), dataIndex: 'acceptedOn', render: date },
          { title: t('implementation.monitoring.settlementDue'), dataIndex: 'settlementDueOn', render: date },
          { title: t('implementation.monitoring.settledOn'), dataIndex: 'settledOn', render: date },
          {
            title: t('implementation.monitoring.liquidationDeadline'),
            dataIndex: 'liquidationDeadline',
            render: date,
          },
          {
            title: t('implementation.monitoring.flags'),
            key: 'flags',
            render: (_: unknown, item) => (
              <>
                {item.settlementLate ? (
                  <Tag color="red">{t('implementation.monitoring.lag.late_settlement')}</Tag>
                ) : null}
                {item.liquidationLate ? (
                  <Tag color="red">
                    {t('implementation.liquidationLate', { date: formatDateVi(item.liquidationDeadline) })}
                  </Tag>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
