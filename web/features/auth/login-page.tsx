import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { PublicLayout } from '../../components/public-layout';
import { errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/page-title';
import { useLogin, useMe } from './auth.api';

interface TLoginForm {
  email: string;
  password: string;
}

/** Only same-site paths: `?next=//evil.example` must not become an open redirect. */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/set-password')) return '/';
  return next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.loginTitle'));
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(searchParams.get('next'));
  const { data: me, isPending } = useMe();
  const login = useLogin();
  const [form] = Form.useForm<TLoginForm>();

  if (isPending) return <FullPageSpinner />;
  if (me && !login.isPending) return <Navigate to={next} replace />;

  const onFinish = (values: TLoginForm) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  };

  return (
    <PublicLayout>
      <section className="public-card" aria-labelledby="login-title">
        <h2 id="login-title">{t('auth.loginTitle')}</h2>
        <p className="public-muted">{t('auth.loginIntro')}</p>
        {searchParams.get('loggedOut') && !login.isError ? (
          <Alert type="info" showIcon title={t('auth.loggedOut')} style={{ marginBottom: 16 }} />
        ) : null}
        {login.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(login.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form<TLoginForm>
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={login.isPending}
        >
          <Form.Item
            label={t('auth.email')}
            name="email"
            rules={[
              { required: true, message: t('auth.emailRequired') },
              { type: 'email', message: t('auth.emailInvalid') },
            ]}
          >
            <Input type="email" autoComplete="username" inputMode="email" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('auth.login')}
            </Button>
          </Form.Item>
        </Form>
        <p className="public-muted public-small">{t('auth.forgotHint')}</p>
      </section>
    </PublicLayout>
  );
}
