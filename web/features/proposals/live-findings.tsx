import { Alert, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFindingSeverity } from '../../../domain/regulation';

export interface TShownFinding {
  code: string;
  severity: TFindingSeverity;
  path: string;
  message: string;
}

const SEVERITY_ORDER: Record<TFindingSeverity, number> = { error: 0, warning: 1, info: 2 };
const TAG: Record<TFindingSeverity, 'error' | 'warning' | 'processing'> = {
  error: 'error',
  warning: 'warning',
  info: 'processing',
};

/**
 * The rule check's findings, errors first, each with its severity, message and the field it concerns.
 * The list is a live region: screen readers hear the counts change as the user types.
 */
export function FindingsPanel({
  findings,
  loading,
  source,
  maxSupportLine,
}: {
  findings: TShownFinding[] | undefined;
  loading: boolean;
  source: 'browser' | 'server';
  maxSupportLine?: string | null;
}) {
  const { t } = useTranslation();
  const sorted = [...(findings ?? [])].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const errors = sorted.filter((f) => f.severity === 'error').length;
  const warnings = sorted.filter((f) => f.severity === 'warning').length;
  return (
    <Card
      title={<h2 className="card-title">{t('proposals.sections.findings')}</h2>}
      size="small"
      extra={
        findings ? (
          <Space size={4}>
            <Tag color={errors > 0 ? 'error' : 'success'}>
              {t('proposals.findings.errors', { count: errors })}
            </Tag>
            <Tag color={warnings > 0 ? 'warning' : 'default'}>
              {t('proposals.findings.warnings', { count: warnings })}
            </Tag>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {source === 'browser' ? t('proposals.findings.intro') : t('proposals.findings.server')}
      </Typography.Paragraph>
      {maxSupportLine ? (
        <Alert type="info" showIcon title={maxSupportLine} style={{ marginBottom: 12 }} />
      ) : null}
      <div aria-live="polite">
        {loading && !findings ? (
          <Spin description={t('proposals.findings.loading')} />
        ) : sorted.length === 0 ? (
          <Alert type="success" showIcon title={t('proposals.findings.none')} />
        ) : (
          <List
            size="small"
            dataSource={sorted}
            renderItem={(finding) => (
              <List.Item key={`${finding.code}:${finding.path}:${finding.message}`}>
                <Space align="start">
                  <Tag color={TAG[finding.severity]}>{t(`proposals.findings.${finding.severity}`)}</Tag>
                  <span data-finding={finding.code}>{finding.message}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </div>
    </Card>
  );
}
