import { DatePicker, Form, Input, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { foldVietnamese } from '../../../domain/lib/text';
import { FormDrawer } from '../../components/form-drawer';
import { organizationKindOptions, useLanguage } from '../../lib/format';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import {
  type TOrganization,
  type TUpdateOrganization,
  useCreateOrganization,
  useOrganizationOptions,
  useUpdateOrganization,
} from './organizations.api';

interface TFormValues {
  kind: TOrganizationKind;
  name: string;
  shortName?: string;
  provinceCode?: string | null;
  parentId?: string | null;
  active: boolean;
  renamedFrom?: Dayjs | null;
}

const FIELD_NAMES = [
  'kind',
  'name',
  'shortName',
  'provinceCode',
  'parentId',
  'active',
  'renamedFrom',
] as const;

/**
 * Case- and diacritic-insensitive matching for searchable selects: every typed word must occur
 * ("so dong thap" finds "Sở Công Thương tỉnh Đồng Tháp").
 */
export function matchesOption(input: string, option?: { label?: unknown }): boolean {
  const label = foldVietnamese(String(option?.label ?? ''));
  return foldVietnamese(input)
    .split(' ')
    .every((word) => label.includes(word));
}

/** Creates an organisation (`organization` null) or edits one; admins only (`organizations.write`). */
export function OrganizationFormDrawer({
  open,
  organization,
  onClose,
}: {
  open: boolean;
  organization: TOrganization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const [form] = Form.useForm<TFormValues>();
  const provinces = useCurrentProvinces();
  const organizations = useOrganizationOptions(open);
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const mutation = organization ? update : create;
  const isEditing = organization !== null;
  const name = Form.useWatch('name', form);
  const isRenaming = isEditing && typeof name === 'string' && name.trim() !== organization.name;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the drawer opens on a record.
  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    form.setFieldsValue(
      organization
        ? {
            kind: organization.kind,
            name: organization.name,
            shortName: organization.shortName ?? '',
            provinceCode: organization.provinceCode,
            parentId: organization.parentId,
            active: organization.active,
            renamedFrom: null,
          }
        : { active: true },
    );
  }, [open, organization]);

  const parentOptions = useMemo(
    () =>
      organizations.items
        .filter((candidate) => candidate.id !== organization?.id)
        .map((candidate) => ({ value: candidate.id, label: candidate.name })),
    [organizations.items, organization],
  );

  const onFinish = (values: TFormValues) => {
    const shortName = values.shortName?.trim() ?? '';
    const onError = (error: unknown) => applyFieldErrors(form, error, FIELD_NAMES);
    if (!organization) {
      create.mutate(
        {
          kind: values.kind,
          name: values.name.trim(),
          ...(shortName ? { shortName } : {}),
          ...(values.provinceCode ? { provinceCode: values.provinceCode } : {}),
          ...(values.parentId ? { parentId: values.parentId } : {}),
        },
        {
          onSuccess: (created) => {
            void notify.success(t('organizations.created', { name: created.name ?? values.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    // Send only what changed: PATCH semantics, and the audit log records real changes only.
    const changes: TUpdateOrganization = {};
    if (values.name.trim() !== organization.name) {
      changes.name = values.name.trim();
      if (values.renamedFrom) changes.renamedFrom = values.renamedFrom.format('YYYY-MM-DD');
    }
    if (shortName !== (organization.shortName ?? '')) changes.shortName = shortName || null;
    if ((values.provinceCode ?? null) !== organization.provinceCode)
      changes.provinceCode = values.provinceCode ?? null;
    if ((values.parentId ?? null) !== organization.parentId) changes.parentId = values.parentId ?? null;
    if (values.active !== organization.active) changes.active = values.active;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: organization.id, changes },
      {
        onSuccess: () => {
          void notify.success(t('organizations.updated'));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={isEditing ? t('organizations.editTitle') : t('organizations.createTitle')}
      onClose={onClose}
      onSave={() => form.submit()}
      isSaving={mutation.isPending}
      error={mutation.isError ? mutation.error : null}
      fieldNames={FIELD_NAMES}
    >
      <Form<TFormValues>
        form={form}
        name="organization"
        layout="vertical"
        onFinish={onFinish}
        disabled={mutation.isPending}
      >
        <Form.Item
          name="kind"
          label={t('organizations.kind')}
          rules={[{ required: true, message: t('organizations.kindRequired') }]}
        >
          <Select options={organizationKindOptions(language)} disabled={isEditing} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('organizations.name')}
          rules={[{ required: true, whitespace: true, message: t('organizations.nameRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        {isRenaming ? (
          <Form.Item
            name="renamedFrom"
            label={t('organizations.renamedFrom')}
            extra={t('organizations.renamedFromHelp')}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="shortName" label={t('organizations.shortName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="provinceCode"
          label={t('organizations.province')}
          extra={t('organizations.provinceHelp')}
        >
          <Select
            allowClear
            showSearch={{ filterOption: matchesOption }}
            options={provinces.options}
            loading={provinces.isLoading}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('organizations.parent')}>
          <Select
            allowClear
            showSearch={{ filterOption: matchesOption }}
            options={parentOptions}
            loading={organizations.isLoading}
            placeholder={t('organizations.noParent')}
          />
        </Form.Item>
        {isEditing ? (
          <Form.Item name="active" label={t('organizations.status')} valuePropName="checked">
            <Switch
              checkedChildren={t('organizations.active')}
              unCheckedChildren={t('organizations.inactive')}
            />
          </Form.Item>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
