"""The charter's activity profile: ICNPO groups with the goals behind them."""

from __future__ import annotations

from .model import Clause


def activity_profile(goals: list[Clause]) -> list[dict]:
    """[{"code", "name": {ru, kk, en}, "goals": [goal positions], "spheres": [...]}], biggest first.

    Each goal is classified on its own so that the profile says which goal stands behind
    which field, and a catch-all charter shows up as many unrelated groups.
    """
    from qogam.activities import classify, group_name

    groups: dict[str, dict] = {}
    for position, goal in enumerate(goals):
        result = classify(goal.text)
        if result.primary_group is None:
            continue
        code = result.primary_group
        entry = groups.setdefault(
            code,
            {"code": code, "name": {lang: group_name(code, lang) for lang in ("ru", "kk", "en")}, "goals": [], "spheres": []},
        )
        entry["goals"].append(position)
        for sphere in result.spheres:
            if sphere not in entry["spheres"]:
                entry["spheres"].append(sphere)
    return sorted(groups.values(), key=lambda g: (-len(g["goals"]), g["code"]))
