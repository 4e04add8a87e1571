import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The orange (warning) mark on every value the regulation set flags `needsVerification`: the value comes from a
 * recalled, superseded or disputed text and must be checked before anyone relies on it. The tooltip
 * (also read by screen readers through the label) names the source.
 */
export function VerificationTag({ source, show = true }: { source: string; show?: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  const tip = t('regulations.verify.tooltip', { source });
  return (
    <Tooltip title={tip}>
      <Tag
        color="warning"
        icon={<ExclamationCircleOutlined aria-hidden />}
        className="rs-verify-tag"
        tabIndex={0}
        aria-label={`${t('regulations.verify.tag')}. ${tip}`}
      >
        {t('regulations.verify.tag')}
      </Tag>
    </Tooltip>
  );
}

/** The legal source of a value, in small print, with the verification mark when flagged. */
export function SourceLine({ source, needsVerification }: { source: string; needsVerification: boolean }) {
  return (
    <div className="rs-source">
      <span>{source}</span> <VerificationTag source={source} show={needsVerification} />
    </div>
  );
}
