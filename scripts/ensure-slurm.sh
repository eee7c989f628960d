#!/usr/bin/env bash
# The SLURM backend's real-server tests run a one-node cluster: slurmctld, slurmd, slurmrestd and munge.
set -euo pipefail

PACKAGES=(slurmctld slurmd slurmrestd munge)

have_all() {
  command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 &&
    command -v slurmrestd >/dev/null 2>&1 && command -v munged >/dev/null 2>&1
}

if have_all; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-slurm: installing ${PACKAGES[*]}" >&2
  # The install alone is quick; update only when the package lists do not know slurmctld yet.
  apt-cache show slurmctld >/dev/null 2>&1 || apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${PACKAGES[@]}" >&2
  have_all && exit 0
  echo "ensure-slurm: installed ${PACKAGES[*]} but the daemons are still not on PATH" >&2
  exit 1
fi

cat >&2 <<MSG
ensure-slurm: the real-SLURM tests need slurmctld, slurmd, slurmrestd and munged, and they cannot be
installed automatically here (this needs root and apt-get). Install the Debian packages
${PACKAGES[*]} (Slurm 22.05 or newer) and make sure the daemons are on PATH.
MSG
exit 1
