"""eval/activities/unseen_rules.jsonl: the rules' output from versions not yet tuned on a batch."""

import csv
import json

import pytest
from eval_scripts import EVAL_ACTIVITIES, load

HERE = EVAL_ACTIVITIES


def labelled_rows():
    with (HERE / "labelled.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_row_of_the_named_batches_has_its_stored_output_and_nothing_else_does():
    unseen, splits = load("unseen_rules"), load("splits")
    assert not any(name.startswith("heldout") for name in splits.UNSEEN_BY)
    assert set(splits.UNSEEN_BY) <= set(splits.DEV_SPLITS)
    entries = [json.loads(line) for line in unseen.UNSEEN_RULES.read_text(encoding="utf-8").splitlines()]
    rows = {row["id"]: row for row in labelled_rows()}
    expected = {i for i, row in rows.items() if row["split"] in splits.UNSEEN_BY}
    assert {entry["id"] for entry in entries} == expected
    for entry in entries:
        row = rows[entry["id"]]
        assert entry["split"] == row["split"]
        assert entry["commit"] == splits.UNSEEN_BY[row["split"]][:12]
        assert entry["text_sha256"] == unseen.text_digest(row["text"])
    # Every stored classification is one the model can read.
    stored = unseen.load(list(rows.values()))
    assert len(stored) == len(expected)


def test_an_edited_text_stops_training_with_what_to_do():
    unseen = load("unseen_rules")
    entry = json.loads(unseen.UNSEEN_RULES.read_text(encoding="utf-8").splitlines()[0])
    row = next(r for r in labelled_rows() if r["id"] == entry["id"])
    with pytest.raises(ValueError, match="run eval/activities/unseen_rules.py again"):
        unseen.load([{**row, "text": row["text"] + " (edited)"}])


def test_training_reads_the_stored_output_for_those_rows_and_todays_rules_for_the_others():
    train_model, unseen = load("train_model"), load("unseen_rules")
    entry = json.loads(unseen.UNSEEN_RULES.read_text(encoding="utf-8").splitlines()[0])
    row = next(r for r in labelled_rows() if r["id"] == entry["id"])
    other = next(r for r in labelled_rows() if r["split"] == "dev")
    (_, stored_rules), (_, todays_rules) = train_model.prepare([row, other])
    assert stored_rules.raw_scores == entry["raw_scores"]
    assert stored_rules.primary_group == entry["primary_group"]
    assert todays_rules.method == "rules" and todays_rules.evidence  # classified now
    (_, now), = train_model.prepare([row], unseen=False)
    assert now.evidence
