"""The rules' output on each development batch from a version that had not been tuned on it.

    .venv/bin/python eval/activities/unseen_rules.py           # write unseen_rules.jsonl
    .venv/bin/python eval/activities/unseen_rules.py --check   # rebuild, compare with the file

Why: the rules were tuned on the development batches, so today's rules label them better than
they label a new author's text. A model trained on today's rule scores learns to trust the rules
more than it should (on held-out text most of its wrong primary groups were the rules'). Trained
on the scores of the rules as they were before they had seen each batch (``splits.UNSEEN_BY``),
it learns how the rules do on unseen text — stacking on out-of-sample predictions.

Each line of ``unseen_rules.jsonl`` is one labelled row: its ``id``, ``split``, the ``commit``
whose rules classified it, ``text_sha256`` (the first 16 hex digits; a text edited since makes
training stop with an error) and what ``model.features`` reads from a rule classification.
Building needs git and the repository's history (each commit is checked out into a temporary
worktree, see versions.py); reading needs neither.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from splits import UNSEEN_BY  # noqa: E402

LABELLED = HERE / "labelled.csv"
UNSEEN_RULES = HERE / "unseen_rules.jsonl"

# Run inside the old worktree: the rules' classification of each text, as model.features reads it.
_RULES = """
import json, sys
from qogam.activities import classify
out = []
for text in json.load(sys.stdin):
    r = classify(text, "rules")
    out.append({"language": r.language, "primary_group": r.primary_group,
                "groups": [[s.code, s.score] for s in r.groups],
                "raw_scores": r.raw_scores, "activity_scores": r.activity_scores})
print(json.dumps(out))
"""


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build(path: Path = LABELLED) -> list[dict]:
    """One entry per row of every batch in ``UNSEEN_BY``, in labelled.csv's order."""
    from versions import run_in_version

    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["split"] in UNSEEN_BY]
    entries: dict[str, dict] = {}
    for commit in sorted(set(UNSEEN_BY.values())):
        chosen = [row for row in rows if UNSEEN_BY[row["split"]] == commit]
        outputs = run_in_version(commit, _RULES, [row["text"] for row in chosen])
        for row, output in zip(chosen, outputs, strict=True):
            entries[row["id"]] = {
                "id": row["id"],
                "split": row["split"],
                "commit": commit[:12],
                "text_sha256": text_digest(row["text"]),
                **_rounded(output),
            }
    return [entries[row["id"]] for row in rows]


def _rounded(output: dict) -> dict:
    def four(scores: dict) -> dict:
        return {code: round(value, 4) for code, value in sorted(scores.items(), key=lambda i: int(i[0]))}

    return {
        **output,
        "groups": [[code, round(score, 4)] for code, score in output["groups"]],
        "raw_scores": four(output["raw_scores"]),
        "activity_scores": four(output["activity_scores"]),
    }


def dumps(entries: list[dict]) -> str:
    return "".join(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n" for entry in entries)


def load(rows: list[dict], path: Path = UNSEEN_RULES) -> dict:
    """Row id -> the stored rule ``Classification`` for those of ``rows`` that have one.

    Raises ValueError when a stored text no longer matches the row's (rebuild the file).
    """
    from qogam.activities.classifier import Classification, Score

    if not path.exists():
        return {}
    stored = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        stored[entry["id"]] = entry
    found = {}
    for row in rows:
        entry = stored.get(row.get("id"))
        if entry is None:
            continue
        if entry["text_sha256"] != text_digest(row["text"]) or entry["split"] != row["split"]:
            raise ValueError(
                f"{path.name}: row {row['id']} was edited after its unseen rule output was stored; "
                "run eval/activities/unseen_rules.py again"
            )
        found[row["id"]] = Classification(
            primary_group=entry["primary_group"],
            groups=[Score(code, score) for code, score in entry["groups"]],
            subgroups=[],
            spheres=[],
            evidence=[],
            language=entry["language"],
            raw_scores=entry["raw_scores"],
            activity_scores=entry["activity_scores"],
        )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the stored file")
    args = parser.parse_args(argv)
    text = dumps(build())
    if args.check:
        same = UNSEEN_RULES.exists() and UNSEEN_RULES.read_text(encoding="utf-8") == text
        print(f"{UNSEEN_RULES}: {'up to date' if same else 'DIFFERS from a fresh build'}")
        return 0 if same else 1
    UNSEEN_RULES.write_text(text, encoding="utf-8")
    print(f"wrote {UNSEEN_RULES} ({text.count(chr(10))} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
