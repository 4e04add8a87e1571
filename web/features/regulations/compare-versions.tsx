import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCapRule, TDocumentRequirement } from '../../../domain/regulation';
import { QueryError } from '../../components/query-error';
import { useLanguage } from '../../lib/format';
import type { TLanguage } from '../../lib/i18n';
import {
  compareCaps,
  compareDocuments,
  compareOther,
  type TCapComparison,
  type TDocumentComparison,
} from './compare';
import { documentKindLabel, formatMaxAmount, formatMultiplier, formatPercent } from './labels';
import {
  type TRegulationSetDetail,
  type TRegulationSetSummary,
  useActivityTypeName,
  useRegulationSet,
  useRegulationSets,
} from './regulations.api';

function versionLabel(
  s: TRegulationSetSummary,
  t: (key: 'regulations.list.version', o: { version: number }) => string,
) {
  const years = `${s.effectiveFromYear}–${s.effectiveToYear ?? '…'}`;
  return `${s.code} · ${t('regulations.list.version', { version: s.version })} · ${years}`;
}

/** A cell that is highlighted (and announced) when the two sides differ. */
function Cell({ changed, children, label }: { changed: boolean; children: React.ReactNode; label: string }) {
  return changed ? (
    <span className="rs-changed" title={label}>
      {children}
      <span className="rs-visually-hidden"> ({label})</span>
    </span>
  ) : (
    children
  );
}

function kindsText(req: TDocumentRequirement | undefined, language: TLanguage, none: string): string {
  if (!req) return none;
  return req.kinds.map((k) => documentKindLabel(k, language)).join('; ');
}

/** "So sánh": two versions side by side, cells that differ highlighted. */
export function CompareVersions({ current }: { current: TRegulationSetDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityTypeName = useActivityTypeName();
  const all = useRegulationSets();
  const options = useMemo(
    () =>
      (all.data?.items ?? []).map((s) => ({
        value: s.id,
        label: versionLabel(s, t),
      })),
    [all.data, t],
  );
  const defaultLeft =
    current.previousId ??
    all.data?.items.find((s) => s.code === current.code && s.id !== current.id)?.id ??
    all.data?.items.find((s) => s.id !== current.id)?.id ??
    null;
  const [leftChoice, setLeftChoice] = useState<string | null>(null);
  const [rightId, setRightId] = useState<string>(current.id);
  const leftId = leftChoice ?? defaultLeft;
  const left = useRegulationSet(leftId);
  const right = useRegulationSet(rightId);

  const changedLabel = t('regulations.compare.changed');
  const none = t('common.empty');

  const capCell = (cap: TCapRule | undefined, field: 'share' | 'maxAmount' | 'multiplier') => {
    if (!cap) return none;
    if (field === 'share') return formatPercent(cap.shareOfEligibleCost, language);
    if (field === 'maxAmount') return formatMaxAmount(cap.maxAmount) ?? t('regulations.caps.noAmount');
    return formatMultiplier(cap.priorityMultiplier, language);
  };

  const side = (which: 'a' | 'b', title: string): TableColumnsType<TCapComparison>[number] => ({
    title,
    children: (['share', 'maxAmount', 'multiplier'] as const).map((field) => ({
      title: t(`regulations.compare.${field}`),
      key: `${which}-${field}`,
      align: 'right' as const,
      render: (_v: unknown, row: TCapComparison) => (
        <Cell changed={row.changed[field]} label={changedLabel}>
          {capCell(row[which], field)}
        </Cell>
      ),
    })),
  });

  const leftTitle = left.data ? versionLabel(left.data, t) : '…';
  const rightTitle = right.data ? versionLabel(right.data, t) : '…';

  const capColumns: TableColumnsType<TCapComparison> = [
    {
      title: t('regulations.caps.activityType'),
      dataIndex: 'activityType',
      width: 240,
      fixed: 'left',
      render: (code: string, row) => (
        <Cell
          changed={row.changed.other || row.changed.verification}
          label={t('regulations.compare.otherChanged')}
        >
          {activityTypeName(code, language)}
        </Cell>
      ),
    },
    side('a', leftTitle),
    side('b', rightTitle),
  ];

  const documentColumns: TableColumnsType<TDocumentComparison> = [
    {
      title: t('regulations.caps.activityType'),
      key: 'type',
      width: 260,
      render: (_v, row) => (
        <>
          <div>
            {row.activityType === '*'
              ? t('regulations.documents.everyType')
              : activityTypeName(row.activityType, language)}
          </div>
          <Typography.Text type="secondary">
            {t(`regulations.documents.submission.${row.submissionKind}`)}
            {row.condition === 'separate_beneficiary'
              ? ` — ${t('regulations.documents.separateBeneficiary')}`
              : ''}
          </Typography.Text>
        </>
      ),
    },
    {
      title: leftTitle,
      key: 'a',
      render: (_v, row) => (
        <Cell changed={row.changed} label={changedLabel}>
          {kindsText(row.a, language, none)}
        </Cell>
      ),
    },
    {
      title: rightTitle,
      key: 'b',
      render: (_v, row) => (
        <Cell changed={row.changed} label={changedLabel}>
          {kindsText(row.b, language, none)}
        </Cell>
      ),
    },
  ];

  const ready = left.data && right.data;
  const caps = ready ? compareCaps(left.data.body, right.data.body) : [];
  const documents = ready ? compareDocuments(left.data.body, right.data.body) : [];
  const other = ready ? compareOther(left.data.body, right.data.body) : [];
  const changedCaps = caps.filter((r) => Object.values(r.changed).some(Boolean)).length;
  const changedDocuments = documents.filter((r) => r.changed).length;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }} align="end">
        <div>
          <label htmlFor="rs-compare-left" className="rs-field-label">
            {t('regulations.compare.left')}
          </label>
          <Select
            id="rs-compare-left"
            options={options}
            value={leftId ?? undefined}
            onChange={setLeftChoice}
            loading={all.isPending}
            style={{ width: 380 }}
          />
        </div>
        <Button
          icon={<SwapOutlined aria-hidden />}
          aria-label={t('regulations.compare.swap')}
          disabled={!leftId}
          onClick={() => {
            if (!leftId) return;
            setLeftChoice(rightId);
            setRightId(leftId);
          }}
        />
        <div>
          <label htmlFor="rs-compare-right" className="rs-field-label">
            {t('regulations.compare.right')}
          </label>
          <Select
            id="rs-compare-right"
            options={options}
            value={rightId}
            onChange={setRightId}
            loading={all.isPending}
            style={{ width: 380 }}
          />
        </div>
      </Space>
      {all.isError ? <QueryError error={all.error} onRetry={() => void all.refetch()} /> : null}
      {left.isError ? <QueryError error={left.error} onRetry={() => void left.refetch()} /> : null}
      {right.isError ? <QueryError error={right.error} onRetry={() => void right.refetch()} /> : null}
      {!leftId ? <Alert type="info" showIcon title={t('regulations.compare.nothing')} /> : null}
      {leftId && !ready && !left.isError && !right.isError ? (
        <Spin description={t('common.loading')} />
      ) : null}
      {ready ? (
        <>
          <Alert
            type={changedCaps + changedDocuments + other.length === 0 ? 'success' : 'info'}
            showIcon
            title={t('regulations.compare.summary', {
              caps: changedCaps,
              documents: changedDocuments,
              other: other.length,
            })}
            style={{ marginBottom: 16 }}
          />
          <Card title={t('regulations.tabs.caps')} size="small" style={{ marginBottom: 16 }}>
            <Table<TCapComparison>
              rowKey="activityType"
              columns={capColumns}
              dataSource={caps}
              pagination={false}
              size="small"
              bordered
              scroll={{ x: 1000 }}
            />
          </Card>
          <Card title={t('regulations.tabs.documents')} size="small" style={{ marginBottom: 16 }}>
            <Table<TDocumentComparison>
              rowKey="key"
              columns={documentColumns}
              dataSource={documents}
              pagination={false}
              size="small"
              bordered
            />
          </Card>
          <Card title={t('regulations.compare.otherTitle')} size="small">
            {other.length === 0 ? (
              <Typography.Text type="secondary">{t('regulations.compare.noOther')}</Typography.Text>
            ) : (
              <Table
                rowKey="path"
                size="small"
                bordered
                pagination={false}
                dataSource={other}
                columns={[
                  {
                    title: t('regulations.compare.path'),
                    dataIndex: 'path',
                    render: (p: string) => <code>{p}</code>,
                  },
                  {
                    title: leftTitle,
                    dataIndex: 'a',
                    render: (v: string | undefined) => (
                      <Cell changed label={changedLabel}>
                        {v ?? none}
                      </Cell>
                    ),
                  },
                  {
                    title: rightTitle,
                    dataIndex: 'b',
                    render: (v: string | undefined) => (
                      <Cell changed label={changedLabel}>
                        {v ?? none}
                      </Cell>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      ) : null}
    </>
  );
}
