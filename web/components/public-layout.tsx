import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** Layout of the pages seen before signing in: product header, one card, footer. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-page">
      <header className="public-header">
        <div className="public-brand">
          <img src="/logo.svg" alt="" width={48} height={48} />
          <div>
            <h1>{t('common.productTitle')}</h1>
            <p>{t('common.productSubtitle')}</p>
          </div>
        </div>
        <LanguageSwitch inverted />
      </header>
      <main className="public-main">{children}</main>
      <footer className="public-footer">{t('common.ministry')}</footer>
    </div>
  );
}
