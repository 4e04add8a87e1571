import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { checkProposal, NATIONAL_2026 } from '../../../domain/regulation';
import { cleanFields, namePathOf, type TProposalFormValues, toCheckable, toRequest } from './form-model';

const values: TProposalFormValues = {
  activityType: 'machinery',
  title: '  Ứng dụng máy sao chè  ',
  beneficiary: { name: 'HTX Chè', taxCode: '', kind: 'cooperative' },
  location: { commune: 'Xã Tả Van', address: ' ' },
  startDate: dayjs('2026-03-01'),
  endDate: null,
  budget: { total: 1_400_000_000, requested: 600_000_000, counterpart: 800_000_000, other: null },
  fields: {
    items: [{ name: 'Máy sao chè', price: 650_000_000, quotations: 3, note: '' }],
    isTechnologyLine: false,
    validUntil: dayjs('2027-12-31'),
    establishments: undefined,
  },
  orientations: ['agro-processing'],
  outputs: [{ name: 'Máy', quantity: 1, unit: 'bộ' }, { name: ' ' }],
};

describe('the proposal form model', () => {
  it('turns form values into the API body: trimmed text, ISO dates, integer amounts, clean typed fields', () => {
    expect(toRequest(values)).toMatchObject({
      title: 'Ứng dụng máy sao chè',
      beneficiary: { name: 'HTX Chè', kind: 'cooperative' },
      location: { commune: 'Xã Tả Van' },
      startDate: '2026-03-01',
      endDate: null,
      budget: { total: 1_400_000_000, requested: 600_000_000, counterpart: 800_000_000, other: 0 },
      outputs: [{ name: 'Máy', quantity: 1, unit: 'bộ' }],
      fields: {
        items: [{ name: 'Máy sao chè', price: 650_000_000, quotations: 3 }],
        isTechnologyLine: false,
        validUntil: '2027-12-31',
      },
    });
    expect(cleanFields(undefined)).toEqual({});
    // Referenced registry certificates (issue #11) are ids, kept as they are.
    expect(cleanFields({ certificateIds: ['a1', 'b2'], items: [] })).toEqual({
      certificateIds: ['a1', 'b2'],
      items: [],
    });
  });

  it('feeds the rule engine exactly what the server checks: the cap error shows while typing', () => {
    const findings = checkProposal(toCheckable(values, 2026, ['price_quotations']), NATIONAL_2026);
    const cap = findings.find((f) => f.code === 'cap_exceeded');
    expect(cap?.params.allowed).toBe(300_000_000);
    const fixed = checkProposal(
      toCheckable(
        { ...values, budget: { total: 1_400_000_000, requested: 300_000_000, counterpart: 1_100_000_000 } },
        2026,
        [],
      ),
      NATIONAL_2026,
    );
    expect(fixed.some((f) => f.code === 'cap_exceeded')).toBe(false);
  });

  it('maps server field paths onto antd name paths', () => {
    expect(namePathOf('fields.items.0.price')).toEqual(['fields', 'items', 0, 'price']);
    expect(namePathOf('budget.requested')).toEqual(['budget', 'requested']);
  });
});
