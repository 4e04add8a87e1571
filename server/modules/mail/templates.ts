import { formatInstantVi } from '../../../domain/lib/dates';
import type { TMailMessage } from './enqueue-mail';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The welcome e-mail with a one-time link to choose a password (Vietnamese, with an English line). */
export function welcomeMail(input: {
  to: string;
  name: string;
  organizationName: string;
  link: string;
  expiresAt: Date;
}): TMailMessage {
  const until = formatInstantVi(input.expiresAt);
  const text = [
    `Kính gửi ${input.name},`,
    '',
    `Tài khoản của anh/chị trên Hệ thống quản lý Khuyến công đã được tạo cho đơn vị ${input.organizationName}.`,
    'Vui lòng đặt mật khẩu tại liên kết sau (dùng được một lần):',
    input.link,
    `Liên kết hết hạn lúc ${until} (giờ Việt Nam).`,
    '',
    'Nếu anh/chị không đề nghị tạo tài khoản, vui lòng bỏ qua thư này.',
    '',
    `Your Khuyến công account has been created. Choose a password at the link above before ${until} (Vietnam time).`,
  ].join('\n');
  const html = `<p>Kính gửi ${escapeHtml(input.name)},</p>
<p>Tài khoản của anh/chị trên <strong>Hệ thống quản lý Khuyến công</strong> đã được tạo cho đơn vị ${escapeHtml(input.organizationName)}.</p>
<p><a href="${escapeHtml(input.link)}">Đặt mật khẩu</a> (liên kết dùng được một lần, hết hạn lúc ${until}).</p>
<p style="color:#666">Your Khuyến công account has been created: choose a password with the link above.</p>`;
  return { to: input.to, subject: 'Tài khoản Hệ thống quản lý Khuyến công', text, html, template: 'welcome' };
}
