"""Leave-one-batch-out cross-validation: rules, model and hybrid on a "new author's" batch.

    .venv/bin/python eval/activities/crossval.py              # the table (about a minute)
    .venv/bin/python eval/activities/crossval.py --nested     # settings chosen inside each fold
    .venv/bin/python eval/activities/crossval.py --json
    .venv/bin/python eval/activities/crossval.py --train-on-todays-rules   # the eighth round's way

Each development split (``splits.DEV_SPLITS``: one batch each, most by a different author) is in
turn the test set; the models are trained on the others. Held-out rows are dropped while
labelled.csv is read (``train_model.load_development_rows``) and are never used.

* ``rules``  — ``classify(text, method="rules")``;
* ``lemmas``     — logistic regressions on lemmas and language only (``blend`` 0);
* ``with rules`` — logistic regressions on the rules' per-group scores, labels and primary group
  plus lemmas (``blend`` 1; the hybrid until the fifth session);
* ``hybrid``     — ``qogam.activities.model`` as shipped: the two averaged (``train_model.BLEND``);
  each label says whether the rules also gave it.

The figures are evaluate.py's (``score``): primary accuracy, human labels found, wrong labels.
The rules were tuned on these splits, so today's rules label them better than a new author's
text. For the batches of ``splits.UNSEEN_BY`` the rule classification is the one stored in
unseen_rules.jsonl (the rules before they were tuned on that batch), in training and in testing:
their figures are fair estimates for a new author's text, and the line "unseen pooled" pools
them. On the other batches (``dev``, ``dev3`` … ``dev8``) the rules' figures, and the rule
features the hybrid sees, are optimistic. The threshold table shows the hybrid on the unseen
pool for each label threshold (how train_model.LABEL_THRESHOLD was chosen).
``--train-on-todays-rules`` trains on today's rule output for every batch (as the model was
trained until the fifth session) while still testing on the stored output: what that costs on
unseen text. ``--nested`` chooses C and the label threshold inside each training part (leave one of its
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
from splits import DEV_SPLITS, UNSEEN_BY  # noqa: E402

METRICS = ("primary_accuracy", "labels_found", "wrong_labels")
GRID_C = (1.0, 3.0, 10.0)
GRID_THRESHOLD = (0.4, 0.5, 0.6, 0.7)
SWEEP = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)  # label thresholds shown on the unseen pool




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


def crossvalidate(nested: bool = False, log=print, todays_rules: bool = False) -> dict:
    score = load_evaluate().score
    rows = train_model.load_development_rows()
    assert not any(r["split"].startswith("heldout") for r in rows)
    prepared = train_model.prepare(rows)
    # What the folds train on: the same as they test on, unless asked for today's rules.
    training = train_model.prepare(rows, unseen=False) if todays_rules else prepared
    methods = ("rules", "lemmas", "with rules", "hybrid")
    table: dict = {}
    pools = {"pooled": ([], {m: [] for m in methods}), "unseen pooled": ([], {m: [] for m in methods})}
    sweep: dict[float, list] = {t: [] for t in SWEEP}
    added = dropped = changed_primary = 0
    for test in DEV_SPLITS:
        train = [i for i, r in enumerate(rows) if r["split"] != test]
        test_ix = [i for i, r in enumerate(rows) if r["split"] == test]
        train_prepared = [training[i] for i in train]
        golds = [rows[i]["gold"] for i in train]
        c, threshold = train_model.C, train_model.LABEL_THRESHOLD
        if nested:
            part = [rows[i] for i in train]
            c, threshold = _choose(
                score, part, train_prepared, [s for s in DEV_SPLITS if s != test]
            )
        test_rows = [rows[i] for i in test_ix]
        test_prepared = [prepared[i] for i in test_ix]
        hybrid = train_model.fit(train_prepared, golds, c=c, label_threshold=threshold)
        predictions = {
            "rules": [rules for _, rules in test_prepared],
            "lemmas": _predict({**hybrid, "blend": 0.0}, test_prepared),
            "with rules": _predict({**hybrid, "blend": 1.0}, test_prepared),
            "hybrid": _predict(hybrid, test_prepared),
        }
        for result in predictions["hybrid"]:
            added += sum(label.method == "model" for label in result.labels)
            dropped += len(result.dropped)
            changed_primary += result.primary_method == "model"
        table[test] = {m: _figures(score, test_rows, predictions[m]) for m in methods}
        table[test]["texts"] = len(test_rows)
        table[test]["settings"] = {"C": c, "label_threshold": threshold}
        table[test]["unseen_rules"] = test in UNSEEN_BY
        for name in ("pooled", "unseen pooled") if test in UNSEEN_BY else ("pooled",):
            pools[name][0].extend(test_rows)
            for m in methods:
                pools[name][1][m] += predictions[m]
        if test in UNSEEN_BY:
            for t in SWEEP:
                sweep[t] += _predict({**hybrid, "label_threshold": t}, test_prepared)
        log(f"  {test} done")
    for name, (pool_rows, pool_predictions) in pools.items():
        table[name] = {m: _figures(score, pool_rows, pool_predictions[m]) for m in methods}
        table[name]["texts"] = len(pool_rows)
    unseen_rows = pools["unseen pooled"][0]
    table["threshold_sweep"] = {str(t): _figures(score, unseen_rows, sweep[t]) for t in SWEEP}
    table["hybrid_changes"] = {
        "labels_added_by_model": added,
        "rule_labels_dropped": dropped,
        "primary_changed": changed_primary,
    }
    return table


def print_table(table: dict) -> None:
    methods = ("rules", "lemmas", "with rules", "hybrid")
    print(f"\n{'test batch':<14}{'texts':>6}   " + "   ".join(f"{m:^19}" for m in methods))
    print(f"{'':<20}   " + "   ".join(f"{'prim / found / wrong':^19}" for _ in methods))
    for name in (*DEV_SPLITS, "pooled", "unseen pooled"):
        row = table[name]
        cells = [
            " / ".join(f"{row[m][k]:.3f}" for k in METRICS) for m in methods
        ]
        mark = " *" if row.get("unseen_rules") else ""
        print(f"{name + mark:<14}{row['texts']:>6}   " + "   ".join(cells))
    print("* rule output of a version not yet tuned on the batch (unseen_rules.jsonl)")
    print("targets: primary ≥ 0.85, found ≥ 0.85, wrong ≤ 0.05")
    print(f"hybrid on the test batches: {table['hybrid_changes']}")
    settings = {name: table[name]["settings"] for name in DEV_SPLITS}
    if len({json.dumps(s) for s in settings.values()}) > 1:
        print(f"settings per fold: {settings}")
    print("\nhybrid on the unseen pool by label threshold (prim / found / wrong):")
    for t, row in table["threshold_sweep"].items():
        chosen = "   <- train_model.LABEL_THRESHOLD" if float(t) == train_model.LABEL_THRESHOLD else ""
        print(f"  {t:<5} " + " / ".join(f"{row[k]:.3f}" for k in METRICS) + chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nested", action="store_true", help="choose C and threshold per fold")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--train-on-todays-rules", action="store_true", help="train on today's rule output"
    )
    args = parser.parse_args(argv)
    table = crossvalidate(
        args.nested,
        log=(lambda *_: None) if args.json else print,
        todays_rules=args.train_on_todays_rules,
    )
    if args.json:
        print(json.dumps(table, indent=2))
    else:
        print_table(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
