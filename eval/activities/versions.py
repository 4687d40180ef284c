"""Run a snippet of Python against an earlier commit's ``qogam`` (compare_versions.py and
unseen_rules.py): the commit is checked out into a temporary git worktree and the snippet runs
with that tree's ``src`` first on the path, reading JSON on stdin and printing JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent


def run_in_version(commit: str, code: str, payload: Any) -> Any:
    """``code``'s JSON output for ``payload``, run with the qogam of ``commit``."""
    with tempfile.TemporaryDirectory(prefix="qogam-version-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(tree), commit],
            check=True,
            capture_output=True,
        )
        try:
            result = subprocess.run(
                [sys.executable, "-c", code],
                input=json.dumps(payload),
                capture_output=True,
                text=True,
                check=True,
                env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                capture_output=True,
            )
    return json.loads(result.stdout)
