#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's chromium through playwright-core: playwright's own
# browser download cannot run here, so the distribution package is the one source of a browser.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if [ -x "$CHROMIUM" ]; then
    exit 0
  fi
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi

echo "ensure-chromium: $CHROMIUM is missing and cannot be installed here (needs root and apt-get)." >&2
echo "Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
