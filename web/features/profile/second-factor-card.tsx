import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { useNotify } from '../../lib/notify';
import { ME_QUERY_KEY, type TMe } from '../auth/auth.api';
import { useConfirmTotp, useRegenerateRecoveryCodes, useStartTotp } from './profile.api';

/**
 * Two-step verification on the profile page (R6): status, enrolment (QR code and secret, then a code),
 * the recovery codes shown once, new recovery codes. Agency users land here until they have enrolled.
 */
export function SecondFactorCard({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const status = me.secondFactor ?? { enabled: false, required: false, recoveryCodesLeft: 0 };
  const error = start.error ?? confirm.error ?? regenerate.error;

  const onConfirm = ({ code }: { code: string }) =>
    confirm.mutate(code.trim(), {
      onSuccess: (result) => {
        setRecoveryCodes(result.recoveryCodes);
        void notify.success(t('secondFactor.turnedOn'));
      },
    });

  const onRegenerate = ({ code }: { code: string }) =>
    regenerate.mutate(code.trim(), { onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) });

  // Refresh /me only after the codes are acknowledged: it unlocks the rest of the app for agency users.
  const acknowledge = () => {
    setRecoveryCodes(null);
    start.reset();
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY, exact: true });
  };

  return (
    <Card
      title={<h2 className="card-title">{t('secondFactor.title')}</h2>}
      extra={
        <Space size={4}>
          <Tag color={status.enabled ? 'green' : 'default'}>
            {status.enabled ? t('secondFactor.enabled') : t('secondFactor.disabled')}
          </Tag>
          {status.required ? <Tag color="blue">{t('secondFactor.required')}</Tag> : null}
        </Space>
      }
    >
      {status.required && !status.enabled && !recoveryCodes ? (
        <Alert
          type="warning"
          showIcon
          title={t('secondFactor.requiredNotice')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 16 }} />
      ) : null}
      <p>{t('secondFactor.intro')}</p>

      {recoveryCodes ? (
        <section aria-labelledby="recovery-codes-title">
          <h3 id="recovery-codes-title">{t('secondFactor.recoveryTitle')}</h3>
          <p>{t('secondFactor.recoveryIntro')}</p>
          <ul className="recovery-codes" aria-label={t('secondFactor.recoveryTitle')}>
            {recoveryCodes.map((code) => (
              <li key={code}>
                <Typography.Text code copyable>
                  {code}
                </Typography.Text>
              </li>
            ))}
          </ul>
          <Button type="primary" onClick={acknowledge}>
            {t('secondFactor.recoveryDone')}
          </Button>
        </section>
      ) : status.enabled ? (
        <>
          <p>{t('secondFactor.recoveryLeft', { count: status.recoveryCodesLeft })}</p>
          <Form name="regenerate-recovery" layout="inline" onFinish={onRegenerate} style={{ rowGap: 8 }}>
            <Form.Item
              name="code"
              label={t('secondFactor.codeLabel')}
              extra={t('secondFactor.regenerateHelp')}
              rules={[{ required: true, whitespace: true, message: t('secondFactor.codeRequired') }]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={regenerate.isPending}>
                {t('secondFactor.regenerate')}
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : start.data ? (
        <>
          <p>{t('secondFactor.scan')}</p>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
            alt={t('secondFactor.qrAlt')}
            width={200}
            height={200}
          />
          <p>
            {t('secondFactor.secret')}:{' '}
            <Typography.Text code copyable data-testid="totp-secret">
              {start.data.secret}
            </Typography.Text>
          </p>
          <p>{t('secondFactor.confirmStep')}</p>
          <Form name="confirm-totp" layout="inline" onFinish={onConfirm} style={{ rowGap: 8 }}>
            <Form.Item
              name="code"
              label={t('secondFactor.codeLabel')}
              rules={[{ required: true, whitespace: true, message: t('secondFactor.codeRequired') }]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                {t('secondFactor.confirm')}
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : (
        <Button type="primary" onClick={() => start.mutate()} loading={start.isPending}>
          {t('secondFactor.start')}
        </Button>
      )}
    </Card>
  );
}
