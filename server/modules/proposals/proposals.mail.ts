import { formatDateVi } from '../../../domain/lib/dates';
import type { TMailMessage } from '../mail/enqueue-mail';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** To the person who submitted a dossier the agency has returned for a supplement. */
export function returnedMail(input: {
  to: string;
  name: string;
  code: string;
  title: string;
  reason: string;
  dueDate: string;
  link: string;
}): TMailMessage {
  const due = formatDateVi(input.dueDate);
  const text = [
    `Kính gửi ${input.name},`,
    '',
    `Cục đề nghị bổ sung hồ sơ đề án ${input.code} "${input.title}".`,
    `Nội dung cần bổ sung: ${input.reason}`,
    `Hạn bổ sung: hết ngày ${due}.`,
    `Xem và cập nhật đề án tại: ${input.link}`,
    '',
    `The agency returned proposal ${input.code} for a supplement, due by the end of ${due}.`,
  ].join('\n');
  const html = `<p>Kính gửi ${escapeHtml(input.name)},</p>
<p>Cục đề nghị bổ sung hồ sơ đề án <strong>${escapeHtml(input.code)}</strong> «${escapeHtml(input.title)}».</p>
<p>Nội dung cần bổ sung: ${escapeHtml(input.reason)}</p>
<p>Hạn bổ sung: hết ngày <strong>${due}</strong>. <a href="${escapeHtml(input.link)}">Mở đề án</a></p>
<p style="color:#666">The agency returned this proposal for a supplement, due by the end of ${due}.</p>`;
  return {
    to: input.to,
    subject: `Yêu cầu bổ sung hồ sơ đề án ${input.code}`,
    text,
    html,
    template: 'proposal_returned',
  };
}

/** A reminder that a deadline is near and some proposals are not yet registered or submitted. */
export function deadlineReminderMail(input: {
  to: string;
  name: string;
  organizationName: string;
  planYear: number;
  stage: 'registration' | 'dossier';
  deadline: string;
  daysLeft: number;
  pending: { code: string; title: string }[];
  link: string;
}): TMailMessage {
  const what = input.stage === 'registration' ? 'đăng ký kế hoạch' : 'gửi hồ sơ đề án';
  const whatEn = input.stage === 'registration' ? 'registration' : 'dossier submission';
  const when = input.daysLeft === 0 ? 'hôm nay' : `còn ${input.daysLeft} ngày`;
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
