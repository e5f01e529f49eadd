#!/usr/bin/env bash
# Installs Debian packages for the tests and benchmarks when a tool they need is missing (PostgreSQL for
# scripts/pg-throwaway.sh, wrk for the HTTP benchmarks): as root, or through passwordless sudo.
# usage: scripts/apt-install.sh PACKAGE...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: scripts/apt-install.sh PACKAGE..." >&2; exit 2; }
echo "installing the Debian package(s) $*" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "cannot install $*: not root and no sudo; install it yourself" >&2; exit 2; fi
fi
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >&2
