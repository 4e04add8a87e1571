import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  List,
  Popconfirm,
  Row,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { TDocumentKind } from '../../../domain/enums/document-kinds';
import { checkProposal, maxSupport, type TRegulationSet } from '../../../domain/regulation';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { api, errorMessage, isApiError } from '../../lib/api';
import { formatDateVi, formatInstantVi, formatVnd, useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { usePermissions } from '../../lib/permissions';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { useMe } from '../auth/auth.api';
import { currentCycle, useCycle, useCycles } from '../cycles/cycles.api';
import { documentKeys, type TDocumentList } from '../documents/documents.api';
import { ProposalDocuments } from '../documents/ProposalDocuments';
import { useOrganizationOptions } from '../organizations/organizations.api';
import { useRegulationSet } from '../regulations/regulations.api';
import { useReferencedCertificates } from '../typical-products/typical-products.api';
import { ActionDialogs, type TDialog } from './action-dialogs';
import { fromProposal, namePathOf, type TProposalFormValues, toCheckable, toRequest } from './form-model';
import { StatusTag } from './inputs';
import { FindingsPanel, type TShownFinding } from './live-findings';
import { ProposalForm } from './proposal-form';
import { letterUrl, outlineUrl } from './proposal-sheets.api';
import {
  type TProposalDetail,
  useCreateProposal,
  useDeleteProposal,
  useProposal,
  useProposalChecks,
  useSubmitProposal,
  useUpdateProposal,
} from './proposals.api';
import { RegistrationWizard } from './registration-wizard';

// The implementation timeline and its forms (issue #7) are their own chunk, loaded for approved proposals.
const ImplementationSection = lazy(() => import('../implementation/implementation-section'));
const IMPLEMENTED = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'stopped',
  'carried_over',
];

const PROVINCE_KINDS = ['provincial_department', 'extension_center', 'service_org'];
const EMPTY_BUDGET = { total: 0, requested: 0, counterpart: 0, other: 0 };

/** A new proposal (`/proposals/new`) or an existing one (`/proposals/:id`): form, live check, workflow. */
export default function ProposalPage() {
  const { id } = useParams();
  const proposal = useProposal(id);
  if (id && proposal.isPending) return <Spin />;
  if (id && proposal.isError)
    return <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />;
  return <ProposalEditor key={id ?? 'new'} proposal={proposal.data ?? null} />;
}

function ProposalEditor({ proposal }: { proposal: TProposalDetail | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { can, roles } = usePermissions();
  const { data: me } = useMe();
  const cycles = useCycles();
  const provinces = useCurrentProvinces();
  const organizations = useOrganizationOptions(!proposal);
  const [form] = Form.useForm<TProposalFormValues>();
  const [dialog, setDialog] = useState<TDialog>(null);
  const [wizardOpen, setWizardOpen] = useState(false);
  const create = useCreateProposal();
  const update = useUpdateProposal();
  const remove = useDeleteProposal();
  const submit = useSubmitProposal();

  const isNew = proposal === null;
  const fallbackYear = currentCycle((cycles.data?.items ?? []).filter((c) => c.status === 'open'))?.planYear;
  const planYear =
    proposal?.planYear ?? (params.get('planYear') ? Number(params.get('planYear')) : fallbackYear);
  // A local (KCĐP) proposal belongs to its province's local cycle (`?programme=local` for a new one).
  const programme = proposal?.programme ?? (params.get('programme') === 'local' ? 'local' : 'national');
  const cycle = useCycle(
    planYear,
    programme === 'local' ? (proposal?.provinceCode ?? me?.organization?.provinceCode ?? null) : null,
  );
  const regulationSet = useRegulationSet(cycle.data?.regulationSetId);
  const set: TRegulationSet | undefined = regulationSet.data?.body;
  const documents = useQuery({
    queryKey: documentKeys.list(proposal?.id ?? ''),
    queryFn: ({ signal }) => api<TDocumentList>(`/proposals/${proposal?.id}/documents`, { signal }),
    enabled: proposal !== null,
  });
  const serverChecks = useProposalChecks(set ? undefined : proposal?.id, proposal?.lockVersion);
  const abilities = proposal?.abilities;
  // A new proposal's form is frozen from "Lưu đề án" until the saved proposal's page replaces it: typing
  // into it then (a slow machine can show it a moment after the address changed) would be lost.
  const editable = isNew
    ? can('proposals.write') && !create.isPending && !create.isSuccess
    : abilities?.edit === true;

  // The form follows the saved proposal; a newer VERSION from the server (after any action) replaces it.
  // A refetch of the same version (after a save's invalidation, on focus) leaves what the user is typing.
  const shownVersion = useRef<string | null>(null);
  useEffect(() => {
    if (!proposal) return;
    const version = `${proposal.id}:${proposal.lockVersion}`;
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    form.setFieldsValue(fromProposal(proposal));
  }, [proposal, form]);

  const organizationOptions = useMemo(() => {
    if (proposal)
      return [{ value: proposal.implementingOrganizationId, label: proposal.implementingOrganizationName }];
    const isProvince = roles.includes('province_officer') || roles.includes('province_leader');
    const province = me?.organization?.provinceCode ?? null;
    return organizations.items
      .filter(
        (o) =>
          o.active &&
          ((roles.includes('unit_officer') && o.id === me?.organization?.id) ||
            (isProvince &&
              province !== null &&
              o.provinceCode === province &&
              PROVINCE_KINDS.includes(o.kind))),
      )
      .map((o) => ({ value: o.id, label: o.name, provinceCode: o.provinceCode }));
  }, [proposal, organizations.items, roles, me]);

  // A unit proposes for its own organisation: preselect it once the organisations have loaded.
  useEffect(() => {
    const only = organizationOptions.length === 1 ? organizationOptions[0] : undefined;
    if (!proposal && only && !form.getFieldValue('implementingOrganizationId')) {
      form.setFieldsValue({ implementingOrganizationId: only.value });
    }
  }, [proposal, organizationOptions, form]);

  const values = Form.useWatch([], { form, preserve: true }) as TProposalFormValues | undefined;
  const selectedOrgId = values?.implementingOrganizationId;
  const selectedOrg = organizations.items.find((o) => o.id === selectedOrgId);
  const needsProvince = isNew ? selectedOrg !== undefined && selectedOrg.provinceCode === null : false;
  const documentKinds = useMemo(
    () => (documents.data?.current ?? []).map((d) => d.kind) as TDocumentKind[],
    [documents.data],
  );

  const certificates = useReferencedCertificates(values?.fields?.certificateIds);

  // The live rule check: the same engine as the server, on the cycle's regulation set.
  const live = useMemo(() => {
    if (!set || !values || !planYear || !values.activityType) return null;
    const context = {
      dossierDeadline: proposal?.deadlines.dossier.deadline ?? cycle.data?.myDeadlines.dossier.deadline,
      today: new Date().toISOString(),
    };
    // Referenced certificates are checked against the registry's record, as on the server (issue #11).
    const checkable = { ...toCheckable(values, planYear, documentKinds), certificates };
    const findings = checkProposal(checkable, set, context);
    const required = checkProposal(toCheckable(values, planYear, []), set, context)
      .filter((f) => f.code === 'missing_document')
      .map((f) => f.params.kind as TDocumentKind);
    return {
      findings: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        path: f.path,
        message: f.message[language],
      })),
      maxSupport: maxSupport(checkable, set)?.amount ?? null,
      requiredKinds: [...new Set(required)],
    };
  }, [set, values, planYear, documentKinds, proposal, cycle.data, language, certificates]);

  const shown: TShownFinding[] | undefined =
    live?.findings ??
    serverChecks.data?.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      path: f.path,
      message: f.message,
    }));

  const mutationError = create.error ?? update.error ?? remove.error ?? submit.error;

  /** Server field errors go under their inputs (nested paths like `fields.items.0.price` too). */
  const showFieldErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    form.setFields(
      error.errors
        .filter((e) => e.path)
        .map((e) => ({ name: namePathOf(e.path) as never, errors: [e.message] })),
    );
  };

  const save = async () => {
    const formValues = await form.validateFields();
    const body = toRequest(formValues);
    if (isNew) {
      if (!planYear || !formValues.implementingOrganizationId) return;
      create.mutate(
        {
          ...body,
          planYear,
          ...(programme === 'local' ? { programme } : {}),
          implementingOrganizationId: formValues.implementingOrganizationId,
          ...(needsProvince && formValues.provinceCode ? { provinceCode: formValues.provinceCode } : {}),
        },
        {
          onSuccess: (created) => {
            void notify.success(t('proposals.actions.created', { code: created.code }));
            navigate(`/proposals/${created.id}`, { replace: true });
          },
          onError: showFieldErrors,
        },
      );
      return;
    }
    update.mutate(
      { id: proposal.id, changes: { ...body, lockVersion: proposal.lockVersion } },
      {
        onSuccess: () => void notify.success(t('proposals.actions.saved')),
        onError: (error) => {
          showFieldErrors(error);
          if (isApiError(error) && error.code === 'conflict')
            void notify.warning(t('proposals.actions.conflict'));
        },
      },
    );
  };

  const title = proposal ? `${proposal.code} — ${proposal.title}` : t('proposals.createTitle');
  const initialValues: TProposalFormValues = {
    activityType: 'demonstration_model',
    isPilot: false,
    isGroupProject: false,
    budget: EMPTY_BUDGET,
    orientations: [],
    outputs: [],
    fields: {},
    ...(organizationOptions.length === 1
      ? { implementingOrganizationId: organizationOptions[0]?.value }
      : {}),
  };

  return (
    <>
      <PageHeader
        title={title}
        description={
          <Link to={`/proposals${planYear ? `?planYear=${planYear}` : ''}`}>{t('proposals.backToList')}</Link>
        }
        extra={
          <Space wrap>
            {proposal ? <StatusTag status={proposal.status} /> : null}
            {editable ? (
              <Button
                type="primary"
                icon={<SaveOutlined aria-hidden />}
                loading={create.isPending || update.isPending}
                onClick={() => void save()}
              >
                {t('proposals.actions.save')}
              </Button>
            ) : null}
            {proposal && abilities?.register ? (
              <Button onClick={() => setWizardOpen(true)}>{t('proposals.actions.register')}</Button>
            ) : null}
            {proposal && abilities?.baseAppraise ? (
              <Button onClick={() => setDialog('appraise')}>{t('proposals.actions.baseAppraise')}</Button>
            ) : null}
            {proposal && abilities?.submit ? (
              <Popconfirm
                title={t('proposals.actions.submitConfirm', { code: proposal.code })}
                okText={
                  proposal.status === 'returned'
                    ? t('proposals.actions.resubmit')
                    : t('proposals.actions.submit')
                }
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  submit.mutate(proposal.id, {
                    onSuccess: () =>
                      void notify.success(t('proposals.actions.submitted', { code: proposal.code })),
                  })
                }
              >
                <Button type="primary" loading={submit.isPending}>
                  {proposal.status === 'returned'
                    ? t('proposals.actions.resubmit')
                    : t('proposals.actions.submit')}
                </Button>
              </Popconfirm>
            ) : null}
            {proposal && abilities?.return ? (
              <Button onClick={() => setDialog('return')}>{t('proposals.actions.return')}</Button>
            ) : null}
            {proposal && abilities?.withdraw ? (
              <Button danger onClick={() => setDialog('withdraw')}>
                {t('proposals.actions.withdraw')}
              </Button>
            ) : null}
            {proposal && abilities?.delete ? (
              <Popconfirm
                title={t('proposals.actions.deleteConfirm', { code: proposal.code })}
                okText={t('proposals.actions.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(proposal.id, {
                    onSuccess: () => {
                      void notify.success(t('proposals.actions.deleted', { code: proposal.code }));
                      navigate('/proposals', { replace: true });
                    },
                  })
                }
              >
                <Button danger icon={<DeleteOutlined aria-hidden />}>
                  {t('proposals.actions.delete')}
                </Button>
              </Popconfirm>
            ) : null}
            {proposal?.submittedAt ? (
              <Link to={`/proposals/${proposal.id}/receipt`}>{t('proposals.actions.receipt')}</Link>
            ) : null}
            {proposal ? (
              <a href={outlineUrl(proposal.id)} download>
                {t('proposals.sheets.outline')}
              </a>
            ) : null}
            {proposal?.registration ? (
              <a href={letterUrl(proposal.registration.id)} download>
                {t('proposals.sheets.letter')}
              </a>
            ) : null}
          </Space>
        }
      />

      {mutationError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(mutationError)}
          description={
            isApiError(mutationError) && mutationError.errors.length > 0 ? (
              <List
                size="small"
                dataSource={mutationError.errors}
                renderItem={(e) => <List.Item>{e.message}</List.Item>}
              />
            ) : undefined
          }
        />
      ) : null}
      {proposal?.pendingReturn ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('proposals.detail.pendingReturn', { date: formatDateVi(proposal.pendingReturn.dueDate) })}
          description={proposal.pendingReturn.reason}
        />
      ) : null}
      {proposal && !editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('proposals.detail.readOnly')} />
      ) : null}
      {isNew && !cycles.isPending && !planYear ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('cycles.countdown.none')} />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Form<TProposalFormValues>
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={proposal ? fromProposal(proposal) : initialValues}
            onFinish={() => void save()}
          >
            <ProposalForm
              form={form}
              set={set}
              orientations={cycle.data?.orientations ?? []}
              disabled={!editable}
              isNew={isNew}
              organizationOptions={organizationOptions}
              needsProvince={needsProvince}
              provinceOptions={provinces.options}
              maxSupportAmount={live?.maxSupport ?? serverChecks.data?.maxSupport?.amount ?? null}
            />
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16, display: 'flex', flexDirection: 'column', gap: 16 }}>
            <FindingsPanel
              findings={shown}
              loading={regulationSet.isPending || serverChecks.isFetching}
              source={live ? 'browser' : 'server'}
              maxSupportLine={
                live?.maxSupport !== null && live?.maxSupport !== undefined
                  ? t('proposals.fields.maxSupport', { amount: formatVnd(live.maxSupport) })
                  : null
              }
            />
            {proposal ? <ProposalFacts proposal={proposal} /> : null}
          </div>
        </Col>
      </Row>

      {/* The dossier checklist and uploads belong to the documents feature (web/features/documents). */}
      {proposal ? (
        <ProposalDocuments
          proposalId={proposal.id}
          requiredKinds={live?.requiredKinds ?? []}
          canUpload={proposal.abilities.edit}
        />
      ) : (
        <Card size="small" title={<h2 className="card-title">{t('proposals.sections.documents')}</h2>}>
          <Typography.Paragraph type="secondary">{t('proposals.detail.saveFirst')}</Typography.Paragraph>
        </Card>
      )}

      {proposal && IMPLEMENTED.includes(proposal.status) ? (
        <Suspense fallback={<Spin />}>
          <ImplementationSection proposal={proposal} />
        </Suspense>
      ) : null}

      {proposal ? (
        <>
          <ActionDialogs proposal={proposal} open={dialog} onClose={() => setDialog(null)} />
          {wizardOpen ? (
            <RegistrationWizard
              planYear={proposal.planYear}
              preselected={[proposal.id]}
              onClose={() => setWizardOpen(false)}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** Registration, base appraisal, deadlines and the history of a saved proposal. */
function ProposalFacts({ proposal }: { proposal: TProposalDetail }) {
  const { t } = useTranslation();
  const deadline = (d: { deadline: string; extended: boolean }) =>
    `${formatInstantVi(d.deadline)}${d.extended ? ` ${t('proposals.detail.extended')}` : ''}`;
  return (
    <>
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'org',
              label: t('proposals.implementingOrganization'),
              children: proposal.implementingOrganizationName,
            },
            {
              key: 'deadlines',
              label: t('cycles.countdown.next'),
              children: t('proposals.detail.deadlines', {
                registration: deadline(proposal.deadlines.registration),
                dossier: deadline(proposal.deadlines.dossier),
              }),
            },
            ...(proposal.registration
              ? [
                  {
                    key: 'registration',
                    label: t('proposals.detail.registration'),
                    children: t('proposals.detail.registrationValue', {
                      number: proposal.registration.letterNumber,
                      date: formatDateVi(proposal.registration.letterDate),
                    }),
                  },
                ]
              : []),
            ...(proposal.baseAppraisal
              ? [
                  {
                    key: 'appraisal',
                    label: t('proposals.detail.baseAppraisal'),
                    children: (
                      <>
                        <div>
                          {t(
                            `proposals.dialogs.${
                              proposal.baseAppraisal.result === 'pass'
                                ? 'pass'
                                : proposal.baseAppraisal.result === 'return'
                                  ? 'returnToUnit'
                                  : 'reject'
                            }`,
                          )}
                          {proposal.baseAppraisal.recommendedFunding !== null
                            ? ` · ${formatVnd(proposal.baseAppraisal.recommendedFunding)}`
                            : ''}
                        </div>
                        {proposal.baseAppraisal.comments ? (
                          <div>{proposal.baseAppraisal.comments}</div>
                        ) : null}
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={<h2 className="card-title">{t('proposals.sections.history')}</h2>}>
        {proposal.transitions.length === 0 ? (
          <Typography.Text type="secondary">{t('proposals.detail.historyEmpty')}</Typography.Text>
        ) : (
          <Timeline
            items={[...proposal.transitions].reverse().map((step, index) => ({
              key: `${step.at}-${index}`,
              content: (
                <>
                  <div>
                    <strong>
                      {t(`proposals.transitionNames.${step.action}` as 'proposals.transitionNames.submit', {
                        defaultValue: step.action,
                      })}
                    </strong>{' '}
                    · {formatInstantVi(step.at)}
                  </div>
                  {step.actorName ? (
                    <Typography.Text type="secondary">
                      {t('proposals.detail.by', { name: step.actorName })}
                    </Typography.Text>
                  ) : null}
                  {step.reason ? <div>{step.reason}</div> : null}
                  {step.dueDate ? <div>{formatDateVi(step.dueDate)}</div> : null}
                </>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
