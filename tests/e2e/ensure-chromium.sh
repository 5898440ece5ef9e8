#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; install it when missing (CI machines start without it).
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium is missing: install it with 'sudo apt-get install -y chromium' (needs /usr/bin/chromium)" >&2
  exit 1
fi
