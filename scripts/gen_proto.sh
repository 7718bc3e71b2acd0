#!/usr/bin/env bash
# Regenerates the committed Python code for every proto under proto/ into libs/proto/src.
# Output paths mirror proto paths, so `proto/soundforge/x/v1/x.proto` imports as
# `from soundforge.x.v1 import x_pb2`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
OUT=${1:-libs/proto/src}
mkdir -p "$OUT"
find "$OUT/soundforge" -name '*_pb2*' -delete 2>/dev/null || true
mapfile -t protos < <(cd proto && find soundforge -name '*.proto' | sort)
(cd proto && "$OLDPWD/$PY" -m grpc_tools.protoc -I . \
  --python_out="$OLDPWD/$OUT" --pyi_out="$OLDPWD/$OUT" \
  --grpc_python_out="$OLDPWD/$OUT" --mypy_grpc_out="$OLDPWD/$OUT" \
  --plugin=protoc-gen-mypy_grpc="$OLDPWD/.venv/bin/protoc-gen-mypy_grpc" \
  "${protos[@]}")
# Every versioned folder gets a marker so type checkers see a package.
for d in $(find "$OUT/soundforge" -type d -name 'v1'); do touch "$d/__init__.py" "$d/py.typed"; done
