#!/usr/bin/env bash
# The whole test suite: installs what is missing (Debian packages, .venv), starts a local
# PostgreSQL so the registry tests run on it as well as on SQLite, then runs pytest.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh tests/charter -q`).
set -euo pipefail
cd "$(dirname "$0")/.."
QOGAM_SETUP_POSTGRES=1 bash scripts/setup.sh
if [ -z "${QOGAM_TEST_POSTGRES_URL:-}" ] && [ "$(id -u)" = 0 ]; then
  if url=$(bash scripts/start_postgres.sh); then
    export QOGAM_TEST_POSTGRES_URL="$url"
  else
    echo "test.sh: PostgreSQL could not be started; the PostgreSQL tests will be skipped" >&2
  fi
fi
export OMP_THREAD_LIMIT=1
.venv/bin/python -m pytest "$@"
