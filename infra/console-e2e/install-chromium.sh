#!/bin/sh
# Installs headless Chromium (Debian packages "chromium" and "chromium-driver") for the console end-to-end tests.
# Idempotent: does nothing when both are already installed. Needs root or sudo to install.
set -eu

missing=""
for pkg in chromium chromium-driver; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        echo "already installed: $pkg ($(dpkg-query -W -f='${Version}' "$pkg"))"
    else
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "nothing to do: Chromium is installed at $(command -v chromium || echo /usr/bin/chromium)"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "missing:$missing; run this script as root or install sudo" >&2
    exit 1
fi

echo "installing:$missing"
$as_root apt-get update
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y $missing
for pkg in $missing; do
    echo "installed: $pkg ($(dpkg-query -W -f='${Version}' "$pkg"))"
done
echo "Chromium: $(chromium --version 2>/dev/null || echo 'not runnable')"
