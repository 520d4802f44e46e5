#!/usr/bin/env bash
# Install the Debian packages the tests use, when they are missing: PostgreSQL (store tests run on
# a real server), Chromium (dashboard tests drive a real browser) and fonts that render Arabic.
set -euo pipefail
need=()
command -v pg_lsclusters >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "noto.*arab\|kacst\|amiri" || need+=(fonts-noto-core fonts-kacst)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${need[*]}; run: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
