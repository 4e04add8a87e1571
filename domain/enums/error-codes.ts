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
  deadline_passed: { status: 422, vi: 'Đã quá hạn.', en: 'The deadline has passed.' },
  cap_exceeded: { status: 422, vi: 'Vượt mức hỗ trợ tối đa.', en: 'The support cap is exceeded.' },
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
