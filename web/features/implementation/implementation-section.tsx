import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ADJUSTMENT_KIND_LABELS, type TAdjustmentKind } from '../../../domain/regulation/adjustments';
import { QueryError } from '../../components/query-error';
import { api, errorMessage } from '../../lib/api';
import { formatDateVi, formatInstantVi, formatVnd, useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { contentUrl, documentKeys, type TDocument, type TDocumentList } from '../documents/documents.api';
import type { TProposalDetail } from '../proposals/proposals.api';
import {
  photoUrl,
  type TImplementationPhoto,
  type TImplementationView,
  useCloseProposal,
  useImplementation,
} from './implementation.api';
import { ImplementationDialogs, type TStepDialog } from './implementation-dialogs';
import './implementation.css';
import './implementation.i18n';

/** Statuses from which the proposal has an implementation to show (approval on). */
export const IMPLEMENTATION_STATUSES = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'stopped',
  'carried_over',
];

type TStep = {
  key: string;
  /** Sort key: the instant the step was recorded. */
  at: string;
  title: string;
  when: string;
  color?: string;
  lines: ReactNode[];
  documents?: TDocument[];
  photos?: TImplementationPhoto[];
};

const sortKey = (value: string) => new Date(value).getTime();

/**
 * The implementation of an approved proposal on its page (issue #7): the whole course as one timeline
 * — every transition of the status machine with its actor, and the contract, advances, monthly
 * reports, adjustments, inspections, acceptance and settlement with their figures — each step with the
 * dossier documents uploaded at that step (audited downloads); the next actions as buttons from the
 * server's `abilities`. Its own chunk, loaded only for approved proposals.
 */
export default function ImplementationSection({ proposal }: { proposal: TProposalDetail }) {
  const { t } = useTranslation();
  const view = useImplementation(proposal.id);
  const documents = useQuery({
    queryKey: documentKeys.list(proposal.id),
    queryFn: ({ signal }) => api<TDocumentList>(`/proposals/${proposal.id}/documents`, { signal }),
  });
  const [dialog, setDialog] = useState<TStepDialog>(null);
  const [params, setParams] = useSearchParams();

  // `?report=YYYY-MM` (from "Báo cáo tháng cần nộp") opens the report form for that month at once.
  const reportMonth = params.get('report');
  useEffect(() => {
    if (reportMonth && view.data?.abilities.report) {
      setDialog({ kind: 'report', month: reportMonth });
      params.delete('report');
      setParams(params, { replace: true });
    }
  }, [reportMonth, view.data, params, setParams]);

  if (view.isPending) return <Spin />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={<h2 className="card-title">{t('implementation.sectionTitle')}</h2>}
    >
      <Summary view={view.data} />
      <NextActions view={view.data} proposal={proposal} onOpen={setDialog} />
      <h3 className="card-title" style={{ marginTop: 16 }}>
        {t('implementation.timelineTitle')}
      </h3>
      <CourseTimeline
        proposal={proposal}
        view={view.data}
        documents={documents.data?.history ?? []}
        onDecide={(id) => setDialog({ kind: 'decide', adjustmentId: id })}
      />
      <ImplementationDialogs view={view.data} open={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}

function Summary({ view }: { view: TImplementationView }) {
  const { t } = useTranslation();
  const latest = view.progressReports.at(-1);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'funding',
          label: t('implementation.summary.approvedFunding'),
          children: view.approvedFunding === null ? '—' : formatVnd(view.approvedFunding),
        },
        {
          key: 'advanced',
          label: t('implementation.summary.advanced'),
          children: formatVnd(view.advances.total),
        },
        {
          key: 'limit',
          label: t('implementation.summary.limit'),
          children: formatVnd(view.advances.limitBeforeAcceptance),
        },
        ...(view.advances.firstAdvance
          ? [
              {
                key: 'first',
                label: t('implementation.summary.firstAdvance', {
                  percent: view.advances.firstAdvance.percent,
                }),
                children: formatVnd(view.advances.firstAdvance.amount),
              },
            ]
          : []),
        {
          key: 'progress',
          label: t('implementation.summary.latestProgress'),
          children: latest ? `${latest.volumePercent} %` : '—',
        },
      ]}
    />
  );
}

function NextActions({
  view,
  proposal,
  onOpen,
}: {
  view: TImplementationView;
  proposal: TProposalDetail;
  onOpen: (dialog: TStepDialog) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const close = useCloseProposal();
  const navigate = useNavigate();
  const a = view.abilities;
  const buttons: ReactNode[] = [];
  if (a.contract)
    buttons.push(
      <Button key="contract" type="primary" onClick={() => onOpen({ kind: 'contract' })}>
        {t('implementation.actions.contract')}
      </Button>,
    );
  if (a.report)
    buttons.push(
      <Button key="report" type="primary" onClick={() => onOpen({ kind: 'report' })}>
        {t('implementation.actions.report')}
      </Button>,
    );
  if (a.advance)
    buttons.push(
      <Button key="advance" onClick={() => onOpen({ kind: 'advance' })}>
        {t('implementation.actions.advance')}
      </Button>,
    );
  if (a.requestAdjustment)
    buttons.push(
      <Button key="adjustment" onClick={() => onOpen({ kind: 'adjustment' })}>
        {t('implementation.actions.adjustment')}
      </Button>,
    );
  if (a.planInspection || a.recordInspection)
    buttons.push(
      <Button key="inspection" onClick={() => navigate(`/proposals/${proposal.id}/inspection`)}>
        {t('implementation.actions.inspection')}
      </Button>,
    );
  if (a.accept)
    buttons.push(
      <Button key="accept" type="primary" onClick={() => onOpen({ kind: 'accept' })}>
        {t('implementation.actions.accept')}
      </Button>,
    );
  if (a.settle)
    buttons.push(
      <Button key="settle" type="primary" onClick={() => onOpen({ kind: 'settle' })}>
        {t('implementation.actions.settle')}
      </Button>,
    );
  if (a.close)
    buttons.push(
      <Popconfirm
        key="close"
        title={t('implementation.actions.closeConfirm', { code: proposal.code })}
        okText={t('implementation.actions.close')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          close.mutate(
            { id: proposal.id },
            { onSuccess: () => void notify.success(t('implementation.actions.saved')) },
          )
        }
      >
        <Button loading={close.isPending}>{t('implementation.actions.close')}</Button>
      </Popconfirm>,
    );
  return (
    <section aria-label={t('implementation.nextActions')} style={{ marginTop: 8 }}>
      {close.error ? <Alert type="error" showIcon role="alert" title={errorMessage(close.error)} /> : null}
      {buttons.length > 0 ? (
        <Space wrap>{buttons}</Space>
      ) : (
        <Typography.Text type="secondary">{t('implementation.noActions')}</Typography.Text>
      )}
    </section>
  );
}

function CourseTimeline({
  proposal,
  view,
  documents,
  onDecide,
}: {
  proposal: TProposalDetail;
  view: TImplementationView;
  documents: TDocument[];
  onDecide: (adjustmentId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const steps = useMemo(() => {
    const out: TStep[] = [];
    const kindLabel = (kind: string) => ADJUSTMENT_KIND_LABELS[kind as TAdjustmentKind]?.[language] ?? kind;
    for (const [index, step] of proposal.transitions.entries()) {
      const lines: ReactNode[] = [];
      if (step.action === 'contract' && view.contract)
        lines.push(
          t('implementation.contractValue', {
            number: view.contract.number,
            date: formatDateVi(view.contract.signedOn),
            value: formatVnd(view.contract.value),
          }),
          t(`implementation.selection.${view.contract.selectionMethod as 'selection'}`),
        );
      if (step.action === 'accept' && view.acceptance)
        lines.push(
          t('implementation.acceptanceValue', {
            number: view.acceptance.minutesNumber,
            date: formatDateVi(view.acceptance.acceptedOn),
            result: t(`implementation.acceptanceResult.${view.acceptance.result as 'passed'}`),
          }),
        );
      if (step.action === 'settle' && view.settlement) {
        const s = view.settlement;
        lines.push(
          t('implementation.settlementValue', {
            settled: formatVnd(s.settledAmount),
            date: formatDateVi(s.settledOn),
            advanced: formatVnd(s.advancedTotal),
          }),
          <strong key="refund">
            {s.refundAmount > 0
              ? t('implementation.refund', { amount: formatVnd(s.refundAmount) })
              : t('implementation.noRefund')}
          </strong>,
        );
        if (s.late)
          lines.push(
            <Tag key="late" color="red">
              {t('implementation.settlementLate')}
            </Tag>,
          );
        if (s.pastLiquidationDeadline)
          lines.push(
            <Tag key="liq" color="red">
              {t('implementation.liquidationLate', { date: formatDateVi(s.liquidationDeadline) })}
            </Tag>,
          );
      }
      if (step.reason) lines.push(step.reason);
      if (step.actorName) lines.push(t('implementation.by', { name: step.actorName }));
      out.push({
        key: `t-${index}`,
        at: step.at,
        title: t(`implementation.steps.${step.action as 'register'}`, { defaultValue: step.action }),
        when: formatInstantVi(step.at),
        color: step.action === 'return' || step.action === 'stop' ? 'red' : 'blue',
        lines,
      });
    }
    for (const advance of view.advances.items) {
      out.push({
        key: `a-${advance.seq}`,
        at: advance.recordedAt,
        title: t('implementation.steps.advance', { seq: advance.seq }),
        when: formatDateVi(advance.paidOn),
        color: 'green',
        lines: [
          t('implementation.advanceValue', {
            amount: formatVnd(advance.amount),
            date: formatDateVi(advance.paidOn),
          }),
          t(`implementation.basis.${advance.basis as 'first'}`, { defaultValue: advance.basis }),
          ...(advance.note ? [advance.note] : []),
        ],
      });
    }
    for (const report of view.progressReports) {
      const [y, m] = report.month.split('-');
      out.push({
        key: `r-${report.month}`,
        at: report.submittedAt,
        title: t('implementation.steps.report', { month: `${m}/${y}` }),
        when: formatInstantVi(report.submittedAt),
        color: 'gray',
        photos: report.photos,
        lines: [
          t('implementation.reportValue', {
            percent: report.volumePercent,
            money: formatVnd(report.moneySpent),
          }),
          ...(report.problems ? [t('implementation.problems', { text: report.problems })] : []),
        ],
      });
    }
    for (const adjustment of view.adjustments) {
      const changes = adjustment.changes as { newApprovedFunding?: number; description?: string };
      out.push({
        key: `j-${adjustment.id}`,
        at: adjustment.requestedAt,
        title: t('implementation.steps.adjustmentRequested', { kind: kindLabel(adjustment.kind) }),
        when: formatInstantVi(adjustment.requestedAt),
        color: 'orange',
        lines: [
          adjustment.reason,
          ...(changes.newApprovedFunding !== undefined
            ? [t('implementation.newFunding', { amount: formatVnd(changes.newApprovedFunding) })]
            : []),
          ...(changes.description ? [changes.description] : []),
          t('implementation.requiredAuthority', {
            authority: t(`implementation.authority.${adjustment.requiredAuthority}`),
          }),
          <Tag key="status" color={adjustment.status === 'requested' ? 'gold' : undefined}>
            {t(`implementation.adjustmentStatus.${adjustment.status as 'requested'}`)}
          </Tag>,
          ...(adjustment.decidable
            ? [
                <Button key="decide" size="small" onClick={() => onDecide(adjustment.id)}>
                  {t('implementation.actions.decide')}
                </Button>,
              ]
            : []),
        ],
      });
      if (adjustment.decidedAt)
        out.push({
          key: `jd-${adjustment.id}`,
          at: adjustment.decidedAt,
          title: t('implementation.steps.adjustmentDecided', { kind: kindLabel(adjustment.kind) }),
          when: formatInstantVi(adjustment.decidedAt),
          color: adjustment.status === 'approved' ? 'green' : 'red',
          lines: [
            t('implementation.decision', {
              number: adjustment.decisionNumber ?? '',
              result: t(`implementation.adjustmentStatus.${adjustment.status as 'approved'}`),
            }),
            ...(adjustment.decisionNote ? [adjustment.decisionNote] : []),
          ],
        });
    }
    for (const inspection of view.inspections) {
      const date = inspection.doneOn ?? inspection.plannedOn;
      out.push({
        key: `i-${inspection.id}`,
        at: inspection.recordedAt,
        title: t(
          inspection.doneOn
            ? 'implementation.steps.inspectionDone'
            : 'implementation.steps.inspectionPlanned',
          {
            date: formatDateVi(date),
          },
        ),
        when: formatDateVi(date),
        color: inspection.doneOn ? 'green' : 'gray',
        photos: inspection.photos,
        lines: [
          ...(inspection.team.length > 0
            ? [t('implementation.team', { names: inspection.team.join('; ') })]
            : []),
          ...(inspection.findings ? [t('implementation.findings', { text: inspection.findings })] : []),
          ...inspection.followUps.map((f) =>
            f.dueOn
              ? t('implementation.followUp', { action: f.action, date: formatDateVi(f.dueOn) })
              : t('implementation.followUpNoDate', { action: f.action }),
          ),
        ],
      });
    }
    out.sort((x, y) => sortKey(x.at) - sortKey(y.at));
    // Each document belongs to the step during which it was uploaded (the last step before it), the
    // ones uploaded before the first step to that first step.
    const transitionSteps = out.filter((s) => s.key.startsWith('t-'));
    for (const document of documents) {
      const uploaded = sortKey(document.uploadedAt);
      const owner =
        [...transitionSteps].reverse().find((s) => sortKey(s.at) <= uploaded) ?? transitionSteps[0];
      if (owner) owner.documents = [...(owner.documents ?? []), document];
    }
    return out;
  }, [proposal.transitions, view, documents, t, language, onDecide]);

  return (
    <Timeline
      items={steps.map((step) => ({
        key: step.key,
        color: step.color,
        content: (
          <div data-step={step.key}>
            <div>
              <strong>{step.title}</strong> · {step.when}
            </div>
            {step.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one step never reorder
              <div key={index}>{line}</div>
            ))}
            {step.photos && step.photos.length > 0 ? (
              <div className="kc-impl-docs">
                <Typography.Text type="secondary">{t('implementation.photos')}:</Typography.Text>{' '}
                <Space wrap size={[12, 0]}>
                  {step.photos.map((p) => (
                    <a
                      key={p.id}
                      href={photoUrl(p.id)}
                      aria-label={t('implementation.photo', { name: p.fileName })}
                    >
                      {p.fileName}
                    </a>
                  ))}
                </Space>
              </div>
            ) : null}
            {step.documents && step.documents.length > 0 ? (
              <div className="kc-impl-docs">
                <Typography.Text type="secondary">{t('implementation.documents')}:</Typography.Text>{' '}
                <Space wrap size={[12, 0]}>
                  {step.documents.map((d) => (
                    <a
                      key={d.id}
                      href={contentUrl(d.id)}
                      aria-label={t('implementation.download', { name: d.fileName })}
                    >
                      {d.fileName}
                      {d.version > 1 ? ` (v${d.version})` : ''}
                    </a>
                  ))}
                </Space>
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
