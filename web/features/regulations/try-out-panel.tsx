import {
  Alert,
  Card,
  Checkbox,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TActivityType } from '../../../domain/enums/activity-types';
import { formatVnd } from '../../../domain/lib/money';
import type { TFinding, TRegulationSet } from '../../../domain/regulation';
import { useLanguage } from '../../lib/format';
import { capUnitLabel, formatMultiplier, formatPercent } from './labels';
import { useActivityTypeName } from './regulations.api';
import { initialTryOutForm, type TTryOutForm, tryOutResult } from './try-out';
import { VndInput } from './vnd-input';

const SEVERITY_COLORS: Record<TFinding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'processing',
};

/**
 * "Kiểm tra thử": a small proposal form whose findings update on every keystroke, computed in the
 * browser by the same `checkProposal` the server runs (domain/regulation) — no request while typing.
 */
export function TryOutPanel({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityTypeName = useActivityTypeName();
  const [form, setForm] = useState<TTryOutForm>(() => initialTryOutForm(set));
  const update = <K extends keyof TTryOutForm>(key: K, value: TTryOutForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const { findings, support } = useMemo(() => tryOutResult(form, set), [form, set]);
  const errors = findings.filter((f) => f.severity === 'error').length;

  const amountField = (key: 'total' | 'requested' | 'counterpart' | 'other') => (
    <Form.Item label={t(`regulations.tryOut.${key}`)} htmlFor={`rs-try-${key}`}>
      <VndInput
        id={`rs-try-${key}`}
        value={form[key]}
        onChange={(text) => update(key, text)}
        placeholder="0"
      />
    </Form.Item>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card title={t('regulations.tryOut.formTitle')} size="small">
          <Typography.Paragraph type="secondary">{t('regulations.tryOut.intro')}</Typography.Paragraph>
          <Form layout="vertical" component="div">
            <Form.Item label={t('regulations.tryOut.activityType')} htmlFor="rs-try-activity">
              <Select<TActivityType>
                id="rs-try-activity"
                showSearch={{ optionFilterProp: 'label' }}
                value={form.activityType}
                onChange={(value) => update('activityType', value)}
                options={set.activityTypes.map((type) => ({
                  value: type,
                  label: activityTypeName(type, language),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('regulations.tryOut.planYear')} htmlFor="rs-try-year">
              <InputNumber
                id="rs-try-year"
                min={2000}
                max={2100}
                precision={0}
                value={form.planYear}
                onChange={(value) => update('planYear', typeof value === 'number' ? value : null)}
                style={{ width: 140 }}
              />
            </Form.Item>
            {amountField('total')}
            {amountField('requested')}
            {amountField('counterpart')}
            {amountField('other')}
            <Space wrap size="large">
              <span className="rs-switch">
                <Switch
                  id="rs-try-pilot"
                  checked={form.isPilot}
                  onChange={(value) => update('isPilot', value)}
                />
                <label htmlFor="rs-try-pilot">{t('regulations.tryOut.isPilot')}</label>
              </span>
              <span className="rs-switch">
                <Switch
                  id="rs-try-priority-area"
                  checked={form.priorityArea}
                  onChange={(value) => update('priorityArea', value)}
                />
                <label htmlFor="rs-try-priority-area">{t('regulations.tryOut.priorityArea')}</label>
              </span>
            </Space>
            <div style={{ marginTop: 12 }}>
              <Checkbox
                checked={form.assumeDocuments}
                onChange={(event) => update('assumeDocuments', event.target.checked)}
              >
                {t('regulations.tryOut.assumeDocuments')}
              </Checkbox>
            </div>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('regulations.tryOut.resultTitle')} size="small">
          <section aria-live="polite" aria-label={t('regulations.tryOut.resultTitle')}>
            {support ? (
              <Typography.Paragraph>
                <Typography.Text strong>
                  {t('regulations.tryOut.maxSupport', { amount: formatVnd(support.amount) })}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {support.amountCap === null
                    ? t('regulations.tryOut.byShareOnly', {
                        share: formatPercent(support.rule.sharePercent, language),
                      })
                    : t(
                        support.rule.multiplier === 1
                          ? 'regulations.tryOut.byRule'
                          : 'regulations.tryOut.byRuleTimes',
                        {
                          share: formatPercent(support.rule.sharePercent, language),
                          amount: formatVnd(support.rule.maxAmount ?? 0),
                          unit: capUnitLabel(support.rule.unit, language),
                          multiplier: formatMultiplier(support.rule.multiplier, language),
                        },
                      )}
                </Typography.Text>
              </Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary">{t('regulations.tryOut.noCap')}</Typography.Paragraph>
            )}
            {findings.length === 0 ? (
              <Alert type="success" showIcon title={t('regulations.tryOut.noFindings')} />
            ) : (
              <>
                <Typography.Paragraph>
                  {errors > 0
                    ? t('regulations.tryOut.errorCount', { n: errors })
                    : t('regulations.tryOut.noErrors')}
                </Typography.Paragraph>
                <ul className="rs-findings">
                  {findings.map((finding) => (
                    <li
                      key={`${finding.code}|${finding.path}|${JSON.stringify(finding.params)}`}
                      className="rs-finding"
                      data-code={finding.code}
                    >
                      <Tag color={SEVERITY_COLORS[finding.severity]}>
                        {t(`regulations.tryOut.severity.${finding.severity}`)}
                      </Tag>
                      <span>{finding.message[language]}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </Card>
      </Col>
    </Row>
  );
}
