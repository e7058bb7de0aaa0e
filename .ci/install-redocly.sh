#!/bin/sh
# Installs Redocly CLI (npm package @redocly/cli, the version below) into .ci/tools for the OpenAPI lint test
# (OpenApiLintTest runs `redocly lint functions/api/openapi.yaml` when `redocly` is on PATH; .ci/run puts
# .ci/tools/node_modules/.bin there). Idempotent: does nothing when that version is installed. Needs npm.
set -eu
VERSION=2.77.0
cd "$(dirname "$0")"
BIN=tools/node_modules/.bin/redocly

if [ -x "$BIN" ] && [ "$("$BIN" --version 2>/dev/null | head -n 1)" = "$VERSION" ]; then
    echo "already installed: @redocly/cli $VERSION"
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: @redocly/cli $VERSION not installed" >&2
    exit 1
fi
npm install --no-audit --no-fund --no-save --prefix tools "@redocly/cli@$VERSION"
echo "installed: @redocly/cli $("$BIN" --version 2>/dev/null | head -n 1)"
