import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StatusTag, vnd } from '../proposals/inputs';
import { type TQueue, useQueue } from './appraisals.api';
import './appraisals.i18n';

type TItem = TQueue['items'][number];

/** The appraiser's queue: what is assigned to them and what is left to do. */
export default function QueuePage() {
  const { t } = useTranslation();
  const queue = useQueue();
  const counts = queue.data?.counts;
  return (
    <>
      <PageHeader title={t('appraisal.queueTitle')} description={t('appraisal.queueIntro')} />
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['left', 'assigned', 'pending', 'draft', 'submitted'] as const).map((key) => (
          <Col key={key} xs={12} md={4}>
            <Card>
              <Statistic title={t(`appraisal.counts.${key}`)} value={counts?.[key] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Table<TItem>
          rowKey="id"
          loading={queue.isFetching}
          dataSource={queue.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('appraisal.empty') }}
          columns={[
            {
              title: t('appraisal.code'),
              dataIndex: 'code',
              render: (code: string, item) => (
                <Link to={`/appraisals/${item.id}`} aria-label={t('appraisal.open', { code })}>
                  {code}
                </Link>
              ),
            },
            { title: t('appraisal.titleCol'), dataIndex: 'title', width: 320 },
            { title: t('appraisal.province'), dataIndex: 'provinceName' },
            { title: t('appraisal.organization'), dataIndex: 'organizationName' },
            {
              title: t('appraisal.status'),
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} />,
            },
            {
              title: t('appraisal.myAppraisal'),
              dataIndex: 'appraisalStatus',
              render: (s: TItem['appraisalStatus'], item) => (
                <>
                  <Tag color={s === 'submitted' ? 'success' : s === 'draft' ? 'processing' : 'default'}>
                    {t(`appraisal.appraisalStatus.${s}`)}
                  </Tag>
                  {item.warnings.map((w) => (
                    <Tag key={w} color="warning">
                      {t(`appraisal.warnings.${w}`)}
                    </Tag>
                  ))}
                </>
              ),
            },
            { title: t('appraisal.requested'), dataIndex: 'requestedFunding', align: 'right', render: vnd },
          ]}
        />
      </Card>
    </>
  );
}
