import {
  Alert,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import type { TCapRule, TDocumentRequirement, TRegulationSet } from '../../../domain/regulation';
import { errorMessage, isApiError } from '../../lib/api';
import { useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { capUnitLabel, documentKindOptions } from './labels';
import { type TRegulationSetDetail, useActivityTypeName, usePublishRegulationSet } from './regulations.api';
import { parseVndText } from './try-out';
import { VndInput } from './vnd-input';

type TDraftCap = TCapRule & { maxAmountText: string };
/** A requirement with a key that survives edits of its kinds (the select keeps its focus). */
type TDraftRequirement = TDocumentRequirement & { rowKey: number };

function toDraftCaps(caps: readonly TCapRule[]): TDraftCap[] {
  return caps.map((cap) => ({
    ...cap,
    maxAmountText: cap.maxAmount === null ? '' : String(cap.maxAmount).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  }));
}

/** The draft as a regulation set: an empty maximum means "no amount limit" (null). */
function draftBody(base: TRegulationSet, caps: TDraftCap[], documents: TDraftRequirement[]): TRegulationSet {
  return {
    ...base,
    caps: caps.map(({ maxAmountText, ...cap }) => ({ ...cap, maxAmount: parseVndText(maxAmountText) })),
    requiredDocuments: documents.map(({ rowKey: _rowKey, ...req }) => req),
  };
}

const toDraftRequirements = (requirements: readonly TDocumentRequirement[]): TDraftRequirement[] =>
  requirements.map((req, rowKey) => ({ ...req, rowKey }));

/**
 * "Sửa thành phiên bản mới": edits a copy of the newest version — caps (share, maximum, priority
 * multiplier, verification flag) and document lists — and publishes it as the next version. The
 * version being edited is never changed (copy-on-write); open cycles move to the new one on the server.
 */
export function EditVersionDrawer({
  open,
  detail,
  onClose,
}: {
  open: boolean;
  detail: TRegulationSetDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const navigate = useNavigate();
  const activityTypeName = useActivityTypeName();
  const publish = usePublishRegulationSet();
  const [caps, setCaps] = useState<TDraftCap[]>(() => toDraftCaps(detail.body.caps));
  const [documents, setDocuments] = useState<TDraftRequirement[]>(() =>
    toDraftRequirements(detail.body.requiredDocuments),
  );
  const [note, setNote] = useState('');

  // Each opening starts from the version shown.
  useEffect(() => {
    if (!open) return;
    setCaps(toDraftCaps(detail.body.caps));
    setDocuments(toDraftRequirements(detail.body.requiredDocuments));
    setNote('');
    publish.reset();
  }, [open, detail, publish.reset]);

  const setCap = (index: number, changes: Partial<TDraftCap>) =>
    setCaps((current) => current.map((cap, i) => (i === index ? { ...cap, ...changes } : cap)));
  const setKinds = (index: number, kinds: TDocumentKind[]) =>
    setDocuments((current) => current.map((req, i) => (i === index ? { ...req, kinds } : req)));

  const capColumns: TableColumnsType<TDraftCap> = [
    {
      title: t('regulations.caps.activityType'),
      dataIndex: 'activityType',
      width: 240,
      render: (code: string) => activityTypeName(code, language),
    },
    {
      title: t('regulations.caps.share'),
      key: 'share',
      width: 120,
      render: (_v, cap, index) => (
        <InputNumber
          aria-label={t('regulations.edit.shareOf', { type: activityTypeName(cap.activityType, language) })}
          min={0}
          max={100}
          value={cap.shareOfEligibleCost}
          suffix="%"
          onChange={(value) => setCap(index, { shareOfEligibleCost: typeof value === 'number' ? value : 0 })}
          style={{ width: 100 }}
        />
      ),
    },
    {
      title: t('regulations.caps.maxAmount'),
      key: 'maxAmount',
      width: 210,
      render: (_v, cap, index) => (
        <VndInput
          ariaLabel={t('regulations.edit.maxAmountOf', {
            type: activityTypeName(cap.activityType, language),
          })}
          value={cap.maxAmountText}
          placeholder={t('regulations.caps.noAmount')}
          onChange={(text) => setCap(index, { maxAmountText: text })}
        />
      ),
    },
    {
      title: t('regulations.caps.unit'),
      dataIndex: 'unit',
      width: 120,
      render: (unit: string) => t('regulations.caps.perUnit', { unit: capUnitLabel(unit, language) }),
    },
    {
      title: t('regulations.caps.multiplier'),
      key: 'multiplier',
      width: 120,
      render: (_v, cap, index) => (
        <InputNumber
          aria-label={t('regulations.edit.multiplierOf', {
            type: activityTypeName(cap.activityType, language),
          })}
          min={1}
          max={10}
          step={0.1}
          value={cap.priorityMultiplier}
          prefix="×"
          onChange={(value) => setCap(index, { priorityMultiplier: typeof value === 'number' ? value : 1 })}
          style={{ width: 100 }}
        />
      ),
    },
    {
      title: t('regulations.edit.needsVerification'),
      key: 'needsVerification',
      width: 130,
      render: (_v, cap, index) => (
        <Checkbox
          aria-label={t('regulations.edit.needsVerificationOf', {
            type: activityTypeName(cap.activityType, language),
          })}
          checked={cap.needsVerification}
          onChange={(event) => setCap(index, { needsVerification: event.target.checked })}
        />
      ),
    },
  ];

  const documentColumns: TableColumnsType<TDraftRequirement> = [
    {
      title: t('regulations.caps.activityType'),
      dataIndex: 'activityType',
      width: 240,
      render: (code: string) =>
        code === '*' ? t('regulations.documents.everyType') : activityTypeName(code, language),
    },
    {
      title: t('regulations.edit.submissionKind'),
      dataIndex: 'submissionKind',
      width: 180,
      render: (kind: 'full_dossier' | 'pilot_registration') => t(`regulations.documents.submission.${kind}`),
    },
    {
      title: t('regulations.edit.kinds'),
      key: 'kinds',
      render: (_v, req, index) => (
        <Select<TDocumentKind[]>
          mode="multiple"
          aria-label={t('regulations.edit.kindsOf', {
            type:
              req.activityType === '*'
                ? t('regulations.documents.everyType')
                : activityTypeName(req.activityType, language),
          })}
          value={req.kinds}
          options={documentKindOptions(language)}
          onChange={(kinds) => setKinds(index, kinds)}
          style={{ width: '100%', minWidth: 320 }}
        />
      ),
    },
  ];

  const onPublish = () => {
    publish.mutate(
      { basedOnId: detail.id, body: draftBody(detail.body, caps, documents), note: note.trim() || undefined },
      {
        onSuccess: (created) => {
          notify.success(t('regulations.edit.published', { code: created.code, version: created.version }));
          onClose();
          navigate(`/regulation-sets/${created.id}`);
        },
      },
    );
  };

  const error = publish.error;
  const noteMissing = note.trim() === '';

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('regulations.edit.title', { code: detail.code, version: detail.version + 1 })}
      size={1200}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onPublish} loading={publish.isPending} disabled={noteMissing}>
            {t('regulations.edit.publish')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('regulations.edit.intro', { version: detail.version })}
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            isApiError(error) && error.code === 'conflict'
              ? t('regulations.edit.conflict')
              : errorMessage(error)
          }
          description={
            isApiError(error) && error.errors.length > 0 ? (
              <ul className="rs-plain-list">
                {error.errors.map((e) => (
                  <li key={`${e.path}-${e.code}`}>
                    <code>{e.path}</code>: {e.message}
                  </li>
                ))}
              </ul>
            ) : isApiError(error) && error.code === 'conflict' ? (
              error.detail
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('regulations.edit.note')}
          htmlFor="rs-edit-note"
          required
          help={noteMissing ? t('regulations.edit.noteHelp') : undefined}
        >
          <Input.TextArea
            id="rs-edit-note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('regulations.edit.notePlaceholder')}
          />
        </Form.Item>
      </Form>
      <Tabs
        items={[
          {
            key: 'caps',
            label: t('regulations.tabs.caps'),
            children: (
              <Table<TDraftCap>
                rowKey="activityType"
                columns={capColumns}
                dataSource={caps}
                pagination={false}
                size="small"
                scroll={{ x: 950 }}
              />
            ),
          },
          {
            key: 'documents',
            label: t('regulations.tabs.documents'),
            children: (
              <Table<TDraftRequirement>
                rowKey="rowKey"
                columns={documentColumns}
                dataSource={documents}
                pagination={false}
                size="small"
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}
