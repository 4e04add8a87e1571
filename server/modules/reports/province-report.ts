import { sql } from 'drizzle-orm';
import { endOfVnDay, vnDateOf } from '../../../domain/lib/dates';
import { monthlyReportDueDate } from '../../../domain/regulation';
import {
  REPORT_PROGRAMMES,
  reportPeriodDates,
  reportPeriodTextVi,
  type TProgrammeSummary,
  type TProvinceReport,
  type TProvinceReportQuery,
  type TReportProject,
} from '../../../domain/schemas/reports';
import { PROPOSAL_STATUSES, type TProposalStatus } from '../../../domain/workflow/proposal';
import { assertCan, type TActor } from '../../access/actor';
import { scopeCondition, scopeOf } from '../../access/scope';
import type { TDbOrTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { unitsWithCode } from '../admin-units/admin-units.repository';
import { regulationSetForCycle } from '../regulations';

/** The agency the Sở reports to (since 1 Mar 2025, Decree 40/2025). */
export const REPORT_AGENCY = 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công - Bộ Công Thương';

/** Statuses of a project once approved: the ones a periodic report on implementation covers. */
const IMPLEMENTATION: TProposalStatus[] = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'closed',
  'stopped',
  'carried_over',
];
/** A project that was already in one of these at the period start finished before it. */
const FINISHED: TProposalStatus[] = ['closed', 'stopped', 'carried_over'];
const REPORTING: TProposalStatus[] = ['contracted', 'in_progress'];

/** The instant a Vietnamese calendar day starts. */
export function startOfVnDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * The Sở's periodic report (issue #7, domain.md §7.4) for one province and period, computed ONCE here;
 * the JSON, the .xlsx and the .docx are presenters of it. Everything is as of the period end (the
 * first instant of the next day in Vietnam): a project's status is its last transition before it;
 * dated records (contract, advances, acceptance, settlement, inspections) count by their date;
 * monthly reports by the instant they were submitted; the approved support is the one in force then
 * (a later approved change of support is not yet applied). Who may: a province user their own province,
 * the agency any; anything else answers 404, like a province that does not exist.
 */
export async function buildProvinceReport(
  db: TDbOrTx,
  actor: TActor,
  query: TProvinceReportQuery,
  now: Date,
): Promise<TProvinceReport> {
  assertCan(actor, 'reports.read');
  const { provinceCode, year, period } = query;
  const scope = scopeOf(actor);
  if (!(scope.kind === 'all' || (scope.kind === 'province' && scope.provinceCode === provinceCode))) {
    throw notFound();
  }
  const units = await unitsWithCode(db, provinceCode);
  const unit = units.find((u) => u.validTo === null);
  if (!unit) throw notFound();
  const { startDate, endDate } = reportPeriodDates(year, period);
  const reportDate = vnDateOf(now);
  if (startDate > reportDate) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'period',
          code: 'invalid_value',
          message: { vi: 'Kỳ báo cáo chưa bắt đầu.', en: 'The period has not started yet.' },
        },
      ],
    });
  }
  const start = startOfVnDay(startDate);
  const end = startOfVnDay(nextDay(endDate));

  // The province today and the old provinces merged into it (records made under the 63-province map),
  // always within the caller's scope as well.
  const inProvince = sql`(p.province_code = ${provinceCode} or p.province_code in (
    select au.code from admin_units au where au.successor_code = ${provinceCode} and au.valid_to is not null))
    and ${scopeCondition(actor, { provinceCode: sql`p.province_code`, organizationId: sql`p.implementing_organization_id` })}`;

  const projectRows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with st as (
        select p.id, p.code, p.title, p.programme, p.cycle_id, o.name as org_name,
          (select t.to_status from proposal_transitions t
            where t.proposal_id = p.id and t.at < ${end} order by t.at desc, t.id desc limit 1) as status_end,
          (select t.to_status from proposal_transitions t
            where t.proposal_id = p.id and t.at < ${start} order by t.at desc, t.id desc limit 1) as status_start,
          coalesce(
            (select (a.changes->>'newApprovedFunding')::bigint from proposal_adjustments a
              where a.proposal_id = p.id and a.status = 'approved' and a.decided_at < ${end}
                and a.changes ? 'newApprovedFunding' order by a.decided_at desc limit 1),
            (select (a.changes->>'previousApprovedFunding')::bigint from proposal_adjustments a
              where a.proposal_id = p.id and a.status = 'approved'
                and a.changes ? 'previousApprovedFunding' order by a.decided_at asc limit 1),
            p.approved_funding, 0) as approved_support
        from proposals p
        join organizations o on o.id = p.implementing_organization_id
        where ${inProvince}
      )
      select st.*,
        (select c.value from proposal_contracts c where c.proposal_id = st.id and c.signed_on <= ${endDate}) as contracted,
        (select coalesce(sum(a.amount), 0) from proposal_advances a
          where a.proposal_id = st.id and a.paid_on <= ${endDate}) as advanced,
        r.money_spent, r.volume_percent, r.problems,
        (select ac.accepted_on from proposal_acceptances ac
          where ac.proposal_id = st.id and ac.accepted_on <= ${endDate}) as accepted_on,
        s.settled_amount, s.refund_amount
      from st
      left join lateral (select pr.money_spent, pr.volume_percent, pr.problems from progress_reports pr
        where pr.proposal_id = st.id and pr.submitted_at < ${end} order by pr.month desc limit 1) r on true
      left join proposal_settlements s on s.proposal_id = st.id and s.settled_on <= ${endDate}
      where st.status_end in (${sql.join(
        IMPLEMENTATION.map((s) => sql`${s}`),
        sql`, `,
      )})
        and (st.status_start is null or st.status_start not in (${sql.join(
          FINISHED.map((s) => sql`${s}`),
          sql`, `,
        )}))
      order by st.programme, st.code`),
  );

  const projects: (TReportProject & {
    cycleId: string;
    accepted: boolean;
    settled: number;
    refunded: number;
  })[] = projectRows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    title: String(r.title),
    programme: r.programme === 'local' ? 'local' : 'national',
    implementingOrganizationName: String(r.org_name),
    status: r.status_end as TProposalStatus,
    approvedSupport: num(r.approved_support),
    contractedValue: num(r.contracted),
    advanced: num(r.advanced),
    spent: num(r.money_spent),
    volumePercent: r.volume_percent === null ? null : Number(r.volume_percent),
    problems: (r.problems as string | null) || null,
    cycleId: String(r.cycle_id),
    accepted: r.accepted_on !== null,
    settled: num(r.settled_amount),
    refunded: num(r.refund_amount),
  }));

  const programmes: TProgrammeSummary[] = REPORT_PROGRAMMES.map((programme) => {
    const own = projects.filter((p) => p.programme === programme);
    const sum = (f: (p: (typeof own)[number]) => number) => own.reduce((n, p) => n + f(p), 0);
    return {
      programme,
      projects: own.length,
      byStatus: PROPOSAL_STATUSES.filter((s) => IMPLEMENTATION.includes(s)).map((status) => ({
        status,
        count: own.filter((p) => p.status === status).length,
      })),
      approvedSupport: sum((p) => p.approvedSupport),
      contractedValue: sum((p) => p.contractedValue),
      advanced: sum((p) => p.advanced),
      spent: sum((p) => p.spent),
      acceptedProjects: own.filter((p) => p.accepted).length,
      acceptedSupport: sum((p) => (p.accepted ? p.approvedSupport : 0)),
      settled: sum((p) => p.settled),
      refunded: sum((p) => p.refunded),
    };
  });

  const inspections = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select p.code, p.title, i.planned_on, i.done_on, i.findings, i.follow_ups
      from proposal_inspections i join proposals p on p.id = i.proposal_id
      where ${inProvince} and i.status = 'done' and i.done_on between ${startDate} and ${endDate}
      order by i.done_on, p.code`),
  ).map((r) => ({
    code: String(r.code),
    title: String(r.title),
    plannedOn: String(r.planned_on),
    doneOn: String(r.done_on),
    findings: (r.findings as string | null) ?? null,
    followUps: (r.follow_ups as { action: string; dueOn?: string }[]) ?? [],
  }));

  const adjustments = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select p.code, p.title, a.kind, a.reason, a.required_authority, a.requested_at, a.status,
        a.decided_at, a.decision_number
      from proposal_adjustments a join proposals p on p.id = a.proposal_id
      where ${inProvince}
        and ((a.requested_at >= ${start} and a.requested_at < ${end})
          or (a.decided_at >= ${start} and a.decided_at < ${end}))
      order by a.requested_at, p.code`),
  ).map((r) => {
    const decided = r.decided_at !== null && new Date(r.decided_at as string) < end;
    return {
      code: String(r.code),
      title: String(r.title),
      kind: r.kind as TProvinceReport['adjustments'][number]['kind'],
      reason: String(r.reason),
      requiredAuthority: r.required_authority as TProvinceReport['adjustments'][number]['requiredAuthority'],
      requestedOn: vnDateOf(new Date(r.requested_at as string)),
      status: (decided ? r.status : 'requested') as 'requested' | 'approved' | 'rejected',
      decidedOn: decided ? vnDateOf(new Date(r.decided_at as string)) : null,
      decisionNumber: decided ? ((r.decision_number as string | null) ?? null) : null,
    };
  });

  // Overdue monthly reports: each month of the period whose report day has passed (by the period end
  // and by now), for the projects then reporting (contracted or in progress, contracted by that day),
  // without a report submitted by the end of that day.
  const overdueReports: TProvinceReport['overdueReports'] = [];
  const dueByCycle = new Map<string, (m: number) => string>();
  for (const cycleId of new Set(projects.map((p) => p.cycleId))) {
    const { set } = await regulationSetForCycle(db, cycleId);
    dueByCycle.set(cycleId, (m) => monthlyReportDueDate(set, year, m));
  }
  const firstMonth = Number(startDate.slice(5, 7));
  const lastMonth = Number(endDate.slice(5, 7));
  const ids = projects.map((p) => p.id);
  if (ids.length > 0) {
    // Three queries for the whole province, then the months in memory.
    const idList = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const transitions = rowsOf<{ proposal_id: string; to_status: string; at: string | Date }>(
      await db.execute(sql`select proposal_id, to_status, at from proposal_transitions
        where proposal_id in (${idList}) and at < ${end} order by proposal_id, at, id`),
    );
    const signed = new Map(
      rowsOf<{ proposal_id: string; signed_on: string }>(
        await db.execute(
          sql`select proposal_id, signed_on::text from proposal_contracts where proposal_id in (${idList})`,
        ),
      ).map((r) => [r.proposal_id, r.signed_on]),
    );
    const submitted = new Map(
      rowsOf<{ proposal_id: string; month: string; submitted_at: string | Date }>(
        await db.execute(sql`select proposal_id, month, submitted_at from progress_reports
          where proposal_id in (${idList}) and month between ${`${year}-01`} and ${`${year}-12`}`),
      ).map((r) => [`${r.proposal_id} ${r.month}`, new Date(r.submitted_at)]),
    );
    const history = new Map<string, { to: string; at: Date }[]>();
    for (const t of transitions) {
      const list = history.get(t.proposal_id) ?? [];
      list.push({ to: t.to_status, at: new Date(t.at) });
      history.set(t.proposal_id, list);
    }
    const statusAt = (id: string, instant: Date): string | null =>
      (history.get(id) ?? []).filter((t) => t.at <= instant).at(-1)?.to ?? null;
    for (let m = firstMonth; m <= lastMonth; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      for (const p of projects) {
        const due = dueByCycle.get(p.cycleId)!(m);
        const dueEnd = endOfVnDay(due);
        if (dueEnd >= end || dueEnd >= now) continue;
        if (!REPORTING.includes(statusAt(p.id, dueEnd) as TProposalStatus)) continue;
        const signedOn = signed.get(p.id);
        if (!signedOn || signedOn > due) continue;
        const submittedAt = submitted.get(`${p.id} ${month}`) ?? null;
        if (submittedAt && submittedAt <= dueEnd) continue;
        overdueReports.push({
          code: p.code,
          title: p.title,
          month,
          dueDate: due,
          submittedOn: submittedAt && submittedAt < end ? vnDateOf(submittedAt) : null,
        });
      }
    }
  }

  const place = unit.name;
  const kind = unit.kind === 'city' ? 'THÀNH PHỐ' : 'TỈNH';
  const committeeName = `Ủy ban nhân dân ${unit.kind === 'city' ? 'thành phố' : 'tỉnh'} ${unit.name}`;
  return {
    provinceCode,
    provinceName: unit.name,
    year,
    period,
    periodText: reportPeriodTextVi(year, period),
    startDate,
    endDate,
    reportDate,
    issuer: {
      committee: `UBND ${kind} ${unit.name.toLocaleUpperCase('vi')}`,
      department: `SỞ CÔNG THƯƠNG ${unit.name.toLocaleUpperCase('vi')}`,
      place,
    },
    recipients: [REPORT_AGENCY, committeeName],
    programmes,
    projects: projects.map(({ cycleId: _c, accepted: _a, settled: _s, refunded: _r, ...p }) => p),
    inspections,
    overdueReports,
    adjustments,
  };
}
