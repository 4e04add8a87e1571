import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOCUMENT_KIND_LABELS, type TDocumentKind } from '../../../domain/enums/document-kinds';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { currentCycle, useCycles } from '../cycles/cycles.api';
import { StatusTag, vnd } from '../proposals/inputs';
import { statusLabel } from '../proposals/labels';
import { type TInbox, useAccept, useInbox } from './appraisals.api';
import './appraisals.i18n';

type TItem = TInbox['items'][number];
const INBOX_STATUSES = [
  'submitted',
  'returned',
  'under_appraisal',
  'recommended',
  'not_recommended',
  'approved',
];

/** The agency inbox: dossiers by province and status, their completeness, bulk acceptance into appraisal. */
export default function InboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const cycles = useCycles();
  const [year, setYear] = useState<number | undefined>();
  const planYear = year ?? (cycles.data ? currentCycle(cycles.data.items)?.planYear : undefined);
  const [province, setProvince] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const inbox = useInbox(planYear, province, status);
  const accept = useAccept();
  const [selected, setSelected] = useState<string[]>([]);
  const acceptable = useMemo(
    () => new Set((inbox.data?.items ?? []).filter((i) => i.status === 'submitted').map((i) => i.id)),
    [inbox.data],
  );
  const chosen = selected.filter((id) => acceptable.has(id));

  const onAccept = () =>
    accept.mutate(chosen, {
      onSuccess: (r) => {
        notify.success(t('appraisal.accepted', { count: r.accepted.length }));
        setSelected([]);
      },
      onError: (e) => notify.error(errorMessage(e)),
    });

  return (
    <>
      <PageHeader
        title={t('appraisal.inboxTitle')}
        description={t('appraisal.inboxIntro')}
        extra={
          planYear ? (
            <Link to={`/plans/${planYear}`}>{t('appraisal.planTitle', { year: planYear })}</Link>
          ) : null
        }
      />
      {inbox.isError ? <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('appraisal.planYear')}
            style={{ width: 160 }}
            value={planYear}
            onChange={setYear}
            options={(cycles.data?.items ?? []).map((c) => ({
              value: c.planYear,
              label: String(c.planYear),
            }))}
          />
          <Select
            aria-label={t('appraisal.province')}
            style={{ width: 220 }}
            allowClear
            placeholder={t('appraisal.allProvinces')}
            value={province}
            onChange={setProvince}
            options={(inbox.data?.byProvince ?? []).map((p) => ({
              value: p.provinceCode,
              label: `${p.provinceName} (${p.count})`,
            }))}
          />
          <Select
            aria-label={t('appraisal.status')}
            style={{ width: 220 }}
            allowClear
            placeholder={t('appraisal.allStatuses')}
            value={status}
            onChange={setStatus}
            options={INBOX_STATUSES.map((s) => ({ value: s, label: statusLabel(s, language) }))}
          />
          <Button type="primary" disabled={chosen.length === 0} loading={accept.isPending} onClick={onAccept}>
            {t('appraisal.acceptSelected', { count: chosen.length })}
          </Button>
        </Space>
        <Table<TItem>
          rowKey="id"
          loading={inbox.isFetching}
          dataSource={inbox.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('appraisal.empty') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (item) => ({
              disabled: item.status !== 'submitted',
              'aria-label': t('appraisal.selectRow', { code: item.code }),
            }),
          }}
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
              title: t('appraisal.completeness'),
              key: 'documents',
              render: (_: unknown, item) =>
                item.documents.missing.length === 0 ? (
                  <Tag color="success">
                    {t('appraisal.complete', {
                      present: item.documents.present,
                      required: item.documents.required,
                    })}
                  </Tag>
                ) : (
                  <Typography.Text type="danger">
                    {t('appraisal.missing', {
                      count: item.documents.missing.length,
                      kinds: item.documents.missing
                        .map((k) => DOCUMENT_KIND_LABELS[k as TDocumentKind]?.[language] ?? k)
                        .join('; '),
                    })}
                  </Typography.Text>
                ),
            },
            {
              title: t('appraisal.progress'),
              key: 'progress',
              render: (_: unknown, item) => (
                <>
                  {t('appraisal.progressValue', {
                    submitted: item.submittedAppraisals,
                    assigned: item.assigned,
                  })}
                  {item.warnings > 0 ? (
                    <Tag color="warning" style={{ marginLeft: 8 }}>
                      {t('appraisal.conflictCount', { count: item.warnings })}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            { title: t('appraisal.requested'), dataIndex: 'requestedFunding', align: 'right', render: vnd },
            {
              title: t('appraisal.approvedFunding'),
              dataIndex: 'approvedFunding',
              align: 'right',
              render: vnd,
            },
          ]}
        />
      </Card>
    </>
  );
}
