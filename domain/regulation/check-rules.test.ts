import { describe, expect, it } from 'vitest';
import type { TDocumentKind } from '../enums/document-kinds';
import { checkProposal } from './check-proposal';
import { NATIONAL_2012, NATIONAL_2026 } from './seeds';
import { proposal, withCode } from './test-helpers';
import type { TCheckableProposal, TCheckContext, TRegulationSet } from './types';

const SETS = [NATIONAL_2012, NATIONAL_2026];
const missing = (p: TCheckableProposal, set: TRegulationSet) =>
  withCode(checkProposal(p, set), 'missing_document').map((f) => [f.params.kind, f.severity]);
const docs = (...kinds: TDocumentKind[]) => kinds.map((kind) => ({ kind }));

describe.each(SETS)('missing documents in %s', (set) => {
  const p = (overrides: Partial<TCheckableProposal>) =>
    proposal({ planYear: set.effectiveFromYear, ...overrides });

  it('one finding per missing kind, path documents', () => {
    const findings = withCode(checkProposal(p({ activityType: 'machinery' }), set), 'missing_document');
    expect(findings.map((f) => [f.path, f.params.kind, f.severity])).toEqual([
      ['documents', 'request_letter', 'error'],
      ['documents', 'project_document', 'error'],
      ['documents', 'cost_estimate', 'error'],
      ['documents', 'price_quotations', 'warning'],
    ]);
    expect(findings[2]?.message).toEqual({
      vi: 'Thiếu tài liệu: Dự toán kinh phí (Mẫu số 1).',
      en: 'Missing document: Cost estimate (Form 1).',
    });
  });

  it('only the kinds not uploaded', () => {
    expect(missing(p({ documents: docs('request_letter', 'cost_estimate', 'other') }), set)).toEqual([
      ['project_document', 'error'],
    ]);
    expect(
      missing(p({ documents: docs('request_letter', 'project_document', 'cost_estimate') }), set),
    ).toEqual([]);
  });

  it('a beneficiary other than the implementing unit sends its support request and commitment', () => {
    const named = { beneficiary: { name: 'Công ty TNHH Chế biến Đặc sản' } };
    expect(
      missing(p({ ...named, documents: docs('request_letter', 'project_document', 'cost_estimate') }), set),
    ).toEqual([
      ['beneficiary_request', 'error'],
      ['counterpart_commitment', 'warning'],
    ]);
    const same = {
      ...named,
      beneficiaryIsImplementer: true,
      documents: docs('request_letter', 'project_document', 'cost_estimate'),
    };
    expect(missing(p(same), set)).toEqual([]);
    const group = {
      ...named,
      isGroupProject: true,
      documents: docs('request_letter', 'project_document', 'cost_estimate'),
    };
    expect(missing(p(group), set)).toEqual([]);
    expect(
      missing(
        p({
          beneficiary: { name: '  ', taxCode: '0101234567' },
          documents: docs(
            'request_letter',
            'project_document',
            'cost_estimate',
            'beneficiary_request',
            'counterpart_commitment',
          ),
        }),
        set,
      ),
    ).toEqual([]);
  });

  it('a pilot project is asked for the registration form instead of the full dossier', () => {
    expect(
      missing(p({ isPilot: true, activityType: 'machinery', beneficiary: { name: 'HTX Mây tre đan' } }), set),
    ).toEqual([['pilot_registration_form', 'error']]);
    expect(missing(p({ isPilot: true, documents: docs('pilot_registration_form') }), set)).toEqual([]);
  });

  it.each([
    ['typical_product', 'typical_product_certificate', 'warning'],
    ['cluster_pollution_treatment', 'cluster_legal_dossier', 'error'],
    ['vocational_training', 'training_programme', 'warning'],
    ['machinery', 'price_quotations', 'warning'],
  ] as const)('%s needs %s (%s)', (activityType, kind, severity) => {
    expect(
      missing(
        p({ activityType, documents: docs('request_letter', 'project_document', 'cost_estimate') }),
        set,
      ),
    ).toEqual([[kind, severity]]);
  });

  it('every requirement of the set is asked for', () => {
    for (const req of set.requiredDocuments) {
      const probe = p({
        activityType: req.activityType === '*' ? 'demonstration_model' : req.activityType,
        isPilot: req.submissionKind === 'pilot_registration',
        ...(req.condition === 'separate_beneficiary'
          ? { beneficiary: { name: 'Hộ kinh doanh Nguyễn Văn Ánh' } }
          : {}),
      });
      const asked = withCode(checkProposal(probe, set), 'missing_document').map((f) => f.params.kind);
      expect(asked).toEqual(expect.arrayContaining(req.kinds));
    }
  });
});

describe('document requirements that overlap', () => {
  it('a kind required twice is reported once, with the stronger severity', () => {
    const set: TRegulationSet = {
      ...NATIONAL_2026,
      requiredDocuments: [
        { ...NATIONAL_2026.requiredDocuments[0]!, kinds: ['other'], severity: 'warning' },
        {
          ...NATIONAL_2026.requiredDocuments[0]!,
          kinds: ['other', 'business_registration'],
          severity: 'error',
        },
        { ...NATIONAL_2026.requiredDocuments[0]!, kinds: ['business_registration'], severity: 'warning' },
      ],
    };
    expect(missing(proposal(), set)).toEqual([
      ['other', 'error'],
      ['business_registration', 'error'],
    ]);
  });
});

describe.each(SETS)('typical-product certificate in %s', (set) => {
  const year = set.effectiveFromYear;
  const deadline = `${year - 1}-09-30`;
  const cert = (fields: Record<string, unknown>, context: TCheckContext = {}) =>
    checkProposal(proposal({ planYear: year, activityType: 'typical_product', fields }), set, context).filter(
      (f) => f.code.startsWith('certificate_'),
    );
  const valid = { certificateLevel: 'regional', certificateNumber: '12/QĐ-CĐMST', validUntil: deadline };

  it('valid on the dossier deadline (30 September of the year before)', () => {
    expect(cert(valid)).toEqual([]);
  });

  it('expired before the deadline', () => {
    const [f, ...rest] = cert({ ...valid, validUntil: `${year - 1}-09-29` });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'certificate_expired',
      severity: 'error',
      path: 'fields.validUntil',
      params: { validUntil: `${year - 1}-09-29`, checkDate: deadline },
    });
    expect(f?.message.vi).toBe(
      `Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu hết hiệu lực ngày 29/09/${year - 1}, trước ngày 30/09/${year - 1} (hạn nộp hồ sơ).`,
    );
  });

  it('uses the deadline in force for the proposer (an instant, in Vietnam time) and a later today', () => {
    const extended = { dossierDeadline: `${year - 1}-10-15T16:59:59.999Z` }; // 23:59:59 on 15 Oct in Vietnam
    expect(cert(valid, extended)[0]?.params.checkDate).toBe(`${year - 1}-10-15`);
    expect(cert({ ...valid, validUntil: `${year - 1}-10-15` }, extended)).toEqual([]);
    expect(cert(valid, { dossierDeadline: `${year - 1}-09-01` })).toEqual([]);
    expect(cert(valid, { dossierDeadline: 'soon' })).toEqual([]);
    expect(cert(valid, { today: `${year - 1}-10-02` })[0]?.params.checkDate).toBe(`${year - 1}-10-02`);
    expect(cert(valid, { today: `${year - 1}-06-01` })).toEqual([]);
  });

  it('required: missing number, date or level', () => {
    const required = (fields: Record<string, unknown>) =>
      cert(fields).map((f) => [f.code, f.path, f.severity]);
    expect(required({})).toEqual([['certificate_required', 'fields.certificateNumber', 'error']]);
    expect(required({ ...valid, validUntil: '30/09/2025' })).toEqual([
      ['certificate_required', 'fields.validUntil', 'error'],
    ]);
    expect(required({ ...valid, certificateLevel: 'district' })).toEqual([
      ['certificate_required', 'fields.certificateLevel', 'error'],
    ]);
    expect(cert({})[0]?.message.vi).toBe(
      'Cần Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu (cấp tỉnh, cấp khu vực, cấp quốc gia) với số giấy và thời hạn hiệu lực.',
    );
  });
});

describe('typical-product certificate rule variants', () => {
  const base = NATIONAL_2026.eligibility.typicalProductCertificate!;
  const withRule = (rule: typeof base): TRegulationSet => ({
    ...NATIONAL_2026,
    eligibility: { ...NATIONAL_2026.eligibility, typicalProductCertificate: rule },
  });
  const run = (set: TRegulationSet, fields: Record<string, unknown>) =>
    checkProposal(proposal({ activityType: 'typical_product', fields }), set)
      .filter((f) => f.code.startsWith('certificate_'))
      .map((f) => [f.code, f.severity, f.params.reason ?? '']);

  it('a set accepting only regional and national certificates refuses a provincial one', () => {
    const set = withRule({ ...base, acceptedLevels: ['regional', 'national'] });
    expect(
      run(set, { certificateLevel: 'provincial', certificateNumber: '1', validUntil: '2030-01-01' }),
    ).toEqual([['certificate_required', 'error', 'level_not_accepted']]);
  });

  it('when not required, a missing certificate passes and an expired one warns', () => {
    const set = withRule({ ...base, required: false });
    expect(run(set, {})).toEqual([]);
    expect(
      run(set, { certificateLevel: 'national', certificateNumber: '1', validUntil: '2020-01-01' }),
    ).toEqual([['certificate_expired', 'warning', '']]);
  });
});

describe.each(SETS)('activity-specific rules in %s', (set) => {
  const year = set.effectiveFromYear;
  const run = (activityType: TCheckableProposal['activityType'], fields?: Record<string, unknown>) =>
    checkProposal(proposal({ planYear: year, activityType, ...(fields ? { fields } : {}) }), set);

  it('a cluster without a complete legal dossier is not supported (cluster pollution treatment)', () => {
    const [f] = withCode(
      run('cluster_pollution_treatment', { clusterName: 'CCN Tân Quang', legalDossierComplete: false }),
      'cluster_legal_dossier_incomplete',
    );
    expect(f).toMatchObject({
      severity: 'error',
      path: 'fields.legalDossierComplete',
      params: { clusterName: 'CCN Tân Quang' },
    });
    expect(f?.message.vi).toBe(
      'Cụm công nghiệp CCN Tân Quang chưa có hồ sơ pháp lý đầy đủ; chỉ hỗ trợ cụm công nghiệp có hồ sơ pháp lý đầy đủ.',
    );
    expect(
      withCode(run('cluster_pollution_treatment'), 'cluster_legal_dossier_incomplete')[0]?.message.en,
    ).toBe('The industrial cluster has no complete legal dossier; only such clusters are supported.');
    expect(
      withCode(
        run('cluster_pollution_treatment', { legalDossierComplete: true }),
        'cluster_legal_dossier_incomplete',
      ),
    ).toEqual([]);
    expect(
      withCode(run('cluster_planning', { legalDossierComplete: false }), 'cluster_legal_dossier_incomplete'),
    ).toEqual([]);
  });

  it('at most two overseas fairs per establishment and year (this one counted)', () => {
    const [f] = withCode(run('trade_fair_overseas', { fairsThisYear: 3 }), 'overseas_fair_limit');
    expect(f).toMatchObject({
      severity: 'error',
      path: 'fields.fairsThisYear',
      params: { fairsThisYear: 3, max: 2 },
    });
    expect(f?.message.vi).toBe(
      'Mỗi cơ sở chỉ được hỗ trợ tham gia hội chợ, triển lãm ở nước ngoài tối đa 2 lần/năm; đây là lần thứ 3.',
    );
    expect(withCode(run('trade_fair_overseas', { fairsThisYear: 2 }), 'overseas_fair_limit')).toEqual([]);
    expect(withCode(run('trade_fair_overseas'), 'overseas_fair_limit')).toEqual([]);
    expect(withCode(run('trade_fair_domestic', { fairsThisYear: 5 }), 'overseas_fair_limit')).toEqual([]);
  });

  it('three price quotations per machine (a warning: the rule is unverified)', () => {
    const items = [
      { name: 'Máy sấy nông sản', price: 250_000_000, quotations: 3 },
      { name: 'Máy đóng gói', price: 50_000_000, quotations: 1 },
      { price: 10_000_000 },
      'nonsense',
    ];
    const found = withCode(run('machinery', { items }), 'machinery_quotations_insufficient');
    expect(found.map((f) => [f.severity, f.path, f.params.item, f.params.quotations])).toEqual([
      ['warning', 'fields.items.1.quotations', 'Máy đóng gói', 1],
      ['warning', 'fields.items.2.quotations', '#3', 0],
      ['warning', 'fields.items.3.quotations', '#4', 0],
    ]);
    expect(found[0]?.message.vi).toBe('Máy móc «Máy đóng gói» có 1 báo giá; cần ít nhất 3 báo giá.');
    expect(withCode(run('machinery'), 'machinery_quotations_insufficient')).toEqual([]);
    expect(withCode(run('consulting', { items }), 'machinery_quotations_insufficient')).toEqual([]);
  });
});

describe('women- and ethnic-minority-owned establishments (Decree 235)', () => {
  it('ranked with priority from 2026 only', () => {
    const own = (set: TRegulationSet, flags: Partial<TCheckableProposal>) =>
      withCode(
        checkProposal(proposal({ planYear: set.effectiveFromYear, ...flags }), set),
        'ownership_priority',
      ).map((f) => [f.path, f.params.basis, f.message.vi]);
    expect(own(NATIONAL_2026, { womenOwned: true })).toEqual([
      ['womenOwned', 'women', 'Được ưu tiên khi xét chọn: cơ sở do phụ nữ làm chủ.'],
    ]);
    expect(own(NATIONAL_2026, { ethnicMinorityOwned: true })).toEqual([
      [
        'ethnicMinorityOwned',
        'ethnic_minority',
        'Được ưu tiên khi xét chọn: cơ sở do người dân tộc thiểu số làm chủ.',
      ],
    ]);
    expect(own(NATIONAL_2026, { womenOwned: true, ethnicMinorityOwned: true })[0]?.[1]).toBe(
      'women_ethnic_minority',
    );
    expect(own(NATIONAL_2026, {})).toEqual([]);
    expect(own(NATIONAL_2012, { womenOwned: true })).toEqual([]);
  });
});

describe('every rule of both seeds has a test', () => {
  // Adding a rule to a seed without a case here fails this test.
  const TESTED_ELIGIBILITY = [
    'beneficiaryKinds',
    'counterpart',
    'typicalProductCertificate',
    'clusterLegalDossier',
    'completionInPlanYear',
    'overseasFairs',
    'machineryQuotations',
  ];
  it.each(SETS)('%s', (set) => {
    expect(Object.keys(set.eligibility).sort()).toEqual([...TESTED_ELIGIBILITY].sort());
  });
});
