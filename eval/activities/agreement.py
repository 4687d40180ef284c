"""How far two human annotators agree, and the classifier scored against both.

    .venv/bin/python eval/activities/agreement.py            # the table
    .venv/bin/python eval/activities/agreement.py --json

``second_annotator.csv`` holds a second, independent labelling of the ``heldout12`` and
``dev-h11`` … ``dev-h4`` texts (3,360; ``dev-h11`` … ``dev-h4`` were the held-out ``heldout11`` …
``heldout4`` when they were relabelled, and are development data now, so the classifier's figures
on them are training-set figures — the figures measured while they were held out are in
README.md). Its author saw only the texts (shuffled, without labels), the labelling
guide and the ICNPO scope notes — never the first author's labels, the patterns, the model or
any output of the classifier. Both labellings follow the same guide.

Three comparisons, each with evaluate.py's figures (primary accuracy, labels found, wrong
labels):

* ``second vs first`` — the second annotator scored as if it were a classifier, against the
  first annotator's labels (the reference everywhere else). This is what a careful human
  reaches on the same metric: a ceiling for any classifier judged against one labeller.
* ``classifier vs first`` / ``classifier vs second`` — the default method against each.
* ``classifier vs either`` — a predicted primary group counts as right if it is either
  annotator's primary group; a predicted label is wrong only if neither annotator gave it;
  labels found are counted over the labels both annotators gave.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from siblings import load_evaluate  # noqa: E402

_evaluate = load_evaluate()
TARGETS, read_labelled, score = _evaluate.TARGETS, _evaluate.read_labelled, _evaluate.score

SECOND = HERE / "second_annotator.csv"
SPLITS = ("heldout12", "dev-h11", "dev-h10", "dev-h9", "dev-h8", "dev-h7", "dev-h6", "dev-h5", "dev-h4")


@dataclass(frozen=True)
class Labels:
    """A labelling of one text in the shape ``score`` expects of a prediction."""

    group_codes: tuple[str, ...]

    @property
    def primary_group(self) -> str | None:
        return self.group_codes[0] if self.group_codes else None


def read_second(path: Path = SECOND) -> dict[str, list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: [g for g in row["groups"].split(";") if g] for row in csv.DictReader(handle)}


def score_either(rows: list[dict], second: dict[str, list[str]], predictions: list) -> dict:
    """The classifier against the two labellings together (see the module's docstring)."""
    primary_right = found = agreed_total = wrong = predicted_total = 0
    for row, prediction in zip(rows, predictions, strict=True):
        first, other = row["gold"], second[row["id"]]
        primaries = {labels[0] if labels else None for labels in (first, other)}
        primary_right += prediction.primary_group in primaries
        predicted, agreed = set(prediction.group_codes), set(first) & set(other)
        found += len(predicted & agreed)
        agreed_total += len(agreed)
        wrong += len(predicted - set(first) - set(other))
        predicted_total += len(predicted)
    return {
        "texts": len(rows),
        "primary_accuracy": round(primary_right / len(rows), 3),
        "labels_found": round(found / agreed_total, 3) if agreed_total else None,
        "wrong_labels": round(wrong / predicted_total, 3) if predicted_total else None,
    }


def compare(method: str = "hybrid") -> dict[str, dict[str, dict]]:
    from qogam.activities import classify

    second = read_second()
    report: dict[str, dict[str, dict]] = {}
    for split in SPLITS:
        rows = [r for r in read_labelled() if r["split"] == split]
        missing = [r["id"] for r in rows if r["id"] not in second]
        if missing:
            raise SystemExit(f"agreement: {SECOND.name} has no labels for ids {', '.join(missing[:5])}")
        humans = [Labels(tuple(second[r["id"]])) for r in rows]
        swapped = [{**r, "gold": second[r["id"]]} for r in rows]
        predictions = [classify(r["text"], method) for r in rows]
        report[split] = {
            "second vs first": _three(score(rows, humans)),
            "classifier vs first": _three(score(rows, predictions)),
            "classifier vs second": _three(score(swapped, predictions)),
            "classifier vs either": score_either(rows, second, predictions),
        }
        report[split]["exact agreement"] = {
            "texts": len(rows),
            "same labels": round(sum(set(r["gold"]) == set(second[r["id"]]) for r in rows) / len(rows), 3),
            "same primary": round(sum(h.primary_group == (r["gold"] or [None])[0] for r, h in zip(rows, humans,
                                                                                            strict=True)) / len(rows), 3),
        }
    return report


def _three(figures: dict) -> dict:
    return {key: figures[key] for key in ("texts", *TARGETS)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", default="hybrid", choices=("hybrid", "rules"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = compare(args.method)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"Two annotators on the same held-out texts; classifier method: {args.method}")
    print("(primary accuracy / labels found / wrong labels; targets "
          + " / ".join(str(v) for v in TARGETS.values()) + ")")
    for split, rows in report.items():
        trained = " (development now: the classifier's figures are training-set figures)"
        print(f"\n{split}:{trained if split.startswith('dev') else ''}")
        for name, figures in rows.items():
            if name == "exact agreement":
                print(f"  annotators give the same labels on {figures['same labels']:.3f} of the texts,"
                      f" the same primary group on {figures['same primary']:.3f}")
            else:
                values = " / ".join(f"{figures[key]:.3f}" for key in TARGETS)
                print(f"  {name:22} {values}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
