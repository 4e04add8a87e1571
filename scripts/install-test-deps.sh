#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, when it is missing and the machine allows:
# Debian's Chromium (end-to-end tests), PostgreSQL 15 (the compatibility run in CI) and LibreOffice
# headless (CI: the .xlsx and .docx exports are converted to PDF; elsewhere those checks skip without it)
# and clamd (CI: the antivirus test of uploads; elsewhere it skips, saying why).
# Says clearly what to install by hand when it cannot.
set -euo pipefail

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
if [ "${CI:-}" = "true" ] || [ "${KHUYENCONG_TEST_PG15:-}" = "1" ]; then
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15 postgresql-contrib)
fi
if [ "${CI:-}" = "true" ]; then
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
  # R5: the upload scan test starts its own clamd with a test signature (no freshclam download).
  [ -x /usr/sbin/clamd ] || need+=(clamav-daemon)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: installing ${need[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-noto-core >/dev/null
else
  echo "install-test-deps: missing ${need[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${need[*]}" >&2
  echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
  exit 1
fi
