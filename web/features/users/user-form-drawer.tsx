import { Form, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../domain/enums/roles';
import { FormDrawer } from '../../components/form-drawer';
import { roleOptions, useLanguage } from '../../lib/format';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { matchesOption } from '../organizations/organization-form-drawer';
import { useOrganizationOptions } from '../organizations/organizations.api';
import { type TUpdateUser, type TUser, useCreateUser, useUpdateUser } from './users.api';

interface TFormValues {
  name: string;
  email: string;
  organizationId: string;
  roles: TRole[];
  password?: string;
}

const FIELD_NAMES = ['name', 'email', 'organizationId', 'roles', 'password'] as const;

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** Creates a user (`user` null) or edits name, organisation and roles; admins only (`users.write`). */
export function UserFormDrawer({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: TUser | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const [form] = Form.useForm<TFormValues>();
  const organizations = useOrganizationOptions(open);
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the drawer opens on a record.
  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        name: user.name,
        email: user.email,
        organizationId: user.organizationId,
        roles: user.roles as TRole[],
      });
    }
  }, [open, user]);

  const organizationOptions = useMemo(
    () =>
      organizations.items
        .filter((organization) => organization.active || organization.id === user?.organizationId)
        .map((organization) => ({ value: organization.id, label: organization.name })),
    [organizations.items, user],
  );

  const onFinish = (values: TFormValues) => {
    const onError = (error: unknown) => applyFieldErrors(form, error, FIELD_NAMES);
    if (!user) {
      const password = values.password ?? '';
      const email = values.email.trim();
      create.mutate(
        {
          email,
          name: values.name.trim(),
          organizationId: values.organizationId,
          roles: values.roles,
          ...(password ? { password } : {}),
        },
        {
          onSuccess: () => {
            void notify.success(
              password ? t('users.created', { email }) : t('users.createdInvite', { email }),
            );
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const changes: TUpdateUser = {};
    if (values.name.trim() !== user.name) changes.name = values.name.trim();
    if (values.organizationId !== user.organizationId) changes.organizationId = values.organizationId;
    if (!sameRoles(values.roles, user.roles)) changes.roles = values.roles;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: user.id, changes },
      {
        onSuccess: () => {
          void notify.success(t('users.updated'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      onClose={onClose}
      onSave={() => form.submit()}
      isSaving={mutation.isPending}
      error={mutation.isError ? mutation.error : null}
      fieldNames={FIELD_NAMES}
    >
      <Form<TFormValues>
        form={form}
        name="user"
        layout="vertical"
        onFinish={onFinish}
        disabled={mutation.isPending}
      >
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[
            { required: true, message: t('users.emailRequired') },
            { type: 'email', message: t('users.emailInvalid') },
          ]}
        >
          <Input type="email" maxLength={254} autoComplete="off" disabled={user !== null} />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('users.organization')}
          rules={[{ required: true, message: t('users.organizationRequired') }]}
        >
          <Select
            showSearch={{ filterOption: matchesOption }}
            options={organizationOptions}
            loading={organizations.isLoading}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, message: t('users.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            options={roleOptions(language)}
            showSearch={{ filterOption: matchesOption }}
          />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHelp')}
            rules={[{ min: 8, message: t('users.passwordTooShort') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
