import { Alert, Button, DatePicker, Form, Input, List, Modal, Space, Steps, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../lib/api';
import { formatInstantVi, formatVnd, useLanguage } from '../../lib/format';
import { useNotify } from '../../lib/notify';
import { useCycle } from '../cycles/cycles.api';
import { activityLabel } from './labels';
import { type TProposal, useProposals, useRegisterProposals } from './proposals.api';

/**
 * The registration report (báo cáo đăng ký kế hoạch) in three steps: pick the drafts the caller may
 * register → the letter's number and date → confirm. All or nothing on the server.
 */
export function RegistrationWizard({
  planYear,
  preselected,
  onClose,
}: {
  planYear: number;
  preselected?: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useNotify();
  const [step, setStep] = useState(0);
  const [selected, setSelected] = useState<string[]>(preselected ?? []);
  const [letter, setLetter] = useState<{ letterNumber: string; letterDate: Dayjs } | null>(null);
  const [form] = Form.useForm<{ letterNumber: string; letterDate: Dayjs }>();
  const cycle = useCycle(planYear);
  const drafts = useProposals({ planYear, status: ['draft'], page: 1, pageSize: 500, sort: 'code' });
  const register = useRegisterProposals();

  const registrable = useMemo(
    () => (drafts.data?.items ?? []).filter((p) => p.abilities.register),
    [drafts.data],
  );
  const chosen = registrable.filter((p) => selected.includes(p.id));
  const totalRequested = chosen.reduce((sum, p) => sum + p.budget.requested, 0);
  const deadline = cycle.data?.myDeadlines.registration;

  const send = () => {
    if (!letter) return;
    register.mutate(
      {
        planYear,
        proposalIds: chosen.map((p) => p.id),
        letterNumber: letter.letterNumber.trim(),
        letterDate: letter.letterDate.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void notify.success(
            t('proposals.wizard.done', { count: chosen.length, number: letter.letterNumber }),
          );
          onClose();
        },
      },
    );
  };

  const footer = (
    <Space>
      <Button onClick={step === 0 ? onClose : () => setStep(step - 1)}>
        {step === 0 ? t('common.cancel') : t('proposals.wizard.back')}
      </Button>
      {step === 0 ? (
        <Button type="primary" disabled={chosen.length === 0} onClick={() => setStep(1)}>
          {t('proposals.wizard.next')}
        </Button>
      ) : null}
      {step === 1 ? (
        <Button
          type="primary"
          onClick={() =>
            void form.validateFields().then((values) => {
              setLetter(values);
              setStep(2);
            })
          }
        >
          {t('proposals.wizard.next')}
        </Button>
      ) : null}
      {step === 2 ? (
        <Button type="primary" loading={register.isPending} onClick={send}>
          {t('proposals.wizard.send')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Modal
      open
      width={900}
      title={t('proposals.wizard.title', { year: planYear })}
      footer={footer}
      onCancel={onClose}
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('proposals.wizard.stepPick') },
          { title: t('proposals.wizard.stepLetter') },
          { title: t('proposals.wizard.stepConfirm') },
        ]}
      />
      {deadline ? (
        <Typography.Paragraph>
          {t('proposals.wizard.deadline', { deadline: formatInstantVi(deadline.deadline) })}
          {deadline.extended ? ` ${t('proposals.detail.extended')}` : ''}
        </Typography.Paragraph>
      ) : null}
      {register.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorMessage(register.error)}
          description={
            isApiError(register.error) && register.error.errors.length > 0 ? (
              <List
                size="small"
                dataSource={register.error.errors}
                renderItem={(e) => <List.Item>{e.message}</List.Item>}
              />
            ) : undefined
          }
        />
      ) : null}

      {step === 0 ? (
        <>
          <Typography.Paragraph type="secondary">{t('proposals.wizard.pickHelp')}</Typography.Paragraph>
          <Table<TProposal>
            rowKey="id"
            size="small"
            loading={drafts.isFetching}
            dataSource={registrable}
            pagination={false}
            scroll={{ y: 360 }}
            locale={{ emptyText: t('proposals.wizard.noDrafts') }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (p) => ({ 'aria-label': p.code }),
            }}
            columns={[
              { title: t('proposals.code'), dataIndex: 'code', width: 170 },
              { title: t('proposals.name'), dataIndex: 'title' },
              {
                title: t('proposals.activityType'),
                dataIndex: 'activityType',
                render: (code: string) => activityLabel(code, language),
              },
              {
                title: t('proposals.requested'),
                key: 'requested',
                align: 'right',
                render: (_: unknown, p) => formatVnd(p.budget.requested),
              },
            ]}
          />
          <Typography.Paragraph strong style={{ marginTop: 12 }}>
            {t('proposals.wizard.selected', { count: chosen.length, amount: formatVnd(totalRequested) })}
          </Typography.Paragraph>
        </>
      ) : null}

      {step === 1 ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={letter ?? { letterDate: dayjs() }}
          style={{ maxWidth: 420 }}
        >
          <Form.Item
            name="letterNumber"
            label={t('proposals.wizard.letterNumber')}
            rules={[
              { required: true, whitespace: true, message: t('proposals.wizard.letterNumberRequired') },
            ]}
          >
            <Input maxLength={100} placeholder="123/SCT-QLCN" />
          </Form.Item>
          <Form.Item
            name="letterDate"
            label={t('proposals.wizard.letterDate')}
            rules={[{ required: true, message: t('proposals.wizard.letterDateRequired') }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('proposals.wizard.letterHint')}</Typography.Paragraph>
        </Form>
      ) : null}

      {step === 2 && letter ? (
        <>
          <Typography.Paragraph>
            {t('proposals.detail.registrationValue', {
              number: letter.letterNumber,
              date: letter.letterDate.format('DD/MM/YYYY'),
            })}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={chosen}
            renderItem={(p) => (
              <List.Item>
                <span>
                  <strong>{p.code}</strong> — {p.title}
                </span>
                <span>{formatVnd(p.budget.requested)}</span>
              </List.Item>
            )}
          />
          <Typography.Paragraph strong style={{ marginTop: 12 }}>
            {t('proposals.wizard.selected', { count: chosen.length, amount: formatVnd(totalRequested) })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('proposals.wizard.confirmHelp')}</Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
