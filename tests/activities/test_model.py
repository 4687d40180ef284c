"""qogam.activities.model: the stored model file, and what the numpy inference returns."""

import json

import numpy as np
import pytest
from eval_scripts import load

from qogam.activities import classify
from qogam.activities.lemmas import analyse
from qogam.activities.model import (
    FORMAT,
    MODEL_PATH,
    Model,
    ModelFileError,
    features,
    load_model,
    relabel,
    validate,
)


def stored() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def tiny_model(**changes) -> Model:
    """Two features, primary classes none/1/4, labels for groups 1 and 4."""
    data = {
        "format": FORMAT,
        "features": ["ru:спорт", "ru:сирота"],
        "primary_classes": ["", "1", "4"],
        "label_groups": ["1", "4"],
        "primary_weights": [[0, 5, 0], [0, 0, 5]],
        "primary_bias": [1, 0, 0],
        "label_weights": [[6, 0], [0, 6]],
        "label_bias": [-3, -3],
        "label_threshold": 0.5,
        "rule_features": False,
        "training_data_sha256": "0" * 64,
    }
    return Model({**data, **changes})


def test_the_stored_model_validates_and_was_trained_on_development_splits_only():
    data = stored()
    assert validate(data) == []
    assert data["training_splits"] and all(s.startswith("dev") for s in data["training_splits"])
    assert len(data["training_data_sha256"]) == 64
    kinds = {name.split(":", 1)[0].split("~", 1)[0] for name in data["features"]}
    assert kinds <= {"ru", "kk", "en", "lang", "rules"}


def test_a_model_file_that_does_not_fit_is_refused_with_the_reason():
    data = stored()
    with pytest.raises(ModelFileError, match="label_weights"):
        Model({**data, "label_weights": data["label_weights"][:-1]})
    with pytest.raises(ModelFileError, match="format"):
        Model({**data, "format": "something else"})
    assert any("missing" in p for p in validate({"format": FORMAT}))


def test_speed_guard_the_model_stays_small_and_is_loaded_once():
    # Inference is one row lookup per feature of the text: its cost grows with the text, not
    # with the model, but a model file many times larger would slow loading and the wheel.
    # (Two sets of regressions since the fifth session: about 1.7 MB.)
    data = stored()
    assert len(data["features"]) < 12_000
    assert MODEL_PATH.stat().st_size < 3_000_000
    assert load_model() is load_model()
    model = load_model()
    assert model.label_weights.dtype == np.float64
    assert model.label_weights.shape == (len(data["features"]), len(data["label_groups"]))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Оказание социальной помощи детям-сиротам и детям, оставшимся без попечения родителей",
            "4",
        ),
        ("Развитие массового спорта и проведение спортивных соревнований среди молодёжи", "1"),
        ("Охрана окружающей среды и защита лесов от пожаров", "5"),
        ("Protection of human rights and free legal aid to citizens", "7"),
    ],
)
def test_a_clear_text_gets_the_expected_primary_group_from_the_rules_and_the_model(text, group):
    rules = classify(text)
    result = relabel(analyse(text), rules)
    assert result.primary_group == group
    assert result.labels[0].code == group and result.labels[0].method == "rules"
    assert result.primary_method == "rules"


def test_inference_is_deterministic():
    text = "Поддержка пожилых людей и ветеранов, организация досуга и спортивных секций"
    rules = classify(text)
    first = relabel(analyse(text), rules).to_dict()
    assert relabel(analyse(text), rules).to_dict() == first
    fresh = Model(stored())
    assert fresh.predict(analyse(text), rules).to_dict() == first


def test_each_label_says_which_method_made_it_and_dropped_rule_labels_are_listed():
    model = tiny_model()
    rules = classify("Развитие спорта")
    assert rules.group_codes == ["1"]
    both = model.predict({"ru": ["спорт", "|", "сирота"]}, rules)
    assert both.primary_group == "1" and both.primary_method == "rules"
    assert [(label.code, label.method) for label in both.labels] == [("1", "rules"), ("4", "model")]
    assert both.dropped == []
    other = model.predict({"ru": ["сирота"]}, rules)
    assert other.primary_group == "4" and other.primary_method == "model"
    assert [(label.code, label.method) for label in other.labels] == [("4", "model")]
    assert other.dropped == ["1"]
    # A text with no known feature gets the bias: no group, and the rule label dropped.
    empty = model.predict({}, rules)
    assert empty.primary_group is None and empty.labels == [] and empty.dropped == ["1"]


def test_features_name_the_lemmas_prefixes_language_and_rule_scores():
    text = "Оказание социальной помощи детям-сиротам"
    rules = classify(text)
    found = features(analyse(text), rules)
    assert found["ru:сирота"] == 1.0 and found["ru~социа"] == 1.0
    assert found["lang:ru"] == 1.0
    assert found["rules:label:4"] == 1.0 and found["rules:primary:4"] == 1.0
    assert "rules:raw:4" in found
    assert not any(
        name.startswith("rules:") for name in features(analyse(text), rules, rule_features=False)
    )


def test_training_never_reads_held_out_rows(tmp_path):
    module = load("train_model")
    csv_path = tmp_path / "labelled.csv"
    csv_path.write_text(
        "id,text,language,groups,split\n"
        "1,Развитие спорта,ru,1,dev\n"
        "2,Помощь сиротам,ru,4,heldout4\n"
        "3,Охрана природы,ru,5,heldout\n"
        "4,Защита прав,ru,7,dev8\n",
        encoding="utf-8",
    )
    rows = module.load_development_rows(csv_path)
    assert [row["id"] for row in rows] == ["1", "4"]
    with pytest.raises(ValueError, match="held-out"):
        module.train([{**rows[0], "split": "heldout5"}])


def test_the_stored_model_is_fresh():
    # The model reads the rules' scores and was fitted to the development rows: after either
    # changes, its weights no longer mean what they were measured to mean.
    import hashlib

    module = load("train_model")
    data = stored()
    advice = "run .venv/bin/python eval/activities/train_model.py (and crossval.py)"
    patterns = hashlib.sha256(module.PATTERNS.read_bytes()).hexdigest()
    assert data["patterns_sha256"] == patterns, f"patterns.yaml changed since training: {advice}"
    rows = module.load_development_rows()
    assert data["training_data_sha256"] == module.data_fingerprint(rows), (
        f"the development rows of labelled.csv changed since training: {advice}"
    )
    assert data["training_texts"] == len(rows)
    unseen_rules = load("unseen_rules")
    assert data["unseen_rule_outputs"] == len(unseen_rules.load(rows)), (
        f"unseen_rules.jsonl changed since training: {advice}"
    )


def test_training_reads_the_rules_alone_not_the_hybrid():
    # With the hybrid as classify()'s default, training on its output would feed the stored
    # model's own labels back in as "rule" features.
    module = load("train_model")
    ((streams, rules),) = module.prepare([{"text": "Обучение сотрудников некоммерческих организаций"}])
    assert rules.method == "rules" and streams["ru"][0] == "обучение"


def test_the_two_sets_of_regressions_are_averaged_with_the_blend_weight():
    # The first set says group 1, the lemma-only set says group 4; the blend decides how much
    # each counts, in the primary probabilities and in the label probabilities alike.
    second = {
        "lemmas_only_primary_weights": [[0, 0, 5], [0, 0, 0]],
        "lemmas_only_primary_bias": [1, 0, 0],
        "lemmas_only_label_weights": [[0, 6], [0, 0]],
        "lemmas_only_label_bias": [-3, -3],
    }
    found = {"ru:спорт": 1.0}
    first_p, first_l = tiny_model().scores(found)
    only_second = tiny_model(**second, blend=0.0)
    second_p, second_l = only_second.scores(found)
    assert first_p.argmax() == 1 and second_p.argmax() == 2
    for blend in (0.25, 0.5, 0.9):
        primary, labels = tiny_model(**second, blend=blend).scores(found)
        assert np.allclose(primary, blend * first_p + (1 - blend) * second_p)
        assert np.allclose(labels, blend * first_l + (1 - blend) * second_l)
    assert np.allclose(tiny_model(**second, blend=1.0).scores(found)[0], first_p)
    # Evidence weights are blended the same way.
    half = tiny_model(**second, blend=0.5)
    assert half.pushes(primary=True)[0].tolist() == [0, 2.5, 2.5]


def test_a_second_set_that_does_not_fit_or_a_blend_out_of_range_is_refused():
    second = {
        "lemmas_only_primary_weights": [[0, 0, 5]],  # one row for two features
        "lemmas_only_primary_bias": [1, 0, 0],
        "lemmas_only_label_weights": [[0, 6], [0, 0]],
        "lemmas_only_label_bias": [-3, -3],
    }
    with pytest.raises(ModelFileError, match="lemmas_only_primary_weights"):
        tiny_model(**second)
    second["lemmas_only_primary_weights"] = [[0, 0, 5], [0, 0, 0]]
    with pytest.raises(ModelFileError, match="blend"):
        tiny_model(**second, blend=1.5)


def test_a_model_file_of_the_first_format_is_still_read_as_one_set():
    model = tiny_model(format="qogam-activities-model/1")
    assert model.lemmas_only is None and model.blend == 1.0


def test_the_stored_model_blends_two_sets():
    data = stored()
    model = load_model()
    assert model.lemmas_only is not None and 0.0 < model.blend < 1.0
    # The lemma-only set never reads a rule feature.
    rule_rows = [i for i, name in enumerate(data["features"]) if name.startswith("rules:")]
    assert rule_rows
    assert not model.lemmas_only.primary_weights[rule_rows].any()
    assert not model.lemmas_only.label_weights[rule_rows].any()
