import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cycleReminders, mailOutbox } from '../../db/schema';
import type { THarness } from '../../test/harness';
import { createHarness } from '../../test/harness';
import { createDraft, setUpWorld, type TWorld } from '../proposals/test-fixtures';
import { sendDeadlineReminders } from './send-deadline-reminders';

let h: THarness;
let w: TWorld;

beforeAll(async () => {
  h = await createHarness({ now: '2025-05-01T02:00:00Z' });
  w = await setUpWorld(h);
});
afterAll(() => h?.close());

/** The job's handler, called directly at the harness clock's instant. */
const run = () => sendDeadlineReminders({ db: h.db, now: h.clock.now(), publicUrl: 'http://localhost:3000' });

async function reminderMails(to: string) {
  return h.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, to), like(mailOutbox.template, 'deadline_reminder_%')));
}

describe('deadline reminders', () => {
  it('sends nothing more than 14 days before a deadline', async () => {
    await createDraft(h, w.laoCaiOfficer!, 'ttkc-15', { title: 'Đề án chè Lào Cai' });
    await createDraft(h, w.bacNinhOfficer!, 'ttkc-24', { title: 'Đề án gốm Bắc Ninh' });
    h.clock.set('2025-06-05T00:00:00Z'); // 07:00 on 5 June in Vietnam: 15 days before 20 June
    expect(await run()).toEqual({ organizations: 0, mails: 0 });
  });

  it('14 days before: the Sở and the implementing unit of pending drafts are reminded, once', async () => {
    h.clock.set('2025-06-06T00:00:00Z');
    const first = await run();
    expect(first.organizations).toBe(4); // two Sở, two extension centres
    const mails = await reminderMails('ld@laocai.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('còn 14 ngày');
    expect(mails[0]?.textBody).toContain('20/06/2025 23:59');
    expect(mails[0]?.textBody).toContain('Đề án chè Lào Cai');
    expect(mails[0]?.textBody).not.toContain('Bắc Ninh');
    expect((await reminderMails('tt@laocai.vn')).map((m) => m.template)).toEqual([
      'deadline_reminder_registration',
    ]);
    // A second run the same day, or the next day (13 days left), sends nothing new.
    expect(await run()).toEqual({ organizations: 0, mails: 0 });
    h.clock.set('2025-06-07T00:00:00Z');
    expect(await run()).toEqual({ organizations: 0, mails: 0 });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'cycle.reminders_sent'));
    expect(audit).toHaveLength(1);
  });

  it('7, 3 and 1 days before; a missed day is caught up; registered proposals stop the reminders', async () => {
    h.clock.set('2025-06-14T00:00:00Z'); // 6 days left: the 7-day reminder, a day late
    expect((await run()).organizations).toBe(4);
    // Lào Cai registers its proposal: no more registration reminders for Lào Cai.
    const laoCai = (await w.laoCaiOfficer!.get('/api/v1/proposals?status=draft')).json().items[0];
    const registered = await w.laoCaiLeader!.post('/api/v1/registrations', {
      planYear: 2026,
      proposalIds: [laoCai.id],
      letterNumber: '50/SCT',
      letterDate: '2025-06-14',
    });
    expect(registered.statusCode).toBe(201);
    h.clock.set('2025-06-17T00:00:00Z');
    expect((await run()).organizations).toBe(2);
    h.clock.set('2025-06-19T00:00:00Z');
    expect((await run()).organizations).toBe(2);
    h.clock.set('2025-06-20T00:00:00Z'); // deadline day: the 1-day reminder was sent yesterday
    expect((await run()).organizations).toBe(0);
    const days = (
      await h.db
        .select({ days: cycleReminders.daysBefore })
        .from(cycleReminders)
        .where(
          and(
            eq(cycleReminders.stage, 'registration'),
            eq(cycleReminders.organizationId, await h.orgId('so-ct-24')),
          ),
        )
    ).map((r) => r.days);
    expect(days.sort((a, b) => b - a)).toEqual([14, 7, 3, 1]);
    expect((await reminderMails('ld@laocai.vn')).map((m) => m.subject)).toHaveLength(2);
    expect((await reminderMails('ld@bacninh.vn')).map((m) => m.subject)).toHaveLength(4);
  });

  it('an extension moves an organisation’s reminders to its own deadline', async () => {
    h.clock.set('2025-06-21T03:00:00Z');
    for (const [stage, until] of [
      ['registration', '2025-06-24'],
      ['dossier', '2025-10-14'],
    ]) {
      const granted = await w.admin!.post('/api/v1/cycles/2026/extensions', {
        organizationId: await h.orgId('so-ct-24'),
        stage,
        until,
        reason: 'Gia hạn cho Bắc Ninh',
      });
      expect(granted.statusCode).toBe(201);
    }
    const draft = (await w.bacNinhOfficer!.get('/api/v1/proposals?status=draft')).json().items[0];
    const registered = await w.bacNinhLeader!.post('/api/v1/registrations', {
      planYear: 2026,
      proposalIds: [draft.id],
      letterNumber: '61/SCT',
      letterDate: '2025-06-21',
    });
    expect(registered.statusCode).toBe(201);

    h.clock.set('2025-09-16T00:00:00Z'); // 14 days before 30 September: Lào Cai only
    expect((await run()).organizations).toBe(2);
    const laoCai = await reminderMails('ld@laocai.vn');
    expect(laoCai.map((m) => m.template)).toContain('deadline_reminder_dossier');
    expect((await reminderMails('ld@bacninh.vn')).filter((m) => m.template.endsWith('dossier'))).toEqual([]);

    // 14 days before Bắc Ninh's 14 October; Lào Cai's deadline is today: its (caught-up) 1-day reminder.
    h.clock.set('2025-09-30T00:00:00Z');
    expect((await run()).organizations).toBe(4);
    const bacNinh = (await reminderMails('ld@bacninh.vn')).filter((m) => m.template.endsWith('dossier'));
    expect(bacNinh).toHaveLength(1);
    expect(bacNinh[0]?.textBody).toContain('14/10/2025 23:59');
  });
});
