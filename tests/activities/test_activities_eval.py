"""The labelled set is well formed, and the evaluation computes what it says."""

import json
from collections import Counter
from types import SimpleNamespace

from eval_scripts import load

from qogam.activities import group_codes


def load_evaluate():
    return load("evaluate")


def test_labelled_set_is_big_enough_and_well_formed():
    rows = load_evaluate().read_labelled()
    languages = Counter(row["language"] for row in rows)
    assert len(rows) >= 400
    assert languages["kk"] >= 60 and languages["en"] >= 60 and set(languages) == {"ru", "kk", "en"}
    assert len({row["text"] for row in rows}) == len(rows), "duplicate texts"
    evaluate = load_evaluate()
    splits = set(evaluate.HELDOUT_SPLITS + evaluate.DEV_SPLITS)
    assert {row["split"] for row in rows} == splits
    for lang in languages:
        assert {row["split"] for row in rows if row["language"] == lang} == splits
    valid = set(group_codes())
    for row in rows:
        assert set(row["gold"]) <= valid, row
        assert len(set(row["gold"])) == len(row["gold"]), row
    covered = {group for row in rows for group in row["gold"]}
    assert covered == valid


def test_the_fresh_held_out_set_is_big_enough_and_unchanged():
    evaluate = load_evaluate()
    rows = evaluate.read_labelled()
    fresh = Counter(r["language"] for r in rows if r["split"] == evaluate.FRESH_HELDOUT)
    assert sum(fresh.values()) >= 200
    assert fresh["ru"] >= 120 and fresh["kk"] >= 40 and fresh["en"] >= 40
    assert sum(r["split"] in ("dev3", "dev4") for r in rows) >= 150
    # Relabelling a held-out set after seeing results would void its figures.
    for split, digest in evaluate.HELDOUT_SHA256.items():
        assert evaluate.fingerprint(rows, split) == digest, split


def test_parts_put_the_fresh_held_out_first():
    evaluate = load_evaluate()
    fresh = evaluate.FRESH_HELDOUT  # the split name changes each round; the order must not
    rows = [{"split": s, "gold": []} for s in ("dev", "dev-h1", fresh, "dev3", fresh, "dev4", "dev")]
    names = list(evaluate.parts(rows, None))
    assert names == [fresh, "dev", "dev-h1", "dev3", "dev4", "heldout-all", "dev-all"]
    assert len(evaluate.parts(rows, None)["dev-all"]) == 5
    assert len(evaluate.parts(rows, None)["heldout-all"]) == 2
    assert list(evaluate.parts(rows, "dev3")) == ["dev3"]


def fake(primary, groups):
    return SimpleNamespace(primary_group=primary, group_codes=groups)


def test_score_definitions():
    evaluate = load_evaluate()
    rows = [
        {"gold": ["4", "7"], "language": "ru"},
        {"gold": ["1"], "language": "ru"},
        {"gold": [], "language": "en"},
    ]
    predictions = [fake("7", ["7", "4"]), fake("1", ["1", "2"]), fake(None, [])]
    figures = evaluate.score(rows, predictions)
    assert figures["primary_accuracy"] == round(2 / 3, 3)  # "7" is not the human primary "4"
    assert figures["primary_in_human_labels"] == 1.0
    assert figures["labels_found"] == 1.0  # 3 of 3 human labels
    assert figures["wrong_labels"] == 0.25  # "2" is 1 of 4 predicted labels
    assert figures["per_group"]["2"] == {"precision": 0.0, "recall": None, "support": 0}
    assert figures["by_language"]["en"]["primary_accuracy"] == 1.0


def test_rules_and_hybrid_are_compared_on_aggregate_figures_only():
    evaluate = load_evaluate()
    rows = [
        {"split": "x", "text": "Развитие массового спорта", "gold": ["1"], "language": "ru"},
        {"split": "x", "text": "Охрана лесов", "gold": ["5"], "language": "ru"},
        {"split": "y", "text": "Строительство мечети", "gold": ["10"], "language": "ru"},
    ]
    figures = evaluate.compare_methods(rows, "x")
    assert set(figures) == {"rules", "hybrid"}
    assert figures["rules"] == {
        "texts": 2, "primary_accuracy": 1.0, "labels_found": 1.0, "wrong_labels": 0.0
    }
    line = evaluate.comparison_line("x", figures)
    assert line.strip().startswith("x (2): rules 1.0 / 1.0 / 0.0  |  hybrid ")
    assert "Развитие" not in line


def test_the_method_option_defaults_to_the_hybrid(capsys):
    evaluate = load_evaluate()
    for argv, method in (([], "hybrid"), (["--method", "rules"], "rules")):
        assert evaluate.main(["--split", "dev", "--no-speed", "--json", *argv]) == 0
        result = json.loads(capsys.readouterr().out)
        assert result["method"] == method and result["dev"]["texts"] > 0
        assert "rules_vs_hybrid" not in result  # only without --split
