import type { TMailMessage } from '../mail/enqueue-mail';

/** A reminder that a deadline is near and some proposals are not yet registered or submitted. */
export function deadlineReminderMail(input: {
  to: string;
  name: string;
  organizationName: string;
  planYear: number;
  stage: 'registration' | 'dossier';
  /** dd/MM/yyyy HH:mm, Vietnam time. */
  deadline: string;
  daysLeft: number;
  pending: { code: string; title: string }[];
  link: string;
}): TMailMessage {
  const what = input.stage === 'registration' ? 'đăng ký kế hoạch' : 'gửi hồ sơ đề án';
  const whatEn = input.stage === 'registration' ? 'registration' : 'dossier submission';
  const when = input.daysLeft === 0 ? 'hết hạn trong hôm nay' : `còn ${input.daysLeft} ngày`;
  const list = input.pending.slice(0, 20).map((p) => `- ${p.code}: ${p.title}`);
  if (input.pending.length > 20) list.push(`- … và ${input.pending.length - 20} đề án khác`);
  const text = [
    `Kính gửi ${input.name},`,
    '',
    `Hạn ${what} kế hoạch khuyến công quốc gia năm ${input.planYear} là ${input.deadline} (giờ Việt Nam), ${when}.`,
    `${input.organizationName} còn ${input.pending.length} đề án chưa hoàn thành bước này:`,
    ...list,
    '',
    `Xem danh sách đề án: ${input.link}`,
    '',
    `Reminder: the ${whatEn} deadline of the ${input.planYear} national plan is ${input.deadline} (Vietnam time); ${input.pending.length} proposal(s) are still pending.`,
  ].join('\n');
  return {
    to: input.to,
    subject: `Nhắc hạn ${what} năm ${input.planYear}: ${when}`,
    text,
    template: `deadline_reminder_${input.stage}`,
  };
}
