"""A suffix stripper for Kazakh: word form -> stem, for matching patterns.

No Kazakh lemmatiser installs offline (DESIGN.md), so inflection is removed by rules.
Kazakh is agglutinative and its inflection is ordered: stem + plural + possessive + case
(балалар|ы|на → бала). We strip at most one suffix from each slot, from the end inwards,
and only while the stem keeps a minimum length. Derivational suffixes (-лық, -шы, -у ...)
are kept: «денсаулық» (health) is a word in its own right, not «денсау» + -лық.

What matters for the classifier is consistency (every form of a word gives one stem), not a
linguist's stem; patterns.yaml is written over the stems this function returns
(tests/activities/test_kazakh.py holds the word list it is checked on).
"""

from __future__ import annotations

from functools import lru_cache

KAZAKH_LETTERS = frozenset("әғқңөұүһі")

# Case endings (the last slot), longest first so that -ндағы wins over -ы.
_CASE = (
    # locative-attributive: ауылдағы, мектептегі
    "ндағы",
    "ндегі",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    # instrumental
    "менен",
    "мен",
    "бен",
    "пен",
    # genitive
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    # ablative
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    # locative
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    # dative
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    # accusative
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    # accusative after a possessive: баласын, білімін
    "н",
)

# Possessive endings (3rd person and 1st plural; 1st/2nd singular almost never occur in
# goal statements, and stripping -ім would cut «білім» to «біл»).
_POSSESSIVE = ("ымыз", "іміз", "мыз", "міз", "сы", "сі", "ы", "і")

_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")

_MIN_STEM = 3
# The bare accusative -н is stripped only from longer stems: «ісін» stays, «білімін» → «білімі».
_MIN_STEM_BEFORE_N = 4
# Two-letter stems that are common words (үйлер → үй, істері → іс).
_SHORT_STEMS = frozenset(
    {"үй", "іс", "су", "ел", "ой", "ән", "ас", "ат", "ай", "ер", "ит", "ем", "ет", "ақ"}
)
# Words whose ending only looks like a suffix.
_KEEP = frozenset(
    {"тұрғын", "орын", "ақын", "қайта", "ағылшын", "қазақстан", "астана", "алматы", "орта", "сала"}
)

# Common stems ending in a vowel + с, whose possessive -ы/-і looks like -сы/-сі.
_S_FINAL_STEMS = frozenset(
    {"бизнес", "күрес", "кеңес", "процесс", "прогресс", "конгресс", "автобус", "қатынас", "мәжіліс"}
)

_BACK_VOWELS = frozenset("аоұыя")
_FRONT_VOWELS = frozenset("әеөүіэи")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS | frozenset("уюё")
_VOICED = frozenset("лрйузжмнңвбгғд")
_VOICELESS = frozenset("кқпстшфхцчщ")
_NASAL = frozenset("мнң")


def _fits(stem: str, suffix: str) -> bool:
    """Whether ``suffix`` can follow ``stem`` by Kazakh consonant assimilation.

    -ға/-да/-дың follow vowels and voiced consonants, -қа/-та/-тың voiceless ones, -на/-ның
    vowels and nasals; so «республика» is not «республи» + -ка and «орта» not «ор» + -та.
    """
    last, first = stem[-1], suffix[0]
    if first in "дгғ":
        return last in _VOWELS or last in _VOICED
    if first in "тқк":
        return last in _VOICELESS or last in "бвгд"
    if first == "н":
        return last in _VOWELS or last in _NASAL
    if first == "л":
        return last in _VOWELS or last in "рйу"
    return True


def _strip(word: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    for suffix in suffixes:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            minimum = _MIN_STEM_BEFORE_N if suffix == "н" else _MIN_STEM
            long_enough = len(stem) >= minimum or stem in _SHORT_STEMS
            if long_enough and any(ch in _VOWELS for ch in stem) and _fits(stem, suffix):
                return stem, suffix
    return word, ""


def _strip_possessive(word: str) -> tuple[str, str]:
    stem, suffix = _strip(word, _POSSESSIVE)
    # -сы follows vowels other than ы/і: «жұмысы» is «жұмыс» + -ы, not «жұмы» + -сы;
    # after other vowels only a list of stems ending in -с tells «бизнес-і» from «бала-сы».
    if suffix in ("сы", "сі") and (stem[-1] in "ыі" or stem + "с" in _S_FINAL_STEMS):
        stem, suffix = _strip(word, ("ы", "і"))
    return stem, suffix


def _last_vowel(word: str) -> str:
    for ch in reversed(word):
        if ch in _VOWELS:
            return ch
    return ""


def _devoice(stem: str) -> str:
    """Undo the voicing of a final consonant before a vowel suffix: құқығы → құқық.

    Native words end in қ/к/п, which become ғ/г/б before a vowel; loanwords such as
    «педагог» end in г after a back vowel and are left alone (vowel harmony tells them apart).
    """
    if not stem:
        return stem
    last = stem[-1]
    vowel = _last_vowel(stem)
    if last == "ғ" and vowel in _BACK_VOWELS:
        return stem[:-1] + "қ"
    if last == "г" and vowel in _FRONT_VOWELS:
        return stem[:-1] + "к"
    if last == "б" and len(stem) > 3:
        return stem[:-1] + "п"
    return stem


@lru_cache(maxsize=100_000)
def stem_kk(word: str) -> str:
    """The stem of a lower-case Kazakh word form: «балаларына» → «бала», «құқығын» → «құқық»."""
    if word in _KEEP:
        return word
    stem, case = _strip(word, _CASE)
    # A bare -н is the accusative only after a possessive vowel (баласын, білімін).
    if case == "н" and not stem.endswith(("ы", "і")):
        stem, case = word, ""
    stem, possessive = _strip_possessive(stem)
    stem, plural = _strip(stem, _PLURAL)
    if plural or possessive in ("сы", "сі"):
        # A stem ending like a possessive (отбасы-лар, басшы-лар) loses it as the bare
        # word does, so that «отбасы» and «отбасыларға» give one stem.
        stem, inner = _strip_possessive(stem)
        possessive = inner or possessive
    innermost = possessive or ("" if plural else case)
    if innermost[:1] in _VOWELS:
        stem = _devoice(stem)
    return stem


def has_kazakh_letters(word: str) -> bool:
    return any(ch in KAZAKH_LETTERS for ch in word)


# Conjunctions, postpositions and particles: dropped from the lemma stream like Russian
# prepositions, so that patterns need not skip them.
STOPWORDS = frozenset(
    [
        "және",
        "мен",
        "бен",
        "пен",
        "да",
        "де",
        "та",
        "те",
        "үшін",
        "бойынша",
        "арқылы",
        "немесе",
        "не",
        "әрі",
        "сондай-ақ",
        "сондай",
        "ақ",
        "оның",
        "ішінде",
        "ал",
        "бірақ",
        "соның",
        "ретінде",
        "туралы",
        "қатысты",
        "сияқты",
    ]
)
