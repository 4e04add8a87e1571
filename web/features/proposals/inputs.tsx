import { InputNumber, Tag } from 'antd';
import type { ComponentProps } from 'react';
import { formatVnd } from '../../../domain/lib/money';
import { useLanguage } from '../../lib/format';
import { statusColor, statusLabel } from './labels';

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** An integer amount of VND, typed as digits and shown grouped the Vietnamese way (`1.500.000.000 ₫`). */
export function VndNumberInput(
  props: Omit<ComponentProps<typeof InputNumber<number>>, 'formatter' | 'parser'>,
) {
  return (
    <InputNumber<number>
      min={0}
      max={Number.MAX_SAFE_INTEGER}
      precision={0}
      step={1_000_000}
      inputMode="numeric"
      suffix="₫"
      style={{ width: '100%' }}
      formatter={(value) =>
        value === undefined || value === null || `${value}` === '' ? '' : group(String(value))
      }
      parser={(value) => {
        const digits = (value ?? '').replace(/\D/g, '').slice(0, 15);
        return digits === '' ? (null as unknown as number) : Number(digits);
      }}
      {...props}
    />
  );
}

export function StatusTag({ status }: { status: string }) {
  const language = useLanguage();
  return <Tag color={statusColor(status)}>{statusLabel(status, language)}</Tag>;
}

export const vnd = (amount: number | null | undefined) =>
  typeof amount === 'number' ? formatVnd(amount) : '—';
