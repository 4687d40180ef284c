"""classify(method="hybrid"): the model's labels, each saying which method made it."""

import json
import warnings

import pytest
from test_activities_classifier import EXAMPLES

from qogam.activities import classify, classify_many, hybrid
from qogam.activities import model as model_module


def test_the_hybrid_is_the_default_and_only_adds_keys_to_the_json():
    text = "Оказание социальной помощи детям-сиротам"
    data = classify(text).to_dict()
    rules = classify(text, method="rules").to_dict()
    assert data["method"] == "hybrid" and rules["method"] == "rules"
    assert list(data) == [*rules, "primary_method", "dropped"]
    assert data["primary_group"] == "4" and data["primary_method"] == "rules"
    assert data["groups"][0]["code"] == "4" and data["groups"][0]["method"] == "rules"
    assert 0.5 < data["groups"][0]["probability"] <= 1
    assert data["subgroups"] == rules["subgroups"] and data["spheres"] == rules["spheres"]
    assert data["evidence"] == rules["evidence"] and data["dropped"] == []


def test_the_rules_method_gives_the_rule_output_unchanged():
    data = classify("Развитие спорта", method="rules").to_dict()
    assert list(data) == ["primary_group", "groups", "subgroups", "spheres", "evidence", "method"]
    assert data["groups"] == [{"code": "1", "score": 1.0}]


def test_an_unknown_method_is_refused_with_the_valid_ones():
    with pytest.raises(ValueError, match="hybrid, rules"):
        classify("Развитие спорта", method="model")
    with pytest.raises(ValueError, match="unknown method"):
        classify_many(["Развитие спорта"], method="")


# Secondary labels of the rules' clear examples that the stored model is known to drop: its
# lemma-only half has seen "rights" mostly in group 7 texts without a target group (the rules
# keep the label). Listed so that any new loss shows as a failure.
DROPPED_BY_THE_MODEL = {("Protecting the rights of refugees", "4")}


@pytest.mark.parametrize(("text", "primary", "groups"), EXAMPLES)
def test_the_stored_model_keeps_clear_examples(text, primary, groups):
    result = classify(text)
    assert result.primary_group == primary
    dropped = {code for t, code in DROPPED_BY_THE_MODEL if t == text}
    assert groups - dropped <= set(result.group_codes)
    assert dropped <= {score.code for score in result.dropped}
    assert all(group.method in ("rules", "model") for group in result.groups)


def test_a_group_only_the_model_gives_says_so_and_names_the_lemmas_behind_it(tiny_model):
    text = "Развитие спорта и охрана леса"
    assert classify(text, method="rules").group_codes == ["1"]
    result = classify(text)
    assert [(g.code, g.method) for g in result.groups] == [("1", "rules"), ("5", "model")]
    assert result.primary_group == "1" and result.primary_method == "rules"
    assert sum(g.score for g in result.groups) == pytest.approx(1.0, abs=0.01)
    model_evidence = [e for e in result.evidence if e.role == "model"]
    assert [(e.category, e.pattern, e.text) for e in model_evidence] == [("5", "ru:лес", "леса")]
    assert text[model_evidence[0].start : model_evidence[0].end] == "леса"
    assert model_evidence[0].weight == 6.0
    assert result.subgroup_codes == ["1 200"]  # the model gives no subgroups
    data = result.to_dict()
    assert data["groups"][1] == {"code": "5", "score": data["groups"][1]["score"],
                                 "method": "model", "probability": 0.953}
    assert {"role": "model", "weight": 6.0}.items() <= data["evidence"][-1].items()


def test_a_rule_label_the_model_drops_is_listed_with_its_subgroups_gone(tiny_model):
    text = "Помощь детям-сиротам и развитие спорта среди них"
    rules = classify(text, method="rules")
    assert set(rules.group_codes) == {"1", "4"}
    result = classify(text)
    assert result.group_codes == ["1"] and result.groups[0].method == "rules"
    rule_score = next(g.score for g in rules.groups if g.code == "4")
    assert [d.to_dict() for d in result.dropped] == [{"code": "4", "score": rule_score}]
    assert [(s.code, s.score) for s in result.subgroups] == [("1 200", 1.0)]
    assert result.spheres == rules.spheres  # spheres stay the rules'
    nothing = classify("Оказание социальной помощи пенсионерам")
    assert nothing.primary_group is None and nothing.groups == []
    assert nothing.primary_method == "model" and [d.code for d in nothing.dropped] == ["4"]


def test_the_primary_group_can_come_from_the_model(tiny_model):
    text = "Оказание социальной помощи пенсионерам и развитие спорта"
    rules = classify(text, method="rules")
    assert rules.group_codes == ["4"]
    result = classify(text)
    assert result.primary_group == "1" and result.primary_method == "model"
    assert [(g.code, g.method) for g in result.groups] == [("1", "model")]
    assert [d.code for d in result.dropped] == ["4"]
    assert [(e.category, e.pattern, e.text) for e in result.evidence if e.role == "model"] == [
        ("1", "ru:спорт", "спорта")
    ]


@pytest.fixture
def fresh_stored_model():
    hybrid.stored_model.cache_clear()
    yield
    hybrid.stored_model.cache_clear()


def _broken_weights() -> str:
    data = json.loads(model_module.MODEL_PATH.read_text(encoding="utf-8"))
    data["label_bias"] = ["x"] * len(data["label_bias"])
    return json.dumps(data)


@pytest.mark.parametrize(
    "content", [None, "{not json", json.dumps({"format": "other"}), _broken_weights()]
)
def test_without_a_usable_model_the_rules_answer_and_a_warning_says_so_once(
    tmp_path, monkeypatch, fresh_stored_model, content
):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(model_module, "MODEL_PATH", path)
    text = "Оказание социальной помощи детям-сиротам"
    with pytest.warns(RuntimeWarning, match="classifying with the rules alone.*train_model.py"):
        first = classify(text)
    assert first.to_dict() == classify(text, method="rules").to_dict()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert classify(text).method == "rules"  # no second warning


def test_a_text_longer_than_the_model_learnt_from_is_answered_by_the_rules(tiny_model):
    short = "Развитие спорта и охрана леса"
    assert "5" in classify(short).group_codes
    long = short + ". " + " ".join(["Проведение соревнований по футболу среди школьников района"] * 12)
    assert len(long.split()) > hybrid.MODEL_MAX_WORDS
    result = classify(long)
    assert result.method == "rules" and result.to_dict()["method"] == "rules"
    assert result.group_codes == classify(long, method="rules").group_codes
    assert "5" not in result.group_codes
