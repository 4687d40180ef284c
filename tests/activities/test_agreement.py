"""eval/activities/agreement.py: the second labelling covers what it says, and is scored right."""

import csv

from eval_scripts import load

from qogam.activities import group_codes


def load_agreement():
    return load("agreement")


def test_the_second_labelling_covers_exactly_its_splits_with_valid_codes():
    agreement = load_agreement()
    second = agreement.read_second()
    with agreement.SECOND.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(second), "an id labelled twice"
    rows = [r for r in agreement.read_labelled() if r["split"] in agreement.SPLITS]
    assert {r["id"] for r in rows} == set(second)
    valid = set(group_codes())
    for labels in second.values():
        assert set(labels) <= valid and len(set(labels)) == len(labels)


def test_scoring_against_either_annotator():
    agreement = load_agreement()
    rows = [{"id": "1", "gold": ["2", "4"]}, {"id": "2", "gold": ["7"]}]
    second = {"1": ["4", "2"], "2": ["5"]}
    predictions = [agreement.Labels(("4", "1")), agreement.Labels(("5",))]
    figures = agreement.score_either(rows, second, predictions)
    # Text 1: «4» is the second annotator's primary; «1» neither gave. Text 2: «5» the second's.
    assert figures["primary_accuracy"] == 1.0
    assert figures["wrong_labels"] == round(1 / 3, 3)
    # Agreed labels: {2, 4} and none; the prediction found «4».
    assert figures["labels_found"] == 0.5
