import { CopyOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../lib/api';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { currentCycle, useCycles } from '../cycles/cycles.api';
import {
  exportUrl,
  type TProposalsImportResult,
  useCopyProposals,
  useImportTable,
} from './proposal-sheets.api';

type TImportError = TProposalsImportResult['errors'][number];

/**
 * Import a registration table (Biểu tổng hợp): choose the plan year and the file, check it (a dry run
 * lists every error with its row and column), fix the file, check again, then write — all rows or
 * none. Also: copy last year's proposals as drafts of the new plan year.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const notify = useNotify();
  const cycles = useCycles();
  const years = useMemo(() => (cycles.data?.items ?? []).map((c) => c.planYear), [cycles.data]);
  const fallback = currentCycle(cycles.data?.items ?? [])?.planYear;
  const [planYear, setPlanYear] = useState<number | undefined>();
  const year = planYear ?? fallback;
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TProposalsImportResult | null>(null);
  const importTable = useImportTable();
  const copy = useCopyProposals();
  const [copyFrom, setCopyFrom] = useState<number | undefined>();
  const [copyTo, setCopyTo] = useState<number | undefined>();

  const run = (dryRun: boolean) => {
    if (!file || !year) return;
    importTable.mutate(
      { file, planYear: year, dryRun },
      {
        onSuccess: (outcome) => {
          setResult(outcome);
          if (!dryRun && outcome.errors.length === 0) {
            void notify.success(
              t('proposals.sheets.committed', { created: outcome.created, updated: outcome.updated }),
            );
          }
        },
      },
    );
  };

  const columns: TableColumnsType<TImportError> = [
    { title: t('proposals.sheets.row'), dataIndex: 'row', width: 80 },
    { title: t('proposals.sheets.column'), dataIndex: 'column', width: 80 },
    {
      title: t('proposals.sheets.code'),
      dataIndex: 'code',
      width: 200,
      render: (c: string) => <code>{c}</code>,
    },
    { title: t('proposals.sheets.message'), dataIndex: 'message' },
  ];

  const checkedClean = result?.dryRun && result.errors.length === 0;

  return (
    <>
      <PageHeader
        title={t('proposals.sheets.importTitle')}
        description={t('proposals.sheets.importIntro')}
        extra={
          <Space>
            <Link to="/proposals">{t('proposals.backToList')}</Link>
            {year ? (
              <a href={exportUrl({ planYear: year })} download>
                <Button icon={<FileExcelOutlined aria-hidden />} tabIndex={-1}>
                  {t('proposals.sheets.template')}
                </Button>
              </a>
            ) : null}
          </Space>
        }
      />
      <Card title={t('proposals.sheets.stepFile')} style={{ marginBottom: 16 }}>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={t('proposals.planYear')} htmlFor="import-year">
            <Select
              id="import-year"
              aria-label={t('proposals.planYear')}
              value={year}
              options={years.map((y) => ({ value: y, label: t('cycles.planYearValue', { year: y }) }))}
              onChange={(value: number) => {
                setPlanYear(value);
                setResult(null);
              }}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item label={t('proposals.sheets.file')}>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setResult(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setResult(null);
              }}
              fileList={
                file ? [{ uid: 'file', name: file.name, status: 'done' as const, size: file.size }] : []
              }
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p>{t('proposals.sheets.drop')}</p>
              <Typography.Text type="secondary">{t('proposals.sheets.dropHint')}</Typography.Text>
            </Upload.Dragger>
          </Form.Item>
          <Space>
            <Button disabled={!file || !year} loading={importTable.isPending} onClick={() => run(true)}>
              {t('proposals.sheets.check')}
            </Button>
            <Button
              type="primary"
              disabled={!checkedClean || !can('proposals.write')}
              loading={importTable.isPending}
              onClick={() => run(false)}
            >
              {t('proposals.sheets.commit')}
            </Button>
          </Space>
        </Form>
      </Card>

      {importTable.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorMessage(importTable.error)}
        />
      ) : null}

      {result ? (
        <Card
          title={t(result.dryRun ? 'proposals.sheets.resultDry' : 'proposals.sheets.result')}
          style={{ marginBottom: 16 }}
        >
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: 'rows', label: t('proposals.sheets.rows'), children: result.rows },
              { key: 'created', label: t('proposals.sheets.created'), children: result.created },
              { key: 'updated', label: t('proposals.sheets.updated'), children: result.updated },
              { key: 'unchanged', label: t('proposals.sheets.unchanged'), children: result.unchanged },
            ]}
          />
          {result.errors.length > 0 ? (
            <>
              <Alert
                type="warning"
                showIcon
                role="status"
                style={{ margin: '12px 0' }}
                title={t('proposals.sheets.hasErrors', { count: result.errors.length })}
              />
              <Table<TImportError>
                rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
                columns={columns}
                dataSource={result.errors}
                size="small"
                pagination={{ pageSize: 50, showTotal: (count) => t('common.total', { count }) }}
              />
            </>
          ) : (
            <Alert
              type="success"
              showIcon
              role="status"
              style={{ marginTop: 12 }}
              title={t(result.dryRun ? 'proposals.sheets.clean' : 'proposals.sheets.done')}
            />
          )}
        </Card>
      ) : null}

      <Card title={t('proposals.sheets.copyTitle')}>
        <Typography.Paragraph type="secondary">{t('proposals.sheets.copyIntro')}</Typography.Paragraph>
        <Space wrap>
          <Select
            aria-label={t('proposals.sheets.copyFrom')}
            placeholder={t('proposals.sheets.copyFrom')}
            value={copyFrom}
            options={years.map((y) => ({ value: y, label: t('cycles.planYearValue', { year: y }) }))}
            onChange={(value: number) => setCopyFrom(value)}
            style={{ width: 180 }}
          />
          <Select
            aria-label={t('proposals.sheets.copyTo')}
            placeholder={t('proposals.sheets.copyTo')}
            value={copyTo}
            options={years.map((y) => ({ value: y, label: t('cycles.planYearValue', { year: y }) }))}
            onChange={(value: number) => setCopyTo(value)}
            style={{ width: 180 }}
          />
          <Button
            icon={<CopyOutlined aria-hidden />}
            disabled={!copyFrom || !copyTo || !can('proposals.write')}
            loading={copy.isPending}
            onClick={() =>
              copyFrom &&
              copyTo &&
              copy.mutate(
                { fromPlanYear: copyFrom, toPlanYear: copyTo },
                {
                  onSuccess: (r) =>
                    void notify.success(t('proposals.sheets.copied', { count: r.created, year: copyTo })),
                },
              )
            }
          >
            {t('proposals.sheets.copy')}
          </Button>
        </Space>
        {copy.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 12 }}
            title={errorMessage(copy.error)}
          />
        ) : null}
      </Card>
    </>
  );
}
