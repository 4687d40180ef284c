"""Loading the activities data files (YAML beside this module) and checking them.

Each ``NAME.yaml`` has a JSON schema ``NAME.schema.json``; ``load`` validates on first use,
so a broken edit fails with a message naming the file and the place, not a traceback deep in
the classifier. ``check_references`` checks what a schema cannot: every code a file refers to
exists.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent
FILES = ("icnpo", "spheres", "crosswalk", "patterns", "catch_all")


class DataFileError(ValueError):
    """An activities data file is missing, unreadable or does not follow its schema."""


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed and validated content of ``NAME.yaml``."""
    path = DATA_DIR / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from exc
    problems = schema_problems(name, data)
    if problems:
        raise DataFileError(
            f"{path}: does not follow {name}.schema.json: " + "; ".join(problems[:5])
        )
    return data


def schema_problems(name: str, data: Any) -> list[str]:
    """Schema violations of ``data`` as "where: what" strings (empty when valid)."""
    import jsonschema

    schema = json.loads((DATA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(
            validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
        )
    ]


def check_references() -> list[str]:
    """Codes used in crosswalk.yaml and patterns.yaml that icnpo.yaml / spheres.yaml lack."""
    subgroups = {s["code"] for g in load("icnpo")["groups"] for s in g["subgroups"]}
    groups = {g["code"] for g in load("icnpo")["groups"]}
    spheres = {s["code"] for s in load("spheres")["spheres"]}
    crosswalk = load("crosswalk")
    patterns = load("patterns")
    problems = []
    for code, targets in crosswalk["icnpo_to_spheres"].items():
        if code not in subgroups:
            problems.append(f"crosswalk.yaml icnpo_to_spheres: unknown ICNPO subgroup {code!r}")
        problems += [
            f"crosswalk.yaml icnpo_to_spheres[{code}]: unknown sphere {t!r}"
            for t in targets
            if t not in spheres
        ]
    problems += [
        f"crosswalk.yaml icnpo_to_spheres: subgroup {code!r} is missing"
        for code in sorted(subgroups - set(crosswalk["icnpo_to_spheres"]))
    ]
    for oked, code in crosswalk["oked_to_icnpo"].items():
        if code is not None and code not in subgroups:
            problems.append(
                f"crosswalk.yaml oked_to_icnpo[{oked}]: unknown ICNPO subgroup {code!r}"
            )
    for pair in crosswalk["related_groups"]:
        problems += [
            f"crosswalk.yaml related_groups: unknown ICNPO group {g!r}"
            for g in pair
            if g not in groups
        ]
    problems += [
        f"patterns.yaml categories: unknown ICNPO subgroup {c!r}"
        for c in patterns["categories"]
        if c not in subgroups
    ]
    problems += [
        f"patterns.yaml spheres: unknown sphere {c!r}"
        for c in patterns["spheres"]
        if c not in spheres
    ]
    problems += [
        f"patterns.yaml scoring.secondary_min_activity: unknown ICNPO group {g!r}"
        for g in patterns["scoring"]["secondary_min_activity"]
        if g != "default" and g not in groups
    ]
    return problems
