import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { applyFieldErrors, hasFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { useChangePassword } from './profile.api';

interface TFormValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELD_NAMES = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<TFormValues>();
  const change = useChangePassword();

  const onFinish = (values: TFormValues) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void notify.success(t('profile.passwordChanged'));
        },
        onError: (error) => applyFieldErrors(form, error, FIELD_NAMES),
      },
    );
  };

  return (
    <Card title={<h2 className="card-title">{t('profile.changePassword')}</h2>}>
      {change.isError && !hasFieldErrors(change.error, FIELD_NAMES) ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(change.error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<TFormValues>
        form={form}
        name="change-password"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={change.isPending}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          name="currentPassword"
          label={t('profile.currentPassword')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          rules={[
            { required: true, message: t('common.required') },
            { min: 8, message: t('setPassword.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('setPassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
