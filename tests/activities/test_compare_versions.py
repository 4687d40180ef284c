"""eval/activities/compare_versions.py scores an old commit's classifier as evaluate.py does today's."""

import shutil

import pytest
from eval_scripts import EVAL_ACTIVITIES, load

HERE = EVAL_ACTIVITIES


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None or not (HERE.parents[1] / ".git").exists(), reason="needs the git history")
def test_the_current_commit_scores_as_evaluate_does(capsys):
    compare, evaluate = load("compare_versions"), load("evaluate")
    from qogam.activities import classify

    split = "dev5"  # any split: the mechanism is tested, not the figures
    assert compare.main(["--split", split, "HEAD"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    rows = [r for r in evaluate.read_labelled() if r["split"] == split]
    figures = evaluate.score(rows, [classify(r["text"]) for r in rows])
    expected = f"hybrid {figures['primary_accuracy']:.3f} / {figures['labels_found']:.3f} / {figures['wrong_labels']:.3f}"
    assert expected in line


def test_an_unknown_split_is_a_clear_error(capsys):
    assert load("compare_versions").main(["--split", "no-such-split", "HEAD"]) == 2
    assert "no rows in split" in capsys.readouterr().err
