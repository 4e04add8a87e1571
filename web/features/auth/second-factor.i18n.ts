/**
 * Messages of two-step verification (TOTP, issue #9), mounted under `secondFactor` in
 * `web/lib/locales/vi.ts` and `en.ts`. Vietnamese first; English has exactly the same keys.
 */
export const secondFactorVi = {
  title: 'Xác thực hai lớp',
  codeLabel: 'Mã xác thực',
  codeHelp: 'Mã 6 số trong ứng dụng xác thực, hoặc một mã khôi phục.',
  codeRequired: 'Vui lòng nhập mã xác thực.',
  codeStepIntro: 'Tài khoản này bật xác thực hai lớp. Mở ứng dụng xác thực trên điện thoại và nhập mã 6 số.',
  verify: 'Xác nhận',
  back: 'Đăng nhập bằng tài khoản khác',
  enabled: 'Đang bật',
  disabled: 'Chưa bật',
  required: 'Bắt buộc với tài khoản của Cục',
  requiredNotice:
    'Tài khoản của Cục phải bật xác thực hai lớp trước khi sử dụng hệ thống. Làm theo các bước dưới đây.',
  intro:
    'Khi đăng nhập, ngoài mật khẩu bạn nhập thêm mã 6 số từ ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…).',
  start: 'Bật xác thực hai lớp',
  scan: 'Bước 1: quét mã QR bằng ứng dụng xác thực, hoặc nhập khóa bí mật dưới đây.',
  qrAlt: 'Mã QR để thêm tài khoản vào ứng dụng xác thực',
  secret: 'Khóa bí mật',
  confirmStep: 'Bước 2: nhập mã 6 số ứng dụng đang hiển thị.',
  confirm: 'Xác nhận và bật',
  recoveryTitle: 'Mã khôi phục',
  recoveryIntro:
    'Lưu các mã này ở nơi an toàn (in ra hoặc trình quản lý mật khẩu). Mỗi mã dùng được một lần khi bạn không có điện thoại. Mã chỉ hiển thị một lần.',
  recoveryDone: 'Tôi đã lưu các mã khôi phục',
  recoveryLeft: 'Còn {{count}} mã khôi phục chưa dùng.',
  regenerate: 'Tạo mã khôi phục mới',
  regenerateHelp: 'Nhập mã 6 số hiện tại để tạo 10 mã khôi phục mới (các mã cũ hết hiệu lực).',
  turnedOn: 'Đã bật xác thực hai lớp.',
};

export const secondFactorEn: typeof secondFactorVi = {
  title: 'Two-step verification',
  codeLabel: 'Verification code',
  codeHelp: 'The 6-digit code of your authenticator app, or a recovery code.',
  codeRequired: 'Please enter the verification code.',
  codeStepIntro:
    'This account uses two-step verification. Open the authenticator app on your phone and enter the 6-digit code.',
  verify: 'Verify',
  back: 'Sign in with another account',
  enabled: 'On',
  disabled: 'Off',
  required: 'Required for agency accounts',
  requiredNotice:
    'Agency accounts must turn on two-step verification before using the system. Follow the steps below.',
  intro:
    'When you sign in, besides your password you enter a 6-digit code from an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…).',
  start: 'Turn on two-step verification',
  scan: 'Step 1: scan the QR code with your authenticator app, or type the secret key below.',
  qrAlt: 'QR code to add the account to an authenticator app',
  secret: 'Secret key',
  confirmStep: 'Step 2: enter the 6-digit code the app shows.',
  confirm: 'Confirm and turn on',
  recoveryTitle: 'Recovery codes',
  recoveryIntro:
    'Keep these codes somewhere safe (print them or use a password manager). Each works once when you do not have your phone. They are shown only once.',
  recoveryDone: 'I have saved the recovery codes',
  recoveryLeft: '{{count}} unused recovery codes left.',
  regenerate: 'New recovery codes',
  regenerateHelp:
    'Enter the current 6-digit code to create 10 new recovery codes (the old ones stop working).',
  turnedOn: 'Two-step verification is on.',
};
