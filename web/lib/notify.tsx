import { message } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';

/** antd's message API (success, error, info…). */
export type TMessageApi = ReturnType<typeof message.useMessage>[0];

const NotifyContext = createContext<TMessageApi | null>(null);

/**
 * Toast messages that follow the theme and locale. antd's `<App>` would also bring modal and
 * notification code into the first download; the shell needs only messages.
 */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [api, contextHolder] = message.useMessage();
  return (
    <NotifyContext.Provider value={api}>
      {contextHolder}
      {children}
    </NotifyContext.Provider>
  );
}

export function useNotify(): TMessageApi {
  const api = useContext(NotifyContext);
  if (!api) throw new Error('useNotify() outside <NotifyProvider>');
  return api;
}
