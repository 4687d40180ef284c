"""Score earlier versions of the classifier on a split of today's labelled set.

    .venv/bin/python eval/activities/compare_versions.py --split heldout9 58e411e b61cdb8 HEAD
    .venv/bin/python eval/activities/compare_versions.py --split dev-h10,dev-h11 0ad451b   # pooled

How the README's "start of the session / after round N" rows were measured: each commit is
checked out into a temporary git worktree, and its own ``qogam.activities.classify`` (its
patterns and model) labels the rows of ``--split`` from this checkout's labelled.csv, which an
old commit does not have. Scoring is this checkout's ``evaluate.score``. Needs git and the
repository's history.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from siblings import load_evaluate  # noqa: E402
from versions import run_in_version  # noqa: E402

# Run inside the old worktree: classify the given texts with that version, print the labels.
_CLASSIFY = """
import json, sys
from qogam.activities import classify
texts = json.load(sys.stdin)
out = {}
for method in ("rules", "hybrid"):
    out[method] = [[r.primary_group, list(r.group_codes)] for r in (classify(t, method) for t in texts)]
print(json.dumps(out))
"""


def labels_of(commit: str, texts: list[str]) -> dict[str, list]:
    return run_in_version(commit, _CLASSIFY, texts)


class _Labels:
    def __init__(self, primary: str | None, codes: list[str]) -> None:
        self.primary_group, self.group_codes = primary, tuple(codes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True, help="a split, or several separated by commas (pooled)")
    parser.add_argument("commits", nargs="+")
    args = parser.parse_args(argv)
    evaluate = load_evaluate()  # this checkout's scoring and labelled set

    wanted = set(args.split.split(","))
    rows = [r for r in evaluate.read_labelled() if r["split"] in wanted]
    if not rows:
        print(f"compare_versions: no rows in split {args.split!r}", file=sys.stderr)
        return 2
    texts = [r["text"] for r in rows]
    print(f"{args.split} ({len(rows)} texts): primary accuracy / labels found / wrong labels")
    for commit in args.commits:
        labels = labels_of(commit, texts)
        cells = []
        for method in ("rules", "hybrid"):
            f = evaluate.score(rows, [_Labels(p, codes) for p, codes in labels[method]])
            cells.append(f"{method} {f['primary_accuracy']:.3f} / {f['labels_found']:.3f} / {f['wrong_labels']:.3f}")
        print(f"  {commit:10} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
