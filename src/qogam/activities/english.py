"""A small English stemmer: plural, -ing and -ed endings, enough for goal statements.

Written for matching, not linguistics: «children» stays «children», «protecting» and
«protected» give «protect», «families» gives «family». patterns.yaml is written over these
stems; tests/activities/test_english.py holds the word list it is checked on.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = frozenset("aeiouy")

# Words the suffix rules would spoil: keep as they are.
_KEEP = frozenset(
    [
        "news",
        "series",
        "species",
        "means",
        "analysis",
        "basis",
        "crisis",
        "diagnosis",
        "thesis",
        "this",
        "was",
        "has",
        "is",
        "its",
        "us",
        "bus",
        "gas",
        "plus",
        "status",
        "campus",
        "virus",
        "census",
        "focus",
        "bonus",
        "corpus",
        "sports",
        "arts",
        "politics",
        "economics",
        "physics",
        "mathematics",
        "ethics",
        "statistics",
        "athletics",
        "aids",
        "hiv",
        "sars",
        "covid",
        "during",
        "nothing",
        "something",
        "anything",
        "everything",
        "thing",
        "king",
        "ring",
        "spring",
        "string",
        "bring",
        "sing",
        "wing",
        "red",
        "bed",
        "need",
        "seed",
        "feed",
        "speed",
        "breed",
        "deed",
        "hundred",
        "kindred",
        "wed",
    ]
)

_IRREGULAR = {
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "people",
    "persons": "person",
    "lives": "life",
    "wives": "wife",
    "wolves": "wolf",
    "leaves": "leaf",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
}


def _has_vowel(stem: str) -> bool:
    return any(ch in _VOWELS for ch in stem)


def _undouble(stem: str) -> str:
    """running → run, but not «fall» or «pass»."""
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem


@lru_cache(maxsize=50_000)
def stem_en(word: str) -> str:
    """The stem of a lower-case English word: «families» → «family», «protecting» → «protect»."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _KEEP:
        return word
    if word.endswith("'s"):
        word = word[:-2]
    return _drop_final_e(_strip_inflection(word))


def _strip_inflection(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # then -ing/-ed too: «trainings» → «train»
    if word.endswith("ing") and len(word) > 6 and _has_vowel(word[:-3]):
        return _undouble(word[:-3])
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) > 5 and _has_vowel(word[:-2]):
        return _undouble(word[:-2])
    return word


def _drop_final_e(stem: str) -> str:
    """promote / promoting / promoted → promot: one stem whatever ending was cut."""
    if len(stem) > 4 and stem.endswith("e") and not stem.endswith("ee"):
        return stem[:-1]
    return stem


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "into",
        "onto",
        "about",
        "among",
        "between",
        "its",
        "their",
        "our",
        "his",
        "her",
        "they",
        "we",
        "it",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whose",
        "be",
        "been",
        "being",
        "are",
        "is",
        "was",
        "were",
        "will",
        "shall",
        "also",
        "such",
        "both",
        "etc",
        "via",
        "per",
    ]
)
