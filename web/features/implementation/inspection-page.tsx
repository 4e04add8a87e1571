import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ChangeEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TProposalStatus } from '../../../domain/workflow/proposal';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { api, errorMessage } from '../../lib/api';
import { formatDateVi, todayVn } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { useProposal, useProposals } from '../proposals/proposals.api';
import { type TImplementationView, uploadPhoto, useImplementation } from './implementation.api';
import './implementation.css';
import './implementation.i18n';

const INSPECTABLE: TProposalStatus[] = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'stopped',
  'carried_over',
];

type TValues = {
  kind: 'planned' | 'done';
  /** A planned visit of this project to record, or `new`. */
  visit: string;
  date: Dayjs;
  team: string[];
  proposalIds: string[];
  findings?: string;
  followUps: { action: string; dueOn?: Dayjs | null }[];
};

/**
 * The site inspection form (issue #7), made for a phone (390 px wide): one column, big touch targets,
 * no horizontal scrolling. A planned visit, or a visit done — with its team, the projects visited
 * (one inspection record per project), findings, photos taken with the camera and follow-up actions
 * with due dates. Its own route (`/proposals/:id/inspection`) and chunk.
 */
export default function InspectionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const proposal = useProposal(id);
  const view = useImplementation(id);
  if (proposal.isPending || view.isPending) return <Spin />;
  if (proposal.isError) return <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return (
    <div className="inspection-page">
      <PageHeader
        title={t('implementation.inspection.title')}
        description={
          <>
            {proposal.data.code} — {proposal.data.title}
            <br />
            <Link to={`/proposals/${proposal.data.id}`}>{t('implementation.inspection.back')}</Link>
          </>
        }
      />
      <InspectionForm
        view={view.data}
        provinceCode={proposal.data.provinceCode}
        planYear={proposal.data.planYear}
      />
    </div>
  );
}

function InspectionForm({
  view,
  provinceCode,
  planYear,
}: {
  view: TImplementationView;
  provinceCode: string;
  planYear: number;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TValues>();
  const [photos, setPhotos] = useState<File[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form) ?? 'done';
  const planned = view.inspections.filter((i) => i.status === 'planned');
  const others = useProposals({ planYear, provinceCode, status: INSPECTABLE, page: 1, pageSize: 100 });
  const options = useMemo(() => {
    const items = others.data?.items ?? [];
    const list = items.map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` }));
    if (!list.some((o) => o.value === view.proposalId))
      list.unshift({ value: view.proposalId, label: view.code });
    return list;
  }, [others.data, view.proposalId, view.code]);

  const canPlan = view.abilities.planInspection;
  const canRecord = view.abilities.recordInspection || canPlan;

  const save = async (values: TValues) => {
    setSaving(true);
    setError(null);
    const date = values.date.format('YYYY-MM-DD');
    const team = (values.team ?? []).map((m) => m?.trim()).filter(Boolean);
    const followUps = (values.followUps ?? [])
      .filter((f) => f?.action?.trim())
      .map((f) => ({ action: f.action.trim(), ...(f.dueOn ? { dueOn: f.dueOn.format('YYYY-MM-DD') } : {}) }));
    try {
      // One inspection record per project visited; this project's planned visit is recorded in place.
      for (const proposalId of values.proposalIds) {
        let inspectionId: string | undefined =
          proposalId === view.proposalId && values.visit !== 'new' ? values.visit : undefined;
        if (!inspectionId) {
          const plannedView = await api<TImplementationView>(`/proposals/${proposalId}/inspections`, {
            method: 'POST',
            body: { plannedOn: date, ...(team.length > 0 ? { team } : {}) },
          });
          inspectionId = plannedView.inspections.filter((i) => i.status === 'planned').at(-1)?.id;
        }
        if (values.kind === 'done' && inspectionId) {
          const recordedId = inspectionId;
          await api<TImplementationView>(`/inspections/${recordedId}/result`, {
            method: 'POST',
            body: {
              doneOn: date,
              findings: values.findings ?? '',
              followUps,
              ...(team.length > 0 ? { team } : {}),
            },
          });
          // The photos go with each visited project's record, one picture a request.
          for (const file of photos) await uploadPhoto(`/inspections/${recordedId}/photos`, file);
        }
      }
      await queryClient.invalidateQueries({ queryKey: ['implementation'] });
      void notify.success(t('implementation.inspection.saved', { count: values.proposalIds.length }));
      form.resetFields(['findings', 'followUps']);
      setPhotos([]);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const onPhotos = (event: ChangeEvent<HTMLInputElement>) => setPhotos([...(event.target.files ?? [])]);

  return (
    <Card className="inspection-card">
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<TValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark
        initialValues={{
          kind: canRecord ? 'done' : 'planned',
          visit: planned[0]?.id ?? 'new',
          date: dayjs(todayVn()),
          team: [''],
          proposalIds: [view.proposalId],
          followUps: [],
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="kind" label={t('implementation.inspection.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="inspection-choice"
            options={[
              { value: 'planned', label: t('implementation.inspection.planned'), disabled: !canPlan },
              { value: 'done', label: t('implementation.inspection.done'), disabled: !canRecord },
            ]}
          />
        </Form.Item>
        {kind === 'done' && planned.length > 0 ? (
          <Form.Item name="visit" label={t('implementation.inspection.plannedVisit')}>
            <Select
              options={[
                ...planned.map((p) => ({ value: p.id, label: formatDateVi(p.plannedOn) })),
                { value: 'new', label: t('implementation.inspection.newVisit') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="date"
          label={t('implementation.inspection.date')}
          rules={[
            {
              required: true,
              message: t('implementation.form.required', {
                field: t('implementation.inspection.date').toLowerCase(),
              }),
            },
          ]}
        >
          <DatePicker format="DD/MM/YYYY" inputReadOnly style={{ width: '100%' }} />
        </Form.Item>

        <fieldset className="inspection-fieldset">
          <legend>{t('implementation.inspection.team')}</legend>
          <Form.List name="team">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="inspection-row">
                    <Form.Item
                      name={field.name}
                      label={`${t('implementation.inspection.teamMember')} ${index + 1}`}
                      className="inspection-grow"
                    >
                      <Input maxLength={200} autoComplete="name" />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('implementation.inspection.removeMember', { index: index + 1 })}
                      onClick={() => remove(field.name)}
                      className="inspection-remove"
                    />
                  </div>
                ))}
                <Button block icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                  {t('implementation.inspection.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>

        <Form.Item
          name="proposalIds"
          label={t('implementation.inspection.proposals')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('implementation.inspection.proposals') },
          ]}
        >
          <Select mode="multiple" options={options} loading={others.isPending} optionFilterProp="label" />
        </Form.Item>

        {kind === 'done' ? (
          <>
            <Form.Item
              name="findings"
              label={t('implementation.inspection.findings')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('implementation.form.required', {
                    field: t('implementation.inspection.findings').toLowerCase(),
                  }),
                },
              ]}
            >
              <Input.TextArea rows={5} maxLength={8000} />
            </Form.Item>

            <div className="inspection-photos">
              <label htmlFor="inspection-photos" className="inspection-label">
                {t('implementation.inspection.photos')}
              </label>
              <input
                id="inspection-photos"
                type="file"
                accept="image/*"
                capture="environment"
                multiple
                onChange={onPhotos}
                aria-describedby="inspection-photos-hint"
              />
              <Typography.Paragraph id="inspection-photos-hint" type="secondary">
                {photos.length > 0
                  ? `${t('implementation.inspection.photoCount', { count: photos.length })}. `
                  : ''}
                {t('implementation.inspection.photosHint')}
              </Typography.Paragraph>
            </div>

            <fieldset className="inspection-fieldset">
              <legend>{t('implementation.inspection.followUps')}</legend>
              <Form.List name="followUps">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <div key={field.key} className="inspection-follow-up">
                        <Form.Item
                          name={[field.name, 'action']}
                          label={`${t('implementation.inspection.action')} ${index + 1}`}
                          rules={[
                            {
                              required: true,
                              whitespace: true,
                              message: t('implementation.inspection.action'),
                            },
                          ]}
                        >
                          <Input.TextArea rows={2} maxLength={1000} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'dueOn']} label={t('implementation.inspection.dueOn')}>
                          <DatePicker format="DD/MM/YYYY" inputReadOnly style={{ width: '100%' }} />
                        </Form.Item>
                        <Button
                          block
                          danger
                          icon={<DeleteOutlined aria-hidden />}
                          onClick={() => remove(field.name)}
                        >
                          {t('implementation.inspection.removeFollowUp', { index: index + 1 })}
                        </Button>
                      </div>
                    ))}
                    <Button block icon={<PlusOutlined aria-hidden />} onClick={() => add({ action: '' })}>
                      {t('implementation.inspection.addFollowUp')}
                    </Button>
                  </>
                )}
              </Form.List>
            </fieldset>
          </>
        ) : null}

        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={saving}
          className="inspection-save"
        >
          {t('implementation.inspection.save')}
        </Button>
      </Form>
    </Card>
  );
}
