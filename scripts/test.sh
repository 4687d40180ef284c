#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs pytest.
# With QOGAM_TEST_POSTGRES_URL set, the registry tests also run against PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_THREAD_LIMIT=1
.venv/bin/python -m pytest "$@"
