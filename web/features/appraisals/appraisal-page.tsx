import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TAppraisal, TAppraisalRequest } from '../../../domain/schemas/appraisals';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { errorMessage } from '../../lib/api';
import { formatInstantVi, useLanguage } from '../../lib/format';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { StatusTag, VndNumberInput, vnd } from '../proposals/inputs';
import {
  minutesUrl,
  type TAppraisalView,
  useAppraisal,
  useAppraisers,
  useAssign,
  useDecide,
  useSaveAppraisal,
} from './appraisals.api';
import './appraisals.i18n';

type TCriterion = TAppraisalView['criteria'][number];

/** One proposal's appraisal: assignments, my appraisal, the consensus view and the agency's decision. */
export default function AppraisalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = usePermissions();
  const view = useAppraisal(id);
  const data = view.data;
  return (
    <>
      <PageHeader
        title={t('appraisal.pageTitle', { code: data?.code ?? '' })}
        description={data?.title}
        extra={
          <Space wrap>
            <Link to={`/proposals/${id}`}>{t('appraisal.viewProposal')}</Link>
            {can('appraisals.read') ? (
              <Button href={minutesUrl(id)} download>
                {t('appraisal.minutes')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {view.isError ? <QueryError error={view.error} onRetry={() => void view.refetch()} /> : null}
      {data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Descriptions column={{ xs: 1, md: 4 }}>
              <Descriptions.Item label={t('appraisal.status')}>
                <StatusTag status={data.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('appraisal.requested')}>
                {vnd(data.requestedFunding)}
              </Descriptions.Item>
              <Descriptions.Item label={t('appraisal.maxSupport')}>{vnd(data.maxSupport)}</Descriptions.Item>
              <Descriptions.Item label={t('appraisal.fundingLimit')}>
                {vnd(data.fundingLimit)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Assignments view={data} />
          {data.isAssigned ? <MyAppraisal view={data} /> : null}
          <Consensus view={data} />
          <Decision view={data} />
        </Space>
      ) : null}
    </>
  );
}

function Assignments({ view }: { view: TAppraisalView }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const people = useAppraisers(view.canAssign);
  const assign = useAssign(view.proposalId);
  const [chosen, setChosen] = useState<string[]>([]);
  const assigned = new Set(view.assignments.map((a) => a.userId));
  return (
    <Card title={<h2 className="card-title">{t('appraisal.assignments')}</h2>}>
      <Table
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={view.assignments}
        locale={{ emptyText: t('appraisal.noAssignments') }}
        columns={[
          { title: t('appraisal.assignments'), dataIndex: 'name' },
          { title: t('appraisal.organization'), dataIndex: 'organizationName' },
          {
            title: t('appraisal.status'),
            key: 'status',
            render: (_: unknown, a) => (
              <>
                <Tag color={a.appraisalStatus === 'submitted' ? 'success' : 'default'}>
                  {t(`appraisal.appraisalStatus.${a.appraisalStatus}`)}
                </Tag>
                {a.conflictOfInterest ? <Tag color="error">{t('appraisal.conflictDeclared')}</Tag> : null}
                {a.warnings.map((w) => (
                  <Tag key={w} color="warning">
                    {t(`appraisal.warnings.${w}`)}
                  </Tag>
                ))}
              </>
            ),
          },
        ]}
      />
      {view.canAssign ? (
        <Space wrap style={{ marginTop: 16 }}>
          <Select
            mode="multiple"
            aria-label={t('appraisal.assignLabel')}
            placeholder={t('appraisal.assignPlaceholder')}
            style={{ minWidth: 420 }}
            value={chosen}
            onChange={setChosen}
            loading={people.isFetching}
            optionFilterProp="label"
            options={(people.data ?? [])
              .filter((p) => !assigned.has(p.id))
              .map((p) => ({ value: p.id, label: `${p.name} — ${p.organizationName}` }))}
          />
          <Button
            type="primary"
            disabled={chosen.length === 0}
            loading={assign.isPending}
            onClick={() =>
              assign.mutate(chosen, {
                onSuccess: () => {
                  notify.success(t('appraisal.assigned'));
                  setChosen([]);
                },
                onError: (e) => notify.error(errorMessage(e)),
              })
            }
          >
            {t('appraisal.assign')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

type TFormValues = {
  conflictOfInterest: boolean;
  conflictNote?: string;
  criteria: Record<string, { pass?: boolean | null; comment?: string }>;
  score?: number | null;
  recommendation?: 'recommended' | 'not_recommended' | null;
  recommendedFunding?: number | null;
  comments?: string;
};

function toRequest(values: TFormValues, criteria: TCriterion[], submit: boolean): TAppraisalRequest {
  return {
    conflictOfInterest: values.conflictOfInterest === true,
    ...(values.conflictNote ? { conflictNote: values.conflictNote } : {}),
    criteria: criteria
      .map((c) => ({ code: c.code, ...values.criteria?.[c.code] }))
      .filter((c) => c.pass !== undefined || c.comment)
      .map((c) => ({ code: c.code, pass: c.pass ?? null, ...(c.comment ? { comment: c.comment } : {}) })),
    score: values.score ?? null,
    recommendation: values.recommendation ?? null,
    recommendedFunding: values.recommendedFunding ?? null,
    ...(values.comments ? { comments: values.comments } : {}),
    submit,
  };
}

function fromAppraisal(mine: TAppraisal | null): TFormValues {
  return {
    conflictOfInterest: mine?.conflictOfInterest ?? false,
    conflictNote: mine?.conflictNote ?? undefined,
    criteria: Object.fromEntries(
      (mine?.criteria ?? []).map((c) => [c.code, { pass: c.pass, comment: c.comment ?? '' }]),
    ),
    score: mine?.score ?? null,
    recommendation: mine?.recommendation ?? null,
    recommendedFunding: mine?.recommendedFunding ?? null,
    comments: mine?.comments ?? undefined,
  };
}

function MyAppraisal({ view }: { view: TAppraisalView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const [form] = Form.useForm<TFormValues>();
  const save = useSaveAppraisal(view.proposalId);
  const conflict = Form.useWatch('conflictOfInterest', form);
  const mine = view.mine;
  if (mine?.status === 'submitted') {
    return (
      <Card title={<h2 className="card-title">{t('appraisal.myAppraisal')}</h2>}>
        <Alert
          type="success"
          showIcon
          message={t('appraisal.submittedNotice', {
            at: formatInstantVi(mine.submittedAt ?? mine.updatedAt),
          })}
        />
      </Card>
    );
  }
  const send = (submit: boolean) => {
    const values = form.getFieldsValue(true) as TFormValues;
    save.mutate(toRequest(values, view.criteria, submit), {
      onSuccess: () => notify.success(t(submit ? 'appraisal.submittedMsg' : 'appraisal.saved')),
      onError: (e) => {
        applyFieldErrors(form, e, ['recommendation', 'recommendedFunding', 'score', 'conflictNote']);
        notify.error(errorMessage(e));
      },
    });
  };
  return (
    <Card title={<h2 className="card-title">{t('appraisal.myAppraisal')}</h2>}>
      <Form form={form} layout="vertical" initialValues={fromAppraisal(mine)}>
        <Form.Item name="conflictOfInterest" valuePropName="checked">
          <Checkbox>{t('appraisal.conflictOfInterest')}</Checkbox>
        </Form.Item>
        {conflict ? (
          <Form.Item name="conflictNote" label={t('appraisal.conflictNote')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        ) : (
          <>
            <Table<TCriterion>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={view.criteria}
              style={{ marginBottom: 16 }}
              columns={[
                {
                  title: t('appraisal.criterion'),
                  key: 'name',
                  width: '45%',
                  render: (_: unknown, c) => (language === 'en' ? c.nameEn : c.nameVi),
                },
                {
                  title: t('appraisal.pass'),
                  key: 'pass',
                  render: (_: unknown, c) => (
                    <Form.Item name={['criteria', c.code, 'pass']} noStyle>
                      <Radio.Group
                        aria-label={t('appraisal.resultFor', {
                          name: language === 'en' ? c.nameEn : c.nameVi,
                        })}
                        options={[
                          { value: true, label: t('appraisal.pass') },
                          { value: false, label: t('appraisal.fail') },
                        ]}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('appraisal.comment'),
                  key: 'comment',
                  render: (_: unknown, c) => (
                    <Form.Item name={['criteria', c.code, 'comment']} noStyle>
                      <Input
                        aria-label={t('appraisal.commentFor', {
                          name: language === 'en' ? c.nameEn : c.nameVi,
                        })}
                        maxLength={5000}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Space wrap size={24} align="start">
              <Form.Item name="score" label={t('appraisal.score')}>
                <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="recommendation" label={t('appraisal.recommendation')}>
                <Radio.Group
                  options={[
                    { value: 'recommended', label: t('appraisal.recommended') },
                    { value: 'not_recommended', label: t('appraisal.notRecommended') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="recommendedFunding"
                label={t('appraisal.recommendedFunding')}
                extra={`${t('appraisal.fundingLimit')}: ${vnd(view.fundingLimit)}`}
              >
                <VndNumberInput style={{ width: 260 }} />
              </Form.Item>
            </Space>
            <Form.Item name="comments" label={t('appraisal.otherComments')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </>
        )}
        <Space>
          <Button onClick={() => send(false)} loading={save.isPending}>
            {t('appraisal.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => send(true)} loading={save.isPending}>
            {t('appraisal.submitAppraisal')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function Consensus({ view }: { view: TAppraisalView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = view.appraisals;
  const cell = (a: TAppraisal, code: string) => {
    if (a.conflictOfInterest) return t('appraisal.notAssessed');
    const answer = a.criteria.find((c) => c.code === code);
    if (!answer || answer.pass === null) return '—';
    return (
      <>
        <Tag color={answer.pass ? 'success' : 'error'}>
          {answer.pass ? t('appraisal.pass') : t('appraisal.fail')}
        </Tag>
        {answer.comment ?? ''}
      </>
    );
  };
  type TRow = { key: string; label: string; render: (a: TAppraisal) => React.ReactNode };
  const rows: TRow[] = [
    ...view.criteria.map((c) => ({
      key: c.code,
      label: language === 'en' ? c.nameEn : c.nameVi,
      render: (a: TAppraisal) => cell(a, c.code),
    })),
    { key: 'score', label: t('appraisal.score'), render: (a) => a.score ?? '—' },
    {
      key: 'recommendation',
      label: t('appraisal.recommendation'),
      render: (a) =>
        a.conflictOfInterest
          ? t('appraisal.notAssessed')
          : a.recommendation === 'recommended'
            ? t('appraisal.recommended')
            : a.recommendation === 'not_recommended'
              ? t('appraisal.notRecommended')
              : '—',
    },
    { key: 'funding', label: t('appraisal.recommendedFunding'), render: (a) => vnd(a.recommendedFunding) },
    { key: 'comments', label: t('appraisal.otherComments'), render: (a) => a.comments ?? '' },
  ];
  return (
    <Card title={<h2 className="card-title">{t('appraisal.consensus')}</h2>}>
      {view.isAssigned && view.mine?.status !== 'submitted' && !view.canDecide ? (
        <Alert type="info" showIcon message={t('appraisal.consensusHidden')} style={{ marginBottom: 12 }} />
      ) : null}
      {shown.length === 0 ? (
        <p>{t('appraisal.consensusEmpty')}</p>
      ) : (
        <Table<TRow>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 300 + shown.length * 220 }}
          dataSource={rows}
          columns={[
            { title: t('appraisal.criterion'), dataIndex: 'label', width: 320 },
            ...shown.map((a) => ({
              title: a.appraiserName,
              key: a.id,
              render: (_: unknown, row: TRow) => row.render(a),
            })),
          ]}
        />
      )}
    </Card>
  );
}

type TDecisionValues = { result: 'recommended' | 'not_recommended'; approvedFunding: number; note?: string };

function Decision({ view }: { view: TAppraisalView }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<TDecisionValues>();
  const decide = useDecide(view.proposalId);
  const result = Form.useWatch('result', form);
  const d = view.decision;
  return (
    <Card title={<h2 className="card-title">{t('appraisal.decision')}</h2>}>
      <p>
        {d
          ? t('appraisal.decidedBy', {
              result: d.result === 'recommended' ? t('appraisal.recommended') : t('appraisal.notRecommended'),
              amount: vnd(d.approvedFunding),
              name: d.decidedByName ?? '',
              at: formatInstantVi(d.decidedAt),
            })
          : t('appraisal.noDecision')}
        {d?.note ? ` ${d.note}` : ''}
      </p>
      {view.canDecide ? (
        <Form<TDecisionValues>
          form={form}
          layout="vertical"
          initialValues={{
            result: d?.result ?? 'recommended',
            approvedFunding: d?.approvedFunding ?? undefined,
          }}
          onFinish={(values) =>
            decide.mutate(
              {
                result: values.result,
                approvedFunding: values.result === 'recommended' ? (values.approvedFunding ?? 0) : 0,
                ...(values.note ? { note: values.note } : {}),
              },
              {
                onSuccess: () => notify.success(t('appraisal.decided')),
                onError: (e) => {
                  applyFieldErrors(form, e, ['approvedFunding', 'note']);
                  notify.error(errorMessage(e));
                },
              },
            )
          }
        >
          <Space wrap size={24} align="start">
            <Form.Item name="result" label={t('appraisal.decisionResult')}>
              <Radio.Group
                options={[
                  { value: 'recommended', label: t('appraisal.recommended') },
                  { value: 'not_recommended', label: t('appraisal.notRecommended') },
                ]}
              />
            </Form.Item>
            {result !== 'not_recommended' ? (
              <Form.Item
                name="approvedFunding"
                label={t('appraisal.approvedFunding')}
                extra={`${t('appraisal.fundingLimit')}: ${vnd(view.fundingLimit)}`}
              >
                <VndNumberInput style={{ width: 260 }} />
              </Form.Item>
            ) : null}
          </Space>
          <Form.Item name="note" label={t('appraisal.decisionNote')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={decide.isPending}>
            {t('appraisal.decide')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
