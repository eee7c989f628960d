#!/usr/bin/env bash
# The API's scrape test runs a real Prometheus against the app's /metrics: Debian's package is the
# one source of the server here (no downloads at test time).
set -euo pipefail

PROMETHEUS=/usr/bin/prometheus

if [ -x "$PROMETHEUS" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-prometheus: $PROMETHEUS is missing; installing Debian's prometheus" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Without the recommends: the node exporter and the web UI assets are not needed to scrape.
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  if [ -x "$PROMETHEUS" ]; then
    exit 0
  fi
  echo "ensure-prometheus: apt-get finished but $PROMETHEUS is still missing" >&2
  exit 1
fi

echo "ensure-prometheus: $PROMETHEUS is missing and cannot be installed here (needs root and apt-get)." >&2
echo "Install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends prometheus" >&2
exit 1
