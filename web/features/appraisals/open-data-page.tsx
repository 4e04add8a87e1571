import { Button, Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicLayout } from '../../components/public-layout';
import { formatDateVi } from '../../lib/format';
import { usePageTitle } from '../../lib/page-title';
import { vnd } from '../proposals/inputs';
import { openDataUrl, type TOpenDataPlan, useOpenData } from './appraisals.api';
import './appraisals.i18n';

type TItem = TOpenDataPlan['items'][number];

/** The public page of an approved national plan (open data): no sign-in, no personal data. */
export default function OpenDataPage() {
  const { year } = useParams();
  const planYear = Number(year);
  const { t } = useTranslation();
  const data = useOpenData(planYear);
  const title = t('appraisal.openDataTitle', { year: planYear });
  usePageTitle(title);
  const plan = data.data;
  return (
    <PublicLayout>
      <Card style={{ maxWidth: 1200, width: '100%' }}>
        <h2 style={{ fontSize: 22, marginTop: 0 }}>{title}</h2>
        <p>{t('appraisal.openDataIntro')}</p>
        {data.isError ? <p>{t('appraisal.openDataEmpty')}</p> : null}
        {plan ? (
          <>
            <p>
              {t('appraisal.approvedBy', {
                number: plan.decisionNumber,
                date: formatDateVi(plan.decisionDate),
              })}
              {' — '}
              {t('appraisal.inPlanTotal', { count: plan.totals.count })}: {vnd(plan.totals.approvedFunding)}
            </p>
            <Space style={{ marginBottom: 12 }}>
              <Button href={openDataUrl(planYear, 'csv')} download>
                {t('appraisal.downloadCsv')}
              </Button>
              <Button href={openDataUrl(planYear, 'json')} download>
                {t('appraisal.downloadJson')}
              </Button>
            </Space>
            <Table<TItem>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={plan.items}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={5}>
                    <strong>{t('appraisal.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <strong>{vnd(plan.totals.approvedFunding)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              columns={[
                { title: t('appraisal.rank'), dataIndex: 'rank', width: 60 },
                { title: t('appraisal.code'), dataIndex: 'code' },
                { title: t('appraisal.titleCol'), dataIndex: 'title', width: 340 },
                { title: t('appraisal.province'), dataIndex: 'provinceName' },
                { title: t('appraisal.organization'), dataIndex: 'implementingOrganization' },
                {
                  title: t('appraisal.approvedFunding'),
                  dataIndex: 'approvedFunding',
                  align: 'right',
                  render: vnd,
                },
              ]}
            />
          </>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
