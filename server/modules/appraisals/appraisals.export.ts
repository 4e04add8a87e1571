import { Document, Packer, type Paragraph, type Table } from 'docx';
import { formatDateVi, formatInstantVi, vnDateOf } from '../../../domain/lib/dates';
import { formatVnd } from '../../../domain/lib/money';
import { CONFLICT_WARNING_LABELS, type TAppraisalView } from '../../../domain/schemas/appraisals';
import { centered, heading, line, run, SMALL, table } from './office';

const PASS = (pass: boolean | null) => (pass === null ? '—' : pass ? 'Đạt' : 'Không đạt');
const RECOMMENDATION = { recommended: 'Đề nghị hỗ trợ', not_recommended: 'Không đề nghị hỗ trợ' };

/**
 * The appraisal minutes (biên bản thẩm định) of one proposal as a Word file: the appraisers and their
 * conflict declarations, each criterion per appraiser side by side, the scores, recommendations and the
 * agency's decision. Only submitted appraisals appear.
 */
export async function appraisalMinutesDocx(view: TAppraisalView, now: Date): Promise<Buffer> {
  const appraisals = view.appraisals;
  const children: (Paragraph | Table)[] = [
    heading(),
    centered([run('')]),
    centered([run('BIÊN BẢN THẨM ĐỊNH ĐỀ ÁN KHUYẾN CÔNG QUỐC GIA', { bold: true })], 60),
    centered([run(`Đề án ${view.code}: ${view.title}`, { italics: true })], 200),
    line([run('Kinh phí đề nghị hỗ trợ: ', { bold: true }), run(formatVnd(view.requestedFunding))]),
    line([
      run('Mức hỗ trợ tối đa theo quy định: ', { bold: true }),
      run(view.maxSupport === null ? 'không quy định' : formatVnd(view.maxSupport)),
    ]),
    line([run('I. THÀNH PHẦN THẨM ĐỊNH', { bold: true })], 60),
    table(
      ['STT', 'Họ và tên', 'Đơn vị', 'Cảnh báo xung đột lợi ích', 'Tự khai xung đột lợi ích'],
      view.assignments.map((a, i) => [
        String(i + 1),
        a.name,
        a.organizationName,
        a.warnings.map((w) => CONFLICT_WARNING_LABELS[w].vi).join('; ') || 'Không',
        a.conflictOfInterest === null
          ? 'Chưa gửi phiếu'
          : a.conflictOfInterest
            ? 'Có (không đánh giá)'
            : 'Không',
      ]),
      [6, 24, 30, 22, 18],
    ),
    line([run('')]),
    line([run('II. KẾT QUẢ ĐÁNH GIÁ THEO TIÊU CHÍ', { bold: true })], 60),
    table(
      ['STT', 'Tiêu chí', ...appraisals.map((a) => a.appraiserName)],
      view.criteria.map((c, i) => [
        String(i + 1),
        c.nameVi,
        ...appraisals.map((a) => {
          const answer = a.criteria.find((x) => x.code === c.code);
          if (a.conflictOfInterest) return 'Không đánh giá';
          return answer ? `${PASS(answer.pass)}${answer.comment ? `: ${answer.comment}` : ''}` : '—';
        }),
      ]),
      [6, 34, ...appraisals.map(() => Math.floor(60 / Math.max(1, appraisals.length)))],
    ),
    line([run('')]),
    line([run('III. ĐIỂM VÀ KIẾN NGHỊ CỦA THÀNH VIÊN', { bold: true })], 60),
    table(
      ['Thành viên', 'Điểm', 'Kiến nghị', 'Kinh phí đề nghị (đồng)', 'Ý kiến khác', 'Thời điểm gửi'],
      appraisals.map((a) => [
        a.appraiserName,
        a.score === null ? '—' : String(a.score),
        a.conflictOfInterest ? 'Không đánh giá' : a.recommendation ? RECOMMENDATION[a.recommendation] : '—',
        a.recommendedFunding === null ? '—' : formatVnd(a.recommendedFunding),
        a.comments ?? '',
        a.submittedAt ? formatInstantVi(a.submittedAt) : '',
      ]),
      [20, 8, 16, 18, 22, 16],
      { right: [1, 3] },
    ),
    line([run('')]),
    line([run('IV. KẾT LUẬN CỦA CỤC', { bold: true })], 60),
    view.decision
      ? line([
          run(`${RECOMMENDATION[view.decision.result]}`, { bold: true }),
          run(
            view.decision.result === 'recommended'
              ? `; kinh phí phê duyệt ${formatVnd(view.decision.approvedFunding)}.`
              : '.',
          ),
          ...(view.decision.note ? [run(` Ghi chú: ${view.decision.note}`)] : []),
        ])
      : line([run('Chưa có kết luận.', { italics: true })]),
    line([run('')]),
    line([run(`Biên bản lập ngày ${formatDateVi(vnDateOf(now))}.`, { italics: true, size: SMALL })]),
  ];
  const doc = new Document({
    creator: 'Hệ thống quản lý khuyến công',
    title: `Biên bản thẩm định ${view.code}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
