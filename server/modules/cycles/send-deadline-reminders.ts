import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { TOrganizationKind } from '../../../domain/enums/organization-kinds';
import { formatInstantVi, vnDateOf } from '../../../domain/lib/dates';
import { reminderThreshold, type TDeadlineStage } from '../../../domain/workflow/cycle';
import { registersDirectly } from '../../../domain/workflow/proposal';
import { cycleReminders, cycles, organizations, users } from '../../db/schema';
import type { TDb, TTx } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { enqueueMail } from '../mail/enqueue-mail';
import { deadlineReminderMail } from './cycles.mail';
import type { TCycleRow } from './cycles.repository';
import { deadlineFor } from './deadlines';

/** Proposals still waiting for a stage: drafts before registration, registered ones before submission. */
const PENDING: Record<TDeadlineStage, string[]> = {
  registration: ['draft'],
  dossier: ['registered', 'base_appraised'],
};

type TPending = {
  code: string;
  title: string;
  implementing_id: string;
  implementing_kind: string;
  implementing_province: string | null;
  department_id: string | null;
};

/** Whole calendar days in Vietnam from `now` to the deadline (0 = the deadline is today). */
function daysLeft(now: Date, deadline: Date): number {
  const day = (d: Date) => Date.parse(`${vnDateOf(d)}T00:00:00Z`);
  return Math.round((day(deadline) - day(now)) / 86_400_000);
}

async function pendingProposals(tx: TTx, cycleId: string, stage: TDeadlineStage): Promise<TPending[]> {
  const statuses = PENDING[stage];
  const result = await tx.execute<TPending>(sql`
    select p.code, p.title, p.implementing_organization_id as implementing_id,
           o.kind as implementing_kind, o.province_code as implementing_province,
           (select d.id from organizations d
             where d.kind = 'provincial_department' and d.province_code = p.province_code and d.active
             order by d.created_at limit 1) as department_id
      from proposals p
      join organizations o on o.id = p.implementing_organization_id
     where p.cycle_id = ${cycleId} and p.status in (${sql.join(
       statuses.map((s) => sql`${s}`),
       sql`, `,
     )})
     order by p.code`);
  return result.rows;
}

/**
 * The daily deadline reminders (issue 4): 14, 7, 3 and 1 days before each deadline, the users of every
 * organisation with proposals not yet registered (or submitted) get an e-mail listing them — the
 * implementing unit and, for proposals that go through a Sở, the Sở. Each organisation's own deadline
 * counts (its registering organisation's extension). Idempotent: `cycle_reminders` records each
 * (cycle, stage, organisation, threshold) once; a run missed on the 7th day sends that reminder on the 6th.
 */
export async function sendDeadlineReminders(input: {
  db: TDb;
  now: Date;
  publicUrl: string;
}): Promise<{ organizations: number; mails: number }> {
  const { db, now } = input;
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.programme, 'national'), notInArray(cycles.status, ['draft', 'closed'])));
    let organizationsReminded = 0;
    let mails = 0;
    const sent: { planYear: number; stage: string; organizationId: string; daysBefore: number }[] = [];
    for (const cycle of open) {
      for (const stage of ['registration', 'dossier'] as const) {
        const byRecipient = await groupByRecipient(tx, cycle, stage, now);
        if (byRecipient.size === 0) continue;
        const names = new Map(
          (
            await tx
              .select({ id: organizations.id, name: organizations.name })
              .from(organizations)
              .where(inArray(organizations.id, [...byRecipient.keys()]))
          ).map((o) => [o.id, o.name]),
        );
        for (const [organizationId, group] of byRecipient) {
          const left = daysLeft(now, group.deadline);
          const threshold = group.deadline.getTime() < now.getTime() ? undefined : reminderThreshold(left);
          if (threshold === undefined) continue;
          const [claimed] = await tx
            .insert(cycleReminders)
            .values({
              cycleId: cycle.id,
              stage,
              organizationId,
              daysBefore: threshold,
              deadline: group.deadline,
              sentAt: now,
            })
            .onConflictDoNothing()
            .returning({ cycleId: cycleReminders.cycleId });
          if (!claimed) continue;
          const recipients = await tx
            .select({ email: users.email, name: users.name })
            .from(users)
            .where(and(eq(users.organizationId, organizationId), eq(users.active, true)));
          for (const user of recipients) {
            await enqueueMail(
              tx,
              deadlineReminderMail({
                to: user.email,
                name: user.name,
                organizationName: names.get(organizationId) ?? '',
                planYear: cycle.planYear,
                stage,
                deadline: formatInstantVi(group.deadline),
                daysLeft: left,
                pending: group.pending,
                link: `${input.publicUrl}/proposals?planYear=${cycle.planYear}&status=${PENDING[stage].join(',')}`,
              }),
            );
          }
          await tx
            .update(cycleReminders)
            .set({ recipients: recipients.length })
            .where(
              and(
                eq(cycleReminders.cycleId, cycle.id),
                eq(cycleReminders.stage, stage),
                eq(cycleReminders.organizationId, organizationId),
                eq(cycleReminders.daysBefore, threshold),
              ),
            );
          organizationsReminded++;
          mails += recipients.length;
          sent.push({ planYear: cycle.planYear, stage, organizationId, daysBefore: threshold });
        }
      }
    }
    if (sent.length > 0) {
      await recordAudit(tx, {
        actor: { userId: null, label: 'system:cycles.reminders' },
        action: 'cycle.reminders_sent',
        entityType: 'cycle',
        after: { mails, reminders: sent },
        at: now,
      });
    }
    return { organizations: organizationsReminded, mails };
  });
}

/** Pending proposals grouped by the organisations to remind, each with the earliest deadline in force. */
async function groupByRecipient(tx: TTx, cycle: TCycleRow, stage: TDeadlineStage, now: Date) {
  const groups = new Map<string, { deadline: Date; pending: { code: string; title: string }[] }>();
  const deadlines = new Map<string, Date>();
  for (const p of await pendingProposals(tx, cycle.id, stage)) {
    const direct = registersDirectly(p.implementing_kind as TOrganizationKind, p.implementing_province);
    const registering = direct ? p.implementing_id : (p.department_id ?? p.implementing_id);
    if (!deadlines.has(registering)) {
      deadlines.set(registering, (await deadlineFor(tx, cycle, registering, stage, now)).deadline);
    }
    const deadline = deadlines.get(registering)!;
    const recipients = new Set([p.implementing_id, registering]);
    for (const organizationId of recipients) {
      const group = groups.get(organizationId) ?? { deadline, pending: [] };
      if (deadline.getTime() < group.deadline.getTime()) group.deadline = deadline;
      group.pending.push({ code: p.code, title: p.title });
      groups.set(organizationId, group);
    }
  }
  return groups;
}
