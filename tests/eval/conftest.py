"""The evaluation harness lives in eval/charters/ (scripts, not a package): make it importable."""

import sys
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[2] / "eval" / "charters"
if str(HARNESS) not in sys.path:
    sys.path.insert(0, str(HARNESS))
