"""A charter's activity profile: its goals classified, grouped, and checked for spread.

These are the functions the charter check (rules ``goals.universal``, ``goals.outside-sphere``)
calls; the rules and their messages live in the rules catalogue, not here. Goal texts are
classified with ``classify``'s default method (the hybrid) unless ``method`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classifier import DEFAULT_METHOD, Classification, classify
from .taxonomy import check_sphere, group_names, icnpo_order, related_group_pairs

# The law's own catch-all sphere ("иные социально значимые сферы"): no text can be judged
# outside it, so every classified goal counts as inside.
_OPEN_SPHERE = "p2-3"


def _classified(
    goals: Sequence[str | Classification], method: str = DEFAULT_METHOD
) -> list[Classification]:
    return [goal if isinstance(goal, Classification) else classify(goal, method) for goal in goals]


def charter_profile(
    goals: Sequence[str | Classification], method: str = DEFAULT_METHOD
) -> list[dict]:
    """Per ICNPO group met in the goals: which goals are behind it and how much.

    ``goals`` are goal texts (or their classifications), in charter order. Each entry:
    ``{"code": "4", "name": {"ru", "kk", "en"}, "goals": [0, 3], "primary_goals": [0],
    "score": 0.41}`` — ``goals`` are the indexes of goals labelled with the group,
    ``primary_goals`` those whose primary group it is, ``score`` the group's mean share over
    the goals that got any group. Sorted by primary goals, then goals, then ICNPO order.
    Which method made the labels: ``model_goals`` are the goals whose label for the group only
    the model gave (hybrid method), and ``method`` is "model" when every goal behind the group
    is one of them, else "rules".
    """
    classified = _classified(goals, method)
    labelled = [c for c in classified if c.groups]
    entries: dict[str, dict] = {}
    for index, classification in enumerate(classified):
        for score in classification.groups:
            entry = entries.setdefault(
                score.code,
                {
                    "code": score.code,
                    "name": group_names(score.code),
                    "goals": [],
                    "primary_goals": [],
                    "score": 0.0,
                    "model_goals": [],
                },
            )
            entry["goals"].append(index)
            if score.method == "model":
                entry["model_goals"].append(index)
            entry["score"] += score.score
            if classification.primary_group == score.code:
                entry["primary_goals"].append(index)
    for entry in entries.values():
        entry["score"] = round(entry["score"] / len(labelled), 3)
        entry["method"] = "model" if entry["model_goals"] == entry["goals"] else "rules"
    return sorted(
        entries.values(),
        key=lambda e: (-len(e["primary_goals"]), -len(e["goals"]), icnpo_order(e["code"])),
    )


def universal_areas(profile: list[dict]) -> list[list[str]]:
    """The distinct areas of work: groups that are some goal's primary group by the rules' evidence
    (a primary group only the model gave, ``model_goals``, shows in the profile but is not
    counted: a warning that a charter does everything should point at the words that say so),
    with a related group (crosswalk.yaml ``related_groups``) merged into the same area.

    Pairs are merged without chaining: health ~ social services and social services ~
    development make two areas, not one — a chain would let a charter that does everything
    look like it does one thing.
    """
    groups = [
        entry["code"]
        for entry in profile
        if set(entry["primary_goals"]) - set(entry.get("model_goals", []))
    ]
    merged: dict[str, list[str]] = {group: [group] for group in groups}
    taken: set[str] = set()
    for first, second in related_group_pairs():
        if first in merged and second in merged and not {first, second} & taken:
            merged[first].append(second)
            del merged[second]
            taken |= {first, second}
    areas = [sorted(area, key=icnpo_order) for area in merged.values()]
    return sorted(areas, key=lambda a: icnpo_order(a[0]))


def is_universal(profile: list[dict], max_groups: int = 5) -> bool:
    """Whether the goals spread over more than ``max_groups`` unrelated areas (goals.universal)."""
    return len(universal_areas(profile)) > max_groups


def goals_in_sphere(
    goals: Sequence[str | Classification], sphere: str, method: str = DEFAULT_METHOD
) -> list[int]:
    """Indexes of the goals that fall under a social-order sphere ("7", "13-1", "p2-2" …).

    An empty list means the charter's goals do not cover the sphere (goals.outside-sphere).
    Raises UnknownCodeError for a code that is not a sphere of the law. For "p2-3" (the law's
    "other socially significant spheres") every goal with an ICNPO group counts.
    """
    check_sphere(sphere)
    classified = _classified(goals, method)
    if sphere == _OPEN_SPHERE:
        return [i for i, c in enumerate(classified) if c.primary_group]
    return [i for i, c in enumerate(classified) if sphere in c.spheres]
