import { useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_KINDS,
  type TAdjustmentKind,
} from '../../../domain/regulation/adjustments';
import { errorMessage } from '../../lib/api';
import { formatVnd, todayVn, useLanguage } from '../../lib/format';
import { applyFieldErrors, hasFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { VndNumberInput } from '../proposals/inputs';
import {
  implementationKeys,
  type TImplementationView,
  uploadPhoto,
  useDecideAdjustment,
  useRecordAcceptance,
  useRecordAdvance,
  useRecordSettlement,
  useRequestAdjustment,
  useSignContract,
  useSubmitReport,
} from './implementation.api';
import type { TImplementationMessages } from './implementation.i18n';

export type TStepDialog =
  | null
  | { kind: 'contract' }
  | { kind: 'advance' }
  | { kind: 'report'; month?: string }
  | { kind: 'adjustment' }
  | { kind: 'decide'; adjustmentId: string }
  | { kind: 'accept' }
  | { kind: 'settle' };

const isoDate = (value: Dayjs) => value.format('YYYY-MM-DD');
const today = () => dayjs(todayVn());

/** The forms of the implementation steps, one modal at a time. */
export function ImplementationDialogs({
  view,
  open,
  onClose,
}: {
  view: TImplementationView;
  open: TStepDialog;
  onClose: () => void;
}) {
  if (!open) return null;
  switch (open.kind) {
    case 'contract':
      return <ContractDialog view={view} onClose={onClose} />;
    case 'advance':
      return <AdvanceDialog view={view} onClose={onClose} />;
    case 'report':
      return <ReportDialog view={view} month={open.month} onClose={onClose} />;
    case 'adjustment':
      return <AdjustmentDialog view={view} onClose={onClose} />;
    case 'decide':
      return <DecideDialog adjustmentId={open.adjustmentId} onClose={onClose} />;
    case 'accept':
      return <AcceptDialog view={view} onClose={onClose} />;
    case 'settle':
      return <SettleDialog view={view} onClose={onClose} />;
  }
}

/** One step's modal: the form, the server's refusal above it (field errors go under their inputs). */
function StepModal<T extends object>(props: {
  title: string;
  form: ReturnType<typeof Form.useForm<T>>[0];
  fields: readonly string[];
  initialValues?: Partial<T>;
  mutation: { isPending: boolean; error: unknown; reset: () => void };
  onSubmit: (values: T) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { error } = props.mutation;
  return (
    <Modal
      open
      title={props.title}
      okText={t('implementation.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={props.mutation.isPending}
      onCancel={props.onClose}
      onOk={() => void props.form.validateFields().then(props.onSubmit)}
      destroyOnHidden
    >
      {error && !hasFieldErrors(error, props.fields) ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<T>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues as never}
        onValuesChange={() => {
          if (props.mutation.error) props.mutation.reset();
        }}
      >
        {props.children}
      </Form>
    </Modal>
  );
}

function useDone(onClose: () => void) {
  const { t } = useTranslation();
  const notify = useNotify();
  return () => {
    void notify.success(t('implementation.actions.saved'));
    onClose();
  };
}

function required(t: TFunction, field: keyof TImplementationMessages['form']) {
  return [
    {
      required: true,
      message: t('implementation.form.required', { field: t(`implementation.form.${field}`).toLowerCase() }),
    },
  ];
}

type TContractValues = {
  number: string;
  signedOn: Dayjs;
  value: number;
  selectionMethod: 'selection' | 'bidding';
};
function ContractDialog({ view, onClose }: { view: TImplementationView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TContractValues>();
  const sign = useSignContract();
  const done = useDone(onClose);
  const fields = ['number', 'signedOn', 'value', 'selectionMethod'];
  return (
    <StepModal<TContractValues>
      title={t('implementation.actions.contract')}
      form={form}
      fields={fields}
      initialValues={{ signedOn: today(), selectionMethod: 'selection' }}
      mutation={sign}
      onClose={onClose}
      onSubmit={(v) =>
        sign.mutate(
          { id: view.proposalId, body: { ...v, signedOn: isoDate(v.signedOn) } },
          { onSuccess: done, onError: (e) => applyFieldErrors(form, e, fields) },
        )
      }
    >
      <Form.Item name="number" label={t('implementation.form.number')} rules={required(t, 'number')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('implementation.form.signedOn')} rules={required(t, 'signedOn')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="value" label={t('implementation.form.value')} rules={required(t, 'value')}>
        <VndNumberInput />
      </Form.Item>
      <Form.Item name="selectionMethod" label={t('implementation.form.selectionMethod')}>
        <Radio.Group
          options={[
            { value: 'selection', label: t('implementation.selection.selection') },
            { value: 'bidding', label: t('implementation.selection.bidding') },
          ]}
        />
      </Form.Item>
    </StepModal>
  );
}

type TAdvanceValues = { amount: number; paidOn: Dayjs; note?: string };
function AdvanceDialog({ view, onClose }: { view: TImplementationView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TAdvanceValues>();
  const record = useRecordAdvance();
  const done = useDone(onClose);
  const fields = ['amount', 'paidOn', 'note'];
  return (
    <StepModal<TAdvanceValues>
      title={t('implementation.actions.advance')}
      form={form}
      fields={fields}
      initialValues={{ paidOn: today() }}
      mutation={record}
      onClose={onClose}
      onSubmit={(v) =>
        record.mutate(
          {
            id: view.proposalId,
            body: { amount: v.amount, paidOn: isoDate(v.paidOn), ...(v.note ? { note: v.note } : {}) },
          },
          { onSuccess: done, onError: (e) => applyFieldErrors(form, e, fields) },
        )
      }
    >
      <p>
        {t('implementation.summary.advanced')}: {formatVnd(view.advances.total)} ·{' '}
        {t('implementation.summary.limit')}: {formatVnd(view.advances.limitBeforeAcceptance)}
      </p>
      <Form.Item name="amount" label={t('implementation.form.amount')} rules={required(t, 'amount')}>
        <VndNumberInput />
      </Form.Item>
      <Form.Item name="paidOn" label={t('implementation.form.paidOn')} rules={required(t, 'paidOn')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('implementation.form.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </StepModal>
  );
}

type TReportValues = { month: Dayjs; volumePercent: number; moneySpent: number; problems?: string };
function ReportDialog({
  view,
  month,
  onClose,
}: {
  view: TImplementationView;
  month?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TReportValues>();
  const submit = useSubmitReport();
  const done = useDone(onClose);
  const queryClient = useQueryClient();
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoError, setPhotoError] = useState<unknown>(null);
  const fields = ['month', 'volumePercent', 'moneySpent', 'problems'];
  const initialMonth = month && /^\d{4}-\d{2}$/.test(month) ? dayjs(`${month}-01`) : today().startOf('month');
  return (
    <StepModal<TReportValues>
      title={t('implementation.actions.report')}
      form={form}
      fields={fields}
      initialValues={{ month: initialMonth, volumePercent: view.progressReports.at(-1)?.volumePercent ?? 0 }}
      mutation={submit}
      onClose={onClose}
      onSubmit={(v) =>
        submit.mutate(
          {
            id: view.proposalId,
            body: {
              month: v.month.format('YYYY-MM'),
              volumePercent: v.volumePercent,
              moneySpent: v.moneySpent,
              ...(v.problems ? { problems: v.problems } : {}),
            },
          },
          {
            onSuccess: async (_view, input) => {
              // The report is saved; its photos follow, one picture a request.
              try {
                for (const file of photos)
                  await uploadPhoto(
                    `/proposals/${encodeURIComponent(view.proposalId)}/progress-reports/${input.body.month}/photos`,
                    file,
                  );
                await queryClient.invalidateQueries({ queryKey: implementationKeys.view(view.proposalId) });
                done();
              } catch (error) {
                setPhotoError(error);
              }
            },
            onError: (e) => applyFieldErrors(form, e, fields),
          },
        )
      }
    >
      {photoError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(photoError)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item name="month" label={t('implementation.form.month')} rules={required(t, 'month')}>
        <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="volumePercent"
        label={t('implementation.form.volumePercent')}
        rules={required(t, 'volumePercent')}
      >
        <InputNumber min={0} max={100} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="moneySpent"
        label={t('implementation.form.moneySpent')}
        rules={required(t, 'moneySpent')}
      >
        <VndNumberInput />
      </Form.Item>
      <Form.Item name="problems" label={t('implementation.form.problems')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <label htmlFor="report-photos" style={{ display: 'block', marginBottom: 8 }}>
        {t('implementation.reportPhotos')}
      </label>
      <input
        id="report-photos"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ maxWidth: '100%' }}
        onChange={(event) => setPhotos([...(event.target.files ?? [])])}
      />
    </StepModal>
  );
}

type TAdjustmentValues = {
  kind: TAdjustmentKind;
  reason: string;
  newApprovedFunding?: number;
  description?: string;
};
function AdjustmentDialog({ view, onClose }: { view: TImplementationView; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<TAdjustmentValues>();
  const request = useRequestAdjustment();
  const done = useDone(onClose);
  const kind = Form.useWatch('kind', form);
  const fields = ['kind', 'reason', 'newApprovedFunding', 'description'];
  const money = kind === 'funding_increase' || kind === 'decrease';
  return (
    <StepModal<TAdjustmentValues>
      title={t('implementation.actions.adjustment')}
      form={form}
      fields={fields}
      mutation={request}
      onClose={onClose}
      onSubmit={(v) =>
        request.mutate(
          {
            id: view.proposalId,
            body: {
              kind: v.kind,
              reason: v.reason,
              ...(money && v.newApprovedFunding !== undefined
                ? { newApprovedFunding: v.newApprovedFunding }
                : {}),
              ...(v.description ? { description: v.description } : {}),
            },
          },
          { onSuccess: done, onError: (e) => applyFieldErrors(form, e, fields) },
        )
      }
    >
      <Form.Item name="kind" label={t('implementation.form.kind')} rules={required(t, 'kind')}>
        <Select
          options={ADJUSTMENT_KINDS.map((k) => ({ value: k, label: ADJUSTMENT_KIND_LABELS[k][language] }))}
        />
      </Form.Item>
      {money ? (
        <Form.Item
          name="newApprovedFunding"
          label={t('implementation.form.newApprovedFunding')}
          rules={required(t, 'newApprovedFunding')}
        >
          <VndNumberInput />
        </Form.Item>
      ) : (
        <Form.Item name="description" label={t('implementation.form.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('implementation.form.reason')} rules={required(t, 'reason')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </StepModal>
  );
}

type TDecideValues = { result: 'approved' | 'rejected'; decisionNumber: string; note?: string };
function DecideDialog({ adjustmentId, onClose }: { adjustmentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TDecideValues>();
  const decide = useDecideAdjustment();
  const done = useDone(onClose);
  const fields = ['result', 'decisionNumber', 'note'];
  return (
    <StepModal<TDecideValues>
      title={t('implementation.actions.decide')}
      form={form}
      fields={fields}
      initialValues={{ result: 'approved' }}
      mutation={decide}
      onClose={onClose}
      onSubmit={(v) =>
        decide.mutate(
          {
            id: adjustmentId,
            body: { result: v.result, decisionNumber: v.decisionNumber, ...(v.note ? { note: v.note } : {}) },
          },
          { onSuccess: done, onError: (e) => applyFieldErrors(form, e, fields) },
        )
      }
    >
      <Form.Item name="result" label={t('implementation.form.result')}>
        <Radio.Group
          options={[
            { value: 'approved', label: t('implementation.form.approved') },
            { value: 'rejected', label: t('implementation.form.rejected') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="decisionNumber"
        label={t('implementation.form.decisionNumber')}
        rules={required(t, 'decisionNumber')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('implementation.form.note')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </StepModal>
  );
}

type TAcceptValues = { minutesNumber: string; result: 'passed' | 'passed_with_remarks'; acceptedOn: Dayjs };
function AcceptDialog({ view, onClose }: { view: TImplementationView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TAcceptValues>();
  const accept = useRecordAcceptance();
  const done = useDone(onClose);
  const fields = ['minutesNumber', 'result', 'acceptedOn'];
  return (
    <StepModal<TAcceptValues>
      title={t('implementation.actions.accept')}
      form={form}
      fields={fields}
      initialValues={{ result: 'passed', acceptedOn: today() }}
      mutation={accept}
      onClose={onClose}
      onSubmit={(v) =>
        accept.mutate(
          { id: view.proposalId, body: { ...v, acceptedOn: isoDate(v.acceptedOn) } },
          { onSuccess: done, onError: (e) => applyFieldErrors(form, e, fields) },
        )
      }
    >
      <Form.Item
        name="minutesNumber"
        label={t('implementation.form.minutesNumber')}
        rules={required(t, 'minutesNumber')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="result" label={t('implementation.form.result')}>
        <Radio.Group
          options={[
            { value: 'passed', label: t('implementation.acceptanceResult.passed') },
            { value: 'passed_with_remarks', label: t('implementation.acceptanceResult.passed_with_remarks') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="acceptedOn"
        label={t('implementation.form.acceptedOn')}
        rules={required(t, 'acceptedOn')}
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
    </StepModal>
  );
}

type TSettleValues = { settledAmount: number; settledOn: Dayjs };
function SettleDialog({ view, onClose }: { view: TImplementationView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TSettleValues>();
  const settle = useRecordSettlement();
  const done = useDone(onClose);
  const amount = Form.useWatch('settledAmount', form);
  const fields = ['settledAmount', 'settledOn'];
  return (
    <StepModal<TSettleValues>
      title={t('implementation.actions.settle')}
      form={form}
      fields={fields}
      initialValues={{ settledOn: today() }}
      mutation={settle}
      onClose={onClose}
      onSubmit={(v) =>
        settle.mutate(
          { id: view.proposalId, body: { settledAmount: v.settledAmount, settledOn: isoDate(v.settledOn) } },
          { onSuccess: done, onError: (e) => applyFieldErrors(form, e, fields) },
        )
      }
    >
      <Form.Item
        name="settledAmount"
        label={t('implementation.form.settledAmount')}
        rules={required(t, 'settledAmount')}
      >
        <VndNumberInput />
      </Form.Item>
      {/* A preview only: the server computes and records the refund. */}
      <p aria-live="polite">
        {t('implementation.form.refundPreview', {
          advanced: formatVnd(view.advances.total),
          refund: formatVnd(Math.max(0, view.advances.total - (typeof amount === 'number' ? amount : 0))),
        })}
      </p>
      <Form.Item name="settledOn" label={t('implementation.form.settledOn')} rules={required(t, 'settledOn')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
    </StepModal>
  );
}
