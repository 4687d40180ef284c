"""activities — what an NGO does, as ICNPO categories and social-order spheres, with evidence.

An explainable rule classifier over lemmas (DESIGN.md, issue #4), with a logistic-regression
layer over it (``model.py``, ``hybrid.py``; weights in ``model.json``) that decides the final
labels by default — each label says which method made it. Data, not code, hold the
knowledge; each file beside this module has a JSON schema (``NAME.schema.json``):

* ``icnpo.yaml``      ICNPO groups "1".."12" and subgroups "4 100"…, names ru/kk/en;
* ``spheres.yaml``    spheres of the state social order law, Art. 5 ("1", "13-1", "p2-1"…);
* ``crosswalk.yaml``  ICNPO subgroup → spheres, OKED → ICNPO, related groups;
* ``patterns.yaml``   activity (include), context and exclude patterns over lemmas per subgroup
                      and sphere (ru, kk, en), and the scoring thresholds;
* ``catch_all.yaml``  vague catch-all goals and commercial goals.

Public API (no Django, no network; the morphology loads on first use or ``warm_up()``):

``classify(text, method="hybrid") -> Classification``
    ``.primary_group`` ("4" or None), ``.groups`` / ``.subgroups`` (``Score(code, score)``,
    scores are shares), ``.spheres`` (["7", "8"]), ``.evidence``
    (``Evidence(category, pattern, text, start, end, role)``, spans in the original text;
    ``role`` "activity" or "context": only activity evidence creates a label; "model": a
    lemma that made the model add a group), ``.method`` ("hybrid" or "rules"),
    ``.language``; ``.to_dict()`` is the JSON of ``qogam classify``. ``method="rules"``: the
    rules alone, as before. ``"hybrid"``: the model decides the groups; each group's
    ``.method`` is "rules" or "model", and ``.primary_method`` and ``.dropped`` (rule labels
    the model removed) are added; subgroups and spheres stay the rules' (classifier.py,
    hybrid.py). Without a usable model.json the rules answer alone, with a warning.
``classify_many(texts, method="hybrid") -> list[Classification]``
``spheres_for(classification) -> list[str]``
``find_catch_all(text) -> list[Evidence]``          vague goals («иная деятельность, не запрещенная …»)
``find_commercial_goal(text) -> list[Evidence]``    profit as a goal (NPO Law Art. 33), not as a means
``charter_profile(goal_texts) -> list[dict]``       per group: code, names, goals behind it, score,
                                                    method ("model" if only the model gave it)
``universal_areas(profile) -> list[list[str]]``, ``is_universal(profile, max_groups=5) -> bool``
``goals_in_sphere(goal_texts_or_classifications, sphere) -> list[int]``
``group_name(code, lang)``, ``sphere_name(code, lang)``, ``sphere_names(lang)``,
``sphere_citation(code, lang)``, ``icnpo_for_oked(oked)``, ``lemma_strings(text)``

Errors: ``TextTooLargeError`` (over ``MAX_TEXT_CHARS``), ``UnknownCodeError`` (a group or
sphere code that does not exist; the message lists the valid ones), ``DataFileError`` /
``PatternError`` (a data file that does not follow its schema, with file and place).
"""

from .catch_all import find_catch_all, find_commercial_goal
from .classifier import (
    MAX_TEXT_CHARS,
    METHODS,
    Classification,
    Evidence,
    Score,
    TextTooLargeError,
    classify,
    classify_many,
    spheres_for,
    warm_up,
)
from .data import DataFileError
from .lemmas import lemma_strings
from .patterns import PatternError
from .profile import charter_profile, goals_in_sphere, is_universal, universal_areas
from .taxonomy import (
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

__all__ = [
    "MAX_TEXT_CHARS",
    "Classification",
    "DataFileError",
    "Evidence",
    "METHODS",
    "PatternError",
    "Score",
    "TextTooLargeError",
    "UnknownCodeError",
    "charter_profile",
    "classify",
    "classify_many",
    "find_catch_all",
    "find_commercial_goal",
    "goals_in_sphere",
    "group_codes",
    "group_name",
    "icnpo_for_oked",
    "is_universal",
    "lemma_strings",
    "sphere_citation",
    "sphere_codes",
    "sphere_name",
    "sphere_names",
    "spheres_for",
    "subgroup_codes",
    "universal_areas",
    "warm_up",
]
