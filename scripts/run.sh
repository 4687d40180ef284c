#!/usr/bin/env bash
# The main job: the web app with the demo registry, at http://127.0.0.1:8000
# (charter checker, search, organisation profiles, census dashboard, REST API at /api/docs).
# First it checks the bundled sample charter on the command line, so the core is seen at work.
# Host and port: QOGAM_HOST, QOGAM_PORT. Database: QOGAM_DATABASE_URL (default SQLite in var/).
set -euo pipefail
cd "$(dirname "$0")/.."
QOGAM_SETUP_BROWSER=0 bash scripts/setup.sh
.venv/bin/qogam check --sample || [ $? -eq 1 ]
if [ -n "${QOGAM_DATABASE_URL:-}" ] || [ ! -s var/qogam.sqlite3 ]; then
  # Loads 25,000 synthetic organisations; refuses (and we go on) when the database holds real data.
  if .venv/bin/qogam demo; then
    .venv/bin/qogam census recompute  # states of every organisation for the census dashboard
  else
    echo "run.sh: demo data not loaded (see the message above); serving the database as it is" >&2
  fi
fi
exec .venv/bin/qogam serve --host "${QOGAM_HOST:-127.0.0.1}" --port "${QOGAM_PORT:-8000}"
