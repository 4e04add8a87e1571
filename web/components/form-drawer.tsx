import { Alert, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api';
import { hasFieldErrors } from '../lib/forms';

/**
 * The drawer every create/edit form uses: title, Cancel/Save footer, and the server's refusal shown
 * above the form unless it is about fields the form shows in place.
 */
export function FormDrawer(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSave: () => void;
  isSaving: boolean;
  /** The mutation's error, if its last attempt failed. */
  error: unknown;
  /** Fields whose server errors are shown under their inputs instead of in the alert. */
  fieldNames: readonly string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { error } = props;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      size={560}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={props.isSaving} onClick={props.onSave}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && !hasFieldErrors(error, props.fieldNames) ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 16 }} />
      ) : null}
      {props.children}
    </Drawer>
  );
}
