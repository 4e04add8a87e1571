import {
  ArrowLeftOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { formatDateVi, formatInstantVi, formatVnd, todayVn } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { VndNumberInput } from '../proposals/inputs';
import { CertificateDrawer, writableLevels } from './certificate-drawer';
import { type TCertificateReport, useCertificate, usePutReport, useUploadScan } from './typical-products.api';
import { LEVEL_COLOR } from './typical-products-page';

type TReportForm = {
  year: number;
  revenue: number;
  exportRevenue?: number | null;
  workers: number;
  outputQuantity?: number | null;
  outputUnit?: string;
  notes?: string;
};

/** One certificate: its record (province of the time and today's), the scan, and the holder's reports. */
export default function CertificatePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const notify = useNotify();
  const { roles } = usePermissions();
  const certificate = useCertificate(id);
  const upload = useUploadScan();
  const putReport = usePutReport();
  const [editing, setEditing] = useState(false);
  const [report, setReport] = useState<TCertificateReport | 'new' | null>(null);
  const [form] = Form.useForm<TReportForm>();
  const c = certificate.data;

  if (certificate.isError)
    return <QueryError error={certificate.error} onRetry={() => void certificate.refetch()} />;
  if (!c) return <Spin />;
  const expired = c.validUntil < todayVn();

  const saveReport = async () => {
    const v = await form.validateFields();
    putReport.mutate(
      {
        id: c.id,
        year: v.year,
        body: {
          revenue: v.revenue,
          exportRevenue: v.exportRevenue ?? null,
          workers: v.workers,
          outputQuantity: v.outputQuantity ?? null,
          outputUnit: v.outputUnit?.trim() || null,
          notes: v.notes?.trim() || null,
        },
      },
      {
        onSuccess: () => {
          void notify.success(t('typicalProducts.reportSaved', { year: v.year }));
          setReport(null);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={c.productName}
        description={
          <Space wrap>
            <Tag color={LEVEL_COLOR[c.level]}>{t(`typicalProducts.levels.${c.level}`)}</Tag>
            <span>
              {t('typicalProducts.certificateNumber')}: {c.certificateNumber}
            </span>
            <Tag color={expired ? 'warning' : 'success'}>
              {expired ? t('typicalProducts.expired') : t('typicalProducts.valid')}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            <Link to="/typical-products">
              <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('typicalProducts.back')}</Button>
            </Link>
            {c.canEdit ? (
              <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('typicalProducts.productGroup')}>
              {t(`typicalProducts.groups.${c.productGroup}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.establishmentName')}>
              {c.establishmentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.establishmentTaxCode')}>
              {c.establishmentTaxCode}
            </Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.province')}>
              {c.currentProvince.name}
              {c.province.code !== c.currentProvince.code || c.province.name !== c.currentProvince.name
                ? ` (${t('typicalProducts.formerly', { name: c.province.name, code: c.province.code })})`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.commune')}>{c.commune ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.selectionYear')}>
              {c.selectionYear}
              {c.selectionRound ? ` · ${c.selectionRound}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.issuingBody')}>{c.issuingBody}</Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.issueDate')}>
              {formatDateVi(c.issueDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('typicalProducts.validUntil')}>
              {formatDateVi(c.validUntil)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={<h2 className="card-title">{t('typicalProducts.scan')}</h2>} size="small">
          <Space wrap>
            {c.scan ? (
              <Button icon={<DownloadOutlined aria-hidden />} href={`/api/v1/typical-products/${c.id}/scan`}>
                {t('typicalProducts.scanDownload')} ({c.scan.fileName}, {formatInstantVi(c.scan.uploadedAt)})
              </Button>
            ) : (
              <span>{t('typicalProducts.scanNone')}</span>
            )}
            {c.canEdit ? (
              <Upload
                accept=".pdf,.jpg,.jpeg,.png"
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(
                    { id: c.id, file },
                    { onSuccess: () => void notify.success(t('typicalProducts.scanUploaded')) },
                  );
                  return false;
                }}
              >
                <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
                  {t('typicalProducts.scanUpload')}
                </Button>
              </Upload>
            ) : null}
          </Space>
          {upload.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(upload.error)}
              style={{ marginTop: 12 }}
            />
          ) : null}
        </Card>
        <Card
          title={<h2 className="card-title">{t('typicalProducts.reports')}</h2>}
          size="small"
          extra={
            c.canReport ? (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  form.setFieldsValue({ year: dayjs().year() - 1, revenue: undefined, workers: undefined });
                  setReport('new');
                }}
              >
                {t('typicalProducts.addReport')}
              </Button>
            ) : null
          }
        >
          <Table<TCertificateReport>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.reports}
            locale={{
              emptyText: (
                <Typography.Text type="secondary">{t('typicalProducts.reportsEmpty')}</Typography.Text>
              ),
            }}
            scroll={c.reports.length > 0 ? { x: 700 } : undefined}
            onRow={(r) => ({
              onClick: c.canReport
                ? () => {
                    form.setFieldsValue({ ...r, outputUnit: r.outputUnit ?? '', notes: r.notes ?? '' });
                    setReport(r);
                  }
                : undefined,
            })}
            columns={[
              { title: t('typicalProducts.year'), dataIndex: 'year' },
              {
                title: t('typicalProducts.revenue'),
                dataIndex: 'revenue',
                align: 'right',
                render: (v: number) => formatVnd(v),
              },
              {
                title: t('typicalProducts.exportRevenue'),
                dataIndex: 'exportRevenue',
                align: 'right',
                render: (v: number | null) => (v === null ? '—' : formatVnd(v)),
              },
              { title: t('typicalProducts.workers'), dataIndex: 'workers', align: 'right' },
              {
                title: t('typicalProducts.output'),
                key: 'output',
                render: (_: unknown, r) =>
                  r.outputQuantity === null
                    ? '—'
                    : `${r.outputQuantity.toLocaleString('vi-VN')} ${r.outputUnit ?? ''}`,
              },
              { title: t('typicalProducts.notes'), dataIndex: 'notes', ellipsis: true },
            ]}
          />
        </Card>
      </Space>
      <CertificateDrawer
        open={editing}
        certificate={c}
        levels={writableLevels(roles)}
        onClose={() => setEditing(false)}
      />
      <Modal
        open={report !== null}
        title={
          report === 'new' || report === null
            ? t('typicalProducts.addReport')
            : t('typicalProducts.reportTitle', { year: report.year })
        }
        onCancel={() => setReport(null)}
        onOk={() => void saveReport()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={putReport.isPending}
        destroyOnHidden
        forceRender
      >
        {putReport.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(putReport.error)}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item name="year" label={t('typicalProducts.year')} rules={[{ required: true }]}>
            <InputNumber min={c.selectionYear} max={2100} precision={0} disabled={report !== 'new'} />
          </Form.Item>
          <Form.Item name="revenue" label={t('typicalProducts.revenue')} rules={[{ required: true }]}>
            <VndNumberInput />
          </Form.Item>
          <Form.Item name="exportRevenue" label={t('typicalProducts.exportRevenue')}>
            <VndNumberInput />
          </Form.Item>
          <Form.Item name="workers" label={t('typicalProducts.workers')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Space>
            <Form.Item name="outputQuantity" label={t('typicalProducts.outputQuantity')}>
              <InputNumber min={0} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="outputUnit" label={t('typicalProducts.outputUnit')}>
              <Input maxLength={50} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="notes" label={t('typicalProducts.notes')}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
