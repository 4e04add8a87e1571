import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, type MenuProps } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { LanguageSwitch } from '../../components/language-switch';
import { QueryError } from '../../components/query-error';
import { api, queryClient } from '../../lib/api';
import { organizationKindLabel, useLanguage } from '../../lib/format';
import { setLanguage, storedLanguage, type TLanguage } from '../../lib/i18n';
import { type TPermission, usePermissions } from '../../lib/permissions';
import { ME_QUERY_KEY, type TMe, useLogout, useMe } from '../auth/auth.api';

// The header's search box is its own chunk, loaded once the frame is shown (issue #8, P6).
const GlobalSearch = lazy(() => import('../search/global-search'));
interface TNavItem {
  path: string;
  labelKey:
    | 'nav.dashboard'
    | 'nav.organizations'
    | 'nav.users'
    | 'nav.adminUnits'
    | 'nav.regulations'
    | 'nav.proposals'
    | 'nav.cycles'
    | 'nav.appraisals'
    | 'nav.myAppraisals'
    | 'nav.plans'
    | 'nav.localPlans'
    | 'nav.reportsDue'
    | 'nav.monitoring'
    | 'nav.periodicReports'
    | 'nav.typicalProducts'
    | 'nav.programmes'
    | 'nav.profile';
  icon: React.ReactNode;
  /** Shown only when `/me` grants it; items without one are for every signed-in user. */
  permission?: TPermission;
}

const NAV_ITEMS: TNavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined aria-hidden /> },
  {
    path: '/proposals',
    labelKey: 'nav.proposals',
    icon: <FileTextOutlined aria-hidden />,
    permission: 'proposals.read',
  },
  {
    path: '/cycles',
    labelKey: 'nav.cycles',
    icon: <CalendarOutlined aria-hidden />,
    permission: 'cycles.read',
  },
  {
    path: '/appraisals',
    labelKey: 'nav.appraisals',
    icon: <AuditOutlined aria-hidden />,
    permission: 'appraisals.manage',
  },
  {
    path: '/my-appraisals',
    labelKey: 'nav.myAppraisals',
    icon: <CheckSquareOutlined aria-hidden />,
    permission: 'appraisals.write',
  },
  { path: '/plans', labelKey: 'nav.plans', icon: <FundOutlined aria-hidden />, permission: 'plans.read' },
  {
    path: '/local-plans',
    labelKey: 'nav.localPlans',
    icon: <FundOutlined aria-hidden />,
    permission: 'plans.read',
  },
  {
    path: '/reports-due',
    labelKey: 'nav.reportsDue',
    icon: <ScheduleOutlined aria-hidden />,
    // The proposer's side (units and the Sở) owes the reports; the agency reads the overdue list.
    permission: 'proposals.write',
  },
  {
    path: '/implementation',
    labelKey: 'nav.monitoring',
    icon: <AlertOutlined aria-hidden />,
    permission: 'proposals.read',
  },
  {
    path: '/reports',
    labelKey: 'nav.periodicReports',
    icon: <FileDoneOutlined aria-hidden />,
    permission: 'reports.read',
  },
  {
    path: '/typical-products',
    labelKey: 'nav.typicalProducts',
    icon: <TrophyOutlined aria-hidden />,
    permission: 'typical_products.read',
  },
  {
    path: '/organizations',
    labelKey: 'nav.organizations',
    icon: <ApartmentOutlined aria-hidden />,
    permission: 'organizations.read',
  },
  {
    path: '/programmes',
    labelKey: 'nav.programmes',
    icon: <FlagOutlined aria-hidden />,
    permission: 'programmes.read',
  },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined aria-hidden />, permission: 'users.read' },
  { path: '/admin-units', labelKey: 'nav.adminUnits', icon: <EnvironmentOutlined aria-hidden /> },
  {
    path: '/regulation-sets',
    labelKey: 'nav.regulations',
    icon: <BookOutlined aria-hidden />,
    permission: 'regulations.read',
  },
  { path: '/profile', labelKey: 'nav.profile', icon: <UserOutlined aria-hidden /> },
];

/** The menu entry a path belongs to (`/users/123` → `/users`). */
function selectedKeyOf(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/').find((item) => pathname.startsWith(item.path));
  return match?.path ?? (pathname === '/' ? '/' : '');
}

/** A route that may render without a session (the 404 page answers anonymous visitors too). */
function useIsPublicRoute(): boolean {
  return useMatches().some(
    (match) => (match.handle as { isPublic?: boolean } | undefined)?.isPublic === true,
  );
}

/**
 * The signed-in frame: sider menu (items from the permissions in `/me`), header with the user,
 * organisation, language switch and logout, and the routed page in `<main>`.
 */
export function AppShell() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  const isPublicRoute = useIsPublicRoute();

  if (isPending) return <FullPageSpinner />;
  if (error) {
    return (
      <main style={{ padding: 24 }}>
        <QueryError error={error} onRetry={() => void refetch()} />
      </main>
    );
  }
  if (!me) {
    if (isPublicRoute) {
      return (
        <main style={{ padding: 24 }}>
          <Outlet />
        </main>
      );
    }
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // Agency accounts must enrol the TOTP second factor first (R6): the API refuses everything else.
  if (me.secondFactor?.required && !me.secondFactor.enabled && location.pathname !== '/profile') {
    return <Navigate to="/profile" replace />;
  }
  return <SignedInShell me={me} />;
}

function SignedInShell({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { can } = usePermissions();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  // No choice stored on this browser yet: follow the language saved in the account (set on another machine).
  useEffect(() => {
    const accountLocale = me.user.locale;
    if (
      storedLanguage() === null &&
      (accountLocale === 'vi' || accountLocale === 'en') &&
      accountLocale !== language
    ) {
      void setLanguage(accountLocale, { persist: false });
    }
  }, [me.user.locale, language]);

  // After a client-side navigation, move focus to the new content so keyboard and screen-reader
  // users do not stay on the menu link (the first render keeps the browser's own focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change by design.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const items: MenuProps['items'] = NAV_ITEMS.filter((item) => !item.permission || can(item.permission)).map(
    (item) => ({
      key: item.path,
      icon: item.icon,
      label: <Link to={item.path}>{t(item.labelKey)}</Link>,
    }),
  );

  const organizationLine = me.organization
    ? `${me.organization.name} · ${organizationKindLabel(me.organization.kind, language)}`
    : t('dashboard.noOrganization');

  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => navigate('/login?loggedOut=1', { replace: true }),
    });
  };

  // Tell the server the chosen language so e-mails follow it; the switch itself never waits for it.
  const onLanguageChange = (locale: TLanguage) => {
    queryClient.setQueryData<TMe | null>(ME_QUERY_KEY, (old) =>
      old ? { ...old, user: { ...old.user, locale } } : old,
    );
    void api('/me', { method: 'PATCH', body: { locale } }).catch(() => undefined);
  };

  const isSmall = screens.md === false;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('common.skipToContent')}
      </a>
      <Layout.Sider
        width={240}
        collapsedWidth={isSmall ? 0 : 72}
        collapsed={collapsed}
        trigger={null}
        breakpoint="md"
        onBreakpoint={(broken) => setCollapsed(broken)}
      >
        <div className="brand">
          <img src="/logo.svg" alt="" width={28} height={28} />
          {collapsed ? null : <span>{t('common.appName')}</span>}
        </div>
        <nav aria-label={t('nav.mainMenu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedKeyOf(location.pathname)]}
            items={items}
            onClick={() => {
              if (isSmall) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header" role="banner">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            aria-expanded={!collapsed}
            onClick={() => setCollapsed((value) => !value)}
          />
          <div className="app-header-title">{t('common.productTitle')}</div>
          <Suspense fallback={null}>
            <GlobalSearch />
          </Suspense>
          <div className="app-header-user">
            <span className="app-header-user-name">{me.user.name}</span>
            <span className="app-header-user-org" title={organizationLine}>
              {organizationLine}
            </span>
          </div>
          <LanguageSwitch onChange={onLanguageChange} />
          <Button icon={<LogoutOutlined aria-hidden />} onClick={onLogout} loading={logout.isPending}>
            {t('nav.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content className="app-content" id="main-content" tabIndex={-1} ref={mainRef}>
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
