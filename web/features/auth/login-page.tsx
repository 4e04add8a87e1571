import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { PublicLayout } from '../../components/public-layout';
import { errorMessage, isApiError } from '../../lib/api';
import { usePageTitle } from '../../lib/page-title';
import { useLogin, useMe } from './auth.api';

interface TLoginForm {
  email: string;
  password: string;
  /** The second factor, asked for when the server answers `totp_required`. */
  code?: string;
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

  // The code step: the password was right and the account has a second factor (TOTP).
  const codeStep =
    isApiError(login.error) && (login.error.code === 'totp_required' || login.error.code === 'totp_invalid');
  const askedForCode = isApiError(login.error) && login.error.code === 'totp_required';

  const onFinish = (values: TLoginForm) => {
    const code = values.code?.trim();
    login.mutate(
      { email: values.email.trim(), password: values.password, ...(codeStep && code ? { code } : {}) },
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
        {askedForCode ? (
          <Alert type="info" showIcon title={t('secondFactor.codeStepIntro')} style={{ marginBottom: 16 }} />
        ) : login.isError ? (
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
            hidden={codeStep}
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
            hidden={codeStep}
            name="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          {codeStep ? (
            <Form.Item
              label={t('secondFactor.codeLabel')}
              name="code"
              extra={t('secondFactor.codeHelp')}
              rules={[{ required: true, whitespace: true, message: t('secondFactor.codeRequired') }]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" autoFocus size="large" maxLength={40} />
            </Form.Item>
          ) : null}
          <Form.Item style={{ marginBottom: 8 }}>
            {/* A new button for the code step (key): the password step's button leaves its spinner's
                exit animation behind at times, and its name stays "loading Xác nhận" for screen readers. */}
            <Button
              key={codeStep ? 'verify' : 'login'}
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
            >
              {codeStep ? t('secondFactor.verify') : t('auth.login')}
            </Button>
          </Form.Item>
          {codeStep ? (
            <Button
              type="link"
              block
              onClick={() => {
                login.reset();
                form.resetFields();
              }}
            >
              {t('secondFactor.back')}
            </Button>
          ) : null}
        </Form>
        <p className="public-muted public-small">{t('auth.forgotHint')}</p>
      </section>
    </PublicLayout>
  );
}
