import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../lib/api';
import { organizationKindLabel, roleLabel, useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { useMe } from '../auth/auth.api';
import { ApiTokensCard } from './api-tokens-card';
import { ChangePasswordCard } from './change-password-card';
import { useUpdateMe } from './profile.api';
import { SecondFactorCard } from './second-factor-card';

export default function ProfilePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const { data: me } = useMe();
  const { can } = usePermissions();
  const updateMe = useUpdateMe();
  const [form] = Form.useForm<{ name: string }>();

  if (!me) return null;

  const onRename = ({ name }: { name: string }) => {
    const trimmed = name.trim();
    if (trimmed === me.user.name) return;
    updateMe.mutate({ name: trimmed }, { onSuccess: () => void notify.success(t('profile.nameUpdated')) });
  };

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="card-title">{t('profile.info')}</h2>}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'name', label: t('profile.name'), children: me.user.name },
              { key: 'email', label: t('profile.email'), children: me.user.email },
              {
                key: 'organization',
                label: t('profile.organization'),
                children: me.organization
                  ? `${me.organization.name} (${organizationKindLabel(me.organization.kind, language)})`
                  : t('dashboard.noOrganization'),
              },
              {
                key: 'roles',
                label: t('profile.roles'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {me.roles.map((role) => (
                      <Tag key={role}>{roleLabel(role, language)}</Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
          {updateMe.isError ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(updateMe.error)}
              style={{ margin: '16px 0' }}
            />
          ) : null}
          <Form
            form={form}
            name="profile-name"
            layout="inline"
            initialValues={{ name: me.user.name }}
            onFinish={onRename}
            disabled={updateMe.isPending}
            style={{ marginTop: 16, rowGap: 8 }}
          >
            <Form.Item
              name="name"
              label={t('profile.editName')}
              rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }]}
            >
              <Input maxLength={200} autoComplete="name" style={{ width: 280 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={updateMe.isPending}>
                {t('common.save')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <SecondFactorCard me={me} />
        <ChangePasswordCard />
        {can('tokens.manage') ? <ApiTokensCard /> : null}
      </Space>
    </>
  );
}
