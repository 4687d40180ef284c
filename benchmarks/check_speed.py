"""How long a charter check takes against merely reading the file.

    .venv/bin/python benchmarks/check_speed.py            # every DOCX of the corpus and the sample

For each charter: the median time to read it (``read_document``) and to check it
(``check_file``: read + parse + rules), over several runs after one warm-up run that loads
the morphology and the gazetteer, and their ratio. Targets (DESIGN.md, issue #2): median
whole-check time under 300 ms for a 40 KB DOCX, and no more than 3x the time of reading it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from qogam.documents import read_document
from qogam.rules import check_file

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "eval" / "charters" / "docx").glob("*.docx")) + [
        ROOT / "src" / "qogam" / "samples" / "sample_charter.docx"
    ]
    warm_start = time.perf_counter()
    check_file(files[0])
    print(f"first check (loads morphology, gazetteer, catalogue): {time.perf_counter() - warm_start:.2f} s\n")
    print("| charter | KB | read, ms | check, ms | ratio |\n|---|---:|---:|---:|---:|")
    checks, ratios = [], []
    for path in files:
        read = median_seconds(lambda p=path: read_document(p), args.runs)
        check = median_seconds(lambda p=path: check_file(p), args.runs)
        checks.append(check)
        ratios.append(check / read)
        print(f"| {path.name} | {path.stat().st_size / 1024:.0f} | {read * 1000:.1f} | {check * 1000:.1f} | {check / read:.1f} |")
    print(f"\nmedian check: {statistics.median(checks) * 1000:.0f} ms (target < 300 ms); "
          f"median ratio check/read: {statistics.median(ratios):.1f}x (target <= 3x); max ratio {max(ratios):.1f}x")


if __name__ == "__main__":
    main()
