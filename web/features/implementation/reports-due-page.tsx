import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatDateVi } from '../../lib/format';
import { StatusTag } from '../proposals/inputs';
import { type TDueReports, useDueReports } from './implementation.api';
import './implementation.i18n';

type TItem = TDueReports['items'][number];
const monthVi = (month: string) => {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
};

/**
 * "Báo cáo tháng cần nộp": the caller's projects without this month's progress report (or with
 * earlier months missed), each with one click to the report form on the project's page.
 */
export default function ReportsDuePage() {
  const { t } = useTranslation();
  const due = useDueReports();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('implementation.due.title')} description={t('implementation.due.intro')} />
      {due.isError ? <QueryError error={due.error} onRetry={() => void due.refetch()} /> : null}
      <Card>
        {due.data ? (
          <Typography.Paragraph>
            {t('implementation.due.month', {
              month: monthVi(due.data.month),
              date: formatDateVi(due.data.dueDate),
            })}
          </Typography.Paragraph>
        ) : null}
        <Table<TItem>
          rowKey="id"
          loading={due.isFetching}
          dataSource={due.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: <Typography.Text type="secondary">{t('implementation.due.empty')}</Typography.Text>,
          }}
          columns={[
            {
              title: t('implementation.due.code'),
              dataIndex: 'code',
              render: (code: string, item) => <Link to={`/proposals/${item.id}`}>{code}</Link>,
            },
            { title: t('implementation.due.titleCol'), dataIndex: 'title', width: 300 },
            { title: t('implementation.due.organization'), dataIndex: 'implementingOrganizationName' },
            {
              title: t('implementation.monitoring.status'),
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} />,
            },
            {
              title: t('implementation.due.state'),
              key: 'state',
              render: (_: unknown, item) => (
                <>
                  <Tag color={item.overdue ? 'red' : 'gold'}>
                    {item.overdue ? t('implementation.due.overdue') : t('implementation.due.notYet')}
                  </Tag>
                  {item.missingMonths.length > 0 ? (
                    <Tag color="red">
                      {t('implementation.due.missed', { months: item.missingMonths.map(monthVi).join(', ') })}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            {
              title: t('implementation.due.last'),
              dataIndex: 'lastReportedMonth',
              render: (m: string | null) => (m ? monthVi(m) : t('implementation.due.none')),
            },
            {
              title: '',
              key: 'file',
              render: (_: unknown, item) => {
                // The oldest missing month first: reports are filed in order.
                const month = item.missingMonths[0] ?? due.data?.month ?? '';
                return (
                  <Button
                    type="primary"
                    onClick={() => navigate(`/proposals/${item.id}?report=${month}`)}
                    aria-label={t('implementation.due.fileFor', { month: monthVi(month), code: item.code })}
                  >
                    {t('implementation.due.file')}
                  </Button>
                );
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
