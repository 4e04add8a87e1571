import { Form, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { type TCertificate, useCertificate, useCertificates } from './typical-products.api';

/**
 * The certificate picker of a typical-product proposal (issue #11): searches the registry (marks
 * ignored) and stores the choice as `fields.certificateIds`, so the rule check reads the registry's
 * record. Picking also copies the certificate's level, number and validity into the typed fields, and
 * the holder's name and tax code into an empty beneficiary.
 */
export function CertificatePicker({
  value,
  onChange,
  disabled,
  id,
}: {
  value?: string[] | undefined;
  onChange?: (value: string[] | undefined) => void;
  disabled?: boolean | undefined;
  id?: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const list = useCertificates({ q: q || undefined, page: 1, pageSize: 20, sort: '-validUntil' });
  const selectedId = value?.[0];
  const selected = useCertificate(selectedId);

  const label = (c: TCertificate) =>
    t('typicalProducts.picker.option', {
      number: c.certificateNumber,
      product: c.productName,
      holder: c.establishmentName,
      level: t(`typicalProducts.levels.${c.level}`),
      until: formatDateVi(c.validUntil),
    });
  const items = [...(list.data?.items ?? [])];
  if (selected.data && !items.some((c) => c.id === selected.data.id)) items.unshift(selected.data);
  const options = items.map((c) => ({ value: c.id, label: label(c), certificate: c }));

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      disabled={disabled}
      value={selectedId}
      placeholder={t('typicalProducts.picker.placeholder')}
      notFoundContent={list.isFetching ? <Spin size="small" /> : t('typicalProducts.picker.notFound')}
      options={options}
      popupMatchSelectWidth={false}
      onChange={(next: string | undefined, option) => {
        onChange?.(next ? [next] : undefined);
        const c = (Array.isArray(option) ? option[0] : option)?.certificate as TCertificate | undefined;
        if (!c) return;
        form.setFieldValue(['fields', 'certificateLevel'], c.level);
        form.setFieldValue(['fields', 'certificateNumber'], c.certificateNumber);
        form.setFieldValue(['fields', 'validUntil'], dayjs(c.validUntil));
        if (!form.getFieldValue(['beneficiary', 'name']))
          form.setFieldValue(['beneficiary', 'name'], c.establishmentName);
        if (!form.getFieldValue(['beneficiary', 'taxCode'])) {
          form.setFieldValue(['beneficiary', 'taxCode'], c.establishmentTaxCode);
        }
      }}
    />
  );
}
