#!/usr/bin/env bash
# The README's main job: installs everything, then runs the example suites on the embedded local
# model across the example prompt's versions, shows the diff of the last two versions and the advice.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PROMPTOPS_VENV:-$ROOT/.venv}"
bash "$ROOT/scripts/setup.sh" dev
cd "$ROOT"
exec "$VENV/bin/promptops" demo "$@"
