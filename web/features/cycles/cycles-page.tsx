import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatInstantVi, formatVnd } from '../../lib/format';
import { usePermissions } from '../../lib/permissions';
import { CycleDrawer } from './cycle-drawer';
import { type TCycle, useCycles } from './cycles.api';

/** Plan cycles per year with their deadlines; administrators create and change them and grant extensions. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const cycles = useCycles();
  const [editing, setEditing] = useState<{ cycle: TCycle | null } | null>(null);
  const deadline = (d: { deadline: string; extended: boolean }) =>
    d.extended ? (
      <>
        {formatInstantVi(d.deadline)} <Tag>{t('cycles.countdown.extended')}</Tag>
      </>
    ) : (
      formatInstantVi(d.deadline)
    );
  return (
    <>
      <PageHeader
        title={t('cycles.title')}
        description={t('cycles.intro')}
        extra={
          can('cycles.write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ cycle: null })}
            >
              {t('cycles.create')}
            </Button>
          ) : null
        }
      />
      {cycles.isError ? <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}
      <Card>
        <Table<TCycle>
          rowKey="id"
          loading={cycles.isFetching}
          dataSource={cycles.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('cycles.empty') }}
          columns={[
            {
              title: t('cycles.planYear'),
              dataIndex: 'planYear',
              render: (year: number, cycle) => (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  aria-label={t('cycles.editNamed', { year })}
                  onClick={() => setEditing({ cycle })}
                >
                  {t('cycles.planYearValue', { year })}
                </Button>
              ),
            },
            {
              title: t('cycles.status'),
              dataIndex: 'status',
              render: (s: TCycle['status']) => t(`cycles.statuses.${s}`),
            },
            {
              title: t('cycles.registrationDeadline'),
              key: 'registration',
              render: (_: unknown, c) => deadline(c.myDeadlines.registration),
            },
            {
              title: t('cycles.dossierDeadline'),
              key: 'dossier',
              render: (_: unknown, c) => deadline(c.myDeadlines.dossier),
            },
            {
              title: t('cycles.budgetEnvelope'),
              dataIndex: 'budgetEnvelope',
              align: 'right',
              render: (v: number) => formatVnd(v),
            },
            { title: t('cycles.regulationSet'), dataIndex: 'regulationSetName', ellipsis: true },
          ]}
        />
      </Card>
      <CycleDrawer open={editing !== null} cycle={editing?.cycle ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
