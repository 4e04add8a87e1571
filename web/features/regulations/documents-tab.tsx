import { Card, Col, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDocumentRequirement, TRegulationSet, TSubmissionKind } from '../../../domain/regulation';
import { useLanguage } from '../../lib/format';
import { documentKindLabel } from './labels';
import { useActivityTypeName } from './regulations.api';
import { SourceLine } from './verification-tag';

const SUBMISSION_KINDS: TSubmissionKind[] = ['full_dossier', 'pilot_registration'];
const ALL = '*';

/**
 * Required documents per submission kind (full dossier, or the pilot registration form that pilot
 * projects send instead, TT 17/2018), filtered to what one activity type needs.
 */
export function DocumentsTab({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityTypeName = useActivityTypeName();
  const [activityType, setActivityType] = useState<string>(ALL);

  const options = useMemo(
    () => [
      { value: ALL, label: t('regulations.documents.allTypes') },
      ...set.activityTypes.map((type) => ({ value: type, label: activityTypeName(type, language) })),
    ],
    [set.activityTypes, activityTypeName, language, t],
  );

  const applies = (req: TDocumentRequirement) =>
    activityType === ALL || req.activityType === ALL || req.activityType === activityType;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="rs-documents-activity">{t('regulations.documents.filter')}</label>
        <Select
          id="rs-documents-activity"
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          value={activityType}
          onChange={setActivityType}
          style={{ width: 420 }}
        />
      </Space>
      <Row gutter={[16, 16]}>
        {SUBMISSION_KINDS.map((kind) => {
          const requirements = set.requiredDocuments.filter((r) => r.submissionKind === kind && applies(r));
          return (
            <Col xs={24} xl={12} key={kind}>
              <Card title={t(`regulations.documents.submission.${kind}`)} size="small">
                {requirements.length === 0 ? (
                  <Empty description={t('regulations.documents.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <ul className="rs-requirements">
                    {requirements.map((req) => (
                      <li
                        className="rs-requirement"
                        key={`${req.activityType}|${req.condition}|${req.severity}|${req.kinds.join(',')}`}
                      >
                        <Typography.Text strong>
                          {req.activityType === ALL
                            ? t('regulations.documents.everyType')
                            : activityTypeName(req.activityType, language)}
                        </Typography.Text>
                        {req.condition === 'separate_beneficiary' ? (
                          <Typography.Text type="secondary">
                            {' '}
                            — {t('regulations.documents.separateBeneficiary')}
                          </Typography.Text>
                        ) : null}
                        <ul className="rs-kinds">
                          {req.kinds.map((docKind) => (
                            <li key={docKind}>
                              {documentKindLabel(docKind, language)}{' '}
                              {req.severity === 'error' ? (
                                <Tag color="error">{t('regulations.documents.required')}</Tag>
                              ) : (
                                <Tag color="warning">{t('regulations.documents.recommended')}</Tag>
                              )}
                            </li>
                          ))}
                        </ul>
                        <SourceLine source={req.source} needsVerification={req.needsVerification} />
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
