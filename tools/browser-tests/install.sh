#!/bin/sh
# Installs what the dashboard's browser tests need, only when it is missing: Debian's chromium
# (Playwright's own browser download does not work here) and the pinned npm packages.
# Idempotent; the Maven build (app, generate-test-resources) runs it.
set -eu
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian's chromium (needed by tools/browser-tests)" >&2
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq chromium >/dev/null
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
