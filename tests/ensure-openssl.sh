#!/usr/bin/env bash
# The PKI tests check our certificates with the openssl CLI; install it when missing.
set -euo pipefail
command -v openssl >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's openssl for the certificate tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
else
  echo "openssl is missing: install it with 'sudo apt-get install -y openssl'" >&2
  exit 1
fi
