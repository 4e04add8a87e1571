import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CERTIFICATE_LEVELS, PRODUCT_GROUPS } from '../../../domain/enums/typical-products';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage, isApiError } from '../../lib/api';
import { formatDateVi, todayVn } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { CertificateDrawer, writableLevels } from './certificate-drawer';
import { type TCertificate, useCertificates, useImportCertificates } from './typical-products.api';

const PAGE_SIZE = 20;

export const LEVEL_COLOR: Record<TCertificate['level'], string> = {
  national: 'red',
  regional: 'blue',
  provincial: 'default',
};

/** The registry: filters in the address, diacritic-insensitive search, create and Excel import. */
export default function TypicalProductsPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const { can, roles } = usePermissions();
  const provinces = useCurrentProvinces();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const debounced = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const importer = useImportCertificates();
  const page = Number(params.get('page') ?? '1') || 1;
  const query = {
    q: debounced || undefined,
    level: params.get('level') ?? undefined,
    productGroup: params.get('group') ?? undefined,
    provinceCode: params.get('province') ?? undefined,
    validOn: params.get('valid') === '1' ? todayVn() : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useCertificates(query);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const today = todayVn();
  const importErrors = isApiError(importer.error) ? importer.error.errors : [];

  return (
    <>
      <PageHeader
        title={t('typicalProducts.title')}
        description={t('typicalProducts.intro')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined aria-hidden />} href="/api/v1/typical-products/import-template">
              {t('typicalProducts.importTemplate')}
            </Button>
            {can('typical_products.write') ? (
              <>
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    importer.mutate(file, {
                      onSuccess: (r) =>
                        void notify.success(t('typicalProducts.imported', { count: r.created })),
                    });
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined aria-hidden />} loading={importer.isPending}>
                    {t('typicalProducts.import')}
                  </Button>
                </Upload>
                <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                  {t('typicalProducts.create')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      {importer.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable
          onClose={() => importer.reset()}
          style={{ marginBottom: 16 }}
          title={importErrors.length > 0 ? t('typicalProducts.importRejected') : errorMessage(importer.error)}
          description={
            importErrors.length > 0 ? (
              <List
                size="small"
                dataSource={importErrors}
                renderItem={(e) => <List.Item>{e.message}</List.Item>}
              />
            ) : null
          }
        />
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => set('q', v)}
            placeholder={t('typicalProducts.searchPlaceholder')}
            aria-label={t('common.search')}
            style={{ width: 340 }}
          />
          <Select
            allowClear
            aria-label={t('typicalProducts.filters.level')}
            placeholder={t('typicalProducts.filters.level')}
            value={query.level}
            onChange={(v) => set('level', v)}
            style={{ width: 160 }}
            options={CERTIFICATE_LEVELS.map((l) => ({ value: l, label: t(`typicalProducts.levels.${l}`) }))}
          />
          <Select
            allowClear
            aria-label={t('typicalProducts.filters.group')}
            placeholder={t('typicalProducts.filters.group')}
            value={query.productGroup}
            onChange={(v) => set('group', v)}
            style={{ width: 240 }}
            options={PRODUCT_GROUPS.map((g) => ({ value: g, label: t(`typicalProducts.groups.${g}`) }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('typicalProducts.filters.province')}
            placeholder={t('typicalProducts.filters.province')}
            value={query.provinceCode}
            onChange={(v) => set('province', v)}
            style={{ width: 200 }}
            options={provinces.options}
          />
          <Checkbox
            checked={params.get('valid') === '1'}
            onChange={(e) => set('valid', e.target.checked ? '1' : undefined)}
          >
            {t('typicalProducts.filters.validOnly')}
          </Checkbox>
        </Space>
        <Table<TCertificate>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          // Scrollable only with rows: an empty scroll region has nothing to focus (axe scrollable-region-focusable).
          scroll={list.data?.items.length ? { x: 1100 } : undefined}
          locale={{
            emptyText: <Typography.Text type="secondary">{t('typicalProducts.empty')}</Typography.Text>,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              setParams(next);
            },
          }}
          onRow={(c) => ({ onDoubleClick: () => void navigate(`/typical-products/${c.id}`) })}
          columns={[
            {
              title: t('typicalProducts.productName'),
              dataIndex: 'productName',
              render: (name: string, c) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/typical-products/${c.id}`}>{name}</Link>
                  <Typography.Text type="secondary">
                    {t(`typicalProducts.groups.${c.productGroup}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('typicalProducts.establishment'),
              key: 'establishment',
              render: (_: unknown, c) => (
                <Space orientation="vertical" size={0}>
                  <span>{c.establishmentName}</span>
                  <Typography.Text type="secondary">{c.establishmentTaxCode}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('typicalProducts.province'),
              key: 'province',
              render: (_: unknown, c) => (
                <Space orientation="vertical" size={0}>
                  <span>{c.currentProvince.name}</span>
                  {c.province.code !== c.currentProvince.code ||
                  c.province.name !== c.currentProvince.name ? (
                    <Typography.Text type="secondary">
                      {t('typicalProducts.formerly', { name: c.province.name, code: c.province.code })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('typicalProducts.level'),
              dataIndex: 'level',
              render: (l: TCertificate['level']) => (
                <Tag color={LEVEL_COLOR[l]}>{t(`typicalProducts.levels.${l}`)}</Tag>
              ),
            },
            { title: t('typicalProducts.certificateNumber'), dataIndex: 'certificateNumber' },
            {
              title: t('typicalProducts.validUntil'),
              dataIndex: 'validUntil',
              render: (d: string) => (
                <Space size={4}>
                  {formatDateVi(d)}
                  {d < today ? <Tag color="warning">{t('typicalProducts.expired')}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CertificateDrawer
        open={creating}
        certificate={null}
        levels={writableLevels(roles)}
        onClose={() => setCreating(false)}
        onSaved={(id) => void navigate(`/typical-products/${id}`)}
      />
    </>
  );
}
