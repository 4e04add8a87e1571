import { describe, expect, it } from 'vitest';
import { checkProposal, normalizeTaxCode } from './check-proposal';
import { renderFindingMessage } from './messages';
import { NATIONAL_2026 } from './seeds';
import { codes, proposal } from './test-helpers';
import type { TCheckableProposal, TReferencedCertificate, TRegulationSet } from './types';

/**
 * Issue 11, done when 1: a typical-product proposal referencing registry certificates is checked against
 * the registry's facts: the priority for a valid regional or national certificate held by the
 * beneficiary, a warning for an expired one or another establishment's.
 */

const TAX = '0101234567';
const NATIONAL: TReferencedCertificate = {
  id: '7a1d3c1e-0000-4000-8000-000000000001',
  number: '123/QĐ-BCT',
  level: 'national',
  productName: 'Chè Shan tuyết Suối Giàng',
  holderName: 'Hợp tác xã chè Suối Giàng',
  holderTaxCode: TAX,
  validUntil: '2029-12-31',
};

function typical(certificates: TReferencedCertificate[], overrides: Partial<TCheckableProposal> = {}) {
  return proposal({
    activityType: 'typical_product',
    beneficiary: { name: 'Hợp tác xã chè Suối Giàng', taxCode: TAX, kind: 'cooperative' },
    fields: { certificateIds: certificates.map((c) => c.id) },
    certificates,
    budget: { total: 100_000_000, requested: 50_000_000, counterpart: 50_000_000, other: 0 },
    ...overrides,
  });
}

const certificateFindings = (p: TCheckableProposal, set: TRegulationSet = NATIONAL_2026, ctx = {}) =>
  checkProposal(p, set, ctx).filter((f) => f.code.startsWith('certificate_'));

describe('typical-product certificates referenced from the registry', () => {
  it('a valid national certificate of the beneficiary gets the priority finding', () => {
    const findings = certificateFindings(typical([NATIONAL]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'certificate_priority',
      severity: 'info',
      path: 'fields.certificateIds.0',
      params: { number: '123/QĐ-BCT', level: 'national', validUntil: '2029-12-31', checkDate: '2025-09-30' },
    });
    expect(findings[0]!.message.vi).toContain('cấp quốc gia số 123/QĐ-BCT');
    expect(findings[0]!.message.vi).toContain('31/12/2029');
  });

  it('a valid regional certificate gets it too; a provincial one is accepted without priority', () => {
    expect(codes(certificateFindings(typical([{ ...NATIONAL, level: 'regional' }])))).toEqual([
      'certificate_priority',
    ]);
    expect(certificateFindings(typical([{ ...NATIONAL, level: 'provincial' }]))).toEqual([]);
  });

  it('the priority levels are the set’s data', () => {
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      eligibility: {
        ...NATIONAL_2026.eligibility,
        typicalProductCertificate: {
          ...NATIONAL_2026.eligibility.typicalProductCertificate!,
          priorityLevels: ['national'],
        },
      },
    };
    expect(codes(certificateFindings(typical([{ ...NATIONAL, level: 'regional' }]), set))).toEqual([]);
    expect(codes(certificateFindings(typical([NATIONAL]), set))).toEqual(['certificate_priority']);
  });

  it('an expired certificate gets a warning and no priority', () => {
    const findings = certificateFindings(typical([{ ...NATIONAL, validUntil: '2025-09-29' }]));
    expect(codes(findings)).toEqual(['certificate_expired']);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      params: { validUntil: '2025-09-29', checkDate: '2025-09-30', number: '123/QĐ-BCT' },
    });
    expect(findings[0]!.message.vi).toContain('số 123/QĐ-BCT hết hiệu lực ngày 29/09/2025');
  });

  it('valid on the deadline day itself still counts; an extension moves the date', () => {
    expect(codes(certificateFindings(typical([{ ...NATIONAL, validUntil: '2025-09-30' }])))).toEqual([
      'certificate_priority',
    ]);
    const extended = { dossierDeadline: '2025-10-15T16:59:59Z' };
    expect(
      codes(
        certificateFindings(typical([{ ...NATIONAL, validUntil: '2025-09-30' }]), NATIONAL_2026, extended),
      ),
    ).toEqual(['certificate_expired']);
    // Checked after the deadline: the certificate must be valid today.
    const late = { today: '2030-01-05T03:00:00Z' };
    expect(codes(certificateFindings(typical([NATIONAL]), NATIONAL_2026, late))).toEqual([
      'certificate_expired',
    ]);
  });

  it('another establishment’s certificate gets a warning and no priority', () => {
    const findings = certificateFindings(typical([{ ...NATIONAL, holderTaxCode: '0309876543' }]));
    expect(codes(findings)).toEqual(['certificate_holder_mismatch']);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      params: { holderTaxCode: '0309876543', beneficiaryTaxCode: TAX },
    });
    expect(findings[0]!.message.en).toContain('not to the beneficiary');
  });

  it('tax codes match without spaces, dots or case; without a beneficiary tax code nothing matches', () => {
    expect(normalizeTaxCode(' 0101.234 567-001a ')).toBe('0101234567-001A');
    expect(normalizeTaxCode(undefined)).toBe('');
    const spaced = typical([NATIONAL], {
      beneficiary: { name: 'HTX', taxCode: '0101 234 567', kind: 'cooperative' },
    });
    expect(codes(certificateFindings(spaced))).toEqual(['certificate_priority']);
    const none = certificateFindings(typical([NATIONAL], { beneficiary: { name: 'HTX' } }));
    expect(codes(none)).toEqual(['certificate_holder_mismatch']);
    expect(none[0]!.message.vi).toContain('Chưa nhập mã số thuế');
    expect(codes(certificateFindings(typical([NATIONAL], { beneficiary: undefined })))).toEqual([
      'certificate_holder_mismatch',
    ]);
  });

  it('expired and another’s: both warnings', () => {
    const both = { ...NATIONAL, validUntil: '2024-01-01', holderTaxCode: '0309876543' };
    expect(codes(certificateFindings(typical([both])))).toEqual([
      'certificate_expired',
      'certificate_holder_mismatch',
    ]);
  });

  it('a reference the registry did not resolve is a warning; a duplicate counts once', () => {
    const p = typical([NATIONAL], {
      fields: { certificateIds: [NATIONAL.id, 'no-such-id', NATIONAL.id] },
    });
    const findings = certificateFindings(p);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['certificate_priority', 'fields.certificateIds.0'],
      ['certificate_not_found', 'fields.certificateIds.1'],
    ]);
    expect(findings[1]!.params).toEqual({ certificateId: 'no-such-id' });
    const noFacts = typical([NATIONAL], { certificates: undefined });
    expect(codes(certificateFindings(noFacts))).toEqual(['certificate_not_found']);
  });

  it('a level the set does not accept is refused like a typed one', () => {
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      eligibility: {
        ...NATIONAL_2026.eligibility,
        typicalProductCertificate: {
          ...NATIONAL_2026.eligibility.typicalProductCertificate!,
          acceptedLevels: ['national'],
        },
      },
    };
    const findings = certificateFindings(typical([{ ...NATIONAL, level: 'provincial' }]), set);
    expect(findings.map((f) => [f.code, f.severity, f.params.reason])).toEqual([
      ['certificate_required', 'error', 'level_not_accepted'],
    ]);
    const optional: TRegulationSet = {
      ...set,
      eligibility: {
        ...set.eligibility,
        typicalProductCertificate: { ...set.eligibility.typicalProductCertificate!, required: false },
      },
    };
    expect(certificateFindings(typical([{ ...NATIONAL, level: 'provincial' }]), optional)[0]!.severity).toBe(
      'warning',
    );
  });

  it('references replace the typed claim: an expired typed date is not checked', () => {
    const p = typical([NATIONAL], {
      fields: {
        certificateIds: [NATIONAL.id],
        certificateLevel: 'national',
        certificateNumber: 'typed',
        validUntil: '2001-01-01',
      },
    });
    expect(codes(certificateFindings(p))).toEqual(['certificate_priority']);
  });

  it('an empty reference list falls back to the typed claim; other activity types ignore references', () => {
    const p = typical([], { fields: { certificateIds: [] } });
    expect(codes(certificateFindings(p))).toEqual(['certificate_required']);
    const other = proposal({ fields: { certificateIds: [NATIONAL.id] }, certificates: [NATIONAL] });
    expect(certificateFindings(other)).toEqual([]);
  });

  it('an unparseable validity date is never valid', () => {
    expect(codes(certificateFindings(typical([{ ...NATIONAL, validUntil: 'sometime' }])))).toEqual([
      'certificate_expired',
    ]);
  });

  it('a stored finding with an unknown level still renders', () => {
    const params = { number: '1', level: 'district', validUntil: '2030-01-01', checkDate: '2025-09-30' };
    const message = renderFindingMessage({ code: 'certificate_priority', params });
    expect(message.vi).toContain('tiêu biểu district số 1');
    expect(message.en).toContain('holds district typical-product certificate');
  });
});
