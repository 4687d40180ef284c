"""Which language a paragraph is in: Kazakh ("kk"), Russian ("ru") or anything else ("other").

Kazakh and Russian share the Cyrillic alphabet; Kazakh adds ә ғ қ ң ө ұ ү һ і. A
word carrying one of them (or a Kazakh function word or suffix) votes Kazakh, a
Russian function word votes Russian, and the share of Kazakh votes decides. Old
Kazakh files often type the Latin «i» for «і» inside Cyrillic words: counted too.
Short lines with no vote either way (ЖАЛПЫ ЕРЕЖЕЛЕР has no Kazakh letter) go to
lingua restricted to the two languages, loaded on first need: its low-accuracy
(trigram) mode loads in about 20 ms, the full mode in about 300 ms.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# The same without і/І, which Ukrainian and Belarusian use too.
KAZAKH_ONLY_LETTERS = KAZAKH_LETTERS - frozenset("іІ")
# Letters of other Cyrillic alphabets that Kazakh never uses (Ukrainian, Belarusian).
FOREIGN_CYRILLIC = frozenset("їєґўЇЄҐЎ")

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

DATA_FILE = Path(__file__).parent / "language.yaml"


def _load_words() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    suffixes = "|".join(sorted(data["kazakh_suffixes"], key=len, reverse=True))
    return frozenset(data["kazakh_words"]), frozenset(data["russian_words"]), re.compile(f"(?:{suffixes})$")


KAZAKH_WORDS, RUSSIAN_WORDS, _KAZAKH_SUFFIX = _load_words()

_detector = None


_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")


def detect_language(text: str) -> str:
    """"kk", "ru" or "other" for one paragraph."""
    # Quoted spans are mostly names («Жаңа өмір» in a Russian sentence): they do
    # not vote unless nothing else is left.
    unquoted = _QUOTED.sub(" ", text)
    if len(_WORD.findall(unquoted)) >= 2:
        text = unquoted
    cyrillic = latin = 0
    kazakh_votes = 0.0
    russian_votes = 0
    cyr_words = 0
    foreign = False
    kazakh_only = False
    for word in _WORD.findall(text):
        cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        lat = sum(1 for ch in word if ch.isascii())
        cyrillic += cyr
        latin += lat
        if not cyr:
            continue
        cyr_words += 1
        lower = word.lower()
        if any(ch in FOREIGN_CYRILLIC for ch in word):
            foreign = True
        if any(ch in KAZAKH_ONLY_LETTERS for ch in word):
            kazakh_only = True
        if (
            any(ch in KAZAKH_LETTERS for ch in word)
            or (lat and cyr > lat and ("i" in lower or "h" in lower))  # Latin i for і
            or lower in KAZAKH_WORDS
        ):
            kazakh_votes += 1
        elif lower in RUSSIAN_WORDS:
            russian_votes += 1
        elif len(lower) > 5 and _KAZAKH_SUFFIX.search(lower):
            kazakh_votes += 0.5
    if cyrillic == 0 or latin > cyrillic:
        return "other"
    if foreign and not kazakh_only:
        return "other"
    share = kazakh_votes / cyr_words
    if kazakh_votes > 1.5 * russian_votes and share >= 0.2 and (kazakh_votes >= 2 or share >= 0.5):
        return "kk"
    if russian_votes and kazakh_votes <= 1.5 * russian_votes:
        return "ru"
    return _ask_lingua(text)


def _ask_lingua(text: str) -> str:
    return _lingua_answer(text.lower().strip())


@lru_cache(maxsize=4096)
def _lingua_answer(text: str) -> str:
    global _detector
    if _detector is None:
        from lingua import Language, LanguageDetectorBuilder

        _detector = (
            LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN)
            .with_low_accuracy_mode()
            .build()
        )
    found = _detector.detect_language_of(text)
    if found is None:
        return "ru"
    return "kk" if found.name == "KAZAKH" else "ru"


def tag_languages(paragraphs: list) -> None:
    """Set ``language`` on each paragraph (in place), number included for context."""
    for p in paragraphs:
        p.language = detect_language(p.text)
