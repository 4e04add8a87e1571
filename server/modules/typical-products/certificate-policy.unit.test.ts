import { describe, expect, it } from 'vitest';
import type { TRole } from '../../../domain/enums/roles';
import { buildActor, systemActor } from '../../access/actor';
import type { TAdminUnitRow } from '../admin-units/admin-units.repository';
import { certificateWriteDecision, reportWriteDecision } from './certificate-policy';
import { provincesOf } from './provinces';

const actor = (roles: TRole[], provinceCode: string | null) =>
  buildActor({
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'x@y.vn',
    name: 'X',
    roles,
    organizationId: '00000000-0000-4000-8000-000000000002',
    organizationKind: provinceCode ? 'provincial_department' : 'agency',
    provinceCode,
    via: 'session',
    ip: null,
    requestId: null,
  });

describe('who may write a certificate', () => {
  const own = { level: 'provincial', currentProvinceCode: '15' };
  it('the agency and the system: every level', () => {
    for (const a of [actor(['agency_officer'], null), actor(['agency_admin'], null), systemActor()]) {
      for (const level of ['provincial', 'regional', 'national']) {
        expect(certificateWriteDecision(a, { ...own, level }).ok).toBe(true);
      }
    }
  });
  it('a province: its own provincial ones only; reports of every level in its province', () => {
    const officer = actor(['province_officer'], '15');
    expect(certificateWriteDecision(officer, own).ok).toBe(true);
    expect(certificateWriteDecision(officer, { ...own, currentProvinceCode: '24' }).ok).toBe(false);
    expect(certificateWriteDecision(officer, { ...own, level: 'regional' }).ok).toBe(false);
    expect(reportWriteDecision(officer, { ...own, level: 'national' }).ok).toBe(true);
    expect(reportWriteDecision(officer, { ...own, currentProvinceCode: '24' }).ok).toBe(false);
  });
  it('roles without the permission: never, with a Vietnamese reason', () => {
    for (const roles of [['agency_leader'], ['appraiser'], ['auditor'], ['unit_officer']] as TRole[][]) {
      const decision = certificateWriteDecision(actor(roles, '15'), own);
      expect(decision).toMatchObject({ ok: false });
      expect(reportWriteDecision(actor(roles, '15'), own).ok).toBe(false);
    }
  });
});

describe('the province of the time and its successor', () => {
  const unit = (
    code: string,
    name: string,
    validFrom: string,
    validTo: string | null,
    successorCode: string | null,
  ) =>
    ({
      code,
      name,
      fullName: name,
      kind: 'province',
      region: 'north_mountains',
      validFrom,
      validTo,
      successorCode,
    }) as TAdminUnitRow;
  const all = [
    unit('10', 'Lào Cai', '2004-01-01', '2025-06-30', '15'),
    unit('15', 'Yên Bái', '2004-01-01', '2025-06-30', '15'),
    unit('15', 'Lào Cai', '2025-07-01', null, null),
    unit('99', 'Lost', '2004-01-01', '2010-12-31', null),
  ];
  const provinces = provincesOf(all);
  it('a code means the unit in force on the date; the successor is the latest unit', () => {
    expect(provinces.on('15', '2024-01-01')?.name).toBe('Yên Bái');
    expect(provinces.on('15', '2025-07-01')?.name).toBe('Lào Cai');
    expect(provinces.on('10', '2025-07-01')).toBeUndefined();
    expect(provinces.successor(provinces.on('10', '2024-01-01')!).name).toBe('Lào Cai');
    expect(provinces.successor(provinces.on('15', '2026-01-01')!).validTo).toBeNull();
    // A unit that ended without a known successor stays itself.
    expect(provinces.successor(provinces.on('99', '2005-01-01')!).code).toBe('99');
  });
});
