import './styles.css';
import './lib/i18n';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './components/app-providers';
import { FullPageSpinner } from './components/full-page-spinner';
import { ME_QUERY_KEY } from './features/auth/auth.api';
import { queryClient, setUnauthenticatedHandler } from './lib/api';
import { router } from './routes';

// A 401 on any call means the session ended (idle or absolute timeout, logout in another tab):
// forget the user and go to the login page, coming back here afterwards.
setUnauthenticatedHandler(() => {
  queryClient.setQueryData(ME_QUERY_KEY, null);
  const { pathname, search } = window.location;
  if (pathname === '/login' || pathname === '/set-password') return;
  const next = `${pathname}${search}`;
  void router.navigate(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`, {
    replace: true,
  });
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <Suspense fallback={<FullPageSpinner />}>
        <RouterProvider router={router} />
      </Suspense>
    </AppProviders>
  </StrictMode>,
);
