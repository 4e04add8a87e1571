import { Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCapRule, TCapVariant, TRegulationSet } from '../../../domain/regulation';
import { useLanguage } from '../../lib/format';
import type { TLanguage } from '../../lib/i18n';
import { capUnitLabel, formatDecimal, formatMaxAmount, formatMultiplier, formatPercent } from './labels';
import { useActivityTypeName } from './regulations.api';
import { VerificationTag } from './verification-tag';

function variantText(
  variant: TCapVariant,
  language: TLanguage,
  t: (k: 'regulations.caps.noAmount') => string,
) {
  const parts: string[] = [];
  if (variant.shareOfEligibleCost !== undefined)
    parts.push(formatPercent(variant.shareOfEligibleCost, language));
  if (variant.maxAmount !== undefined)
    parts.push(formatMaxAmount(variant.maxAmount) ?? t('regulations.caps.noAmount'));
  if (variant.amountMultiplier !== undefined)
    parts.push(formatMultiplier(variant.amountMultiplier, language));
  return `${language === 'en' ? variant.nameEn : variant.nameVi}: ${parts.join(', ')}`;
}

/** The support caps (TT 28/2018/TT-BTC Art. 8 and the set's other lines), one row per activity type. */
export function CapsTab({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityTypeName = useActivityTypeName();

  const columns: TableColumnsType<TCapRule> = [
    {
      title: t('regulations.caps.activityType'),
      dataIndex: 'activityType',
      width: 300,
      render: (code: string, cap) => (
        <>
          <div>{activityTypeName(code, language)}</div>
          <div className="rs-source">{cap.source}</div>
        </>
      ),
    },
    {
      title: t('regulations.caps.share'),
      dataIndex: 'shareOfEligibleCost',
      width: 110,
      align: 'right',
      render: (value: number) => formatPercent(value, language),
    },
    {
      title: t('regulations.caps.maxAmount'),
      key: 'maxAmount',
      width: 200,
      align: 'right',
      render: (_v, cap) => (
        <Space orientation="vertical" size={2} align="end">
          <span className="rs-amount">
            {formatMaxAmount(cap.maxAmount) ?? t('regulations.caps.noAmount')}
          </span>
          <VerificationTag source={cap.source} show={cap.needsVerification} />
        </Space>
      ),
    },
    {
      title: t('regulations.caps.unit'),
      dataIndex: 'unit',
      width: 130,
      render: (unit: string) => t('regulations.caps.perUnit', { unit: capUnitLabel(unit, language) }),
    },
    {
      title: t('regulations.caps.multiplier'),
      key: 'multiplier',
      width: 150,
      render: (_v, cap) => (
        <Space orientation="vertical" size={2}>
          <span>
            {cap.priorityMultiplier > 1
              ? formatMultiplier(cap.priorityMultiplier, language)
              : t('regulations.caps.noMultiplier')}
          </span>
          <VerificationTag
            source={t('regulations.caps.multiplierSource', { source: cap.source })}
            show={cap.priorityMultiplierNeedsVerification}
          />
        </Space>
      ),
    },
    {
      title: t('regulations.caps.variants'),
      key: 'variants',
      width: 260,
      render: (_v, cap) =>
        cap.variants && cap.variants.length > 0 ? (
          <ul className="rs-plain-list">
            {cap.variants.map((variant) => (
              <li key={variant.code}>
                {variantText(variant, language, t)}{' '}
                <VerificationTag source={variant.source} show={variant.needsVerification} />
              </li>
            ))}
          </ul>
        ) : (
          t('common.empty')
        ),
    },
  ];

  const uncapped = set.activityTypes.filter((type) => !set.caps.some((c) => c.activityType === type));

  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('regulations.caps.intro', { multiplier: formatDecimal(1.5, language) })}
      </Typography.Paragraph>
      <Table<TCapRule>
        rowKey="activityType"
        columns={columns}
        dataSource={set.caps}
        pagination={false}
        size="small"
        scroll={{ x: 1100 }}
      />
      {uncapped.length > 0 ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('regulations.caps.uncapped', {
            types: uncapped.map((type) => activityTypeName(type, language)).join('; '),
          })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
