#!/usr/bin/env bash
# Browser tests use Debian's Chromium (never a browser downloaded by a test tool).
# Installs it when missing and we are root; otherwise says what to do.
set -u
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian chromium for the browser tests..."
  (apt-get update -q && apt-get install -y -q chromium) >/tmp/kubelab-apt-chromium.log 2>&1 \
    || { echo "could not install chromium (log: /tmp/kubelab-apt-chromium.log)"; exit 1; }
else
  echo "browser tests need /usr/bin/chromium: sudo apt-get install -y chromium"; exit 1
fi
