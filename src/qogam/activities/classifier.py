"""The rule classifier: text -> ICNPO groups and subgroups, spheres, and the evidence.

Scoring (every number traces back to evidence):

* each counted pattern hit adds the pattern's weight to its subgroup (patterns.py says which
  hits count), except that overlapping hits of one group, and hits of one subgroup that
  follow each other directly («научные исследования», «lonely elderly»), count once, with the
  largest weight among them;
  a subgroup's *raw score* is that sum, a group's raw score the sum over its subgroups;
* hits are *activity* hits (``include`` lists: what is done; for group 4 also whom a social
  service is for) or *context* hits (``context`` lists: places, qualifiers, beneficiaries,
  topic nouns). A group's *activity score* is the raw score of its activity hits alone;
* a group is a *candidate* when its activity score is at least ``min_group_score`` — context
  never creates a label, and weak cues (weight 0.5) alone need a second cue;
* the *primary group* is the candidate with the highest raw score; ties go to the group whose
  first evidence comes earlier in the text, then to the lower ICNPO number;
* another candidate is a *secondary* label when its raw score is at least
  ``min_share_of_top`` of the primary's and its activity score at least
  ``secondary_min_activity`` for that group (group 4 for a target group needs one cue, other
  groups two: see patterns.yaml ``scoring``);
* reported scores are shares: a group's raw score over the sum of the labelled groups' raw
  scores (so they add up to 1); likewise for the subgroups of the labelled groups;
* spheres: those implied by each subgroup scoring at least ``min_group_score``
  (crosswalk.yaml) plus those whose own sphere patterns score at least as much, in the
  law's order.

Methods (``classify(text, method=...)``, issue #4 item 5):

* ``"rules"`` — the above, unchanged: ``method`` is "rules" and no other key is added;
* ``"hybrid"`` (the default) — the logistic-regression layer of ``model.py`` re-reads the rule
  result with the text's lemmas (the same analysis, not a second one) and decides the final
  groups and the primary group (see ``hybrid.py``). Every entry of ``groups`` then says which
  method made it (``"method": "rules"|"model"``) and carries the model's ``probability``;
  the result gains ``primary_method`` and ``dropped`` (rule labels the model removed, with the
  rules' score). Subgroups and spheres stay the rules' (a dropped group's subgroups go);
  a group only the model gave has evidence entries with ``role`` "model" naming the lemmas
  that pushed it most. If ``model.json`` is missing or invalid, the rules answer alone
  (``method`` "rules") and a warning says why, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .data import load
from .lemmas import analyse
from .patterns import ACTIVITY, Hit, PatternSet
from .taxonomy import group_of, icnpo_order, sphere_codes, spheres_of_subgroup

# Larger texts are refused rather than processed for a minute or more: 10 million characters
# are about 17 MB of Cyrillic; a 5 MB text takes about 10 s on one core.
MAX_TEXT_CHARS = 10_000_000
SPHERE_PREFIX = "sphere:"
METHODS = ("hybrid", "rules")
DEFAULT_METHOD = "hybrid"


class TextTooLargeError(ValueError):
    """The text is over ``MAX_TEXT_CHARS``: split it (per goal or per paragraph) first."""


@dataclass(frozen=True)
class Evidence:
    """One span of the original text that triggered a category ("4 100", "sphere:8", "vague")."""

    category: str
    pattern: str
    text: str
    start: int
    end: int
    role: str = ACTIVITY  # "activity" (can create a label) or "context" (only adds to it)
    # role "model": ``pattern`` is a model feature ("ru:лес"), ``weight`` its weight × value
    weight: float | None = None

    def to_dict(self) -> dict:
        data = {
            "category": self.category,
            "pattern": self.pattern,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "role": self.role,
        }
        if self.weight is not None:
            data["weight"] = self.weight
        return data


@dataclass(frozen=True)
class Score:
    code: str
    score: float
    method: str | None = None  # hybrid only: "rules" or "model", the method that made the label
    probability: float | None = None  # hybrid only: the model's probability for the label

    def to_dict(self) -> dict:
        data: dict = {"code": self.code, "score": self.score}
        if self.method is not None:
            data["method"] = self.method
        if self.probability is not None:
            data["probability"] = self.probability
        return data


@dataclass
class Classification:
    primary_group: str | None
    groups: list[Score]
    subgroups: list[Score]
    spheres: list[str]
    evidence: list[Evidence]
    method: str = "rules"  # "rules" or "hybrid"
    primary_method: str | None = None  # hybrid: "rules" if the rules had the same primary
    dropped: list[Score] = field(default_factory=list)  # hybrid: rule labels the model removed
    # Not part of the JSON: the detected language ("" for no words, "other" for unsupported)
    # and the raw group scores the shares come from.
    language: str = ""
    raw_scores: dict[str, float] = field(default_factory=dict, repr=False)
    activity_scores: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def group_codes(self) -> list[str]:
        return [s.code for s in self.groups]

    @property
    def subgroup_codes(self) -> list[str]:
        return [s.code for s in self.subgroups]

    def to_dict(self) -> dict:
        data = {
            "primary_group": self.primary_group,
            "groups": [s.to_dict() for s in self.groups],
            "subgroups": [s.to_dict() for s in self.subgroups],
            "spheres": list(self.spheres),
            "evidence": [e.to_dict() for e in self.evidence],
            "method": self.method,
        }
        if self.method == "hybrid":
            data["primary_method"] = self.primary_method
            data["dropped"] = [s.to_dict() for s in self.dropped]
        return data


@dataclass(frozen=True)
class Scoring:
    """The thresholds of patterns.yaml ``scoring`` (see the module docstring)."""

    min_group_score: float
    min_share_of_top: float
    secondary_min_activity: dict[str, float]

    def secondary_minimum(self, group: str) -> float:
        return self.secondary_min_activity.get(group, self.secondary_min_activity["default"])


@lru_cache(maxsize=1)
def scoring() -> Scoring:
    data = load("patterns")["scoring"]
    return Scoring(
        float(data["min_group_score"]),
        float(data["min_share_of_top"]),
        {str(k): float(v) for k, v in data["secondary_min_activity"].items()},
    )


@lru_cache(maxsize=1)
def _pattern_sets() -> tuple[PatternSet, PatternSet]:
    data = load("patterns")
    icnpo = PatternSet(data["categories"], "patterns.yaml categories")
    spheres = PatternSet(
        {SPHERE_PREFIX + code: spec for code, spec in data["spheres"].items()},
        "patterns.yaml spheres",
    )
    return icnpo, spheres


def warm_up() -> None:
    """Load the data files, compile the patterns and load the morphology and the language models
    now, not on first use."""
    from .lemmas import load_language_models

    _pattern_sets()
    load_language_models()
    classify("Оказание помощи детям-сиротам. Балаларға көмек. Helping children.")


def _evidence(text: str, hit: Hit) -> Evidence:
    return Evidence(
        hit.category,
        hit.pattern.source,
        text[hit.start : hit.end],
        hit.start,
        hit.end,
        hit.pattern.role,
    )


def _effective_weights(hits: list[Hit]) -> list[float]:
    """Each hit's weight, with runs of overlapping or adjacent hits of one group counted once."""
    effective = [0.0] * len(hits)
    runs: dict[tuple[str, str], list[int]] = {}
    for index, hit in enumerate(hits):
        runs.setdefault((group_of(hit.category), hit.pattern.lang), []).append(index)
    for indexes in runs.values():
        indexes.sort(key=lambda i: (hits[i].lemma_start, -hits[i].lemma_end))
        run_end, run_max, run_categories = -2, 0.0, set()
        for i in indexes:
            hit = hits[i]
            overlapping = hit.lemma_start < run_end
            # Adjacent hits merge only within a subgroup: «спортивные секции и творческие
            # кружки» are two activities, «научные исследования» one.
            adjacent = hit.lemma_start == run_end + 1 and hit.category in run_categories
            if overlapping or adjacent:
                effective[i] = max(0.0, hit.pattern.weight - run_max)
                run_max = max(run_max, hit.pattern.weight)
                run_end = max(run_end, hit.lemma_end)
            else:
                effective[i] = hit.pattern.weight
                run_end, run_max, run_categories = hit.lemma_end, hit.pattern.weight, set()
            run_categories.add(hit.category)
    return effective


def _without_nested(evidence: list[Evidence]) -> list[Evidence]:
    """Sorted evidence, dropping a span that lies inside another span of the same category
    («сиротам» inside «детям-сиротам», both found through the hyphenated word)."""
    ordered = sorted(evidence, key=lambda e: (e.start, -e.end, e.category))
    kept: list[Evidence] = []
    widest_end: dict[str, int] = {}
    for item in ordered:
        if widest_end.get(item.category, -1) >= item.end:
            continue
        widest_end[item.category] = max(widest_end.get(item.category, -1), item.end)
        kept.append(item)
    return kept


def _shares(raw: dict[str, float], order) -> list[Score]:
    total = sum(raw.values())
    return [Score(code, round(raw[code] / total, 3)) for code in sorted(raw, key=order)]


def check_method(method: str) -> str:
    """``method`` if it is one of ``METHODS``; ValueError naming the valid ones otherwise."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}")
    return method


def classify(text: str, method: str = DEFAULT_METHOD) -> Classification:
    """Classify one text (a goal, an activity description or a whole charter).

    ``method`` "hybrid" (default: the rules, then the model decides the labels) or "rules"
    (the rules alone); see the module docstring.
    """
    if not isinstance(text, str):
        raise TypeError(f"classify() takes a str, not {type(text).__name__}")
    check_method(method)
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLargeError(
            f"the text has {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} the classifier accepts; "
            "classify it in parts (per goal or per paragraph)"
        )
    icnpo_set, sphere_set = _pattern_sets()
    analysis = analyse(text)
    hits = icnpo_set.match(analysis)

    subgroup_raw: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for hit, weight in zip(hits, _effective_weights(hits), strict=True):
        subgroup_raw[hit.category] = subgroup_raw.get(hit.category, 0.0) + weight
        group = group_of(hit.category)
        first_seen[group] = min(first_seen.get(group, hit.start), hit.start)
    group_raw: dict[str, float] = {}
    for code, raw in subgroup_raw.items():
        group_raw[group_of(code)] = group_raw.get(group_of(code), 0.0) + raw
    activity_hits = [hit for hit in hits if hit.pattern.role == ACTIVITY]
    group_activity: dict[str, float] = {}
    for hit, weight in zip(activity_hits, _effective_weights(activity_hits), strict=True):
        group = group_of(hit.category)
        group_activity[group] = group_activity.get(group, 0.0) + weight

    settings = scoring()
    floor = settings.min_group_score - 1e-9
    candidates = {
        code: group_raw[code] for code, activity in group_activity.items() if activity >= floor
    }
    ranked = sorted(
        candidates, key=lambda code: (-candidates[code], first_seen[code], icnpo_order(code))
    )
    primary = ranked[0] if ranked else None
    ranked = ranked[:1] + [
        code
        for code in ranked[1:]
        if candidates[code] >= settings.min_share_of_top * candidates[primary] - 1e-9
        and group_activity[code] >= settings.secondary_minimum(code) - 1e-9
    ]
    labelled = {code: candidates[code] for code in ranked}
    listed_subgroups = {
        code: raw for code, raw in subgroup_raw.items() if group_of(code) in labelled
    }

    spheres = set()
    for code, raw in listed_subgroups.items():
        if raw >= floor:
            spheres.update(spheres_of_subgroup(code))
    sphere_hits = sphere_set.match(analysis)
    sphere_raw: dict[str, float] = {}
    for hit in sphere_hits:
        sphere_raw[hit.category] = sphere_raw.get(hit.category, 0.0) + hit.pattern.weight
    found_spheres = {code for code, raw in sphere_raw.items() if raw >= floor}
    spheres.update(code[len(SPHERE_PREFIX) :] for code in found_spheres)
    law_order = sphere_codes()

    evidence = [_evidence(text, h) for h in hits if h.category in listed_subgroups]
    evidence += [_evidence(text, h) for h in sphere_hits if h.category in found_spheres]
    evidence = _without_nested(evidence)

    rules = Classification(
        primary_group=primary,
        groups=[Score(code, round(labelled[code] / sum(labelled.values()), 3)) for code in ranked],
        subgroups=_shares(listed_subgroups, icnpo_order),
        spheres=[code for code in law_order if code in spheres],
        evidence=evidence,
        language=analysis.language,
        raw_scores=dict(group_raw),
        activity_scores=dict(group_activity),
    )
    if method == "rules":
        return rules
    from .hybrid import combine  # here: hybrid.py and model.py import this module

    return combine(rules, analysis, text)


def classify_many(texts: Iterable[str], method: str = DEFAULT_METHOD) -> list[Classification]:
    """Classify each text; the lemma cache makes a batch much faster than the first text."""
    check_method(method)
    return [classify(text, method) for text in texts]


def spheres_for(classification: Classification) -> list[str]:
    """The social-order spheres (Art. 5 item codes) the classified text falls under."""
    return list(classification.spheres)
