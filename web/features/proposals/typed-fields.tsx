import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { findCapRule, type TRegulationSet, UNIT_COUNT_FIELDS } from '../../../domain/regulation';
import { useLanguage } from '../../lib/format';
import { capUnitLabel } from '../regulations/labels';
import { CertificatePicker } from '../typical-products/certificate-picker';
import { VndNumberInput } from './inputs';

const CLUSTER_TYPES: readonly string[] = [
  'cluster_planning',
  'cluster_infrastructure',
  'cluster_pollution_treatment',
];

/**
 * The activity-specific fields of a proposal (`fields`), as the engine's schemas define them
 * (domain/regulation/fields.ts): machinery items with prices and quotations, cluster data, the typical
 * product's certificate, overseas fairs, linkage kind; and the number of units the cap is counted per.
 */
export function TypedFields({
  activityType,
  set,
  disabled,
}: {
  activityType: TActivityType;
  set: TRegulationSet | undefined;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unit = set ? findCapRule(set, activityType)?.unit : undefined;
  const unitField = unit && unit !== 'project' ? UNIT_COUNT_FIELDS[unit] : undefined;
  const specific =
    activityType === 'machinery' ||
    CLUSTER_TYPES.includes(activityType) ||
    ['typical_product', 'trade_fair_overseas', 'trade_fair_domestic', 'association_linkage'].includes(
      activityType,
    );

  return (
    <>
      {unitField && unit ? (
        <Form.Item
          name={['fields', unitField]}
          label={t('proposals.fields.units', { unit: capUnitLabel(unit, language) })}
        >
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ) : null}

      {activityType === 'machinery' ? (
        <>
          <Form.List name={['fields', 'items']}>
            {(items, { add, remove }) => (
              <>
                {items.map((item, index) => (
                  <Row gutter={8} key={item.key} align="top">
                    <Col xs={24} md={11}>
                      <Form.Item
                        name={[item.name, 'name']}
                        label={index === 0 ? t('proposals.fields.machineName') : undefined}
                      >
                        <Input
                          aria-label={`${t('proposals.fields.machineName')} ${index + 1}`}
                          maxLength={300}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[item.name, 'price']}
                        label={index === 0 ? t('proposals.fields.machinePrice') : undefined}
                      >
                        <VndNumberInput aria-label={`${t('proposals.fields.machinePrice')} ${index + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item
                        name={[item.name, 'quotations']}
                        label={index === 0 ? t('proposals.fields.machineQuotations') : undefined}
                      >
                        <InputNumber
                          min={0}
                          max={99}
                          precision={0}
                          aria-label={`${t('proposals.fields.machineQuotations')} ${index + 1}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={3} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                      {disabled ? null : (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined aria-hidden />}
                          aria-label={t('proposals.fields.removeMachine', { n: index + 1 })}
                          onClick={() => remove(item.name)}
                        />
                      )}
                    </Col>
                  </Row>
                ))}
                {disabled ? null : (
                  <Form.Item>
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ quotations: 0 })}>
                      {t('proposals.fields.addMachine')}
                    </Button>
                  </Form.Item>
                )}
              </>
            )}
          </Form.List>
          <Form.Item name={['fields', 'isTechnologyLine']} valuePropName="checked" initialValue={false}>
            <Checkbox>{t('proposals.fields.isTechnologyLine')}</Checkbox>
          </Form.Item>
        </>
      ) : null}

      {CLUSTER_TYPES.includes(activityType) ? (
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name={['fields', 'clusterName']} label={t('proposals.fields.clusterName')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name={['fields', 'areaHa']} label={t('proposals.fields.areaHa')}>
              <InputNumber min={0} max={100_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['fields', 'legalDossierComplete']} valuePropName="checked" initialValue={false}>
              <Checkbox>{t('proposals.fields.legalDossierComplete')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      ) : null}

      {activityType === 'typical_product' ? (
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name={['fields', 'certificateIds']}
              label={t('typicalProducts.picker.label')}
              extra={t('typicalProducts.picker.help')}
            >
              <CertificatePicker disabled={disabled} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['fields', 'certificateLevel']} label={t('proposals.fields.certificateLevel')}>
              <Select
                allowClear
                options={(['provincial', 'regional', 'national'] as const).map((level) => ({
                  value: level,
                  label: t(`proposals.fields.levels.${level}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['fields', 'certificateNumber']} label={t('proposals.fields.certificateNumber')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['fields', 'validUntil']} label={t('proposals.fields.validUntil')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['fields', 'selectionLevel']} label={t('proposals.fields.selectionLevel')}>
              <Select
                allowClear
                options={(['regional', 'national'] as const).map((level) => ({
                  value: level,
                  label: t(`proposals.fields.levels.${level}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}

      {activityType === 'trade_fair_overseas' ? (
        <Form.Item name={['fields', 'fairsThisYear']} label={t('proposals.fields.fairsThisYear')}>
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
      ) : null}

      {activityType === 'trade_fair_domestic' ? (
        <Form.Item name={['fields', 'isOtherFair']} valuePropName="checked">
          <Checkbox>{t('proposals.fields.isOtherFair')}</Checkbox>
        </Form.Item>
      ) : null}

      {activityType === 'association_linkage' ? (
        <Form.Item name={['fields', 'linkageKind']} label={t('proposals.fields.linkageKind')}>
          <Select
            allowClear
            options={(['linkage_cluster', 'association_regional', 'association_national'] as const).map(
              (kind) => ({
                value: kind,
                label: t(`proposals.fields.linkageKinds.${kind}`),
              }),
            )}
          />
        </Form.Item>
      ) : null}

      {!specific && !unitField ? (
        <Typography.Paragraph type="secondary">{t('proposals.fields.noTypedFields')}</Typography.Paragraph>
      ) : null}
    </>
  );
}
