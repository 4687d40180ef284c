"""The data files: schemas, cross-references, and that the patterns compile."""

import pytest

from qogam.activities import (
    UnknownCodeError,
    group_codes,
    group_name,
    icnpo_for_oked,
    sphere_citation,
    sphere_codes,
    sphere_name,
    sphere_names,
    subgroup_codes,
)
from qogam.activities.data import FILES, check_references, load, schema_problems
from qogam.activities.patterns import PatternError, PatternSet
from qogam.activities.taxonomy import spheres_of_subgroup

# The ICNPO list of the UN Handbook, as issue #4 states it.
HANDBOOK_SUBGROUPS = [
    "1 100",
    "1 200",
    "1 300",
    "2 100",
    "2 200",
    "2 300",
    "2 400",
    "3 100",
    "3 200",
    "3 300",
    "3 400",
    "4 100",
    "4 200",
    "4 300",
    "5 100",
    "5 200",
    "6 100",
    "6 200",
    "6 300",
    "7 100",
    "7 200",
    "7 300",
    "8 100",
    "8 200",
    "9 100",
    "10 100",
    "11 100",
    "11 200",
    "11 300",
    "12 100",
]


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_follows_its_schema(name):
    assert schema_problems(name, load(name)) == []


def test_schema_rejects_a_broken_file():
    broken = {
        "version": 1,
        "groups": [{"code": "4", "name": {"ru": "Социальные услуги"}, "subgroups": []}],
    }
    problems = schema_problems("icnpo", broken)
    assert any("kk" in p for p in problems)
    assert any("subgroups" in p for p in problems)


def test_every_referenced_code_exists():
    assert check_references() == []


def test_icnpo_is_the_handbook_list():
    assert group_codes() == [str(n) for n in range(1, 13)]
    assert subgroup_codes() == HANDBOOK_SUBGROUPS


def test_names_in_three_languages():
    assert group_name("4") == "Социальные услуги"
    assert group_name("5 200", "en") == "Animal protection"
    assert group_name("3", "kk") == "Денсаулық сақтау"
    with pytest.raises(UnknownCodeError, match="unknown ICNPO code '13'"):
        group_name("13")
    with pytest.raises(ValueError, match="unknown language"):
        group_name("4", "de")


def test_spheres_are_the_law_items():
    codes = sphere_codes()
    assert codes[:4] == ["1", "2", "3", "4"]
    assert "6" not in codes and "14" not in codes  # repealed items
    assert {"13-1", "13-2", "15", "16", "p2-1", "p2-2", "p2-3"} <= set(codes)
    assert sphere_name("8") == "помощь детям-сиротам, детям из неполных и многодетных семей"
    assert sphere_names("en")["16"] == "development and support of volunteer initiatives"
    assert sphere_citation("7").endswith("ст. 5 п.1 пп.7")
    assert "36-III" in sphere_citation("13-1")
    with pytest.raises(UnknownCodeError, match="valid codes are 1, 2"):
        sphere_name("6")


def test_oked_crosswalk():
    assert icnpo_for_oked("88.99") == "4 100"
    assert icnpo_for_oked("88.99.0") == "4 100"
    assert icnpo_for_oked("94910") == "10 100"
    assert icnpo_for_oked("94.99") is None  # "other membership organisations": says nothing
    assert icnpo_for_oked("x") is None


def test_subgroups_imply_spheres_of_the_law():
    assert spheres_of_subgroup("5 100") == ["3"]
    assert spheres_of_subgroup("5 200") == ["p2-2"]
    assert spheres_of_subgroup("10 100") == []


def test_every_subgroup_has_patterns_in_every_language():
    categories = load("patterns")["categories"]
    for code in subgroup_codes():
        for lang in ("ru", "kk", "en"):
            assert categories[code][lang]["include"], f"{code}/{lang} has no include patterns"


def test_every_sphere_but_the_open_one_can_be_reached():
    reachable = set(load("patterns")["spheres"])
    for code in subgroup_codes():
        reachable.update(spheres_of_subgroup(code))
    assert set(sphere_codes()) - reachable == {"p2-3"}


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("Сирота", "capital letters"),
        ("ребёнок", "«ё»"),
        ("(сирота)", "capturing group"),
        ("сирота(", "not a valid"),
    ],
)
def test_a_bad_pattern_is_refused_with_its_place(pattern, problem):
    with pytest.raises(PatternError, match=problem) as error:
        PatternSet({"4 100": {"ru": {"include": [pattern]}}}, "patterns.yaml categories")
    assert "4 100/ru" in str(error.value)


def test_patterns_schema_requires_the_scoring_settings():
    data = dict(load("patterns"))
    data["scoring"] = {"min_group_score": 0.9, "min_share_of_top": 2}
    problems = schema_problems("patterns", data)
    assert any("secondary_min_activity" in p for p in problems)
    assert any("min_share_of_top" in p for p in problems)


def test_context_patterns_count_but_do_not_hide_activity_words():
    from qogam.activities.lemmas import analyse
    from qogam.activities.patterns import ACTIVITY, CONTEXT

    rules = PatternSet(
        {"4 100": {"ru": {"include": ["сирота"], "context": ["поддержка ~2 семья"]}}},
        "test",
    )
    hits = rules.match(analyse("поддержка семей сирот"))
    assert {(h.pattern.source, h.pattern.role) for h in hits} == {
        ("сирота", ACTIVITY),
        ("поддержка ~2 семья", CONTEXT),
    }


def test_every_pattern_word_is_one_the_lemma_stream_can_contain():
    from qogam.activities.pattern_words import unreachable_words

    assert list(unreachable_words()) == []


@pytest.mark.parametrize(
    ("source", "lang", "bad"),
    [
        ("(?:swimming|cycl\\w*)", "en", "swimming"),
        ("crime\\w*", "en", "crime"),
        ("шағын бизнес", "kk", "шағын"),
        ("кітапхана\\w*", "kk", "кітапхана"),
        ("права человек", "ru", "права"),
        ("борьба ~2 с", "ru", "с"),
    ],
)
def test_the_pattern_word_check_finds_words_that_never_match(source, lang, bad):
    from qogam.activities.pattern_words import word_problems

    problems = word_problems(source, lang)
    assert problems and problems[0].startswith(bad)


@pytest.mark.parametrize(
    ("source", "lang"),
    [
        ("(?:swim\\w*|cours\\w*)", "en"),
        ("(?:кітапхана\\w*|кітапха)", "kk"),
        ("(?:права|право) человек", "ru"),
        ("сирот\\w*", "ru"),
    ],
)
def test_the_pattern_word_check_accepts_reachable_words(source, lang):
    from qogam.activities.pattern_words import word_problems

    assert word_problems(source, lang) == []
