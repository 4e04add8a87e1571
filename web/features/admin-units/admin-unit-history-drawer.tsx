import { ArrowDownOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { formatDateVi, regionLabel, useLanguage } from '../../lib/format';
import { type TAdminUnit, useAdminUnitHistory } from './admin-units.api';

export interface THistoryTarget {
  code: string;
  /** A day the unit was in force (its `validFrom`): codes were reused, the date picks the unit. */
  date: string;
  name: string;
}

function validity(unit: TAdminUnit, inForceLabel: string): string {
  return `${formatDateVi(unit.validFrom)} – ${unit.validTo ? formatDateVi(unit.validTo) : inForceLabel}`;
}

/** Predecessors → the unit → successors, each related unit one click away. */
export function AdminUnitHistoryDrawer({
  target,
  onNavigate,
  onClose,
}: {
  target: THistoryTarget | null;
  onNavigate: (target: THistoryTarget) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useAdminUnitHistory(target ? { code: target.code, date: target.date } : null);

  const related = (units: TAdminUnit[], emptyLabel: string) =>
    units.length === 0 ? (
      <Typography.Text type="secondary">{emptyLabel}</Typography.Text>
    ) : (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {units.map((unit) => (
          <Button
            key={`${unit.code}-${unit.validFrom}`}
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => onNavigate({ code: unit.code, date: unit.validFrom, name: unit.name })}
          >
            {unit.code} · {unit.fullName} ({validity(unit, t('adminUnits.stillInForce'))})
          </Button>
        ))}
      </Space>
    );

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={target ? t('adminUnits.historyTitle', { name: target.name }) : ''}
      size={560}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {history.isPending ? <Spin description={t('common.loading')} /> : null}
      {history.isError ? <QueryError error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.data && history.data.items.length === 0 ? <Empty /> : null}
      {history.data && history.data.items.length > 1 ? (
        <Alert
          type="info"
          showIcon
          title={t('adminUnits.codeReused', { code: history.data.code })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {history.data?.items.map(({ unit, predecessors, successors }) => (
        <div key={`${unit.code}-${unit.validFrom}`} className="history-chain" style={{ marginBottom: 24 }}>
          <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
            {t('adminUnits.predecessors')}
          </Typography.Title>
          {related(predecessors, t('adminUnits.noPredecessors'))}
          <ArrowDownOutlined aria-hidden style={{ alignSelf: 'center', color: '#4b5563' }} />
          <Card size="small" style={{ borderColor: '#0b4f9c' }}>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
              {unit.fullName}{' '}
              {unit.validTo ? null : <Tag color="success">{t('adminUnits.stillInForce')}</Tag>}
            </Typography.Title>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'code', label: t('adminUnits.code'), children: unit.code },
                { key: 'kind', label: t('adminUnits.kind'), children: t(`adminUnits.kinds.${unit.kind}`) },
                {
                  key: 'region',
                  label: t('adminUnits.region'),
                  children: regionLabel(unit.region, language),
                },
                {
                  key: 'validity',
                  label: t('adminUnits.validity'),
                  children: validity(unit, t('adminUnits.stillInForce')),
                },
              ]}
            />
          </Card>
          <ArrowDownOutlined aria-hidden style={{ alignSelf: 'center', color: '#4b5563' }} />
          <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
            {t('adminUnits.successors')}
          </Typography.Title>
          {related(successors, t('adminUnits.noSuccessors'))}
        </div>
      ))}
    </Drawer>
  );
}
