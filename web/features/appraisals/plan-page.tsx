import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { formatDateVi, useLanguage } from '../../lib/format';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { currentCycle, useCycles } from '../cycles/cycles.api';
import { StatusTag, vnd } from '../proposals/inputs';
import { activityLabel } from '../proposals/labels';
import { planExportUrl, type TPlan, useApprovePlan, usePlan } from './appraisals.api';
import './appraisals.i18n';

type TItem = TPlan['items'][number];

/** The national plan: ranking, funding line, budget bar, headroom by province and activity, approval. */
export default function PlanPage() {
  const { year } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const cycles = useCycles();
  // `/plans` opens the current cycle's plan.
  const planYear = year ? Number(year) : (currentCycle(cycles.data?.items ?? [])?.planYear ?? 0);
  const plan = usePlan(planYear);
  const p = plan.data;
  const used =
    p && p.budgetEnvelope > 0
      ? Math.round(((p.budgetEnvelope - p.headroom) * 1000) / p.budgetEnvelope) / 10
      : 0;
  return (
    <>
      <PageHeader
        title={t('appraisal.planTitle', { year: planYear })}
        description={t('appraisal.planIntro')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('appraisal.planYear')}
              style={{ width: 120 }}
              value={planYear}
              onChange={(value: number) => navigate(`/plans/${value}`)}
              options={(cycles.data?.items ?? []).map((c) => ({
                value: c.planYear,
                label: String(c.planYear),
              }))}
            />
            <Button href={planExportUrl(planYear, 'xlsx')} download>
              {t('appraisal.exportXlsx')}
            </Button>
            <Button href={planExportUrl(planYear, 'docx')} download>
              {t('appraisal.exportDocx')}
            </Button>
          </Space>
        }
      />
      {plan.isError ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {p ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Space wrap style={{ marginBottom: 12 }}>
              <Tag color={p.status === 'approved' ? 'success' : 'warning'}>
                {t(`appraisal.planStatus.${p.status}`, { version: p.version })}
              </Tag>
              {p.approved ? (
                <span>
                  {t('appraisal.approvedBy', {
                    number: p.approved.decisionNumber,
                    date: formatDateVi(p.approved.decisionDate),
                  })}
                </span>
              ) : null}
            </Space>
            {p.scoped ? (
              <Alert
                type="info"
                showIcon
                message={t('appraisal.scopedNotice')}
                style={{ marginBottom: 12 }}
              />
            ) : null}
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('appraisal.envelope')} value={vnd(p.budgetEnvelope)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('appraisal.inPlanTotal', { count: p.totals.count })}
                  value={vnd(p.totals.approvedFunding)}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('appraisal.headroom')} value={vnd(p.headroom)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('appraisal.reserveTotal', { count: p.reserve.count })}
                  value={vnd(p.reserve.approvedFunding)}
                />
              </Col>
            </Row>
            <div style={{ marginTop: 12 }}>
              <span id="budget-bar-label">{t('appraisal.budgetBar')}</span>
              <Progress
                percent={used}
                status={used > 100 ? 'exception' : 'normal'}
                aria-labelledby="budget-bar-label"
              />
            </div>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="card-title">{t('appraisal.byProvince')}</h2>}>
                <Table
                  rowKey="provinceCode"
                  size="small"
                  pagination={false}
                  dataSource={p.byProvince}
                  columns={[
                    { title: t('appraisal.province'), dataIndex: 'provinceName' },
                    { title: t('appraisal.count'), dataIndex: 'count', align: 'right' },
                    {
                      title: t('appraisal.approvedFunding'),
                      dataIndex: 'approvedFunding',
                      align: 'right',
                      render: vnd,
                    },
                    {
                      title: t('appraisal.share'),
                      dataIndex: 'envelopeShare',
                      align: 'right',
                      render: (v: number) => `${v}%`,
                    },
                    {
                      title: t('appraisal.reserve'),
                      dataIndex: 'reserveFunding',
                      align: 'right',
                      render: vnd,
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="card-title">{t('appraisal.byActivity')}</h2>}>
                <Table
                  rowKey="activityType"
                  size="small"
                  pagination={false}
                  dataSource={p.byActivityType}
                  columns={[
                    {
                      title: t('appraisal.activity'),
                      dataIndex: 'activityType',
                      render: (a: string) => activityLabel(a, language),
                    },
                    { title: t('appraisal.count'), dataIndex: 'count', align: 'right' },
                    {
                      title: t('appraisal.approvedFunding'),
                      dataIndex: 'approvedFunding',
                      align: 'right',
                      render: vnd,
                    },
                    {
                      title: t('appraisal.share'),
                      dataIndex: 'envelopeShare',
                      align: 'right',
                      render: (v: number) => `${v}%`,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card>
            <Table<TItem>
              rowKey="proposalId"
              size="small"
              pagination={false}
              dataSource={p.items}
              rowClassName={(item) => (item.inPlan ? '' : 'plan-reserve-row')}
              columns={[
                { title: t('appraisal.rank'), dataIndex: 'rank', width: 60 },
                {
                  title: t('appraisal.code'),
                  dataIndex: 'code',
                  render: (code: string, item) => <Link to={`/proposals/${item.proposalId}`}>{code}</Link>,
                },
                {
                  title: t('appraisal.titleCol'),
                  dataIndex: 'title',
                  width: 320,
                  render: (title: string, item) => (
                    <>
                      {title} {item.isPilot ? <Tag>{t('appraisal.pilot')}</Tag> : null}
                    </>
                  ),
                },
                { title: t('appraisal.province'), dataIndex: 'provinceName' },
                { title: t('appraisal.organization'), dataIndex: 'organizationName' },
                {
                  title: t('appraisal.status'),
                  dataIndex: 'status',
                  render: (s: string) => <StatusTag status={s} />,
                },
                {
                  title: t('appraisal.approvedFunding'),
                  dataIndex: 'approvedFunding',
                  align: 'right',
                  render: vnd,
                },
                {
                  title: t('appraisal.line'),
                  dataIndex: 'inPlan',
                  render: (inPlan: boolean) => (
                    <Tag color={inPlan ? 'success' : 'default'}>
                      {inPlan ? t('appraisal.inPlan') : t('appraisal.inReserve')}
                    </Tag>
                  ),
                },
                {
                  title: t('appraisal.cumulative'),
                  dataIndex: 'cumulativeFunding',
                  align: 'right',
                  render: vnd,
                },
              ]}
            />
          </Card>
          {p.canApprove ? <ApproveCard planYear={planYear} /> : null}
        </Space>
      ) : null}
    </>
  );
}

type TApproveValues = { decisionNumber: string; decisionDate: Dayjs };

function ApproveCard({ planYear }: { planYear: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<TApproveValues>();
  const approve = useApprovePlan(planYear);
  const onApprove = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    approve.mutate(
      { decisionNumber: values.decisionNumber, decisionDate: values.decisionDate.format('YYYY-MM-DD') },
      {
        onSuccess: (plan) => notify.success(t('appraisal.approvedMsg', { version: plan.version })),
        onError: (e) => {
          applyFieldErrors(form, e, ['decisionNumber', 'decisionDate']);
          notify.error(errorMessage(e));
        },
      },
    );
  };
  return (
    <Card title={<h2 className="card-title">{t('appraisal.approveTitle')}</h2>}>
      {/* No submit on Enter: approving a plan takes a deliberate click (Enter confirms the date picker). */}
      <Form<TApproveValues> form={form} layout="inline">
        <Form.Item
          name="decisionNumber"
          label={t('appraisal.decisionNumber')}
          rules={[{ required: true, message: t('appraisal.decisionNumber') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label={t('appraisal.decisionDate')}
          rules={[{ required: true, message: t('appraisal.decisionDate') }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Button type="primary" loading={approve.isPending} onClick={() => void onApprove()}>
          {t('appraisal.approve')}
        </Button>
      </Form>
    </Card>
  );
}
