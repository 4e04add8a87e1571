import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import type { ReactNode } from 'react';
import { queryClient } from '../lib/api';
import { useLanguage } from '../lib/format';
import { NotifyProvider } from '../lib/notify';

/**
 * Colours chosen for WCAG AA contrast on white (antd's defaults — #1677ff buttons, 45 % grey secondary
 * text, #ff4d4f errors — fall below 4.5:1 and fail the axe check).
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b4f9c',
    colorLink: '#0b4f9c',
    // antd derives a lighter hover (#4782b5, contrast 4.1:1): a hovered link must stay readable too.
    colorLinkHover: '#1765b8',
    // Likewise the primary button's hover under its white text (5.9:1).
    colorPrimaryHover: '#1765b8',
    colorError: '#b42318',
    colorSuccess: '#1f6e09',
    colorWarning: '#8a5300',
    colorInfo: '#0b4f9c',
    // Light backgrounds set explicitly: derived from these dark seeds they come out greyish and
    // the text on status tags and alerts drops below 4.5:1.
    colorSuccessBg: '#edf7e8',
    colorSuccessBorder: '#b5dba3',
    colorErrorBg: '#fdeceb',
    colorErrorBorder: '#f3b8b2',
    colorWarningBg: '#fff5e0',
    colorWarningBorder: '#efcf8c',
    colorInfoBg: '#e9f1fb',
    colorInfoBorder: '#a9c5ea',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#0a2540', headerBg: '#ffffff', headerPadding: '0 16px' },
    // An empty table's text ("Chưa có đề án nào.") is drawn in the disabled colour (#bfbfbf, contrast
    // 1.8:1): readable grey instead (WCAG 1.4.3, 4.5:1).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    Menu: {
      darkItemBg: '#0a2540',
      darkSubMenuItemBg: '#0a2540',
      darkItemColor: 'rgba(255, 255, 255, 0.85)',
      darkItemSelectedBg: '#0b4f9c',
    },
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'en' ? enUS : viVN}
        theme={theme}
        // Non-virtual lists render every option with role="option": screen readers and tests can reach them
        // (the lists here are at most a few hundred items).
        virtual={false}
      >
        <NotifyProvider>{children}</NotifyProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
