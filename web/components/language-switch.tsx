import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../lib/format';
import { setLanguage, type TLanguage } from '../lib/i18n';

const CHOICES: { value: TLanguage; short: string }[] = [
  { value: 'vi', short: 'VI' },
  { value: 'en', short: 'EN' },
];

/** Two toggle buttons (vi / EN); the choice is stored in localStorage by lib/i18n. */
export function LanguageSwitch({
  onChange,
  inverted,
}: {
  onChange?: (language: TLanguage) => void;
  inverted?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Space.Compact role="group" aria-label={t('language.label')}>
      {CHOICES.map((choice) => {
        const isCurrent = choice.value === language;
        return (
          <Button
            key={choice.value}
            size="small"
            type={isCurrent && !inverted ? 'primary' : 'default'}
            ghost={inverted && !isCurrent}
            className={inverted && isCurrent ? 'language-current-inverted' : undefined}
            aria-pressed={isCurrent}
            lang={choice.value}
            title={t(`language.${choice.value}`)}
            onClick={() => {
              if (isCurrent) return;
              void setLanguage(choice.value);
              onChange?.(choice.value);
            }}
          >
            {choice.short}
          </Button>
        );
      })}
    </Space.Compact>
  );
}
