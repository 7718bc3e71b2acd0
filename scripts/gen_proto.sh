#!/usr/bin/env bash
# Regenerates the committed Python code for every proto under proto/ into libs/proto/src.
# Output paths mirror proto paths, so `proto/soundforge/x/v1/x.proto` imports as
# `from soundforge.x.v1 import x_pb2`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
OUT=${1:-libs/proto/src}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
ROOT=$(pwd)
[ -d "$OUT/soundforge" ] && find "$OUT/soundforge" -name '*_pb2*' -delete
mapfile -t protos < <(cd proto && find soundforge -name '*.proto' | sort)
# protoc's output is kept and shown only when it fails, so a failure is never hidden and a success
# is quiet (mypy-protobuf prints one "Writing ..." line per file).
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! (cd proto && "$ROOT/$PY" -m grpc_tools.protoc -I . \
  --python_out="$OUT" --pyi_out="$OUT" --grpc_python_out="$OUT" --mypy_grpc_out="$OUT" \
  --plugin=protoc-gen-mypy_grpc="$ROOT/.venv/bin/protoc-gen-mypy_grpc" \
  "${protos[@]}") >"$log" 2>&1; then
  grep -v "^Writing mypy" "$log" >&2
  echo "gen_proto: protoc failed" >&2
  exit 1
fi
# Every versioned folder gets a marker so type checkers see a package.
for d in $(find "$OUT/soundforge" -type d -name 'v1'); do touch "$d/__init__.py" "$d/py.typed"; done
