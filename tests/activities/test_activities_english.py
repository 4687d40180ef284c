"""The small English stemmer, checked on a list of words."""

import pytest

from qogam.activities.english import stem_en

PARADIGMS = {
    "family": ["family", "families"],
    "protect": ["protect", "protects", "protecting", "protected"],
    "promot": ["promote", "promotes", "promoting", "promoted"],
    "servic": ["service", "services"],
    "train": ["train", "training", "trainings", "trained"],
    "run": ["run", "running", "runs"],
    "hous": ["house", "houses", "housing"],
    "child": ["child", "children"],
    "woman": ["woman", "women"],
    "church": ["church", "churches"],
}


@pytest.mark.parametrize(("stem", "forms"), PARADIGMS.items())
def test_all_forms_of_a_word_share_a_stem(stem, forms):
    assert {form: stem_en(form) for form in forms} == {form: stem for form in forms}


@pytest.mark.parametrize(
    "word", ["news", "analysis", "crisis", "sports", "need", "hiv", "care", "caring"]
)
def test_words_the_rules_would_spoil_are_kept(word):
    assert stem_en(word) == word
