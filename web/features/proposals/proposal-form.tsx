import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { formatVnd, percentOf } from '../../../domain/lib/money';
import type { TRegulationSet } from '../../../domain/regulation';
import type { TOrientation } from '../../../domain/schemas/cycles';
import { useLanguage } from '../../lib/format';
import { matchesOption } from '../organizations/organization-form-drawer';
import type { TProposalFormValues } from './form-model';
import { VndNumberInput } from './inputs';
import { activityOptions, beneficiaryKindOptions } from './labels';
import { TypedFields } from './typed-fields';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Card size="small" title={<h2 className="card-title">{title}</h2>} style={{ marginBottom: 16 }}>
    {children}
  </Card>
);

/** The live shares of the budget under each amount: requested / total, counterpart / total… */
function ShareHint({
  form,
  field,
}: {
  form: FormInstance<TProposalFormValues>;
  field: 'requested' | 'counterpart' | 'other';
}) {
  const { t } = useTranslation();
  const total = Form.useWatch(['budget', 'total'], form) as number | null | undefined;
  const part = Form.useWatch(['budget', field], form) as number | null | undefined;
  if (!total || typeof part !== 'number') return null;
  return (
    <span>{t('proposals.fields.share', { percent: percentOf(part, total).toLocaleString('vi-VN') })}</span>
  );
}

function SumHint({ form }: { form: FormInstance<TProposalFormValues> }) {
  const { t } = useTranslation();
  const budget = (Form.useWatch('budget', form) ?? {}) as TProposalFormValues['budget'];
  const n = (v: number | null | undefined) => (typeof v === 'number' ? v : 0);
  const sum = n(budget?.requested) + n(budget?.counterpart) + n(budget?.other);
  const total = n(budget?.total);
  if (sum === 0 && total === 0) return null;
  return sum === total ? (
    <Typography.Text type="secondary">{t('proposals.fields.sum', { sum: formatVnd(sum) })}</Typography.Text>
  ) : (
    <Typography.Text type="danger">
      {t('proposals.fields.sumMismatch', { sum: formatVnd(sum), total: formatVnd(total) })}
    </Typography.Text>
  );
}

/**
 * The proposal form in sections — general, beneficiary, location, duration, budget with live shares,
 * the activity's typed fields, priority flags, orientations, expected outputs. Disabled as a whole when
 * the proposal's abilities do not include `edit`.
 */
export function ProposalForm({
  form,
  set,
  orientations,
  disabled,
  isNew,
  organizationOptions,
  needsProvince,
  provinceOptions,
  maxSupportAmount,
}: {
  form: FormInstance<TProposalFormValues>;
  set: TRegulationSet | undefined;
  orientations: readonly TOrientation[];
  disabled: boolean;
  isNew: boolean;
  organizationOptions: { value: string; label: string }[];
  needsProvince: boolean;
  provinceOptions: { value: string; label: string }[];
  maxSupportAmount: number | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityType = (Form.useWatch('activityType', form) ?? 'demonstration_model') as TActivityType;
  const activityCodes = set?.activityTypes ?? [activityType];

  return (
    <>
      <Section title={t('proposals.sections.general')}>
        <Form.Item
          name="title"
          label={t('proposals.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('proposals.fields.titleRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="activityType"
              label={t('proposals.fields.activityType')}
              rules={[{ required: true }]}
            >
              <Select
                showSearch={{ filterOption: matchesOption }}
                options={activityOptions(activityCodes, language)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="implementingOrganizationId"
              label={t('proposals.fields.implementingOrganization')}
              rules={[{ required: true, message: t('proposals.fields.implementingRequired') }]}
            >
              <Select
                showSearch={{ filterOption: matchesOption }}
                options={organizationOptions}
                disabled={!isNew}
              />
            </Form.Item>
          </Col>
          {needsProvince ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="provinceCode"
                label={t('proposals.fields.province')}
                extra={t('proposals.fields.provinceHelp')}
                rules={[{ required: true }]}
              >
                <Select
                  showSearch={{ filterOption: matchesOption }}
                  options={provinceOptions}
                  disabled={!isNew}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="selectionMethod" label={t('proposals.fields.selectionMethod')}>
              <Select
                allowClear
                options={[
                  { value: 'selection', label: t('proposals.fields.selection') },
                  { value: 'bidding', label: t('proposals.fields.bidding') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Space size="large" wrap>
          <Form.Item name="isPilot" valuePropName="checked" extra={t('proposals.fields.isPilotHelp')}>
            <Checkbox>{t('proposals.fields.isPilot')}</Checkbox>
          </Form.Item>
          <Form.Item name="isGroupProject" valuePropName="checked">
            <Checkbox>{t('proposals.fields.isGroupProject')}</Checkbox>
          </Form.Item>
        </Space>
      </Section>

      <Section title={t('proposals.sections.beneficiary')}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name={['beneficiary', 'name']} label={t('proposals.fields.beneficiaryName')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name={['beneficiary', 'taxCode']} label={t('proposals.fields.beneficiaryTaxCode')}>
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name={['beneficiary', 'address']} label={t('proposals.fields.beneficiaryAddress')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name={['beneficiary', 'kind']} label={t('proposals.fields.beneficiaryKind')}>
              <Select allowClear options={beneficiaryKindOptions(language)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['beneficiary', 'isImplementer']} valuePropName="checked">
          <Checkbox>{t('proposals.fields.beneficiaryIsImplementer')}</Checkbox>
        </Form.Item>
      </Section>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Section title={t('proposals.sections.location')}>
            <Form.Item name={['location', 'commune']} label={t('proposals.fields.commune')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={['location', 'address']} label={t('proposals.fields.address')}>
              <Input maxLength={500} />
            </Form.Item>
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('proposals.sections.duration')}>
            <Form.Item name="startDate" label={t('proposals.fields.startDate')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="endDate" label={t('proposals.fields.endDate')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Section>
        </Col>
      </Row>

      <Section title={t('proposals.sections.budget')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['budget', 'total']}
              label={t('proposals.fields.total')}
              extra={<SumHint form={form} />}
            >
              <VndNumberInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['budget', 'requested']}
              label={t('proposals.fields.budgetRequested')}
              extra={
                <Space direction="vertical" size={0}>
                  <ShareHint form={form} field="requested" />
                  {maxSupportAmount !== null ? (
                    <span>{t('proposals.fields.maxSupport', { amount: formatVnd(maxSupportAmount) })}</span>
                  ) : null}
                </Space>
              }
            >
              <VndNumberInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['budget', 'counterpart']}
              label={t('proposals.fields.counterpart')}
              extra={<ShareHint form={form} field="counterpart" />}
            >
              <VndNumberInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['budget', 'other']}
              label={t('proposals.fields.other')}
              extra={<ShareHint form={form} field="other" />}
            >
              <VndNumberInput />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('proposals.sections.fields')}>
        <TypedFields activityType={activityType} set={set} disabled={disabled} />
      </Section>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Section title={t('proposals.sections.priority')}>
            {(['priorityArea', 'priorityIndustry', 'womenOwned', 'ethnicMinorityOwned'] as const).map(
              (flag) => (
                <Form.Item key={flag} name={flag} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox>{t(`proposals.fields.${flag}`)}</Checkbox>
                </Form.Item>
              ),
            )}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('proposals.sections.orientations')}>
            <Form.Item name="orientations" label={t('proposals.fields.orientations')}>
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={orientations.map((o) => ({ value: o.code, label: o.label }))}
              />
            </Form.Item>
          </Section>
        </Col>
      </Row>

      <Section title={t('proposals.sections.outputs')}>
        <Form.List name="outputs">
          {(items, { add, remove }) => (
            <>
              {items.map((item, index) => (
                <Row gutter={8} key={item.key}>
                  <Col xs={24} md={13}>
                    <Form.Item name={[item.name, 'name']}>
                      <Input
                        aria-label={`${t('proposals.fields.outputName')} ${index + 1}`}
                        maxLength={300}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={4}>
                    <Form.Item name={[item.name, 'quantity']}>
                      <InputNumber
                        min={0}
                        aria-label={`${t('proposals.fields.outputQuantity')} ${index + 1}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={5}>
                    <Form.Item name={[item.name, 'unit']}>
                      <Input aria-label={`${t('proposals.fields.outputUnit')} ${index + 1}`} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    {disabled ? null : (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('proposals.fields.removeOutput', { n: index + 1 })}
                        onClick={() => remove(item.name)}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              {disabled ? null : (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('proposals.fields.addOutput')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Section>
    </>
  );
}
