"""Charter profile and the helpers behind goals.universal and goals.outside-sphere."""

import pytest

from qogam.activities import (
    UnknownCodeError,
    charter_profile,
    classify,
    goals_in_sphere,
    is_universal,
    universal_areas,
)

GOALS = [
    "Оказание социальной помощи детям-сиротам",
    "Развитие массового спорта",
    "Поддержка многодетных семей",
    "Иная деятельность, не запрещённая законодательством",
]

EVERYTHING = [
    "Развитие массового спорта",
    "Проведение научных исследований",
    "Охрана окружающей среды",
    "Защита прав человека",
    "Строительство мечети",
    "Представление интересов предпринимателей — членов ассоциации",
    "Развитие международного сотрудничества",
]


def test_profile_lists_groups_with_the_goals_behind_them():
    profile = charter_profile(GOALS)
    assert [entry["code"] for entry in profile] == ["4", "1"]
    social = profile[0]
    assert social["goals"] == [0, 2] and social["primary_goals"] == [0, 2]
    assert (
        social["name"]["ru"] == "Социальные услуги"
        and social["name"]["kk"]
        and social["name"]["en"]
    )
    assert 0 < social["score"] <= 1


def test_profile_accepts_classifications():
    assert charter_profile([classify(g) for g in GOALS]) == charter_profile(GOALS)


def test_profile_of_no_goals_is_empty():
    assert charter_profile([]) == []
    assert charter_profile(["Иная деятельность"]) == []


def test_universal_counts_unrelated_areas():
    profile = charter_profile(EVERYTHING)
    assert len(universal_areas(profile)) == 6  # culture and international work merge (related)
    assert is_universal(profile, max_groups=5)
    assert not is_universal(profile, max_groups=6)
    assert not is_universal(charter_profile(GOALS))


def test_related_groups_merge_into_one_area():
    profile = charter_profile(
        ["Медицинская реабилитация инвалидов", "Социальное обслуживание пенсионеров на дому"]
    )
    assert universal_areas(profile) == [["3", "4"]]


def test_goals_in_sphere():
    assert goals_in_sphere(GOALS, "8") == [0, 2]
    assert goals_in_sphere(GOALS, "1") == [1]
    assert goals_in_sphere(GOALS, "3") == []  # outside: no environmental goal
    assert goals_in_sphere(GOALS, "p2-3") == [0, 1, 2]  # the law's open sphere


def test_unknown_sphere_is_a_clear_error():
    with pytest.raises(UnknownCodeError, match="unknown social-order sphere '14'"):
        goals_in_sphere(GOALS, "14")


def test_profile_says_which_groups_only_the_model_gave(tiny_model):
    goals = ["Развитие спорта и охрана леса", "Развитие массового спорта"]
    profile = {entry["code"]: entry for entry in charter_profile(goals)}
    assert profile["1"]["method"] == "rules" and profile["1"]["model_goals"] == []
    assert profile["5"]["method"] == "model" and profile["5"]["model_goals"] == [0]
    assert profile["5"]["goals"] == [0]
    mixed = charter_profile([*goals, "Развитие детского спорта. Охрана леса от пожаров. Посадка деревьев."])
    forest = next(entry for entry in mixed if entry["code"] == "5")
    assert forest["goals"] == [0, 2] and forest["model_goals"] == [0]
    assert forest["method"] == "rules"  # the rules gave it to one of its goals
    rules = charter_profile(goals, method="rules")
    assert all(entry["method"] == "rules" and entry["model_goals"] == [] for entry in rules)


def test_a_primary_group_only_the_model_gave_is_shown_but_not_an_area():
    from qogam.activities.classifier import Classification, Score

    def goal(code, method):
        return Classification(code, [Score(code, 1.0, method, 0.9)], [], [], [])

    goals = [goal("1", "rules"), goal("2", "model"), goal("5", "rules"), goal("2", "rules")]
    profile = {entry["code"]: entry for entry in charter_profile(goals)}
    assert profile["2"]["primary_goals"] == [1, 3] and profile["2"]["model_goals"] == [1]
    assert universal_areas(list(profile.values())) == [["1"], ["2"], ["5"]]
    only_model = {entry["code"]: entry for entry in charter_profile(goals[:3])}
    assert only_model["2"]["primary_goals"] == [1]
    assert universal_areas(list(only_model.values())) == [["1"], ["5"]]
