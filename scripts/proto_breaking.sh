#!/usr/bin/env bash
# buf lint, then buf breaking of proto/ against the previous commit (or $PROTO_AGAINST).
#
# A deliberate break is declared, never silent: the commit that makes it carries a line
#   Proto-Breaking: <why, and what callers must change>
# in its message. The check then prints the breaking changes and passes; without the line it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BUF=${BUF:-.venv/bin/buf}
AGAINST=${PROTO_AGAINST:-HEAD~1}
(cd proto && "../$BUF" lint)
echo "proto: buf lint clean"
if ! git rev-parse -q --verify "$AGAINST^{commit}" >/dev/null; then
  echo "proto: no commit $AGAINST to compare with (first commit or shallow clone); breaking check skipped"
  exit 0
fi
if "$BUF" breaking proto --against ".git#ref=$(git rev-parse "$AGAINST"),subdir=proto"; then
  echo "proto: no breaking change against $AGAINST"
  exit 0
fi
declared=$(git log -1 --format=%B HEAD | grep -E '^Proto-Breaking:' || true)
if [ -n "$declared" ]; then
  echo "proto: breaking changes above are declared by HEAD: $declared"
  exit 0
fi
echo "proto: breaking change against $AGAINST; declare it with a 'Proto-Breaking: <reason>' line in the commit message" >&2
exit 1
