#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages TraceDelta needs to build, test and run (clang and its
# runtime for the sanitizer and fuzzing builds that CI runs as well; protobuf for OTLP
# protobuf files and the receiver; QtKeychain for server secrets, openssl for the TLS test; Node.js and npm for the OpenTelemetry JS SDK client
# that tests the receiver).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build pkg-config \
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
  libqcustomplot-dev nlohmann-json3-dev zlib1g-dev libgl-dev \
  protobuf-compiler libprotobuf-dev qtkeychain-qt6-dev libsimdjson-dev openssl \
  fonts-dejavu-core xvfb xauth desktop-file-utils appstream dpkg-dev file \
  clang libclang-rt-14-dev util-linux >/dev/null
# Node.js for the OpenTelemetry JS client in the receiver tests: Debian's, unless a Node.js
# with npm is already there (a NodeSource build conflicts with Debian's npm package).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# The pinned OpenTelemetry JS SDK packages (tests/otlp-client/package-lock.json) for the
# receiver tests; without network they are skipped, and those tests say so.
client="$(dirname "$0")/../tests/otlp-client"
if command -v npm >/dev/null; then
  (cd "$client" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null) \
    || echo "install-deps: npm ci in tests/otlp-client failed; the OTLP client tests will be skipped" >&2
fi
