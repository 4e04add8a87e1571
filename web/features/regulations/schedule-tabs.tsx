import { Card, Descriptions, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  annualDate,
  type TAdvanceRate,
  type TAnnualDate,
  type TRegulationSet,
} from '../../../domain/regulation';
import { formatDateVi, useLanguage } from '../../lib/format';
import { formatDayMonth, formatPercent } from './labels';
import { useActivityTypeName } from './regulations.api';
import { SourceLine } from './verification-tag';

/** The example plan year the deadlines are shown for: the set's first year, or the next one still in force. */
function examplePlanYear(set: TRegulationSet): number {
  const next = new Date().getFullYear() + 1;
  const last = set.effectiveToYear ?? Number.POSITIVE_INFINITY;
  return next >= set.effectiveFromYear && next <= last ? next : set.effectiveFromYear;
}

/** Default deadlines of a plan year (registration 20/06, dossier 30/09 of the year before…), as dd/MM. */
export function DeadlinesTab({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const planYear = examplePlanYear(set);
  const relative = (date: TAnnualDate) =>
    date.yearOffset === 0
      ? t('regulations.deadlines.samePlanYear')
      : date.yearOffset === -1
        ? t('regulations.deadlines.yearBefore')
        : date.yearOffset === 1
          ? t('regulations.deadlines.yearAfter')
          : t('regulations.deadlines.yearsOffset', {
              offset: date.yearOffset > 0 ? `+${date.yearOffset}` : `−${-date.yearOffset}`,
            });
  const row = (key: 'registration' | 'dossier' | 'settlement') => {
    const date = set.deadlines[key];
    return {
      key,
      label: t(`regulations.deadlines.${key}`),
      children: (
        <>
          <Typography.Text strong className="rs-date">
            {formatDayMonth(date)}
          </Typography.Text>{' '}
          {relative(date)}
          <div className="rs-example">
            {t('regulations.deadlines.example', {
              planYear,
              date: formatDateVi(annualDate(date, planYear)),
            })}
          </div>
          <SourceLine source={date.source} needsVerification={date.needsVerification} />
        </>
      ),
    };
  };
  const monthly = set.deadlines.monthlyReportDay;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        row('registration'),
        row('dossier'),
        {
          key: 'monthly',
          label: t('regulations.deadlines.monthlyReport'),
          children: (
            <>
              {t('regulations.deadlines.monthlyDay', { day: monthly.day })}
              <SourceLine source={monthly.source} needsVerification={monthly.needsVerification} />
            </>
          ),
        },
        row('settlement'),
      ]}
    />
  );
}

type TAdvanceRow = TAdvanceRate & { activityType: string };

/** First advances by activity type (TT 36/2013 Arts. 12–16) and the cap on advances before acceptance. */
export function AdvancesTab({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const activityTypeName = useActivityTypeName();
  const rows: TAdvanceRow[] = set.activityTypes.flatMap((type) => {
    const rate = set.advances.firstAdvanceRateByActivityType[type];
    return rate ? [{ ...rate, activityType: type }] : [];
  });
  const columns: TableColumnsType<TAdvanceRow> = [
    {
      title: t('regulations.caps.activityType'),
      dataIndex: 'activityType',
      width: 280,
      render: (code: string) => activityTypeName(code, language),
    },
    {
      title: t('regulations.advances.firstAdvance'),
      dataIndex: 'percent',
      width: 130,
      align: 'right',
      render: (value: number) => formatPercent(value, language),
    },
    {
      title: t('regulations.advances.condition'),
      key: 'condition',
      render: (_v, rate) => (
        <>
          <div>{language === 'en' ? rate.conditionEn : rate.conditionVi}</div>
          <SourceLine source={rate.source} needsVerification={rate.needsVerification} />
        </>
      ),
    },
  ];
  const without = set.activityTypes.filter((type) => !set.advances.firstAdvanceRateByActivityType[type]);
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Text strong>
          {t('regulations.advances.maxBeforeAcceptance', {
            percent: formatPercent(set.advances.maxBeforeAcceptancePercent, language),
          })}
        </Typography.Text>
        <SourceLine source={set.advances.source} needsVerification={set.advances.needsVerification} />
      </Card>
      <Table<TAdvanceRow>
        rowKey="activityType"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
      />
      {without.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('regulations.advances.without', {
            types: without.map((type) => activityTypeName(type, language)).join('; '),
          })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

/** The appraisal contents of TT 36/2013 Art. 9, and the optional weighted score rubric. */
export function CriteriaTab({ set }: { set: TRegulationSet }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = (code: string) => {
    const c = set.appraisalCriteria.find((x) => x.code === code);
    return c ? (language === 'en' ? c.nameEn : c.nameVi) : code;
  };
  return (
    <>
      <ol className="rs-criteria">
        {set.appraisalCriteria.map((c) => (
          <li key={c.code} className="rs-ranked">
            <Typography.Text strong>{language === 'en' ? c.nameEn : c.nameVi}</Typography.Text>{' '}
            <Typography.Text type="secondary" code>
              {c.code}
            </Typography.Text>
            <SourceLine source={c.source} needsVerification={c.needsVerification} />
          </li>
        ))}
      </ol>
      <Card title={t('regulations.criteria.rubric')} size="small">
        {set.scoreRubric && set.scoreRubric.length > 0 ? (
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={set.scoreRubric}
            columns={[
              { title: t('regulations.criteria.criterion'), dataIndex: 'code', render: nameOf },
              { title: t('regulations.criteria.weight'), dataIndex: 'weight', align: 'right' },
              { title: t('regulations.criteria.maxScore'), dataIndex: 'maxScore', align: 'right' },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('regulations.criteria.noRubric')}</Typography.Text>
        )}
      </Card>
    </>
  );
}
