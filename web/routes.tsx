import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from './components/route-error';
import LoginPage from './features/auth/login-page';
import { AppShell } from './features/shell/app-shell';

// Login and the shell are in the initial bundle; every page behind them is its own chunk, so a
// provincial connection downloads a page's code only when the page is opened.
const SetPasswordPage = lazy(() => import('./features/auth/set-password-page'));
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page'));
const OrganizationsPage = lazy(() => import('./features/organizations/organizations-page'));
const UsersPage = lazy(() => import('./features/users/users-page'));
const AdminUnitsPage = lazy(() => import('./features/admin-units/admin-units-page'));
const ProfilePage = lazy(() => import('./features/profile/profile-page'));
const RegulationSetsPage = lazy(() => import('./features/regulations/regulation-sets-page'));
const RegulationSetPage = lazy(() => import('./features/regulations/regulation-set-page'));
const ReceiptPage = lazy(() => import('./features/documents/ReceiptPage'));
const ProposalsPage = lazy(() => import('./features/proposals/proposals-page'));
const ProposalPage = lazy(() => import('./features/proposals/proposal-page'));
const ProposalsImportPage = lazy(() => import('./features/proposals/import-page'));
const TypicalProductsPage = lazy(() => import('./features/typical-products/typical-products-page'));
const CertificatePage = lazy(() => import('./features/typical-products/certificate-page'));
const CyclesPage = lazy(() => import('./features/cycles/cycles-page'));
const ProgrammesPage = lazy(() => import('./features/programmes/programmes-page'));
const NotFoundPage = lazy(() => import('./components/not-found-page'));
const InboxPage = lazy(() => import('./features/appraisals/inbox-page'));
const QueuePage = lazy(() => import('./features/appraisals/queue-page'));
const AppraisalPage = lazy(() => import('./features/appraisals/appraisal-page'));
const PlanPage = lazy(() => import('./features/appraisals/plan-page'));
const LocalPlansPage = lazy(() => import('./features/local-plans/local-plans-page'));
const OpenDataPage = lazy(() => import('./features/appraisals/open-data-page'));
const ReportsDuePage = lazy(() => import('./features/implementation/reports-due-page'));
const MonitoringPage = lazy(() => import('./features/implementation/monitoring-page'));
const InspectionPage = lazy(() => import('./features/implementation/inspection-page'));
const ProvinceReportPage = lazy(() => import('./features/reports/province-report-page'));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/set-password', element: <SetPasswordPage />, errorElement: <RouteError /> },
  { path: '/open-data/plans/:year', element: <OpenDataPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'organizations', element: <OrganizationsPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'admin-units', element: <AdminUnitsPage /> },
          { path: 'regulation-sets', element: <RegulationSetsPage /> },
          { path: 'regulation-sets/:id', element: <RegulationSetPage /> },
          { path: 'proposals', element: <ProposalsPage /> },
          { path: 'proposals/new', element: <ProposalPage /> },
          { path: 'proposals/import', element: <ProposalsImportPage /> },
          { path: 'proposals/:id', element: <ProposalPage /> },
          { path: 'proposals/:id/receipt', element: <ReceiptPage /> },
          { path: 'proposals/:id/inspection', element: <InspectionPage /> },
          { path: 'reports-due', element: <ReportsDuePage /> },
          { path: 'implementation', element: <MonitoringPage /> },
          { path: 'cycles', element: <CyclesPage /> },
          { path: 'typical-products', element: <TypicalProductsPage /> },
          { path: 'typical-products/:id', element: <CertificatePage /> },
          { path: 'programmes', element: <ProgrammesPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'appraisals', element: <InboxPage /> },
          { path: 'appraisals/:id', element: <AppraisalPage /> },
          { path: 'my-appraisals', element: <QueuePage /> },
          { path: 'plans', element: <PlanPage /> },
          { path: 'plans/:year', element: <PlanPage /> },
          { path: 'local-plans', element: <LocalPlansPage /> },
          { path: 'reports', element: <ProvinceReportPage /> },
          { path: '*', element: <NotFoundPage />, handle: { isPublic: true } },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
