#!/usr/bin/env bash
# The main job: check the bundled sample charter and print the report.
set -euo pipefail
cd "$(dirname "$0")/.."
QOGAM_SETUP_BROWSER=0 bash scripts/setup.sh
.venv/bin/qogam check --sample "$@" || [ $? -eq 1 ]
