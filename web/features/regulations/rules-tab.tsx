import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRegulationSet } from '../../../domain/regulation';
import { useLanguage } from '../../lib/format';
import { beneficiaryKindLabel, certificateLevelLabel, criterionLabel } from './labels';
import { useActivityTypeName } from './regulations.api';
import { SourceLine } from './verification-tag';

/** Eligibility rules the check applies, and the legal ranking order (TT 36/2013 Art. 7). */
export function RulesTab({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityTypeName = useActivityTypeName();
  const types = (codes: readonly string[]) => codes.map((c) => activityTypeName(c, language)).join('; ');
  const kinds = (codes: readonly string[]) => codes.map((c) => beneficiaryKindLabel(c, language)).join('; ');
  const e = set.eligibility;

  const items: DescriptionsProps['items'] = [];
  if (e.beneficiaryKinds) {
    const rule = e.beneficiaryKinds;
    const exceptions = Object.entries(rule.byActivityType);
    items.push({
      key: 'beneficiaryKinds',
      label: t('regulations.rules.beneficiaryKinds'),
      children: (
        <>
          <div>{kinds(rule.allowed)}</div>
          {exceptions.length > 0 ? (
            <ul className="rs-plain-list">
              {exceptions.map(([type, allowed]) => (
                <li key={type}>
                  {t('regulations.rules.forType', { type: activityTypeName(type, language) })}{' '}
                  {kinds(allowed ?? [])}
                </li>
              ))}
            </ul>
          ) : null}
          {rule.exemptActivityTypes.length > 0 ? (
            <div>{t('regulations.rules.exempt', { types: types(rule.exemptActivityTypes) })}</div>
          ) : null}
          <SourceLine source={rule.source} needsVerification={rule.needsVerification} />
        </>
      ),
    });
  }
  if (e.counterpart) {
    items.push({
      key: 'counterpart',
      label: t('regulations.rules.counterpart'),
      children: (
        <>
          <div>
            {e.counterpart.countOtherFunds
              ? t('regulations.rules.counterpartWithOther')
              : t('regulations.rules.counterpartOnly')}
          </div>
          <div>{t('regulations.rules.appliesTo', { types: types(e.counterpart.activityTypes) })}</div>
          <SourceLine source={e.counterpart.source} needsVerification={e.counterpart.needsVerification} />
        </>
      ),
    });
  }
  if (e.typicalProductCertificate) {
    const rule = e.typicalProductCertificate;
    items.push({
      key: 'certificate',
      label: t('regulations.rules.certificate'),
      children: (
        <>
          <div>
            {t(
              rule.required
                ? 'regulations.rules.certificateRequired'
                : 'regulations.rules.certificateOptional',
              {
                levels: rule.acceptedLevels.map((l) => certificateLevelLabel(l, language)).join(', '),
              },
            )}
          </div>
          <div>{t('regulations.rules.appliesTo', { types: types(rule.activityTypes) })}</div>
          <SourceLine source={rule.source} needsVerification={rule.needsVerification} />
        </>
      ),
    });
  }
  if (e.clusterLegalDossier) {
    items.push({
      key: 'clusterLegalDossier',
      label: t('regulations.rules.clusterLegalDossier'),
      children: (
        <>
          <div>{t('regulations.rules.appliesTo', { types: types(e.clusterLegalDossier.activityTypes) })}</div>
          <SourceLine
            source={e.clusterLegalDossier.source}
            needsVerification={e.clusterLegalDossier.needsVerification}
          />
        </>
      ),
    });
  }
  if (e.completionInPlanYear) {
    items.push({
      key: 'completionInPlanYear',
      label: t('regulations.rules.completionInPlanYear'),
      children: (
        <>
          <div>
            {t('regulations.rules.appliesTo', { types: types(e.completionInPlanYear.activityTypes) })}
          </div>
          <SourceLine
            source={e.completionInPlanYear.source}
            needsVerification={e.completionInPlanYear.needsVerification}
          />
        </>
      ),
    });
  }
  if (e.overseasFairs) {
    items.push({
      key: 'overseasFairs',
      label: t('regulations.rules.overseasFairs'),
      children: (
        <>
          <div>
            {t('regulations.rules.overseasFairsMax', { max: e.overseasFairs.maxPerEstablishmentPerYear })}
          </div>
          <SourceLine source={e.overseasFairs.source} needsVerification={e.overseasFairs.needsVerification} />
        </>
      ),
    });
  }
  if (e.machineryQuotations) {
    items.push({
      key: 'machineryQuotations',
      label: t('regulations.rules.machineryQuotations'),
      children: (
        <>
          <div>
            {t('regulations.rules.machineryQuotationsMin', { min: e.machineryQuotations.minPerItem })}{' '}
            {e.machineryQuotations.severity === 'error'
              ? t('regulations.rules.asError')
              : t('regulations.rules.asWarning')}
          </div>
          <SourceLine
            source={e.machineryQuotations.source}
            needsVerification={e.machineryQuotations.needsVerification}
          />
        </>
      ),
    });
  }

  return (
    <>
      <Card title={t('regulations.rules.eligibilityTitle')} size="small" style={{ marginBottom: 16 }}>
        {items.length > 0 ? (
          <Descriptions column={1} size="small" bordered items={items} />
        ) : (
          <Typography.Text type="secondary">{t('regulations.rules.noEligibility')}</Typography.Text>
        )}
      </Card>
      <Card title={t('regulations.rules.priorityTitle')} size="small">
        <Typography.Paragraph type="secondary">{t('regulations.rules.priorityIntro')}</Typography.Paragraph>
        <ol className="rs-priority">
          {set.priorityRules.order.map((o) => (
            <li key={o.criterion} className="rs-ranked">
              <Typography.Text strong>{criterionLabel(o.criterion, language)}</Typography.Text>
              <SourceLine source={o.source} needsVerification={o.needsVerification} />
            </li>
          ))}
        </ol>
        {set.priorityRules.noAreaIndustryPriority ? (
          <div>
            {t('regulations.rules.noAreaIndustry', {
              types: types(set.priorityRules.noAreaIndustryPriority.activityTypes),
            })}
            <SourceLine
              source={set.priorityRules.noAreaIndustryPriority.source}
              needsVerification={set.priorityRules.noAreaIndustryPriority.needsVerification}
            />
          </div>
        ) : null}
      </Card>
    </>
  );
}
