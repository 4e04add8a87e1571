import { ApartmentOutlined, EnvironmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Space, Spin, Tag } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { formatDateVi, organizationKindLabel, roleLabel, todayVn, useLanguage } from '../../lib/format';
import { usePermissions } from '../../lib/permissions';
import { useCurrentProvinces } from '../admin-units/admin-units.api';
import { useMe } from '../auth/auth.api';

// The figures, the map and the charts are their own chunks, loaded once the page shows (P6).
const FiguresPanel = lazy(() => import('./figures-panel'));
const DeadlineCard = lazy(() => import('../cycles/deadline-card').then((m) => ({ default: m.DeadlineCard })));

interface TShortcut {
  to: string;
  title: string;
  description: string;
  icon: ReactNode;
}

/**
 * The start page: who you are, where you work, what you may open, and (issue #8) the figures of the
 * caller's scope — totals, budget use, charts, the province map, lagging projects, programme progress —
 * each drilling down to the filtered proposal list. The charts' code loads after the figures.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { data: me } = useMe();
  const { can } = usePermissions();
  const provinces = useCurrentProvinces();

  if (!me) return null;

  const shortcuts: TShortcut[] = [
    ...(can('organizations.read')
      ? [
          {
            to: '/organizations',
            title: t('nav.organizations'),
            description: t('dashboard.shortcutOrganizations'),
            icon: <ApartmentOutlined aria-hidden />,
          },
        ]
      : []),
    ...(can('users.read')
      ? [
          {
            to: '/users',
            title: t('nav.users'),
            description: t('dashboard.shortcutUsers'),
            icon: <TeamOutlined aria-hidden />,
          },
        ]
      : []),
    {
      to: '/admin-units',
      title: t('nav.adminUnits'),
      description: t('dashboard.shortcutAdminUnits'),
      icon: <EnvironmentOutlined aria-hidden />,
    },
    {
      to: '/profile',
      title: t('nav.profile'),
      description: t('dashboard.shortcutProfile'),
      icon: <UserOutlined aria-hidden />,
    },
  ];

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.intro')} />
      <Row gutter={[16, 16]}>
        {can('proposals.read') ? (
          <Col xs={24}>
            <Suspense fallback={<Spin />}>
              <DeadlineCard />
            </Suspense>
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{t('dashboard.welcome', { name: me.user.name })}</h2>}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'organization',
                  label: t('dashboard.organization'),
                  children: me.organization?.name ?? t('dashboard.noOrganization'),
                },
                ...(me.organization
                  ? [
                      {
                        key: 'kind',
                        label: t('dashboard.organizationKind'),
                        children: organizationKindLabel(me.organization.kind, language),
                      },
                      {
                        key: 'province',
                        label: t('dashboard.province'),
                        children: provinces.nameOf(me.organization.provinceCode),
                      },
                    ]
                  : []),
                {
                  key: 'roles',
                  label: t('dashboard.roles'),
                  children:
                    me.roles.length === 0 ? (
                      t('dashboard.noRoles')
                    ) : (
                      <Space size={[4, 4]} wrap>
                        {me.roles.map((role) => (
                          <Tag key={role}>{roleLabel(role, language)}</Tag>
                        ))}
                      </Space>
                    ),
                },
                { key: 'today', label: t('dashboard.today'), children: formatDateVi(todayVn()) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{t('dashboard.shortcuts')}</h2>}>
            <ul className="shortcut-list">
              {shortcuts.map((shortcut) => (
                <li key={shortcut.to}>
                  <span className="shortcut-icon" aria-hidden>
                    {shortcut.icon}
                  </span>
                  <div>
                    <Link to={shortcut.to}>{shortcut.title}</Link>
                    <div className="muted">{shortcut.description}</div>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
      {can('stats.read') && me.roles.some((r) => r !== 'appraiser') ? (
        <div style={{ marginTop: 16 }}>
          <Suspense fallback={<Spin />}>
            <FiguresPanel isAgency={me.roles.some((r) => r.startsWith('agency_') || r === 'auditor')} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
