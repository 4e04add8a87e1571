import { Card, Empty, Progress, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROPOSAL_STATUSES } from '../../../domain/workflow/proposal';
import { formatInstantVi, useLanguage } from '../../lib/format';
import { statusLabel } from '../proposals/labels';
import { useStatusCounts } from '../proposals/proposals.api';
import { currentCycle, useCycles } from './cycles.api';

/** Milliseconds → days, hours, minutes left (never negative). */
function split(ms: number) {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/**
 * The dashboard card of a province or unit: the next deadline of the current cycle for the caller's
 * organisation (with its extension) counting down by the minute, and the caller's proposals by status.
 */
export function DeadlineCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const cycles = useCycles();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const cycle = useMemo(() => currentCycle(cycles.data?.items ?? [], now), [cycles.data, now]);
  const counts = useStatusCounts(cycle?.planYear);

  if (!cycles.isPending && !cycle) {
    return (
      <Card title={<h2 className="card-title">{t('cycles.title')}</h2>}>
        <Empty description={t('cycles.countdown.none')} />
      </Card>
    );
  }
  const stages = cycle
    ? (['registration', 'dossier'] as const).map((stage) => ({ stage, ...cycle.myDeadlines[stage] }))
    : [];
  const next = stages.find((s) => Date.parse(s.deadline) >= now);
  const left = next ? split(Date.parse(next.deadline) - now) : null;
  const byStatus = new Map((counts.data?.byStatus ?? []).map((c) => [c.status, c.count]));
  const total = counts.data?.total ?? 0;
  const drafts = byStatus.get('draft') ?? 0;
  const notSent =
    (byStatus.get('registered') ?? 0) +
    (byStatus.get('base_appraised') ?? 0) +
    (byStatus.get('returned') ?? 0);

  return (
    <Card
      loading={cycles.isPending}
      title={<h2 className="card-title">{t('cycles.countdown.title', { year: cycle?.planYear ?? '' })}</h2>}
      extra={
        cycle ? (
          <Link to={`/proposals?planYear=${cycle.planYear}`}>{t('cycles.countdown.openList')}</Link>
        ) : null
      }
    >
      {next && left ? (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('cycles.countdown.next')}: {t(`cycles.stages.${next.stage}`)} —{' '}
            {formatInstantVi(next.deadline)}{' '}
            {next.extended ? <Tag>{t('cycles.countdown.extended')}</Tag> : null}
          </Typography.Text>
          <Statistic
            value={
              left.days > 0
                ? t('cycles.countdown.left', left)
                : t('cycles.countdown.leftHours', { hours: left.hours, minutes: left.minutes })
            }
            styles={{ content: { fontSize: 22, color: left.days < 3 ? '#a8071a' : undefined } }}
          />
        </Space>
      ) : (
        <Typography.Paragraph>{t('cycles.countdown.allPassed')}</Typography.Paragraph>
      )}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('cycles.countdown.byStatus')}
      </Typography.Title>
      {total === 0 ? (
        <Typography.Text type="secondary">{t('cycles.countdown.noProposals')}</Typography.Text>
      ) : (
        <ul className="status-counts" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {PROPOSAL_STATUSES.filter((s) => byStatus.has(s)).map((status) => (
            <li key={status} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
              <Link to={`/proposals?planYear=${cycle?.planYear}&status=${status}`} style={{ minWidth: 200 }}>
                {statusLabel(status, language)}
              </Link>
              <Progress
                percent={Math.round(((byStatus.get(status) ?? 0) / total) * 100)}
                format={() => String(byStatus.get(status) ?? 0)}
                size="small"
                style={{ flex: 1, margin: 0 }}
                aria-label={`${statusLabel(status, language)}: ${byStatus.get(status) ?? 0}`}
              />
            </li>
          ))}
        </ul>
      )}
      {drafts > 0 && next?.stage === 'registration' ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('cycles.countdown.pendingDrafts', { count: drafts })}
        </Typography.Paragraph>
      ) : null}
      {notSent > 0 && next ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('cycles.countdown.pendingDossiers', { count: notSent })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
