"""Train the logistic-regression layer over the rules (``qogam.activities.model``).

    .venv/bin/python eval/activities/train_model.py            # writes src/qogam/activities/model.json
    .venv/bin/python eval/activities/train_model.py --check    # retrain, compare with the stored file

Trains on every development split of labelled.csv (``dev`` … ``dev8``, ``dev-h…``). Held-out rows
(``split`` starting with ``heldout``) are skipped as the file is read: they are never held in
memory, featurised or trained on. Needs scikit-learn (the ``dev`` extra); the shipped
inference in ``model.py`` needs numpy only. Deterministic: the same labelled rows and the
same rules give the same file (lbfgs, sorted features, rounded weights).

The model reads the rule classifier's scores, so it is tied to the patterns it was trained
with: after a change to patterns.yaml, run ``crossval.py`` and this script again
(``patterns_sha256`` in model.json says which patterns it was trained with). For the batches of
``splits.UNSEEN_BY`` the scores it is trained on are those of the rules before they were tuned on
the batch (unseen_rules.jsonl, written by unseen_rules.py), so that it learns how far the rules
can be trusted on text they were not written on. Two sets of regressions are trained, one over
every feature and one over the lemmas and language alone; ``BLEND`` weighs their average.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LABELLED = HERE / "labelled.csv"
MODEL_JSON = ROOT / "src" / "qogam" / "activities" / "model.json"
PATTERNS = ROOT / "src" / "qogam" / "activities" / "patterns.yaml"
sys.path.insert(0, str(HERE))

import unseen_rules  # noqa: E402

# Settings chosen by leave-one-batch-out cross-validation (crossval.py).
C = 10.0  # inverse L2 strength of every logistic regression
LABEL_THRESHOLD = 0.6  # a non-primary group is a label above this probability
BLEND = 0.5  # weight of the regressions that read the rules; the lemma-only ones get the rest
MIN_DOCUMENTS = 2  # a lemma feature must occur in at least this many training texts
PRUNE_BELOW = 0.05  # weights smaller than this are stored as 0
DECIMALS = 2


def load_development_rows(path: Path = LABELLED) -> list[dict]:
    """The development rows of labelled.csv; held-out rows are dropped while reading."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"].startswith("heldout"):
                continue
            groups = [g for g in row["groups"].replace(";", " ").split() if g]
            rows.append({**row, "gold": groups})
    return rows


def data_fingerprint(rows: Sequence[dict]) -> str:
    """SHA-256 over (id, text, language, groups, split) of the training rows."""
    digest = hashlib.sha256()
    for row in rows:
        fields = (row["id"], row["text"], row["language"], row["groups"], row["split"])
        digest.update(("\t".join(fields) + "\n").encode("utf-8"))
    return digest.hexdigest()


def prepare(rows: Sequence[dict], *, unseen: bool = True) -> list[tuple]:
    """Per row: (lemma streams, the rules' classification), computed once.

    With ``unseen`` (the default), a row of a batch listed in ``splits.UNSEEN_BY`` gets the rule
    classification stored in unseen_rules.jsonl — the rules as they were before they were tuned
    on that batch — instead of today's (see unseen_rules.py for why).
    """
    from qogam.activities.classifier import classify
    from qogam.activities.lemmas import analyse

    stored = unseen_rules.load(list(rows)) if unseen else {}
    prepared = []
    for row in rows:
        streams = {lang: list(s.parts) for lang, s in analyse(row["text"]).streams.items()}
        # The rules alone: the model is trained on their output (the hybrid is the default).
        rules = stored.get(row.get("id")) or classify(row["text"], method="rules")
        prepared.append((streams, rules))
    return prepared


def fit(
    prepared: Sequence[tuple],
    golds: Sequence[Sequence[str]],
    *,
    c: float = C,
    label_threshold: float = LABEL_THRESHOLD,
    blend: float = BLEND,
) -> dict:
    """Train both sets of regressions (every feature; lemmas and language only).

    Returns model.json's content. ``blend`` is the first set's weight in the average (1 = the
    first set alone, 0 = the lemma-only set alone; crossval.py shows all three).
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    from qogam.activities.model import FORMAT, LEMMAS_ONLY, features

    found = [features(s, r) for s, r in prepared]
    documents = Counter(name for f in found for name in f)
    names = sorted(
        name
        for name, count in documents.items()
        if count >= MIN_DOCUMENTS or name.startswith(("rules:", "lang:"))
    )
    index = {name: i for i, name in enumerate(names)}
    rows, cols, values = [], [], []
    for i, f in enumerate(found):
        for name, value in f.items():
            if name in index:
                rows.append(i)
                cols.append(index[name])
                values.append(value)
    x = csr_matrix((values, (rows, cols)), shape=(len(found), len(names)))
    lemma_columns = [i for i, name in enumerate(names) if not name.startswith("rules:")]

    classes, first = _regressions(x, golds, c)
    _, second = _regressions(x[:, lemma_columns], golds, c)
    for key in ("primary_weights", "label_weights"):  # back to every feature's row
        full = np.zeros((len(names), second[key].shape[1]))
        full[lemma_columns] = second[key]
        second[key] = full
    keep = [
        i for i in range(len(names)) if any(w[i].any() for w in (first["primary_weights"],
                                                                 first["label_weights"],
                                                                 second["primary_weights"],
                                                                 second["label_weights"]))
    ]

    def as_list(row):
        return [float(v) if v else 0 for v in row]

    data = {
        "format": FORMAT,
        "about": "qogam.activities.model: logistic regressions over the rules' scores and "
        "lemmas, averaged with regressions over the lemmas alone; trained by "
        "eval/activities/train_model.py",
        "rule_features": True,
        "C": c,
        "label_threshold": label_threshold,
        "blend": blend,
        "primary_classes": classes,
        "label_groups": first["label_groups"],
        "features": [names[i] for i in keep],
    }
    for prefix, weights in (("", first), (LEMMAS_ONLY, second)):
        data[prefix + "primary_bias"] = as_list(np.round(weights["primary_bias"], DECIMALS))
        data[prefix + "label_bias"] = as_list(np.round(weights["label_bias"], DECIMALS))
        data[prefix + "primary_weights"] = [as_list(weights["primary_weights"][i]) for i in keep]
        data[prefix + "label_weights"] = [as_list(weights["label_weights"][i]) for i in keep]
    return data


def _regressions(x, golds: Sequence[Sequence[str]], c: float) -> tuple[list[str], dict]:
    """The primary regression and the per-group label regressions over the columns of ``x``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from qogam.activities.model import GROUPS

    primary_y = [gold[0] if gold else "" for gold in golds]
    primary = LogisticRegression(C=c, max_iter=5000).fit(x, primary_y)
    classes = [str(k) for k in primary.classes_]
    primary_w = primary.coef_.T
    primary_b = primary.intercept_
    if len(classes) == 2:  # sklearn keeps one row for two classes
        primary_w = np.hstack([-primary_w / 2, primary_w / 2])
        primary_b = np.array([-primary_b[0] / 2, primary_b[0] / 2])

    label_groups, label_w, label_b = [], [], []
    for group in GROUPS:
        y = [group in gold for gold in golds]
        if not any(y) or all(y):
            continue
        model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
        label_groups.append(group)
        label_w.append(model.coef_[0])
        label_b.append(model.intercept_[0])

    def compact(matrix):
        return np.where(np.abs(matrix) < PRUNE_BELOW, 0.0, np.round(matrix, DECIMALS))

    return classes, {
        "label_groups": label_groups,
        "primary_weights": compact(primary_w),
        "primary_bias": primary_b,
        "label_weights": compact(np.array(label_w).T),
        "label_bias": np.array(label_b),
    }


def train(rows: Sequence[dict]) -> dict:
    """model.json's content trained on ``rows`` (development rows only)."""
    if any(row["split"].startswith("heldout") for row in rows):
        raise ValueError("held-out rows must never be trained on")
    data = fit(prepare(rows), [row["gold"] for row in rows])
    data["training_data_sha256"] = data_fingerprint(rows)
    data["unseen_rule_outputs"] = len(unseen_rules.load(list(rows)))
    data["training_texts"] = len(rows)
    data["training_splits"] = sorted({row["split"] for row in rows})
    data["patterns_sha256"] = hashlib.sha256(PATTERNS.read_bytes()).hexdigest()
    return data


def dumps(data: dict) -> str:
    """model.json's text: one line per feature, so a diff shows which weights changed."""
    head = {
        k: v for k, v in data.items() if k != "features" and not k.endswith("_weights")
    }
    lines = [json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ","]
    lines.append(' "features": [')
    lines.append(
        ",\n".join("  " + json.dumps(name, ensure_ascii=False) for name in data["features"])
    )
    for key in [k for k in data if k.endswith("_weights")]:
        lines.append(f' ], "{key}": [')
        lines.append(",\n".join("  " + json.dumps(row, separators=(",", ":")) for row in data[key]))
    lines.append(" ]\n}\n")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the stored file")
    parser.add_argument("--out", type=Path, default=MODEL_JSON)
    args = parser.parse_args(argv)
    rows = load_development_rows()
    text = dumps(train(rows))
    json.loads(text)  # the file must be valid JSON
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from a fresh training run'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(
        f"wrote {args.out} ({len(text.encode()) // 1024} KiB): {len(data['features'])} features, "
        f"{data['training_texts']} texts of {', '.join(data['training_splits'])}, "
        f"data sha256 {data['training_data_sha256'][:16]}…"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
