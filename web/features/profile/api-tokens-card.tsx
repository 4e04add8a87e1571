import { CopyOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { formatOptionalInstant } from '../../lib/format';
import { applyFieldErrors, hasFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import {
  type TApiToken,
  type TCreatedApiToken,
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
} from './profile.api';

interface TFormValues {
  name: string;
  expiresInDays?: number | null;
}

const FIELD_NAMES = ['name', 'expiresInDays'] as const;

/** API tokens for provincial systems: list, create (the secret is shown once), revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<TFormValues>();
  const tokens = useApiTokens(true);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);

  const onFinish = (values: TFormValues) => {
    const name = values.name.trim();
    create.mutate(
      { name, ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}) },
      {
        onSuccess: (token) => {
          form.resetFields();
          setCreated(token);
        },
        onError: (error) => applyFieldErrors(form, error, FIELD_NAMES),
      },
    );
  };

  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      void notify.success(t('common.copied'));
    } catch {
      // Clipboard refused (plain http, old browser): select the text so Ctrl+C works.
      const field = document.getElementById('created-token-value');
      if (field instanceof HTMLInputElement) field.select();
    }
  };

  const columns: TableColumnsType<TApiToken> = [
    { title: t('profile.tokenName'), dataIndex: 'name' },
    {
      title: t('profile.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatOptionalInstant(value),
    },
    {
      title: t('profile.expiresAt'),
      dataIndex: 'expiresAt',
      render: (value: string | null) => (value ? formatOptionalInstant(value) : t('profile.noExpiry')),
    },
    {
      title: t('profile.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (value: string | null) => (value ? formatOptionalInstant(value) : t('profile.neverUsed')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_value, token) => (
        <Popconfirm
          title={t('profile.revokeConfirm', { name: token.name })}
          okText={t('profile.revoke')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            revoke.mutate(token.id, {
              onSuccess: () => void notify.success(t('profile.revoked', { name: token.name })),
              onError: (error) => void notify.error(errorMessage(error)),
            })
          }
        >
          <Button size="small" danger aria-label={t('profile.revokeNamed', { name: token.name })}>
            {t('profile.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={<h2 className="card-title">{t('profile.tokens')}</h2>}>
      <p className="muted">{t('profile.tokensIntro')}</p>
      {create.isError && !hasFieldErrors(create.error, FIELD_NAMES) ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(create.error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<TFormValues>
        form={form}
        name="create-token"
        layout="inline"
        requiredMark={false}
        onFinish={onFinish}
        disabled={create.isPending}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item
          name="name"
          label={t('profile.tokenName')}
          rules={[{ required: true, whitespace: true, message: t('profile.tokenNameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('profile.tokenNamePlaceholder')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('profile.tokenExpiresInDays')}
          tooltip={t('profile.tokenExpiresHelp')}
        >
          <InputNumber min={1} max={3650} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('profile.createToken')}
          </Button>
        </Form.Item>
      </Form>
      {tokens.isError ? <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      <Table<TApiToken>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        loading={tokens.isPending}
        pagination={false}
        size="small"
        // antd paints a plain-text empty message in its disabled grey (1.8:1 on white); secondary text reads.
        locale={{ emptyText: <Typography.Text type="secondary">{t('profile.tokensEmpty')}</Typography.Text> }}
        scroll={{ x: 700 }}
      />
      <Modal
        open={created !== null}
        title={created ? t('profile.tokenCreatedTitle', { name: created.name }) : ''}
        onCancel={() => setCreated(null)}
        closable={{ 'aria-label': t('common.close') }}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('profile.tokenSaved')}
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title={t('profile.tokenOnceWarning')}
          description={t('profile.tokenOnceDetail')}
          style={{ marginBottom: 16 }}
        />
        <label htmlFor="created-token-value" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
          {t('profile.tokenValue')}
        </label>
        <div style={{ display: 'flex', gap: 8 }}>
          <Input
            id="created-token-value"
            readOnly
            value={created?.token ?? ''}
            style={{ fontFamily: 'monospace' }}
            onFocus={(event) => event.target.select()}
          />
          <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy(created?.token ?? '')}>
            {t('profile.copyToken')}
          </Button>
        </div>
      </Modal>
    </Card>
  );
}
