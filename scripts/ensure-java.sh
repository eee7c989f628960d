#!/usr/bin/env bash
# DynamoDB Local (used by the adapters tests) is a Java program and needs Java 17 or newer.
set -euo pipefail

MIN_MAJOR=17

java_major() {
  # `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or "1.8.0_392" for Java 8) on stderr.
  local version
  version=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  [ -n "$version" ] || return 1
  case "$version" in
    1.*) echo "$version" | cut -d. -f2 ;;
    *) echo "$version" | cut -d. -f1 | cut -d- -f1 ;;
  esac
}

if command -v java >/dev/null 2>&1; then
  major=$(java_major || echo 0)
  if [ "$major" -ge "$MIN_MAJOR" ] 2>/dev/null; then
    exit 0
  fi
  echo "ensure-java: found Java $major, need $MIN_MAJOR or newer" >&2
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-java: installing openjdk-17-jre-headless" >&2
  apt-get update
  # Debian releases after bookworm no longer carry Java 17; their default JRE is newer and works too.
  DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless
  java -version
  exit 0
fi

cat >&2 <<MSG
ensure-java: Java $MIN_MAJOR or newer is required to run DynamoDB Local for the tests, and it cannot be
installed automatically here (this needs root and apt-get). Install a JRE $MIN_MAJOR+ (for example the
openjdk-17-jre-headless package, or Temurin 17) and make sure \`java\` is on PATH.
MSG
exit 1
