import '../dashboard/stats.i18n';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES } from '../../../domain/enums/activity-types';
import type { TCreateProgrammeRequest } from '../../../domain/schemas/programmes';
import { FormDrawer } from '../../components/form-drawer';
import { PageHeader } from '../../components/page-header';
import { useLanguage } from '../../lib/format';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { type TProgramme, useProgrammes, useSaveProgramme } from '../dashboard/stats.api';
import { activityLabel, activityOptions } from '../proposals/labels';

const FIELDS = [
  'code',
  'scope',
  'provinceCode',
  'name',
  'fromYear',
  'toYear',
  'decisionNumber',
  'decisionDate',
  'targets',
];

/**
 * Programmes for a period (national 2021–2025 by Decision 1881/QĐ-TTg, 2026–2030 by Decision
 * 2646/QĐ-BCT, and each province's own) with their targets and the progress the server computes from
 * approved and accepted projects. Administrators add and edit them.
 */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { can } = usePermissions();
  const notify = useNotify();
  const provinces = useCurrentProvinces();
  const list = useProgrammes();
  const save = useSaveProgramme();
  const [editing, setEditing] = useState<TProgramme | 'new' | null>(null);
  const [form] = Form.useForm();

  const open = (programme: TProgramme | 'new') => {
    save.reset();
    setEditing(programme);
    form.setFieldsValue(
      programme === 'new'
        ? { scope: 'national', targets: [] }
        : {
            ...programme,
            targets: programme.targets.map(({ metric, nameVi, nameEn, activityTypes, target }) => ({
              metric,
              nameVi,
              nameEn,
              activityTypes,
              target,
            })),
          },
    );
  };

  const onSave = async () => {
    const values = (await form.validateFields()) as TCreateProgrammeRequest;
    const id = editing && editing !== 'new' ? editing.id : undefined;
    const body = id
      ? {
          name: values.name,
          fromYear: values.fromYear,
          toYear: values.toYear,
          decisionNumber: values.decisionNumber || null,
          decisionDate: values.decisionDate || null,
          targets: values.targets ?? [],
        }
      : {
          ...values,
          provinceCode: values.scope === 'local' ? values.provinceCode : null,
          decisionNumber: values.decisionNumber || null,
          decisionDate: values.decisionDate || null,
          targets: values.targets ?? [],
        };
    save.mutate(
      { id, body },
      {
        onSuccess: () => {
          notify.success(t('stats.saved'));
          setEditing(null);
        },
        onError: (error) => applyFieldErrors(form, error, FIELDS),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('stats.programmesTitle')}
        description={t('stats.programmesIntro')}
        extra={
          can('programmes.write') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open('new')}>
              {t('stats.newProgramme')}
            </Button>
          ) : null
        }
      />
      {(list.data?.items ?? []).length === 0 && !list.isPending ? (
        <Typography.Text type="secondary">{t('stats.noProgrammes')}</Typography.Text>
      ) : null}
      <Row gutter={[16, 16]}>
        {(list.data?.items ?? []).map((p) => (
          <Col xs={24} key={p.id}>
            <Card
              title={<h2 className="card-title">{p.name}</h2>}
              extra={
                can('programmes.write') ? (
                  <Button onClick={() => open(p)} aria-label={`${t('common.edit')} ${p.code}`}>
                    {t('common.edit')}
                  </Button>
                ) : null
              }
            >
              <Space wrap style={{ marginBottom: 12 }}>
                <Tag>{p.code}</Tag>
                <Tag color={p.scope === 'national' ? 'blue' : 'green'}>
                  {t(`stats.scope_${p.scope}`)}
                  {p.provinceName ? `: ${p.provinceName}` : ''}
                </Tag>
                <span>
                  {p.fromYear}–{p.toYear}
                </span>
                {p.decisionNumber ? <span>{p.decisionNumber}</span> : null}
              </Space>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.targets}
                columns={[
                  { title: t('stats.target'), render: (_, r) => (language === 'vi' ? r.nameVi : r.nameEn) },
                  {
                    title: t('stats.activityTypes'),
                    dataIndex: 'activityTypes',
                    render: (codes: string[]) => codes.map((c) => activityLabel(c, language)).join('; '),
                  },
                  { title: t('stats.target'), dataIndex: 'target', align: 'right' },
                  { title: t('stats.approvedCount'), dataIndex: 'approved', align: 'right' },
                  { title: t('stats.accepted'), dataIndex: 'accepted', align: 'right' },
                  {
                    title: t('stats.progress'),
                    dataIndex: 'progress',
                    width: 200,
                    render: (v: number | null) => (
                      <Progress percent={Math.round((v ?? 0) * 1000) / 10} size="small" />
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <FormDrawer
        open={editing !== null}
        title={editing === 'new' ? t('stats.newProgramme') : t('stats.editProgramme')}
        onClose={() => setEditing(null)}
        onSave={onSave}
        isSaving={save.isPending}
        error={save.error}
        fieldNames={FIELDS}
      >
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="code" label={t('stats.code')} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} maxLength={40} />
          </Form.Item>
          <Form.Item name="scope" label={t('stats.scope')} rules={[{ required: true }]}>
            <Select
              disabled={editing !== 'new'}
              options={[
                { value: 'national', label: t('stats.scope_national') },
                { value: 'local', label: t('stats.scope_local') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
            {() =>
              form.getFieldValue('scope') === 'local' ? (
                <Form.Item name="provinceCode" label={t('stats.province')} rules={[{ required: true }]}>
                  <Select
                    disabled={editing !== 'new'}
                    options={provinces.options}
                    showSearch
                    optionFilterProp="label"
                  />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="name" label={t('stats.name')} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Space>
            <Form.Item name="fromYear" label={t('stats.fromYear')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="toYear" label={t('stats.toYear')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item name="decisionNumber" label={t('stats.decisionNumber')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="decisionDate" label={t('stats.decisionDate')}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('stats.targets')}
          </Typography.Title>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                    <Form.Item
                      name={[field.name, 'metric']}
                      label={t('stats.metric')}
                      rules={[{ required: true }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'nameVi']}
                      label={t('stats.targetNameVi')}
                      rules={[{ required: true }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'nameEn']}
                      label={t('stats.targetNameEn')}
                      rules={[{ required: true }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'activityTypes']}
                      label={t('stats.activityTypes')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        mode="multiple"
                        options={activityOptions(ACTIVITY_TYPES, language)}
                        optionFilterProp="label"
                      />
                    </Form.Item>
                    <Space>
                      <Form.Item
                        name={[field.name, 'target']}
                        label={t('stats.target')}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0} />
                      </Form.Item>
                      <Button
                        icon={<MinusCircleOutlined aria-hidden />}
                        onClick={() => remove(field.name)}
                        aria-label={t('stats.removeTarget')}
                      />
                    </Space>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ target: 0, activityTypes: [] })}
                >
                  {t('stats.addTarget')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormDrawer>
    </>
  );
}
