"""Leave-one-batch-out cross-validation: rules, model and hybrid on a "new author's" batch.

    .venv/bin/python eval/activities/crossval.py              # the table (about a minute)
    .venv/bin/python eval/activities/crossval.py --nested     # settings chosen inside each fold
    .venv/bin/python eval/activities/crossval.py --json

Each development split (``splits.DEV_SPLITS``: one batch each, most by a different author) is in
turn the test set; the models are trained on the others. Held-out rows are dropped while
labelled.csv is read (``train_model.load_development_rows``) and are never used.

* ``rules``  — ``classify(text, method="rules")``;
* ``model``  — logistic regressions on lemmas and language only (no rule scores);
* ``hybrid`` — ``qogam.activities.model``: logistic regressions on the rules' per-group scores,
  labels and primary group plus lemmas; each label says whether the rules also gave it.

The figures are evaluate.py's (``score``): primary accuracy, human labels found, wrong labels.
Caveat: the rules were tuned on these splits, so the rules' figures here (and the rule features
the hybrid sees) are optimistic; the fair figures for a new author's text are those measured
before tuning (README.md: dev6, dev7, dev8 and each ``dev-h…`` while it was held out).
``--nested`` chooses C and the label threshold inside each training part (leave one of its
batches out), so the test batch plays no part in any choice.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train_model  # noqa: E402
from siblings import load_evaluate  # noqa: E402
from splits import DEV_SPLITS  # noqa: E402

METRICS = ("primary_accuracy", "labels_found", "wrong_labels")
GRID_C = (1.0, 3.0, 10.0)
GRID_THRESHOLD = (0.4, 0.5, 0.6, 0.7)




def _figures(score, rows, predictions) -> dict:
    result = score(rows, predictions)
    return {key: result[key] for key in METRICS}


def _predict(data: dict, prepared) -> list:
    from qogam.activities.model import Model

    model = Model({**data, "training_data_sha256": "-"})
    return [model.predict(streams, rules) for streams, rules in prepared]


def _choose(score, rows, prepared, splits) -> tuple[float, float]:
    """C and threshold with the best pooled inner leave-one-batch-out figure.

    Precision first, as the rules were tuned: among the settings whose inner wrong-label rate
    is no higher than the rules' own on the same texts, the highest primary accuracy + labels
    found; if none, the lowest wrong-label rate.
    """
    inner_rows = [rows[i] for s in splits for i, r in enumerate(rows) if r["split"] == s]
    inner_rules = [prepared[i][1] for s in splits for i, r in enumerate(rows) if r["split"] == s]
    rules_wrong = _figures(score, inner_rows, inner_rules)["wrong_labels"]
    best, best_value = (train_model.C, train_model.LABEL_THRESHOLD), None
    for c in GRID_C:
        predictions: dict[float, list] = {t: [] for t in GRID_THRESHOLD}
        for inner in splits:
            train = [i for i, r in enumerate(rows) if r["split"] != inner]
            test = [i for i, r in enumerate(rows) if r["split"] == inner]
            data = train_model.fit(
                [prepared[i] for i in train], [rows[i]["gold"] for i in train], c=c
            )
            for t in GRID_THRESHOLD:
                predictions[t] += _predict(
                    {**data, "label_threshold": t}, [prepared[i] for i in test]
                )
        for t in GRID_THRESHOLD:
            f = _figures(score, inner_rows, predictions[t])
            if f["wrong_labels"] <= rules_wrong + 1e-9:
                value = (1, f["primary_accuracy"] + f["labels_found"])
            else:
                value = (0, -f["wrong_labels"])
            if best_value is None or value > best_value:
                best, best_value = (c, t), value
    return best


def crossvalidate(nested: bool = False, log=print) -> dict:
    score = load_evaluate().score
    rows = train_model.load_development_rows()
    assert not any(r["split"].startswith("heldout") for r in rows)
    prepared = train_model.prepare(rows)
    methods = ("rules", "model", "hybrid")
    table: dict = {}
    pooled_rows: list = []
    pooled = {m: [] for m in methods}
    added = dropped = changed_primary = 0
    for test in DEV_SPLITS:
        train = [i for i, r in enumerate(rows) if r["split"] != test]
        test_ix = [i for i, r in enumerate(rows) if r["split"] == test]
        train_prepared = [prepared[i] for i in train]
        golds = [rows[i]["gold"] for i in train]
        c, threshold = train_model.C, train_model.LABEL_THRESHOLD
        if nested:
            part = [rows[i] for i in train]
            c, threshold = _choose(
                score, part, train_prepared, [s for s in DEV_SPLITS if s != test]
            )
        test_rows = [rows[i] for i in test_ix]
        test_prepared = [prepared[i] for i in test_ix]
        lemmas_only = train_model.fit(
            train_prepared, golds, c=c, label_threshold=threshold, rule_features=False
        )
        hybrid = train_model.fit(train_prepared, golds, c=c, label_threshold=threshold)
        predictions = {
            "rules": [rules for _, rules in test_prepared],
            "model": _predict(lemmas_only, test_prepared),
            "hybrid": _predict(hybrid, test_prepared),
        }
        for result in predictions["hybrid"]:
            added += sum(label.method == "model" for label in result.labels)
            dropped += len(result.dropped)
            changed_primary += result.primary_method == "model"
        table[test] = {m: _figures(score, test_rows, predictions[m]) for m in methods}
        table[test]["texts"] = len(test_rows)
        table[test]["settings"] = {"C": c, "label_threshold": threshold}
        pooled_rows += test_rows
        for m in methods:
            pooled[m] += predictions[m]
        log(f"  {test} done")
    table["pooled"] = {m: _figures(score, pooled_rows, pooled[m]) for m in methods}
    table["pooled"]["texts"] = len(pooled_rows)
    table["hybrid_changes"] = {
        "labels_added_by_model": added,
        "rule_labels_dropped": dropped,
        "primary_changed": changed_primary,
    }
    return table


def print_table(table: dict) -> None:
    print(f"\n{'test batch':<11}{'texts':>6}   {'rules':^19}   {'model':^19}   {'hybrid':^19}")
    print(
        f"{'':<17}   {'prim / found / wrong':^19}   {'prim / found / wrong':^19}   {'prim / found / wrong':^19}"
    )
    for name in (*DEV_SPLITS, "pooled"):
        row = table[name]
        cells = [
            " / ".join(f"{row[m][k]:.3f}" for k in METRICS) for m in ("rules", "model", "hybrid")
        ]
        print(f"{name:<11}{row['texts']:>6}   " + "   ".join(cells))
    print("targets: primary ≥ 0.85, found ≥ 0.85, wrong ≤ 0.05")
    print(f"hybrid on the test batches: {table['hybrid_changes']}")
    settings = {name: table[name]["settings"] for name in DEV_SPLITS}
    if len({json.dumps(s) for s in settings.values()}) > 1:
        print(f"settings per fold: {settings}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nested", action="store_true", help="choose C and threshold per fold")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    table = crossvalidate(args.nested, log=(lambda *_: None) if args.json else print)
    if args.json:
        print(json.dumps(table, indent=2))
    else:
        print_table(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
