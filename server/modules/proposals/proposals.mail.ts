import { formatDateVi, formatInstantVi } from '../../../domain/lib/dates';
import type { TReceipt } from '../../../domain/schemas/documents';
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

/** The submission receipt (phiếu tiếp nhận hồ sơ) to the person who sent the dossier: every file's SHA-256. */
export function receiptMail(input: {
  to: string;
  name: string;
  receipt: TReceipt;
  link: string;
}): TMailMessage {
  const { proposal, documents, serverTime } = input.receipt;
  const lines = documents.map(
    (d, i) =>
      `${i + 1}. ${d.kindLabel} — ${d.fileName} (lần ${d.version}, ${d.size.toLocaleString('vi-VN')} byte)\n   SHA-256: ${d.sha256}`,
  );
  const text = [
    `Kính gửi ${input.name},`,
    '',
    `Hệ thống đã nhận hồ sơ đề án ${proposal.code} "${proposal.title}" lúc ${formatInstantVi(serverTime)} (giờ Việt Nam, theo đồng hồ máy chủ).`,
    `Danh sách ${documents.length} tài liệu đã nhận:`,
    ...lines,
    '',
    'Mã SHA-256 là dấu vân tay của từng tệp: tệp được nhận đúng là tệp đã gửi khi mã trùng với mã trên phiếu này.',
    `Phiếu tiếp nhận: ${input.link}`,
    '',
    `Receipt of proposal ${proposal.code}: ${documents.length} documents received at ${serverTime}, with their SHA-256.`,
  ].join('\n');
  return {
    to: input.to,
    subject: `Phiếu tiếp nhận hồ sơ đề án ${proposal.code}`,
    text,
    template: 'submission_receipt',
  };
}
