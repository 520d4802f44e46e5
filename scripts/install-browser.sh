#!/usr/bin/env bash
# Installs what the dashboard's browser tests need on Debian/Ubuntu: Debian's chromium (Playwright
# drives it at /usr/bin/chromium; `playwright install` needs a download site we cannot reach) and
# fonts with Arabic glyphs so pages render as users see them. Idempotent; run as root (CI) or with sudo.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic\|Noto Sans Arabic" || need+=(fonts-noto-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-browser: chromium and Arabic fonts already present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig
echo "install-browser: installed ${need[*]}"
