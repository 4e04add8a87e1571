import { Alert, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { useNotify } from '../../lib/notify';
import { VndNumberInput } from './inputs';
import {
  type TProposalDetail,
  useBaseAppraisal,
  useReturnProposal,
  useWithdrawProposal,
} from './proposals.api';

export type TDialog = 'appraise' | 'return' | 'withdraw' | null;

/** The workflow dialogs that need an answer: base appraisal, return for supplement, withdrawal. */
export function ActionDialogs({
  proposal,
  open,
  onClose,
}: {
  proposal: TProposalDetail;
  open: TDialog;
  onClose: () => void;
}) {
  return (
    <>
      {open === 'appraise' ? <AppraiseDialog proposal={proposal} onClose={onClose} /> : null}
      {open === 'return' ? <ReturnDialog proposal={proposal} onClose={onClose} /> : null}
      {open === 'withdraw' ? <WithdrawDialog proposal={proposal} onClose={onClose} /> : null}
    </>
  );
}

function AppraiseDialog({ proposal, onClose }: { proposal: TProposalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const mutation = useBaseAppraisal();
  const [form] = Form.useForm<{
    result: 'pass' | 'return' | 'reject';
    comments?: string;
    recommendedFunding?: number;
  }>();
  const result = Form.useWatch('result', form);
  const onOk = async () => {
    const values = await form.validateFields();
    mutation.mutate(
      {
        id: proposal.id,
        input: {
          result: values.result,
          ...(values.comments?.trim() ? { comments: values.comments.trim() } : {}),
          ...(values.result === 'pass' && typeof values.recommendedFunding === 'number'
            ? { recommendedFunding: values.recommendedFunding }
            : {}),
        },
      },
      {
        onSuccess: () => {
          void notify.success(t('proposals.actions.appraised'));
          onClose();
        },
      },
    );
  };
  return (
    <ActionModal
      title={t('proposals.dialogs.appraiseTitle', { code: proposal.code })}
      okText={t('proposals.dialogs.confirm')}
      isPending={mutation.isPending}
      error={mutation.isError ? mutation.error : null}
      onOk={() => void onOk()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: 'pass', recommendedFunding: proposal.budget.requested }}
      >
        <Form.Item name="result" label={t('proposals.dialogs.result')}>
          <Radio.Group
            options={[
              { value: 'pass', label: t('proposals.dialogs.pass') },
              { value: 'return', label: t('proposals.dialogs.returnToUnit') },
              { value: 'reject', label: t('proposals.dialogs.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comments"
          label={t('proposals.dialogs.comments')}
          rules={
            result && result !== 'pass'
              ? [{ required: true, whitespace: true, message: t('proposals.dialogs.commentsRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {result === 'pass' ? (
          <Form.Item
            name="recommendedFunding"
            label={t('proposals.dialogs.recommendedFunding')}
            extra={t('proposals.dialogs.recommendedHelp')}
          >
            <VndNumberInput />
          </Form.Item>
        ) : null}
      </Form>
    </ActionModal>
  );
}

function ReturnDialog({ proposal, onClose }: { proposal: TProposalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const mutation = useReturnProposal();
  const [form] = Form.useForm<{ reason: string; dueDate: Dayjs }>();
  const onOk = async () => {
    const values = await form.validateFields();
    mutation.mutate(
      {
        id: proposal.id,
        input: { reason: values.reason.trim(), dueDate: values.dueDate.format('YYYY-MM-DD') },
      },
      {
        onSuccess: () => {
          void notify.success(t('proposals.actions.returned', { code: proposal.code }));
          onClose();
        },
      },
    );
  };
  return (
    <ActionModal
      title={t('proposals.dialogs.returnTitle', { code: proposal.code })}
      okText={t('proposals.actions.return')}
      isPending={mutation.isPending}
      error={mutation.isError ? mutation.error : null}
      onOk={() => void onOk()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ dueDate: dayjs().add(14, 'day') }}>
        <Form.Item
          name="reason"
          label={t('proposals.dialogs.reason')}
          rules={[{ required: true, whitespace: true, message: t('proposals.dialogs.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('proposals.dialogs.dueDate')}
          rules={[{ required: true, message: t('proposals.dialogs.dueDateRequired') }]}
        >
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

function WithdrawDialog({ proposal, onClose }: { proposal: TProposalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const mutation = useWithdrawProposal();
  const [form] = Form.useForm<{ reason: string }>();
  const onOk = async () => {
    const values = await form.validateFields();
    mutation.mutate(
      { id: proposal.id, input: { reason: values.reason.trim() } },
      {
        onSuccess: () => {
          void notify.success(t('proposals.actions.withdrawn', { code: proposal.code }));
          onClose();
        },
      },
    );
  };
  return (
    <ActionModal
      title={t('proposals.dialogs.withdrawTitle', { code: proposal.code })}
      okText={t('proposals.actions.withdraw')}
      danger
      intro={<Typography.Paragraph>{t('proposals.dialogs.withdrawHelp')}</Typography.Paragraph>}
      isPending={mutation.isPending}
      error={mutation.isError ? mutation.error : null}
      onOk={() => void onOk()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('proposals.dialogs.reason')}
          rules={[{ required: true, whitespace: true, message: t('proposals.dialogs.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** The modal every workflow action uses: title, confirm/cancel, an optional intro, the server's refusal. */
function ActionModal(props: {
  title: string;
  okText: string;
  danger?: boolean;
  intro?: ReactNode;
  isPending: boolean;
  error: unknown;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      {...(props.danger ? { okButtonProps: { danger: true } } : {})}
      cancelText={t('common.cancel')}
      confirmLoading={props.isPending}
      onOk={props.onOk}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.intro}
      {props.error ? (
        <Alert type="error" showIcon title={errorMessage(props.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {props.children}
    </Modal>
  );
}
