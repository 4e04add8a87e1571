/**
 * Stable, machine-readable error codes of the public API (api.md). Clients branch on `code`,
 * never on a message. Messages are Vietnamese by default, English with `Accept-Language: en`.
 */
export const ERROR_MESSAGES = {
  validation_failed: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  unauthenticated: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  invalid_credentials: {
    status: 401,
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'The e-mail address or password is wrong.',
  },
  account_disabled: { status: 403, vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  forbidden: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  csrf_failed: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Invalid CSRF token; reload the page.',
  },
  not_found: { status: 404, vi: 'Không tìm thấy dữ liệu.', en: 'Not found.' },
  conflict: { status: 409, vi: 'Dữ liệu đã thay đổi hoặc bị trùng.', en: 'Conflict with the current state.' },
  email_taken: {
    status: 409,
    vi: 'Email này đã được sử dụng.',
    en: 'This e-mail address is already in use.',
  },
  invalid_transition: {
    status: 409,
    vi: 'Không thể thực hiện thao tác ở trạng thái hiện tại.',
    en: 'This action is not allowed in the current status.',
  },
  appraisals_pending: {
    status: 409,
    vi: 'Còn thành viên được phân công chưa gửi phiếu thẩm định.',
    en: 'Some assigned appraisers have not submitted their appraisal yet.',
  },
  payload_too_large: { status: 413, vi: 'Tệp hoặc dữ liệu quá lớn.', en: 'The payload is too large.' },
  unsupported_file_type: {
    status: 415,
    vi: 'Loại tệp không được chấp nhận.',
    en: 'This file type is not accepted.',
  },
  spreadsheet_empty: {
    status: 422,
    vi: 'Tệp bảng tính không có dữ liệu.',
    en: 'The spreadsheet holds no data.',
  },
  spreadsheet_wrong_sheet: {
    status: 422,
    vi: 'Tệp không có trang tính theo mẫu.',
    en: 'The file does not have the template’s sheet.',
  },
  spreadsheet_bad_headers: {
    status: 422,
    vi: 'Tiêu đề cột không đúng mẫu.',
    en: 'The column headers do not match the template.',
  },
  import_rejected: {
    status: 422,
    vi: 'Tệp nhập còn lỗi; chưa có dữ liệu nào được ghi.',
    en: 'The import has errors; nothing was written.',
  },
  deadline_passed: { status: 422, vi: 'Đã quá hạn.', en: 'The deadline has passed.' },
  cap_exceeded: { status: 422, vi: 'Vượt mức hỗ trợ tối đa.', en: 'The support cap is exceeded.' },
  contract_value_exceeded: {
    status: 422,
    vi: 'Giá trị hợp đồng vượt tổng kinh phí hỗ trợ được duyệt và vốn đối ứng.',
    en: 'The contract value exceeds the approved support plus the counterpart funds.',
  },
  advance_limit_exceeded: {
    status: 422,
    vi: 'Tổng số tiền tạm ứng vượt mức cho phép trước khi nghiệm thu.',
    en: 'The total advances exceed what may be advanced before acceptance.',
  },
  advance_not_allowed: {
    status: 422,
    vi: 'Chưa đủ điều kiện tạm ứng theo quy định.',
    en: 'The conditions for this advance are not met.',
  },
  report_exists: {
    status: 409,
    vi: 'Báo cáo tiến độ của tháng này đã được gửi.',
    en: 'The progress report for this month has already been sent.',
  },
  authority_insufficient: {
    status: 403,
    vi: 'Nội dung điều chỉnh này phải do cấp có thẩm quyền cao hơn quyết định.',
    en: 'This adjustment must be decided by a higher authority.',
  },
  settlement_exceeded: {
    status: 422,
    vi: 'Số tiền quyết toán vượt kinh phí hỗ trợ được duyệt.',
    en: 'The settled amount exceeds the approved support.',
  },
  checks_failed: {
    status: 422,
    vi: 'Đề án còn lỗi theo quy định, cần sửa trước khi gửi.',
    en: 'The proposal still has rule errors to fix before it is sent.',
  },
  weak_password: {
    status: 422,
    vi: 'Mật khẩu quá yếu: cần ít nhất 8 ký tự và không nằm trong danh sách mật khẩu phổ biến.',
    en: 'The password is too weak: at least 8 characters and not a common password.',
  },
  invalid_token: {
    status: 422,
    vi: 'Liên kết đã hết hạn hoặc không hợp lệ.',
    en: 'The link has expired or is not valid.',
  },
  malware_detected: {
    status: 422,
    vi: 'Tệp bị phần mềm diệt virus phát hiện là độc hại và đã bị từ chối.',
    en: 'The antivirus flagged this file as malicious; it was refused.',
  },
  scan_unavailable: {
    status: 503,
    vi: 'Chưa quét được virus cho tệp, vui lòng thử lại sau.',
    en: 'The file could not be scanned for viruses; try again later.',
  },
  totp_required: {
    status: 401,
    vi: 'Nhập mã xác thực 6 số từ ứng dụng xác thực (hoặc một mã khôi phục).',
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code).',
  },
  totp_invalid: {
    status: 401,
    vi: 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.',
    en: 'The verification code is wrong, expired or already used.',
  },
  totp_enrolment_required: {
    status: 403,
    vi: 'Tài khoản của Cục phải bật xác thực hai lớp trước khi tiếp tục: vào trang Hồ sơ cá nhân.',
    en: 'Agency accounts must turn on two-step verification first: open your profile page.',
  },
  totp_already_enabled: {
    status: 409,
    vi: 'Xác thực hai lớp đã được bật.',
    en: 'Two-step verification is already on.',
  },
  totp_required_for_role: {
    status: 403,
    vi: 'Vai trò của bạn bắt buộc xác thực hai lớp, không thể tắt.',
    en: 'Your role requires two-step verification; it cannot be turned off.',
  },
  rate_limited: {
    status: 429,
    vi: 'Quá nhiều lần thử, vui lòng thử lại sau.',
    en: 'Too many attempts; try again later.',
  },
  internal_error: {
    status: 500,
    vi: 'Lỗi hệ thống, vui lòng thử lại sau.',
    en: 'Internal error; please try again later.',
  },
  service_unavailable: {
    status: 503,
    vi: 'Hệ thống tạm thời không sẵn sàng.',
    en: 'The service is temporarily unavailable.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type TErrorCode = keyof typeof ERROR_MESSAGES;

/** Messages of field-level validation problems (`errors[].code`). */
export const FIELD_ERROR_MESSAGES: Record<string, { vi: string; en: string }> = {
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  invalid_type: { vi: 'Kiểu dữ liệu không đúng.', en: 'Wrong data type.' },
  too_small: { vi: 'Giá trị quá nhỏ hoặc quá ngắn.', en: 'Too small or too short.' },
  too_big: { vi: 'Giá trị quá lớn hoặc quá dài.', en: 'Too big or too long.' },
  invalid_format: { vi: 'Định dạng không đúng.', en: 'Wrong format.' },
  invalid_value: { vi: 'Giá trị không được chấp nhận.', en: 'Value not accepted.' },
  unrecognized_keys: { vi: 'Có trường không được phép.', en: 'Unknown field.' },
  custom: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' },
};
