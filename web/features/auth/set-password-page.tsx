import { Alert, Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PublicLayout } from '../../components/public-layout';
import { errorMessage, isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/forms';
import { usePageTitle } from '../../lib/page-title';
import { useSetPassword } from './auth.api';

interface TSetPasswordForm {
  password: string;
  confirm: string;
}

/** The page of the welcome e-mail's link: `/set-password?token=…`. */
export default function SetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('setPassword.title'));
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const token = searchParams.get('token') ?? '';
  const setPassword = useSetPassword();
  const [form] = Form.useForm<TSetPasswordForm>();

  const onFinish = (values: TSetPasswordForm) => {
    setPassword.mutate(
      { token, password: values.password },
      {
        onError: (error) => {
          if (isApiError(error) && error.code === 'weak_password') {
            form.setFields([{ name: 'password', errors: [error.detail] }]);
          } else {
            applyFieldErrors(form, error, ['password']);
          }
        },
      },
    );
  };

  if (setPassword.isSuccess) {
    return (
      <PublicLayout>
        <section className="public-card">
          <Result
            status="success"
            title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('setPassword.success')}</h2>}
            extra={
              <Button type="primary" onClick={() => navigate('/login')}>
                {t('setPassword.goToLogin')}
              </Button>
            }
          />
        </section>
      </PublicLayout>
    );
  }

  const isTokenRejected = isApiError(setPassword.error) && setPassword.error.code === 'invalid_token';
  const isOtherError =
    setPassword.isError && !(isApiError(setPassword.error) && setPassword.error.code === 'weak_password');

  return (
    <PublicLayout>
      <section className="public-card" aria-labelledby="set-password-title">
        <h2 id="set-password-title">{t('setPassword.title')}</h2>
        {!token ? (
          <Alert type="error" showIcon role="alert" title={t('setPassword.missingToken')} />
        ) : (
          <>
            <p className="public-muted">{t('setPassword.intro')}</p>
            {isOtherError ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={errorMessage(setPassword.error)}
                style={{ marginBottom: 16 }}
              />
            ) : null}
            <Form<TSetPasswordForm>
              form={form}
              name="set-password"
              layout="vertical"
              requiredMark={false}
              onFinish={onFinish}
              disabled={setPassword.isPending || isTokenRejected}
            >
              <Form.Item
                label={t('setPassword.newPassword')}
                name="password"
                rules={[
                  { required: true, message: t('common.required') },
                  { min: 8, message: t('setPassword.tooShort') },
                ]}
              >
                <Input.Password autoComplete="new-password" autoFocus size="large" />
              </Form.Item>
              <Form.Item
                label={t('setPassword.confirmPassword')}
                name="confirm"
                dependencies={['password']}
                rules={[
                  { required: true, message: t('common.required') },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value) =>
                      !value || getFieldValue('password') === value
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('setPassword.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" size="large" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={setPassword.isPending}>
                {t('setPassword.submit')}
              </Button>
            </Form>
          </>
        )}
        {!token || isTokenRejected ? (
          <p style={{ marginTop: 16, marginBottom: 0 }}>
            <Link to="/login">{t('setPassword.goToLogin')}</Link>
          </p>
        ) : null}
      </section>
    </PublicLayout>
  );
}
