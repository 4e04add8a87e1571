import { describe, expect, it } from 'vitest';
import { ZCertificatesQuery, ZCreateCertificateRequest, ZTaxCode } from './typical-products';

const VALID = {
  productName: 'Chè Shan tuyết',
  productGroup: 'food_processing',
  establishmentName: 'HTX Chè Suối Giàng',
  establishmentTaxCode: '5200123456',
  provinceCode: '10',
  level: 'national',
  selectionYear: 2024,
  certificateNumber: '1/QĐ-BCT',
  issueDate: '2024-11-20',
  validUntil: '2029-11-19',
  issuingBody: 'Bộ Công Thương',
};

describe('typical-product schemas', () => {
  it('tax codes: 10 digits or a branch 10-3, spaces and dots dropped', () => {
    expect(ZTaxCode.parse(' 0101.234 567 ')).toBe('0101234567');
    expect(ZTaxCode.parse('0101234567-001')).toBe('0101234567-001');
    for (const bad of ['010123456', '01012345678', '0101234567-01', 'ABCDEFGHIJ', '']) {
      expect(ZTaxCode.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('a certificate: the four groups, three levels (no district), real dates, two-digit province', () => {
    expect(ZCreateCertificateRequest.parse(VALID)).toMatchObject(VALID);
    for (const [key, value] of [
      ['level', 'district'],
      ['productGroup', 'ocop'],
      ['issueDate', '2024-02-30'],
      ['provinceCode', '1'],
      ['productName', '   '],
      ['selectionYear', 1999],
    ] as const) {
      expect(ZCreateCertificateRequest.safeParse({ ...VALID, [key]: value }).success, key).toBe(false);
    }
  });

  it('the list query: defaults and sorts', () => {
    expect(ZCertificatesQuery.parse({})).toMatchObject({ page: 1, pageSize: 50 });
    expect(ZCertificatesQuery.parse({ sort: '-validUntil', selectionYear: '2024' })).toMatchObject({
      sort: '-validUntil',
      selectionYear: 2024,
    });
    expect(ZCertificatesQuery.safeParse({ sort: 'taxCode' }).success).toBe(false);
  });
});
