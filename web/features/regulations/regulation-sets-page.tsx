import { LockOutlined } from '@ant-design/icons';
import { Card, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatOptionalInstant } from '../../lib/format';
import { type TRegulationSetSummary, useRegulationSets } from './regulations.api';
import './regulations.css';

type TShow = 'latest' | 'all';

/** "Bộ quy định": every regulation set and its versions; the newest version is the one in force. */
export default function RegulationSetsPage() {
  const { t } = useTranslation();
  const [show, setShow] = useState<TShow>('latest');
  const list = useRegulationSets({ latest: show === 'latest' });

  const columns: TableColumnsType<TRegulationSetSummary> = [
    {
      title: t('regulations.list.code'),
      dataIndex: 'code',
      width: 170,
      render: (code: string, s) => (
        <Link
          to={`/regulation-sets/${s.id}`}
          aria-label={t('regulations.list.open', { code, version: s.version })}
        >
          {code}
        </Link>
      ),
    },
    {
      title: t('regulations.list.version', { version: '' }).trim(),
      dataIndex: 'version',
      width: 110,
      render: (version: number, s) => (
        <Space size={4} wrap>
          <span>{t('regulations.list.version', { version })}</span>
          {s.isLatest ? <Tag color="success">{t('regulations.list.latest')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('regulations.list.name'), dataIndex: 'name' },
    {
      title: t('regulations.list.yearsTitle'),
      key: 'years',
      width: 130,
      render: (_v, s) =>
        t('regulations.list.years', { from: s.effectiveFromYear, to: s.effectiveToYear ?? '…' }),
    },
    {
      title: t('regulations.list.programme'),
      dataIndex: 'programme',
      width: 140,
      render: (programme: string, s) =>
        programme === 'national'
          ? t('regulations.list.national')
          : t('regulations.list.local', { province: s.provinceCode ?? '' }),
    },
    {
      title: t('regulations.list.status'),
      key: 'status',
      width: 260,
      render: (_v, s) => (
        <Space size={4} wrap>
          {s.usedByClosedCycle ? (
            <Tag icon={<LockOutlined aria-hidden />}>{t('regulations.list.usedByClosedCycle')}</Tag>
          ) : null}
          {s.needsVerificationCount > 0 ? (
            <Tag color="warning">
              {t('regulations.list.needsVerificationCount', { n: s.needsVerificationCount })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('regulations.list.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatOptionalInstant(value),
    },
  ];

  return (
    <>
      <PageHeader title={t('regulations.title')} description={t('regulations.intro')} />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <div className="filters">
          <Segmented<TShow>
            aria-label={t('regulations.list.show')}
            value={show}
            onChange={setShow}
            options={[
              { value: 'latest', label: t('regulations.list.showLatest') },
              { value: 'all', label: t('regulations.list.showAll') },
            ]}
          />
        </div>
        <Table<TRegulationSetSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          size="middle"
          scroll={{ x: 1000 }}
          pagination={false}
        />
      </Card>
    </>
  );
}
