import { and, eq, inArray, sql } from 'drizzle-orm';
import { vnDateOf } from '../../../domain/lib/dates';
import { organizations, progressReminders, users } from '../../db/schema';
import type { TDb } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { enqueueMail } from '../mail/enqueue-mail';
import { overdueReports } from './progress';

/**
 * The daily overdue-report reminders (issue #7): once the month's report day has passed, every active
 * user responsible for a proposal without that month's report — the implementing unit's users and,
 * for proposals that go through a Sở, the Sở's officers and leaders — gets ONE e-mail listing all of theirs.
 * Idempotent: `progress_reminders` records (month, user) once; a later run that month sends nothing.
 */
export async function sendProgressReminders(input: {
  db: TDb;
  now: Date;
  publicUrl: string;
}): Promise<{ users: number; mails: number; proposals: number }> {
  const { db, now } = input;
  const month = vnDateOf(now).slice(0, 7);
  return db.transaction(async (tx) => {
    const { dueDate, items } = await overdueReports(tx, null, month, now);
    if (items.length === 0) return { users: 0, mails: 0, proposals: 0 };
    const provinces = [
      ...new Set(items.filter((i) => i.registersThroughProvince).map((i) => i.provinceCode)),
    ];
    const departments =
      provinces.length === 0
        ? []
        : await tx
            .select({ id: organizations.id, provinceCode: organizations.provinceCode })
            .from(organizations)
            .where(
              and(
                eq(organizations.kind, 'provincial_department'),
                inArray(organizations.provinceCode, provinces),
                eq(organizations.active, true),
              ),
            );
    const orgsOf = (item: (typeof items)[number]) => [
      item.implementingOrganizationId,
      ...(item.registersThroughProvince
        ? departments.filter((d) => d.provinceCode === item.provinceCode).map((d) => d.id)
        : []),
    ];
    const orgIds = [...new Set(items.flatMap(orgsOf))];
    const people = await tx
      .select({ id: users.id, email: users.email, name: users.name, organizationId: users.organizationId })
      .from(users)
      .where(
        and(
          inArray(users.organizationId, orgIds),
          eq(users.active, true),
          // The proposer's side only (not, say, a council member who works at the Sở).
          sql`${users.roles} && array['unit_officer', 'province_officer', 'province_leader']::text[]`,
        ),
      );
    const byUser = new Map<string, { email: string; name: string; items: typeof items }>();
    for (const item of items) {
      const orgs = orgsOf(item);
      for (const person of people.filter((u) => orgs.includes(u.organizationId))) {
        const entry = byUser.get(person.id) ?? { email: person.email, name: person.name, items: [] };
        entry.items.push(item);
        byUser.set(person.id, entry);
      }
    }
    let mails = 0;
    for (const [userId, entry] of byUser) {
      const [claimed] = await tx
        .insert(progressReminders)
        .values({ month, userId, proposals: entry.items.length, sentAt: now })
        .onConflictDoNothing()
        .returning({ userId: progressReminders.userId });
      if (!claimed) continue;
      const list = entry.items.slice(0, 30).map((i) => `- ${i.code}: ${i.title}`);
      if (entry.items.length > 30) list.push(`- … và ${entry.items.length - 30} đề án khác`);
      const [y, m] = month.split('-');
      await enqueueMail(tx, {
        to: entry.email,
        subject: `Quá hạn báo cáo tiến độ tháng ${m}/${y}: ${entry.items.length} đề án`,
        text: [
          `Kính gửi ${entry.name},`,
          '',
          `Hạn gửi báo cáo tiến độ tháng ${m}/${y} là ngày ${dueDate.split('-').reverse().join('/')}. Các đề án sau chưa có báo cáo:`,
          ...list,
          '',
          `Gửi báo cáo: ${input.publicUrl}/proposals?status=contracted,in_progress`,
          '',
          `Reminder: the ${month} progress report of ${entry.items.length} proposal(s) is overdue (due ${dueDate}).`,
        ].join('\n'),
        template: 'progress_report_overdue',
      });
      mails++;
    }
    if (mails > 0) {
      await recordAudit(tx, {
        actor: { userId: null, label: 'system:implementation.progress_reminders' },
        action: 'progress_report.reminders_sent',
        entityType: 'progress_report',
        after: { month, mails, proposals: items.map((i) => i.code) },
        at: now,
      });
    }
    return { users: byUser.size, mails, proposals: items.length };
  });
}
