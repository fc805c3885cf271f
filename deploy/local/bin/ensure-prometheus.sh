#!/usr/bin/env bash
# Makes sure the `prometheus` and `promtool` binaries are on this machine, installing Debian's `prometheus`
# package when they are absent. Nothing is started here: ./run-local runs Prometheus as a child process with the
# project's own configuration (care.sciatica.local.PrometheusServer), and the build runs promtool on the rules.
# The package's own system service (if an init system runs one) is not used and is stopped right away.
set -euo pipefail

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi

echo "Prometheus is not installed: installing it from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
# Another install may hold the dpkg lock (CI installs several packages): wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=600 update -q
# The package recommends an exporter and a web console we do not use.
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends prometheus

# On a machine with an init system the package starts its own server on :9090, which would take the port the
# local run uses; ours is started by ./run-local instead.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable --now prometheus >/dev/null 2>&1 || true
elif [ -x /etc/init.d/prometheus ]; then
  /etc/init.d/prometheus stop >/dev/null 2>&1 || true
fi

prometheus --version 2>&1 | sed -n 1p
promtool --version 2>&1 | sed -n 1p
