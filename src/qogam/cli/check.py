"""`qogam check FILE...` — check NGO charters (work in progress)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="проверить устав НПО / check an NGO charter")
    p.add_argument("files", nargs="*")
    return p


def run(args: argparse.Namespace) -> int:
    raise SystemExit("qogam check: not built yet")
