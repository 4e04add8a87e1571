import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';
import { CYCLE_STATUSES, type TCycleStatus } from '../../../domain/workflow/cycle';
import { errorMessage } from '../../lib/api';
import { formatDateVi, formatInstantVi, formatVnd } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { matchesOption } from '../organizations/organization-form-drawer';
import { useOrganizationOptions } from '../organizations/organizations.api';
import { VndNumberInput } from '../proposals/inputs';
import {
  type TCycle,
  type TExtension,
  useCreateCycle,
  useExtensions,
  useGrantExtension,
  useUpdateCycle,
} from './cycles.api';

type TCycleForm = {
  planYear: number;
  status: TCycleStatus;
  registrationDeadline?: Dayjs | null;
  dossierDeadline?: Dayjs | null;
  budgetEnvelope?: number | null;
  guidanceNumber?: string;
  guidanceDate?: Dayjs | null;
  orientations?: { code: string; label: string }[];
};

const DEADLINE_FORMAT = 'DD/MM/YYYY HH:mm:ss';

dayjs.extend(utc);
/**
 * Deadlines are instants in Vietnam time whatever the browser's time zone: the picker shows the
 * Vietnamese wall clock, and what the user picks is read back as Vietnamese wall-clock time.
 */
const toVnWallClock = (instant: string) => dayjs(instant).utcOffset(420);
const fromVnWallClock = (value: Dayjs) => `${value.format('YYYY-MM-DDTHH:mm:ss')}+07:00`;

/** A cycle's details; for administrators its edit form, and its extensions with a form to grant one. */
export function CycleDrawer({
  cycle,
  open,
  onClose,
}: {
  cycle: TCycle | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { can } = usePermissions();
  // A cycle says whether the caller may change it (a local one: also its Sở); a new one is national.
  const canWrite = cycle ? cycle.mayEdit : can('cycles.write');
  const isLocal = cycle?.programme === 'local';
  const [form] = Form.useForm<TCycleForm>();
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const error = create.error ?? update.error;

  const initial: TCycleForm = cycle
    ? {
        planYear: cycle.planYear,
        status: cycle.status,
        registrationDeadline: toVnWallClock(cycle.registrationDeadline),
        dossierDeadline: toVnWallClock(cycle.dossierDeadline),
        budgetEnvelope: cycle.budgetEnvelope,
        guidanceNumber: cycle.guidanceLetter?.number ?? '',
        guidanceDate: cycle.guidanceLetter ? dayjs(cycle.guidanceLetter.date) : null,
        orientations: cycle.orientations,
      }
    : { planYear: dayjs().year() + 1, status: 'draft', orientations: [] };

  const onSave = async () => {
    const v = await form.validateFields();
    const guidance =
      v.guidanceNumber?.trim() && v.guidanceDate
        ? { number: v.guidanceNumber.trim(), date: v.guidanceDate.format('YYYY-MM-DD') }
        : null;
    const common = {
      status: v.status,
      budgetEnvelope: v.budgetEnvelope ?? 0,
      orientations: (v.orientations ?? []).filter((o) => o?.code && o?.label),
      // Sent only when changed: the picker has no milliseconds, the stored 23:59:59.999 must not drift.
      ...(v.registrationDeadline && form.isFieldTouched('registrationDeadline')
        ? { registrationDeadline: fromVnWallClock(v.registrationDeadline) }
        : {}),
      ...(v.dossierDeadline && form.isFieldTouched('dossierDeadline')
        ? { dossierDeadline: fromVnWallClock(v.dossierDeadline) }
        : {}),
    };
    if (cycle) {
      update.mutate(
        {
          planYear: cycle.planYear,
          provinceCode: cycle.provinceCode,
          changes: { ...common, guidanceLetter: guidance },
        },
        { onSuccess: () => void notify.success(t('cycles.updated')) },
      );
    } else {
      create.mutate(
        { planYear: v.planYear, ...common, ...(guidance ? { guidanceLetter: guidance } : {}) },
        {
          onSuccess: (created) => {
            void notify.success(t('cycles.created', { year: created.planYear }));
            onClose();
          },
        },
      );
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={
        cycle
          ? isLocal
            ? t('cycles.editLocalTitle', { year: cycle.planYear, province: cycle.provinceCode })
            : t('cycles.editTitle', { year: cycle.planYear })
          : t('cycles.createTitle')
      }
      extra={
        canWrite ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={create.isPending || update.isPending}
              onClick={() => void onSave()}
            >
              {t('common.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      ) : null}
      {cycle && !canWrite ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'status', label: t('cycles.status'), children: t(`cycles.statuses.${cycle.status}`) },
            {
              key: 'reg',
              label: t('cycles.registrationDeadline'),
              children: formatInstantVi(cycle.registrationDeadline),
            },
            {
              key: 'dos',
              label: t('cycles.dossierDeadline'),
              children: formatInstantVi(cycle.dossierDeadline),
            },
            { key: 'budget', label: t('cycles.budgetEnvelope'), children: formatVnd(cycle.budgetEnvelope) },
            { key: 'set', label: t('cycles.regulationSet'), children: cycle.regulationSetName },
            {
              key: 'letter',
              label: t('cycles.guidanceLetter'),
              children: cycle.guidanceLetter
                ? `${cycle.guidanceLetter.number} (${formatDateVi(cycle.guidanceLetter.date)})`
                : '—',
            },
            {
              key: 'orientations',
              label: t('cycles.orientations'),
              children: (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {cycle.orientations.map((o) => (
                    <li key={o.code}>{o.label}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={initial} disabled={!canWrite}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="planYear" label={t('cycles.planYear')} rules={[{ required: true }]}>
                <InputNumber
                  min={2000}
                  max={2100}
                  precision={0}
                  disabled={cycle !== null}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="status" label={t('cycles.status')}>
                <Select
                  options={CYCLE_STATUSES.map((s) => ({ value: s, label: t(`cycles.statuses.${s}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="registrationDeadline"
                label={t('cycles.registrationDeadline')}
                extra={cycle ? undefined : t('cycles.defaultDeadlineHelp')}
              >
                <DatePicker showTime format={DEADLINE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="dossierDeadline" label={t('cycles.dossierDeadline')}>
                <DatePicker showTime format={DEADLINE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="budgetEnvelope" label={t('cycles.budgetEnvelope')}>
                <VndNumberInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="guidanceNumber" label={t('cycles.guidanceNumber')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="guidanceDate" label={t('cycles.guidanceDate')}>
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('cycles.orientations')}
          </Typography.Title>
          <Form.List name="orientations">
            {(items, { add, remove }) => (
              <>
                {items.map((item, index) => (
                  <Row gutter={8} key={item.key}>
                    <Col xs={8} md={6}>
                      <Form.Item
                        name={[item.name, 'code']}
                        rules={[
                          { required: true, pattern: /^[a-z0-9][a-z0-9_-]*$/, message: t('cycles.required') },
                        ]}
                      >
                        <Input aria-label={`${t('cycles.orientationCode')} ${index + 1}`} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={14} md={16}>
                      <Form.Item
                        name={[item.name, 'label']}
                        rules={[{ required: true, message: t('cycles.required') }]}
                      >
                        <Input aria-label={`${t('cycles.orientationLabel')} ${index + 1}`} maxLength={300} />
                      </Form.Item>
                    </Col>
                    <Col xs={2}>
                      {canWrite ? (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined aria-hidden />}
                          aria-label={t('cycles.removeOrientation', { label: index + 1 })}
                          onClick={() => remove(item.name)}
                        />
                      ) : null}
                    </Col>
                  </Row>
                ))}
                {canWrite ? (
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: '', label: '' })}>
                    {t('cycles.addOrientation')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </Form>
      )}
      {cycle && !isLocal ? (
        <>
          <Divider />
          <Extensions cycle={cycle} canWrite={canWrite} />
        </>
      ) : null}
      {isLocal && canWrite ? (
        // The Sở sets a local cycle's deadlines itself: it moves them here instead of granting extensions.
        <Alert type="info" showIcon title={t('cycles.localDeadlinesHelp')} style={{ marginTop: 16 }} />
      ) : null}
    </Drawer>
  );
}

function Extensions({ cycle, canWrite }: { cycle: TCycle; canWrite: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const extensions = useExtensions(cycle.planYear);
  const organizations = useOrganizationOptions(canWrite);
  const grant = useGrantExtension();
  const [form] = Form.useForm<{
    organizationId: string;
    stage: 'registration' | 'dossier';
    until: Dayjs;
    reason: string;
  }>();

  const onGrant = async () => {
    const v = await form.validateFields();
    grant.mutate(
      {
        planYear: cycle.planYear,
        input: {
          organizationId: v.organizationId,
          stage: v.stage,
          until: fromVnWallClock(v.until),
          reason: v.reason.trim(),
        },
      },
      {
        onSuccess: (created) => {
          void notify.success(t('cycles.granted', { name: created.organizationName }));
          form.resetFields();
        },
      },
    );
  };

  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('cycles.extensions')}
      </Typography.Title>
      <Table<TExtension>
        rowKey="id"
        size="small"
        loading={extensions.isFetching}
        dataSource={extensions.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('cycles.extensionsEmpty') }}
        columns={[
          { title: t('cycles.organization'), dataIndex: 'organizationName' },
          {
            title: t('cycles.stage'),
            dataIndex: 'stage',
            render: (s: 'registration' | 'dossier') => t(`cycles.stages.${s}`),
          },
          { title: t('cycles.until'), dataIndex: 'until', render: (v: string) => formatInstantVi(v) },
          { title: t('cycles.reason'), dataIndex: 'reason' },
        ]}
      />
      {canWrite ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ stage: 'registration' }}
        >
          {grant.isError ? (
            <Alert type="error" showIcon title={errorMessage(grant.error)} style={{ marginBottom: 12 }} />
          ) : null}
          <Row gutter={8}>
            <Col xs={24} md={12}>
              <Form.Item
                name="organizationId"
                label={t('cycles.organization')}
                rules={[{ required: true, message: t('cycles.required') }]}
              >
                <Select
                  showSearch={{ filterOption: matchesOption }}
                  options={organizations.items.map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="stage" label={t('cycles.stage')}>
                <Select
                  options={(['registration', 'dossier'] as const).map((s) => ({
                    value: s,
                    label: t(`cycles.stages.${s}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="until"
                label={t('cycles.until')}
                rules={[{ required: true, message: t('cycles.required') }]}
              >
                <DatePicker showTime format={DEADLINE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="reason"
                label={t('cycles.reason')}
                rules={[{ required: true, whitespace: true, message: t('cycles.required') }]}
              >
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
          <Button onClick={() => void onGrant()} loading={grant.isPending}>
            {t('cycles.grant')}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
