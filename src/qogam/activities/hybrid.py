"""The hybrid method: the rules' classification, re-decided by the model of ``model.py``.

``classify(text)`` (method "hybrid", the default) calls :func:`combine` with the rule result
and the lemmas the rules were matched on, so the text is analysed once. The result:

* ``groups`` are the model's labels, the primary first; each says ``method`` "rules" (the rules
  gave it too) or "model" (only the model did) and carries the model's ``probability``;
  ``score`` is the label's share of the labels' probabilities (the shares add up to 1, like
  the rules' shares of their scores);
* ``primary_method`` is "rules" when the rules had the same primary group, else "model";
* ``dropped`` lists the rule labels the model removed, each with the rules' score;
* ``subgroups`` and ``spheres`` stay the rules': the model has no subgroups or spheres. The
  subgroups of a dropped group go (the shares of the others are taken again so they add up
  to 1); the spheres stay as the rules found them, and so does the rule evidence, which
  explains them and the dropped labels;
* a group only the model gave has no rule evidence: it gets up to ``MODEL_EVIDENCE`` evidence
  entries with ``role`` "model", the lemma features that pushed it most (weight × value > 0),
  each pointing at the first word of the text that gave the lemma.

A text longer than ``MODEL_MAX_WORDS`` words gets the rule result (``method`` "rules"): the
model was trained on single statements. If ``model.json`` cannot be used (missing, not JSON,
wrong shape), the rule result comes back as it is and a ``RuntimeWarning`` says why, once per
process.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from functools import lru_cache

from . import model as model_module
from .classifier import Classification, Evidence, Score
from .lemmas import BREAK, Analysis
from .taxonomy import group_of

MODEL_EVIDENCE = 3  # lemma features named for a label only the model gave
# The model learnt from single goals and activity descriptions (at most 58 words); a longer
# text (a whole charter, a report) is answered by the rules alone, with ``method`` "rules".
MODEL_MAX_WORDS = 80
MODEL_ROLE = "model"
_LEMMA_PREFIXES = ("ru", "kk", "en")


@lru_cache(maxsize=1)
def stored_model() -> model_module.Model | None:
    """The model of ``model.MODEL_PATH``, or None (with a warning, once) if it cannot be used."""
    try:
        return model_module.load_model(model_module.MODEL_PATH)
    except (ValueError, TypeError, KeyError, OSError) as exc:  # ModelFileError is a ValueError
        warnings.warn(
            f"qogam.activities: the model cannot be used, classifying with the rules alone "
            f"({exc}); run eval/activities/train_model.py to write it again",
            RuntimeWarning,
            stacklevel=2,
        )
        return None


def combine(rules: Classification, analysis: Analysis, text: str) -> Classification:
    """The hybrid classification of ``text`` from its rule classification and lemmas."""
    model = stored_model()
    if model is None or len(text.split()) > MODEL_MAX_WORDS:
        return rules
    found = model_module.features(analysis, rules, rule_features=model.rule_features)
    result = model.predict_from(found, rules)
    total = sum(label.probability for label in result.labels) or 1.0
    groups = [
        Score(label.code, round(label.probability / total, 3), label.method, label.probability)
        for label in result.labels
    ]
    rule_scores = {score.code: score.score for score in rules.groups}
    dropped = set(result.dropped)
    evidence = list(rules.evidence)
    added = [label for label in result.labels if label.method == MODEL_ROLE]
    if added:
        for label in added:
            evidence += model_evidence(
                model, found, analysis, text, label.code, label.code == result.primary_group
            )
        evidence.sort(key=lambda e: (e.start, -e.end, e.category))
    return replace(
        rules,
        primary_group=result.primary_group,
        groups=groups,
        subgroups=_kept_subgroups(rules.subgroups, dropped),
        evidence=evidence,
        method="hybrid",
        primary_method=result.primary_method,
        dropped=[Score(code, rule_scores[code]) for code in result.dropped],
    )


def _kept_subgroups(subgroups: list[Score], dropped: set[str]) -> list[Score]:
    if not dropped:
        return list(subgroups)
    kept = [s for s in subgroups if group_of(s.code) not in dropped]
    total = sum(s.score for s in kept) or 1.0
    return [Score(s.code, round(s.score / total, 3)) for s in kept]


def model_evidence(
    model: model_module.Model,
    found: dict[str, float],
    analysis: Analysis,
    text: str,
    code: str,
    primary: bool,
) -> list[Evidence]:
    """Evidence for a label only the model gave: its strongest lemma features, as spans.

    For the primary group the weights are the primary regressions', for another label its
    group's binary regressions' (blended as the probabilities are, ``Model.pushes``). Only lemma features (``ru:сирота``, ``ru~социа``) count:
    language and rule-score features point at no words.
    """
    if primary:
        weights, column = model.pushes(primary=True), model.primary_classes.index(code)
    elif code in model.label_groups:
        weights, column = model.pushes(primary=False), model.label_groups.index(code)
    else:  # pragma: no cover - the model only labels its own groups
        return []
    pushes = []
    for name, value in found.items():
        lang = name[:2]
        if lang not in _LEMMA_PREFIXES or name[2:3] not in (":", "~") or name not in model.index:
            continue
        push = float(weights[model.index[name], column]) * value
        if push > 0:
            pushes.append((push, name))
    pushes.sort(key=lambda item: (-item[0], item[1]))
    evidence = []
    for push, name in pushes[:MODEL_EVIDENCE]:
        span = _first_span(analysis, name)
        if span is not None:
            start, end = span
            evidence.append(
                Evidence(code, name, text[start:end], start, end, MODEL_ROLE, round(push, 2))
            )
    return evidence


def _first_span(analysis: Analysis, name: str) -> tuple[int, int] | None:
    """The original span of the first word whose lemma gives the feature ``name``."""
    stream = analysis.streams.get(name[:2])
    if stream is None:
        return None
    lemma, whole = name[3:], name[2] == ":"
    size = model_module.PREFIX_LENGTH
    index = 0  # breaks («|») have no span: count the lemmas only
    for part in stream.parts:
        if part == BREAK:
            continue
        if part == lemma if whole else (len(part) > size and part[:size] == lemma):
            return stream.spans[index]
        index += 1
    return None
