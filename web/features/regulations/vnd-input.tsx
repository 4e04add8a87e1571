import { Input } from 'antd';
import { formatVndText } from './try-out';

/**
 * An amount in VND typed as digits and shown grouped the Vietnamese way (`1.200.000.000`) while typing.
 * The value is the displayed text; `parseVndText` reads it.
 */
export function VndInput({
  id,
  value,
  onChange,
  placeholder,
  ariaLabel,
}: {
  id?: string;
  value: string;
  onChange: (text: string) => void;
  placeholder?: string;
  ariaLabel?: string;
}) {
  return (
    <Input
      id={id}
      inputMode="numeric"
      autoComplete="off"
      value={value}
      placeholder={placeholder}
      aria-label={ariaLabel}
      suffix="₫"
      onChange={(event) => onChange(formatVndText(event.target.value))}
      style={{ textAlign: 'right' }}
    />
  );
}
