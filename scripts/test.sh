#!/usr/bin/env bash
# Runs every test of the project. Installs the Debian packages the tests drive for real
# (Mosquitto broker and clients) when they are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install-test-deps.sh"
cd "$ROOT"
exec mvn -B verify "$@"
