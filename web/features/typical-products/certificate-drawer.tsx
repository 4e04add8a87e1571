import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_LEVELS, PRODUCT_GROUPS } from '../../../domain/enums/typical-products';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../lib/forms';
import { useNotify } from '../../lib/notify';
import { type TCertificate, useCreateCertificate, useUpdateCertificate } from './typical-products.api';

type TForm = {
  productName: string;
  productGroup: TCertificate['productGroup'];
  establishmentName: string;
  establishmentTaxCode: string;
  provinceCode: string;
  commune?: string;
  level: TCertificate['level'];
  selectionRound?: string;
  selectionYear: number;
  certificateNumber: string;
  issueDate: Dayjs;
  validUntil: Dayjs;
  issuingBody: string;
};

const FIELDS = [
  'productName',
  'productGroup',
  'establishmentName',
  'establishmentTaxCode',
  'provinceCode',
  'commune',
  'level',
  'selectionRound',
  'selectionYear',
  'certificateNumber',
  'issueDate',
  'validUntil',
  'issuingBody',
] as const;

const DATE = 'DD/MM/YYYY';

/**
 * Create or edit a certificate. The province is the code of the time (the unit in force on the issue
 * date); the server refuses what the caller may not record, with its reason.
 */
export function CertificateDrawer({
  open,
  certificate,
  levels,
  onClose,
  onSaved,
}: {
  open: boolean;
  certificate: TCertificate | null;
  /** The levels this user may choose (a province: provincial only). */
  levels: readonly TCertificate['level'][];
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<TForm>();
  const create = useCreateCertificate();
  const update = useUpdateCertificate();
  const error = certificate ? update.error : create.error;

  useEffect(() => {
    if (error) applyFieldErrors(form, error, FIELDS);
  }, [error, form]);

  const initial: Partial<TForm> = certificate
    ? {
        ...certificate,
        provinceCode: certificate.province.code,
        commune: certificate.commune ?? '',
        selectionRound: certificate.selectionRound ?? '',
        issueDate: dayjs(certificate.issueDate),
        validUntil: dayjs(certificate.validUntil),
      }
    : { level: levels[0] ?? 'provincial', productGroup: 'handicrafts', selectionYear: dayjs().year() };

  const onSave = async () => {
    const v = await form.validateFields();
    const body = {
      productName: v.productName,
      productGroup: v.productGroup,
      establishmentName: v.establishmentName,
      establishmentTaxCode: v.establishmentTaxCode,
      provinceCode: v.provinceCode,
      commune: v.commune?.trim() || null,
      level: v.level,
      selectionRound: v.selectionRound?.trim() || null,
      selectionYear: v.selectionYear,
      certificateNumber: v.certificateNumber,
      issueDate: v.issueDate.format('YYYY-MM-DD'),
      validUntil: v.validUntil.format('YYYY-MM-DD'),
      issuingBody: v.issuingBody,
    };
    if (certificate) {
      update.mutate(
        { id: certificate.id, changes: { ...body, lockVersion: certificate.lockVersion } },
        {
          onSuccess: (saved) => {
            void notify.success(t('typicalProducts.updated'));
            onSaved?.(saved.id);
            onClose();
          },
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          void notify.success(t('typicalProducts.created'));
          onSaved?.(saved.id);
          onClose();
        },
      });
    }
  };

  return (
    <FormDrawer
      open={open}
      title={
        certificate
          ? t('typicalProducts.editTitle', { number: certificate.certificateNumber })
          : t('typicalProducts.createTitle')
      }
      onClose={onClose}
      onSave={() => void onSave()}
      isSaving={create.isPending || update.isPending}
      error={error}
      fieldNames={FIELDS}
    >
      <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
        <Form.Item name="productName" label={t('typicalProducts.productName')} rules={[{ required: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="productGroup" label={t('typicalProducts.productGroup')} rules={[{ required: true }]}>
          <Select
            options={PRODUCT_GROUPS.map((g) => ({ value: g, label: t(`typicalProducts.groups.${g}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="establishmentName"
              label={t('typicalProducts.establishmentName')}
              rules={[{ required: true }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="establishmentTaxCode"
              label={t('typicalProducts.establishmentTaxCode')}
              rules={[{ required: true }]}
            >
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="provinceCode"
              label={t('typicalProducts.provinceAtTime')}
              extra={t('typicalProducts.provinceAtTimeHelp')}
              rules={[{ required: true, pattern: /^\d{2}$/ }]}
            >
              <Input maxLength={2} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="commune" label={t('typicalProducts.commune')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="level" label={t('typicalProducts.level')} rules={[{ required: true }]}>
              <Select
                options={CERTIFICATE_LEVELS.filter((l) => levels.includes(l)).map((l) => ({
                  value: l,
                  label: t(`typicalProducts.levels.${l}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="selectionYear"
              label={t('typicalProducts.selectionYear')}
              rules={[{ required: true }]}
            >
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="selectionRound" label={t('typicalProducts.selectionRound')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="certificateNumber"
              label={t('typicalProducts.certificateNumber')}
              rules={[{ required: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="issuingBody"
              label={t('typicalProducts.issuingBody')}
              rules={[{ required: true }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="issueDate" label={t('typicalProducts.issueDate')} rules={[{ required: true }]}>
              <DatePicker format={DATE} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="validUntil" label={t('typicalProducts.validUntil')} rules={[{ required: true }]}>
              <DatePicker format={DATE} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}

/** The levels a user may record: the agency all, a province its provincial ones (the server decides). */
export function writableLevels(roles: readonly string[]): TCertificate['level'][] {
  const agency = roles.some((r) => r === 'agency_admin' || r === 'agency_officer');
  return agency ? ['national', 'regional', 'provincial'] : ['provincial'];
}
