import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * Shown when a route fails to render — most often a lazy chunk that did not arrive over a dropped
 * provincial connection (or an old tab after a deploy): offer a reload instead of a blank page.
 * Kept free of heavy components: it is part of the first download.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main style={{ padding: 24, maxWidth: 720, margin: '0 auto' }}>
      <h1 style={{ fontSize: 22 }}>{isNotFound ? t('notFound.title') : t('errors.routeFailed')}</h1>
      <Alert
        type={isNotFound ? 'info' : 'warning'}
        showIcon
        title={isNotFound ? t('notFound.description') : t('errors.generic')}
        action={
          <Button
            type="primary"
            onClick={() => window.location.assign(isNotFound ? '/' : window.location.href)}
          >
            {isNotFound ? t('notFound.back') : t('errors.reload')}
          </Button>
        }
      />
    </main>
  );
}
