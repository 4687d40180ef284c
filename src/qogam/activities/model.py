"""A logistic-regression layer over the rule classifier (issue #4, item 5): numpy only.

The rules stay the classifier; this model re-reads their result together with the text's
lemmas and decides the final labels, saying for each which method made it:

* features: per ICNPO group the rules' raw and activity scores (``log1p``), whether the rules
  labelled it and whether it is their primary group; the lemmas of each stream
  (``"ru:помощь"``) and the first five letters of lemmas longer than five (``"ru~помощ"``); the
  detected language. Feature names are what ``model.json`` stores, so every weight can be read;
* two sets of regressions, each a multinomial logistic regression for the primary group
  ("" = no ICNPO group) and one binary logistic regression per group for the other labels: one
  reads every feature, the other (``lemmas_only_…`` in model.json) the lemmas and language only.
  Their probabilities are averaged, ``blend`` being the first set's weight; the primary group
  is the most probable class, another group a label when its probability is over
  ``label_threshold``. The two make different mistakes — the first trusts the rules where they
  are wrong, the second misses what only a pattern knows — and on new authors' text the average
  makes fewer of either (eval/activities/README.md, "Ninth round");
* a label the rules also gave has ``method == "rules"``, one only the model gave ``"model"``;
  rule labels the model left out are listed in ``dropped``.

The weights are trained by ``eval/activities/train_model.py`` on the development splits of
``eval/activities/labelled.csv`` (never the held-out ones) and stored in ``model.json`` beside
this module; ``eval/activities/crossval.py`` measures the model against the rules by leaving
one batch (one author) out at a time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .classifier import Classification
from .lemmas import BREAK, Analysis

MODEL_PATH = Path(__file__).resolve().parent / "model.json"
FORMAT = "qogam-activities-model/2"
READABLE_FORMATS = (FORMAT, "qogam-activities-model/1")  # /1: one set of regressions
LEMMAS_ONLY = "lemmas_only_"  # prefix of the second set's keys in model.json
GROUPS = tuple(str(n) for n in range(1, 13))
PREFIX_LENGTH = 5


class ModelFileError(ValueError):
    """model.json is missing or malformed; the message says what is wrong."""


@dataclass(frozen=True)
class ModelLabel:
    code: str
    method: str  # "rules" (the rules gave it and the model kept it) or "model" (model only)
    probability: float

    def to_dict(self) -> dict:
        return {"code": self.code, "method": self.method, "probability": self.probability}


@dataclass
class ModelResult:
    primary_group: str | None
    primary_method: str  # "rules" when the rules had the same primary group, else "model"
    labels: list[ModelLabel]  # the primary first, then by probability
    dropped: list[str] = field(default_factory=list)  # rule labels the model did not keep

    @property
    def group_codes(self) -> list[str]:
        return [label.code for label in self.labels]

    def to_dict(self) -> dict:
        return {
            "primary_group": self.primary_group,
            "primary_method": self.primary_method,
            "labels": [label.to_dict() for label in self.labels],
            "dropped": list(self.dropped),
        }


def streams_of(lemmas: Analysis | Mapping[str, Sequence[str]]) -> Mapping[str, Sequence[str]]:
    """Language -> list of lemmas (with ``|`` breaks), from an Analysis or such a mapping."""
    if isinstance(lemmas, Analysis):
        return {lang: stream.parts for lang, stream in lemmas.streams.items()}
    return lemmas


def features(
    lemmas: Analysis | Mapping[str, Sequence[str]],
    rules: Classification,
    *,
    rule_features: bool = True,
) -> dict[str, float]:
    """The named features of one text (see the module docstring)."""
    found: dict[str, float] = {}
    for lang, parts in streams_of(lemmas).items():
        for lemma in parts:
            if lemma == BREAK:
                continue
            found[f"{lang}:{lemma}"] = 1.0
            if len(lemma) > PREFIX_LENGTH:
                found[f"{lang}~{lemma[:PREFIX_LENGTH]}"] = 1.0
    found[f"lang:{rules.language or 'none'}"] = 1.0
    if rule_features:
        labelled = set(rules.group_codes)
        for group in GROUPS:
            raw = rules.raw_scores.get(group, 0.0)
            activity = rules.activity_scores.get(group, 0.0)
            if raw:
                found[f"rules:raw:{group}"] = math.log1p(raw)
            if activity:
                found[f"rules:activity:{group}"] = math.log1p(activity)
            if group in labelled:
                found[f"rules:label:{group}"] = 1.0
            if group == rules.primary_group:
                found[f"rules:primary:{group}"] = 1.0
        if not labelled:
            found["rules:no-label"] = 1.0
    return found


@dataclass(frozen=True)
class Regressions:
    """One set of weights: the primary regression and the per-group label regressions."""

    primary_weights: np.ndarray  # features × primary classes
    primary_bias: np.ndarray
    label_weights: np.ndarray  # features × label groups
    label_bias: np.ndarray

    @classmethod
    def read(cls, data: Mapping[str, Any], prefix: str = "") -> Regressions:
        def array(key: str) -> np.ndarray:
            return np.asarray(data[prefix + key], dtype=np.float64)

        return cls(array("primary_weights"), array("primary_bias"), array("label_weights"), array("label_bias"))

    def scores(self, indexes: list[int], values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        primary = self.primary_bias.copy()
        labels = self.label_bias.copy()
        if indexes:
            primary += values @ self.primary_weights[indexes]
            labels += values @ self.label_weights[indexes]
        primary = np.exp(primary - primary.max())
        return primary / primary.sum(), 1.0 / (1.0 + np.exp(-labels))


class Model:
    """The weights of model.json, ready for inference."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        problems = validate(data)
        if problems:
            raise ModelFileError("model.json: " + "; ".join(problems[:5]))
        self.data = data
        self.primary_classes: list[str] = list(data["primary_classes"])
        self.label_groups: list[str] = list(data["label_groups"])
        self.label_threshold = float(data["label_threshold"])
        self.rule_features = bool(data.get("rule_features", True))
        names = data["features"]
        self.index = {name: i for i, name in enumerate(names)}
        self.with_rules = Regressions.read(data)
        self.lemmas_only = Regressions.read(data, LEMMAS_ONLY) if _has_second_set(data) else None
        self.blend = float(data.get("blend", 1.0)) if self.lemmas_only is not None else 1.0
        self.primary_weights = self.with_rules.primary_weights
        self.label_weights = self.with_rules.label_weights

    def scores(self, found: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """(probability of each primary class, probability of each group as a label)."""
        indexes = [self.index[name] for name in found if name in self.index]
        values = np.array([found[name] for name in found if name in self.index])
        primary, labels = self.with_rules.scores(indexes, values)
        if self.lemmas_only is not None and self.blend < 1.0:
            other_primary, other_labels = self.lemmas_only.scores(indexes, values)
            primary = self.blend * primary + (1.0 - self.blend) * other_primary
            labels = self.blend * labels + (1.0 - self.blend) * other_labels
        return primary, labels

    def pushes(self, primary: bool) -> np.ndarray:
        """The weights by which a feature moves the blended score (model evidence reads them)."""
        first = self.with_rules.primary_weights if primary else self.with_rules.label_weights
        if self.lemmas_only is None or self.blend >= 1.0:
            return first
        second = self.lemmas_only.primary_weights if primary else self.lemmas_only.label_weights
        return self.blend * first + (1.0 - self.blend) * second

    def predict(
        self, lemmas: Analysis | Mapping[str, Sequence[str]], rules: Classification
    ) -> ModelResult:
        """The final labels for a text, from its lemmas and the rules' classification."""
        return self.predict_from(features(lemmas, rules, rule_features=self.rule_features), rules)

    def predict_from(self, found: Mapping[str, float], rules: Classification) -> ModelResult:
        """:meth:`predict` given the text's :func:`features` (for a caller that needs them too)."""
        primary_p, label_p = self.scores(found)
        best = int(np.argmax(primary_p))
        primary = self.primary_classes[best] or None
        rule_labels = set(rules.group_codes)
        labels: list[ModelLabel] = []
        if primary is not None:
            labels.append(
                ModelLabel(primary, _method(primary, rule_labels), round(float(primary_p[best]), 3))
            )
            others = [
                (float(label_p[i]), group)
                for i, group in enumerate(self.label_groups)
                if group != primary and label_p[i] > self.label_threshold
            ]
            for probability, group in sorted(others, key=lambda item: (-item[0], int(item[1]))):
                labels.append(ModelLabel(group, _method(group, rule_labels), round(probability, 3)))
        kept = {label.code for label in labels}
        return ModelResult(
            primary_group=primary,
            primary_method="rules" if primary == rules.primary_group else "model",
            labels=labels,
            dropped=[code for code in rules.group_codes if code not in kept],
        )


def _method(code: str, rule_labels: set[str]) -> str:
    return "rules" if code in rule_labels else "model"


def validate(data: Any) -> list[str]:
    """What is wrong with a model.json object (empty when it can be used)."""
    if not isinstance(data, Mapping):
        return ["not a JSON object"]
    problems = []
    if data.get("format") not in READABLE_FORMATS:
        problems.append(f"format is {data.get('format')!r}, expected {FORMAT!r}")
    for key in (
        "features",
        "primary_classes",
        "label_groups",
        "primary_weights",
        "primary_bias",
        "label_weights",
        "label_bias",
        "label_threshold",
        "training_data_sha256",
    ):
        if key not in data:
            problems.append(f"missing {key!r}")
    if problems:
        return problems
    n_features = len(data["features"])
    if len(set(data["features"])) != n_features:
        problems.append("duplicate feature names")
    prefixes = ("", LEMMAS_ONLY) if _has_second_set(data) else ("",)
    for prefix in prefixes:
        for name, width in (
            ("primary", len(data["primary_classes"])),
            ("label", len(data["label_groups"])),
        ):
            rows = data.get(f"{prefix}{name}_weights")
            bias = data.get(f"{prefix}{name}_bias")
            if not isinstance(rows, list) or len(rows) != n_features or any(len(r) != width for r in rows):
                problems.append(f"{prefix}{name}_weights is not {n_features} rows of {width}")
            if not isinstance(bias, list) or len(bias) != width:
                problems.append(f"{prefix}{name}_bias does not have {width} values")
    if not 0.0 <= float(data.get("blend", 1.0)) <= 1.0:
        problems.append("blend is not between 0 and 1")
    if not set(data["label_groups"]) <= set(GROUPS):
        problems.append("label_groups has codes that are not ICNPO groups")
    if not set(data["primary_classes"]) <= {"", *GROUPS}:
        problems.append("primary_classes has codes that are not ICNPO groups or ''")
    if not 0.0 < float(data["label_threshold"]) < 1.0:
        problems.append("label_threshold is not between 0 and 1")
    return problems


def _has_second_set(data: Mapping[str, Any]) -> bool:
    return any(key.startswith(LEMMAS_ONLY) for key in data)


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The model stored at ``path`` (model.json beside this module by default)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"{path}: not valid JSON ({exc})") from exc
    return Model(data)


def relabel(lemmas: Analysis | Mapping[str, Sequence[str]], rules: Classification) -> ModelResult:
    """What the classifier could call: the stored model's labels for this text."""
    return load_model().predict(lemmas, rules)
