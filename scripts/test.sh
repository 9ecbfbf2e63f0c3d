#!/usr/bin/env bash
# The README's test command: installs everything into .venv, then runs the whole test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PROMPTOPS_VENV:-$ROOT/.venv}"
bash "$ROOT/scripts/setup.sh" dev
cd "$ROOT"
# pytest exits 5 when it collected nothing: that is a failure here, never a silent pass.
set +e
"$VENV/bin/python" -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
