import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { formatDateVi } from '../../lib/format';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { useMe } from '../auth/auth.api';
import { CycleDrawer } from '../cycles/cycle-drawer';
import { StatusTag, vnd } from '../proposals/inputs';
import { useCopyProposals } from '../proposals/proposal-sheets.api';
import {
  localPlanExportUrl,
  type TProposal,
  useAcceptLocal,
  useApproveLocalPlan,
  useCreateLocalCycle,
  useDecideLocal,
  useLocalCycles,
  useLocalPlan,
  useLocalProposals,
  useRegisterLocal,
} from './local-plans.api';
import './local-plans.i18n';

const isoDate = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * Local plans (KCĐP, issue #7): the Sở opens its province's local cycle, registers, takes proposals into
 * its own appraisal and decides them; the plan is ranked against the local envelope; a leader of the
 * province's People's Committee approves it. Buttons come from the server's abilities and `canApprove`.
 */
export default function LocalPlansPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { can } = usePermissions();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const cycles = useLocalCycles();
  const items = cycles.data?.items ?? [];
  const selectedKey =
    params.get('cycle') ?? (items[0] ? `${items[0].provinceCode}-${items[0].planYear}` : '');
  const selected = items.find((c) => `${c.provinceCode}-${c.planYear}` === selectedKey);
  const planYear = selected?.planYear;
  const provinceCode = selected?.provinceCode ?? undefined;
  const proposals = useLocalProposals(planYear, provinceCode);
  const plan = useLocalPlan(planYear, provinceCode);
  const createCycle = useCreateLocalCycle();
  const register = useRegisterLocal();
  const accept = useAcceptLocal();
  const decide = useDecideLocal();
  const approve = useApproveLocalPlan(planYear, provinceCode);
  const copy = useCopyProposals();
  const [cycleForm] = Form.useForm();
  const [registerForm] = Form.useForm();
  const [decideForm] = Form.useForm();
  const [approveForm] = Form.useForm<{ decisionNumber: string; decisionDate: Dayjs }>();
  const [deciding, setDeciding] = useState<TProposal | null>(null);
  const [registering, setRegistering] = useState(false);
  const [cycleOpen, setCycleOpen] = useState(false);

  const myProvince = me?.organization?.provinceCode ?? null;
  const mayOpenCycle = can('cycles.create') && !!myProvince;
  const registrable = useMemo(
    () => (proposals.data?.items ?? []).filter((p) => p.abilities.register),
    [proposals.data],
  );

  const onCreateCycle = async () => {
    const v = await cycleForm.validateFields();
    createCycle.mutate(
      {
        planYear: v.planYear,
        programme: 'local',
        provinceCode: myProvince ?? undefined,
        status: 'open',
        budgetEnvelope: v.budgetEnvelope ?? 0,
        ...(v.registrationDeadline ? { registrationDeadline: isoDate(v.registrationDeadline) } : {}),
        ...(v.dossierDeadline ? { dossierDeadline: isoDate(v.dossierDeadline) } : {}),
      },
      {
        onSuccess: (created) => {
          void notify.success(t('localPlans.created', { year: created.planYear }));
          setParams({ cycle: `${created.provinceCode}-${created.planYear}` });
        },
        onError: (error) =>
          applyFieldErrors(cycleForm, error, [
            'planYear',
            'budgetEnvelope',
            'registrationDeadline',
            'dossierDeadline',
          ]) || void notify.error(errorMessage(error)),
      },
    );
  };

  const onRegister = async () => {
    const v = await registerForm.validateFields();
    if (!planYear) return;
    register.mutate(
      {
        planYear,
        proposalIds: registrable.map((p) => p.id),
        letterNumber: v.letterNumber,
        letterDate: isoDate(v.letterDate),
      },
      {
        onSuccess: () => {
          setRegistering(false);
          void notify.success(t('localPlans.registered', { count: registrable.length }));
        },
        onError: (error) => void notify.error(errorMessage(error)),
      },
    );
  };

  const onDecide = async () => {
    if (!deciding) return;
    const v = await decideForm.validateFields();
    decide.mutate(
      {
        id: deciding.id,
        body: {
          result: v.result,
          approvedFunding: v.result === 'recommended' ? (v.approvedFunding ?? 0) : 0,
          ...(v.note ? { note: v.note } : {}),
        },
      },
      {
        onSuccess: () => {
          setDeciding(null);
          void notify.success(t('localPlans.decided'));
        },
        onError: (error) =>
          applyFieldErrors(decideForm, error, ['result', 'approvedFunding', 'note']) ||
          void notify.error(errorMessage(error)),
      },
    );
  };

  const onApprove = async () => {
    const v = await approveForm.validateFields();
    approve.mutate(
      { decisionNumber: v.decisionNumber, decisionDate: isoDate(v.decisionDate) },
      {
        onSuccess: (approved) =>
          void notify.success(t('localPlans.approvedMsg', { version: approved.version })),
        onError: (error) =>
          applyFieldErrors(approveForm, error, ['decisionNumber', 'decisionDate']) ||
          void notify.error(errorMessage(error)),
      },
    );
  };

  const p = plan.data;
  return (
    <>
      <PageHeader title={t('localPlans.title')} description={t('localPlans.intro')} />
      {cycles.isError ? <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="card-title">{t('localPlans.cycles')}</h2>}>
          {items.length > 0 ? (
            <Space wrap>
              <Select
                aria-label={t('localPlans.select')}
                style={{ minWidth: 260 }}
                value={selectedKey || undefined}
                onChange={(value: string) => setParams({ cycle: value })}
                options={items.map((c) => ({
                  value: `${c.provinceCode}-${c.planYear}`,
                  label: t('localPlans.cycleLabel', { year: c.planYear, province: c.provinceCode }),
                }))}
              />
              {selected ? (
                <Button onClick={() => setCycleOpen(true)}>
                  {selected.mayEdit ? t('localPlans.editCycle') : t('localPlans.viewCycle')}
                </Button>
              ) : null}
            </Space>
          ) : (
            <p>{t('localPlans.noCycles')}</p>
          )}
          {mayOpenCycle ? (
            <Form form={cycleForm} layout="inline" style={{ marginTop: 16, rowGap: 8 }} name="local-cycle">
              <Form.Item
                name="planYear"
                label={t('localPlans.planYear')}
                rules={[{ required: true }]}
                initialValue={dayjs().year() + 1}
              >
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item
                name="budgetEnvelope"
                label={t('localPlans.budgetEnvelope')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} step={100_000_000} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="registrationDeadline" label={t('localPlans.registrationDeadline')}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item name="dossierDeadline" label={t('localPlans.dossierDeadline')}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" onClick={() => void onCreateCycle()} loading={createCycle.isPending}>
                  {t('localPlans.create')}
                </Button>
              </Form.Item>
            </Form>
          ) : null}
        </Card>

        {selected ? (
          <Card
            title={<h2 className="card-title">{t('localPlans.proposals')}</h2>}
            extra={
              <Space wrap>
                {can('proposals.write') && selected.status === 'open' ? (
                  <Link to={`/proposals/new?programme=local&planYear=${selected.planYear}`}>
                    {t('localPlans.newProposal')}
                  </Link>
                ) : null}
                {can('proposals.write') &&
                selected.status === 'open' &&
                myProvince === selected.provinceCode ? (
                  <Popconfirm
                    title={t('localPlans.copyTitle', { from: selected.planYear - 1, to: selected.planYear })}
                    description={<div style={{ maxWidth: 360 }}>{t('localPlans.copyIntro')}</div>}
                    okText={t('localPlans.copy')}
                    cancelText={t('localPlans.cancel')}
                    onConfirm={() =>
                      copy.mutate(
                        {
                          fromPlanYear: selected.planYear - 1,
                          toPlanYear: selected.planYear,
                          programme: 'local',
                        },
                        {
                          onSuccess: (r) =>
                            void notify.success(
                              t('localPlans.copied', { count: r.created, year: selected.planYear }),
                            ),
                          onError: (error) => void notify.error(errorMessage(error)),
                        },
                      )
                    }
                  >
                    <Button loading={copy.isPending}>
                      {t('localPlans.copyButton', { year: selected.planYear - 1 })}
                    </Button>
                  </Popconfirm>
                ) : null}
                {registrable.length > 0 ? (
                  <Button onClick={() => setRegistering(true)}>
                    {t('localPlans.register')} ({registrable.length})
                  </Button>
                ) : null}
              </Space>
            }
          >
            {proposals.isError ? (
              <QueryError error={proposals.error} onRetry={() => void proposals.refetch()} />
            ) : null}
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              loading={proposals.isPending}
              locale={{ emptyText: t('localPlans.noProposals') }}
              dataSource={proposals.data?.items ?? []}
              columns={[
                {
                  title: t('localPlans.code'),
                  dataIndex: 'code',
                  render: (code: string, row) => <Link to={`/proposals/${row.id}`}>{code}</Link>,
                },
                { title: t('localPlans.titleCol'), dataIndex: 'title' },
                {
                  title: t('localPlans.status'),
                  dataIndex: 'status',
                  render: (status: string) => <StatusTag status={status} />,
                },
                {
                  title: t('localPlans.requested'),
                  dataIndex: 'budgetRequested',
                  align: 'right',
                  render: (_: unknown, row) => vnd(row.budget.requested),
                },
                {
                  title: t('localPlans.approvedFunding'),
                  dataIndex: 'approvedFunding',
                  align: 'right',
                  render: (value: number | null) => (value === null ? '—' : vnd(value)),
                },
                {
                  title: t('localPlans.actions'),
                  key: 'actions',
                  render: (_: unknown, row) => (
                    <Space wrap>
                      {row.abilities.acceptIntoAppraisal ? (
                        <Button
                          size="small"
                          aria-label={t('localPlans.acceptFor', { code: row.code })}
                          loading={accept.isPending}
                          onClick={() =>
                            accept.mutate([row.id], {
                              onSuccess: () => void notify.success(t('localPlans.accepted')),
                              onError: (error) => void notify.error(errorMessage(error)),
                            })
                          }
                        >
                          {t('localPlans.accept')}
                        </Button>
                      ) : null}
                      {row.abilities.decide ? (
                        <Button
                          size="small"
                          type="primary"
                          aria-label={t('localPlans.decideFor', { code: row.code })}
                          onClick={() => {
                            decideForm.setFieldsValue({
                              result: 'recommended',
                              approvedFunding: row.approvedFunding ?? row.budget.requested,
                              note: '',
                            });
                            setDeciding(row);
                          }}
                        >
                          {t('localPlans.decide')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}

        {selected && provinceCode ? (
          <Card
            title={<h2 className="card-title">{t('localPlans.plan', { year: selected.planYear })}</h2>}
            extra={
              <Space wrap>
                <Button href={localPlanExportUrl(provinceCode, selected.planYear, 'xlsx')} download>
                  {t('localPlans.exportXlsx')}
                </Button>
                <Button href={localPlanExportUrl(provinceCode, selected.planYear, 'docx')} download>
                  {t('localPlans.exportDocx')}
                </Button>
              </Space>
            }
          >
            {plan.isError ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
            {p ? (
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={p.status === 'approved' ? 'success' : 'warning'}>
                    {t(`localPlans.planStatus.${p.status}`, { version: p.version })}
                  </Tag>
                  {p.approved ? (
                    <span>
                      {t('localPlans.approvedBy', {
                        number: p.approved.decisionNumber,
                        date: formatDateVi(p.approved.decisionDate),
                      })}
                    </span>
                  ) : null}
                </Space>
                <Space wrap size={32}>
                  <Statistic title={t('localPlans.envelope')} value={vnd(p.budgetEnvelope)} />
                  <Statistic
                    title={t('localPlans.inPlanTotal', { count: p.totals.count })}
                    value={vnd(p.totals.approvedFunding)}
                  />
                  <Statistic title={t('localPlans.headroom')} value={vnd(p.headroom)} />
                </Space>
                {p.items.length === 0 ? (
                  <Empty description={t('localPlans.noItems')} />
                ) : (
                  <Table
                    rowKey="proposalId"
                    size="small"
                    pagination={false}
                    dataSource={p.items}
                    columns={[
                      { title: t('localPlans.rank'), dataIndex: 'rank', align: 'right' },
                      {
                        title: t('localPlans.code'),
                        dataIndex: 'code',
                        render: (code: string, row) => (
                          <Link to={`/proposals/${row.proposalId}`}>{code}</Link>
                        ),
                      },
                      { title: t('localPlans.titleCol'), dataIndex: 'title' },
                      {
                        title: t('localPlans.status'),
                        dataIndex: 'status',
                        render: (status: string) => <StatusTag status={status} />,
                      },
                      {
                        title: t('localPlans.approvedFunding'),
                        dataIndex: 'approvedFunding',
                        align: 'right',
                        render: (value: number) => vnd(value),
                      },
                      {
                        title: t('localPlans.line'),
                        dataIndex: 'inPlan',
                        render: (inPlan: boolean) =>
                          inPlan ? t('localPlans.inPlan') : t('localPlans.inReserve'),
                      },
                    ]}
                  />
                )}
                {p.canApprove ? (
                  <Card type="inner" title={<h3 className="card-title">{t('localPlans.approveTitle')}</h3>}>
                    <Form form={approveForm} layout="inline" name="approve-local-plan" style={{ rowGap: 8 }}>
                      <Form.Item
                        name="decisionNumber"
                        label={t('localPlans.decisionNumber')}
                        rules={[{ required: true }]}
                      >
                        <Input placeholder="1234/QĐ-UBND" />
                      </Form.Item>
                      <Form.Item
                        name="decisionDate"
                        label={t('localPlans.decisionDate')}
                        rules={[{ required: true }]}
                      >
                        <DatePicker format="DD/MM/YYYY" />
                      </Form.Item>
                      <Form.Item>
                        <Button type="primary" loading={approve.isPending} onClick={() => void onApprove()}>
                          {t('localPlans.approve')}
                        </Button>
                      </Form.Item>
                    </Form>
                  </Card>
                ) : null}
              </Space>
            ) : null}
          </Card>
        ) : null}
      </Space>

      <Modal
        open={registering}
        title={t('localPlans.registerTitle')}
        okText={t('localPlans.register')}
        cancelText={t('localPlans.cancel')}
        confirmLoading={register.isPending}
        onOk={() => void onRegister()}
        onCancel={() => setRegistering(false)}
        destroyOnHidden
      >
        <Form form={registerForm} layout="vertical" name="local-registration">
          <Form.Item name="letterNumber" label={t('localPlans.letterNumber')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="letterDate"
            label={t('localPlans.letterDate')}
            rules={[{ required: true }]}
            initialValue={dayjs()}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={deciding !== null}
        title={deciding ? t('localPlans.decideFor', { code: deciding.code }) : t('localPlans.decideTitle')}
        okText={t('localPlans.save')}
        cancelText={t('localPlans.cancel')}
        confirmLoading={decide.isPending}
        onOk={() => void onDecide()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
        forceRender
      >
        {decide.isError ? <Alert type="error" showIcon message={errorMessage(decide.error)} /> : null}
        <Form form={decideForm} layout="vertical" name="local-decision">
          <Form.Item name="result" label={t('localPlans.result')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'recommended', label: t('localPlans.recommended') },
                { value: 'not_recommended', label: t('localPlans.notRecommended') },
              ]}
            />
          </Form.Item>
          <Form.Item name="approvedFunding" label={t('localPlans.decisionFunding')}>
            <InputNumber min={0} step={1_000_000} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="note" label={t('localPlans.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <CycleDrawer
        open={cycleOpen && !!selected}
        cycle={selected ?? null}
        onClose={() => setCycleOpen(false)}
      />
    </>
  );
}
