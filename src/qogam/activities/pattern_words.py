"""Words in patterns.yaml that can never match, because the lemma stream never contains them.

Patterns run on lemmas and stems, not on the text (lemmas.py). A pattern author who writes a
word form the lemmatiser never produces gets a pattern that silently matches nothing: English
«swimming» (the stream has «swim»), Kazakh «шағын» (the stream has «шақ»), Russian «права»
(the stream has «право»). ``unreachable_words`` lists such words so a test can refuse them:

* a bare word must be its own lemma, or the pattern also lists that lemma (pymorphy3's first
  parse of a form and of its lemma can differ), or — Kazakh — it is the stem of another word
  of the pattern (the stemmer is not idempotent: «шығарынды» → «шығарын» → «шығар»);
* in Kazakh and English a prefix ``WORD\\w*`` must be a prefix of the stem of WORD, or —
  Kazakh — the pattern also lists that stem, because the stemmer cuts a bare word shorter than
  its inflected forms («кітапхана» → «кітапха» but «кітапханалар» → «кітапхана»), or —
  English — WORD is the stem of WORD + «e», as «cours» is of «course». (Russian prefixes such
  as «сирот\\w*» are not lemmas and are not checked.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .data import load
from .lemmas import lemma_en, lemma_kk, lemma_ru
from .patterns import _entries

_LEMMATISERS = {"ru": lemma_ru, "kk": lemma_kk, "en": lemma_en}
# A word not preceded by an escape, a letter, «[» or «-», and its end.
_WORD = re.compile(r"(?<![\\\w\[«-])([^\W\d_]+(?:-[^\W\d_]+)*)")
_QUANTIFIERS = ("\\", "*", "+", "?", "{")


def _lemma(lang: str, word: str) -> str:
    lemmatise = _LEMMATISERS[lang]
    if "-" in word:
        return "-".join(lemmatise(part) or part.lower() for part in word.split("-"))
    return lemmatise(word)


def _listed(lemma: str, source: str) -> bool:
    return re.search(r"(?<![\w\\-])" + re.escape(lemma) + r"(?![\w-])", source) is not None


def _in_class(source: str, position: int) -> bool:
    return source.rfind("[", 0, position) > source.rfind("]", 0, position)


def word_problems(source: str, lang: str) -> list[str]:
    """The words of one pattern that the ``lang`` lemma stream never contains."""
    problems = []
    for match in _WORD.finditer(source):
        word, (start, end) = match.group(1), match.span(1)
        if _in_class(source, start):
            continue
        lemma = _lemma(lang, word)
        if source[end : end + 2] == "\\w" and source[end + 2 : end + 3] == "*":
            fine = (
                lang == "ru"
                or not lemma
                or lemma.startswith(word)
                or (lang == "kk" and _listed(lemma, source))
                or (lang == "en" and not word.endswith("e") and lemma_en(word + "e") == word)
            )
            if not fine:
                problems.append(f"{word}\\w* (the stream has «{lemma}»)")
        elif source[end : end + 1] not in _QUANTIFIERS and lemma != word:
            if lemma and _listed(lemma, source):
                continue
            if lang == "kk" and word in {lemma_kk(w) for w in _WORD.findall(source)}:
                continue
            shown = f"«{lemma}»" if lemma else "nothing: a stop word"
            problems.append(f"{word} (the stream has {shown})")
    return problems


def unreachable_words() -> Iterator[str]:
    """ "section/category/lang/list: pattern: word (why)" for every problem in patterns.yaml."""
    data = load("patterns")
    for section in ("categories", "spheres"):
        for category, by_lang in data[section].items():
            for lang, lists in (by_lang or {}).items():
                for name in ("include", "context", "exclude"):
                    for source, _ in _entries(lists.get(name), ""):
                        for problem in word_problems(source, lang):
                            yield f"{section}/{category}/{lang}/{name}: {source!r}: {problem}"
