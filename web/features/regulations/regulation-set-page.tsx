import { DiffOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tabs, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { formatOptionalInstant } from '../../lib/format';
import { usePermissions } from '../../lib/permissions';
import { CapsTab } from './caps-tab';
import { CompareVersions } from './compare-versions';
import { DocumentsTab } from './documents-tab';
import { EditVersionDrawer } from './edit-version-drawer';
import { useRegulationSet } from './regulations.api';
import { RulesTab } from './rules-tab';
import { AdvancesTab, CriteriaTab, DeadlinesTab } from './schedule-tabs';
import { TryOutPanel } from './try-out-panel';
import './regulations.css';

type TTab = 'caps' | 'documents' | 'rules' | 'deadlines' | 'advances' | 'criteria' | 'tryOut' | 'compare';

/** One version of a regulation set: its rules in tabs, the try-out panel, comparison and "edit as new version". */
export default function RegulationSetPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = usePermissions();
  const query = useRegulationSet(id);
  const [tab, setTab] = useState<TTab>('caps');
  const [editing, setEditing] = useState(false);
  const detail = query.data;

  if (query.isPending) return <Spin description={t('common.loading')} />;
  if (query.isError || !detail) {
    return (
      <>
        <PageHeader title={t('regulations.title')} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/regulation-sets">{t('regulations.backToList')}</Link>
      </>
    );
  }

  const set = detail.body;
  const canEdit = can('regulations.write');
  const editButton = (
    <Button
      type="primary"
      icon={<EditOutlined aria-hidden />}
      disabled={!detail.isLatest}
      onClick={() => setEditing(true)}
    >
      {t('regulations.edit.open')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={detail.name}
        description={
          <Space wrap size={[8, 4]}>
            <Tag>{detail.code}</Tag>
            <Tag color="processing">{t('regulations.list.version', { version: detail.version })}</Tag>
            <Tag>
              {t('regulations.list.years', {
                from: detail.effectiveFromYear,
                to: detail.effectiveToYear ?? '…',
              })}
            </Tag>
            {detail.isLatest ? (
              <Tag color="success">{t('regulations.list.latest')}</Tag>
            ) : (
              <Tag>{t('regulations.list.superseded')}</Tag>
            )}
            {detail.usedByClosedCycle ? (
              <Tag icon={<LockOutlined aria-hidden />}>{t('regulations.list.usedByClosedCycle')}</Tag>
            ) : null}
            {detail.needsVerificationCount > 0 ? (
              <Tag color="warning">
                {t('regulations.list.needsVerificationCount', { n: detail.needsVerificationCount })}
              </Tag>
            ) : null}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DiffOutlined aria-hidden />} onClick={() => setTab('compare')}>
              {t('regulations.compare.open')}
            </Button>
            {canEdit ? (
              detail.isLatest ? (
                editButton
              ) : (
                <Tooltip title={t('regulations.edit.onlyLatest')}>{editButton}</Tooltip>
              )
            ) : null}
          </Space>
        }
      />
      {!detail.isLatest ? (
        <Alert
          type="warning"
          showIcon
          title={t('regulations.supersededNotice')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'programme',
              label: t('regulations.list.programme'),
              children:
                detail.programme === 'national'
                  ? t('regulations.list.national')
                  : t('regulations.list.local', { province: detail.provinceCode ?? '' }),
            },
            {
              key: 'legalBasis',
              label: t('regulations.legalBasis'),
              children: set.legalBasis.join('; ') || '—',
            },
            {
              key: 'createdAt',
              label: t('regulations.list.createdAt'),
              children: formatOptionalInstant(detail.createdAt),
            },
            {
              key: 'previous',
              label: t('regulations.previousVersion'),
              children: detail.previousId ? (
                <Link to={`/regulation-sets/${detail.previousId}`}>
                  {t('regulations.list.version', { version: detail.version - 1 })}
                </Link>
              ) : (
                t('common.empty')
              ),
            },
            {
              key: 'note',
              label: t('regulations.note'),
              children: detail.note ?? t('common.empty'),
              span: 'filled',
            },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          id="rs-tabs"
          activeKey={tab}
          onChange={(key) => setTab(key as TTab)}
          destroyOnHidden={false}
          items={[
            { key: 'caps', label: t('regulations.tabs.caps'), children: <CapsTab set={set} /> },
            {
              key: 'documents',
              label: t('regulations.tabs.documents'),
              children: <DocumentsTab set={set} />,
            },
            { key: 'rules', label: t('regulations.tabs.rules'), children: <RulesTab set={set} /> },
            {
              key: 'deadlines',
              label: t('regulations.tabs.deadlines'),
              children: <DeadlinesTab set={set} />,
            },
            { key: 'advances', label: t('regulations.tabs.advances'), children: <AdvancesTab set={set} /> },
            { key: 'criteria', label: t('regulations.tabs.criteria'), children: <CriteriaTab set={set} /> },
            {
              key: 'tryOut',
              label: t('regulations.tabs.tryOut'),
              children: <TryOutPanel key={detail.id} set={set} />,
            },
            {
              key: 'compare',
              label: t('regulations.tabs.compare'),
              children: <CompareVersions key={detail.id} current={detail} />,
            },
          ]}
        />
      </Card>
      {canEdit ? (
        <EditVersionDrawer open={editing} detail={detail} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
