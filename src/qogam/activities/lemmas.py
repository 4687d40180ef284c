"""Text -> lemma streams, one per language, each with a map back to the original text.

Patterns (patterns.yaml, catch_all.yaml) are regular expressions over these streams:
«Оказание помощи детям-сиротам» becomes the Russian stream «оказание помощь ребенок сирота
ребенок-сирота». Rules of the stream, which pattern authors rely on:

* one lemma per word, lower case, «ё» written «е»; words separated by one space;
* Russian: pymorphy3's first parse; prepositions, conjunctions and particles (except «не»,
  «ни») are dropped; Kazakh: ``kazakh.stem_kk`` and its stop words; English: ``english.stem_en``
  and its stop words; numbers and punctuation are dropped;
* a hyphenated word gives the lemmas of its parts, then the parts joined by «-»
  («детей-сирот» → «ребенок сирота ребенок-сирота»);
* a sentence break (. ; : ! ? or a new line) is the token «|», which gaps never cross.

The language is decided per line: Latin words go to the English stream; Cyrillic lines are
Kazakh when their words carry Kazakh letters (әғқңөұүһі), Russian when pymorphy3 knows most
of their words, otherwise lingua (restricted to Kazakh and Russian) decides. Latin lines in another language (ä, ş, ñ ... or no English
function word in a long line) and other scripts go nowhere: such text yields no lemmas.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .english import STOPWORDS as EN_STOPWORDS
from .english import stem_en
from .kazakh import STOPWORDS as KK_STOPWORDS
from .kazakh import has_kazakh_letters, stem_kk

LANGUAGES = ("ru", "kk", "en")
BREAK = "|"

_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")
_HYPHENS = re.compile(r"[-‐‑]")
_SENTENCE_BREAK = re.compile(r"[.;:!?\n]")
_LINES = re.compile(r"[^\n]+")
# No IGNORECASE: it makes the Turkish dotless «ı» match «i». Callers lower-case instead.
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")
_LATIN = re.compile(r"[a-zA-Z]")
# Latin letters English does not use: German, Turkish, Kazakh Latin, French, Spanish ...
_NON_ENGLISH_LATIN = re.compile(r"[äöüßçğşıñéèêàáâíóúūōāčšžőű]")

_RU_DROPPED_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})
_RU_KEPT_PARTICLES = frozenset({"не", "ни"})

# Share of Cyrillic words with Kazakh letters above which a line is Kazakh without asking lingua.
_KAZAKH_SHARE = 0.2
# Share of longer words pymorphy3 knows above which a Cyrillic line is Russian without lingua.
_RUSSIAN_KNOWN_SHARE = 0.75
_LINGUA_SAMPLE = 2000
# An English line of this many words or more has at least one function word.
_ENGLISH_MIN_WORDS_FOR_CHECK = 6
# Share of words with letters English does not use above which a Latin line is not English.
_ENGLISH_MAX_FOREIGN_SHARE = 0.2


@dataclass
class Stream:
    """The lemma string of one language and, per lemma, where it came from in the text."""

    lang: str
    parts: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)  # lemma's offset in ``text``
    spans: list[tuple[int, int]] = field(default_factory=list)  # lemma's span in the original
    _length: int = 0
    _text: str | None = None

    def add(self, lemma: str, start: int, end: int) -> None:
        if self.parts:
            self._length += 1  # the separating space
        self.offsets.append(self._length)
        self.spans.append((start, end))
        self.parts.append(lemma)
        self._length += len(lemma)
        self._text = None

    def add_break(self) -> None:
        if self.parts and self.parts[-1] != BREAK:
            self._length += 1 + len(BREAK)
            self.parts.append(BREAK)
            self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(self.parts)
        return self._text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of the lemmas between ``start`` and ``end`` of ``text``."""
        first = bisect_right(self.offsets, start) - 1
        last = bisect_right(self.offsets, max(start, end - 1)) - 1
        return self.spans[max(first, 0)][0], self.spans[max(last, 0)][1]


@dataclass
class Analysis:
    """A text turned into lemma streams: ``streams["ru"].text`` is what Russian patterns see."""

    text: str
    streams: dict[str, Stream]
    words: dict[str, int]  # words per language, "other" for words in no supported language

    @property
    def language(self) -> str:
        """The language with most words: "ru", "kk", "en", "other", or "" for a text without words."""
        if not self.words:
            return ""
        return max(self.words.items(), key=lambda item: item[1])[0]


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=300_000)
def _ru_lemma(word: str) -> tuple[str, bool]:
    """(lemma or "" for a dropped word, whether pymorphy3 knows the word)."""
    morph = _morph()
    known = morph.word_is_known(word)
    parse = _best_parse(morph.parse(word), known=known)
    lemma = parse.normal_form.replace("ё", "е")
    if parse.tag.POS in _RU_DROPPED_POS and lemma not in _RU_KEPT_PARTICLES:
        return "", True
    return lemma, known


def _best_parse(parses: list, *, known: bool):
    """pymorphy3's first parse, except among parses it scores equally.

    There a noun beats a short adjective («саженцев», «паводков» are genitive plurals, not
    the short forms of «саженцевый», «паводковый», which NGO texts never use), and for a noun
    the dictionary does not know the shortest normal form wins («кандасам» → «кандас»).
    """
    top = [p for p in parses if p.score >= parses[0].score - 1e-9]
    if len(top) == 1:
        return parses[0]
    if top[0].tag.POS == "ADJS":
        nouns = [p for p in top if p.tag.POS == "NOUN"]
        if nouns:
            return nouns[0]
    if not known and all(p.tag.POS == "NOUN" for p in top):
        return min(top, key=lambda p: len(p.normal_form))
    return parses[0]


def lemma_ru(word: str) -> str:
    """Russian lemma of a word («детям» → «ребенок»); "" for a preposition or conjunction."""
    return _ru_lemma(word.lower())[0]


def lemma_kk(word: str) -> str:
    word = word.lower()
    return "" if word in KK_STOPWORDS else stem_kk(word)


def lemma_en(word: str) -> str:
    word = word.lower()
    return "" if word in EN_STOPWORDS else stem_en(word)


_LEMMATISERS = {"ru": lemma_ru, "kk": lemma_kk, "en": lemma_en}


@lru_cache(maxsize=1)
def _lingua_kk_ru():
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:  # the heuristic below still works without it
        return None
    # Models are loaded when the detector is built (about 0.2 s), not on its first lines: a
    # detector that loads them lazily makes the first texts of a batch many times slower.
    detector = LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN).with_preloaded_language_models().build()
    return detector, Language.KAZAKH


def _cyrillic_language(line: str, words: list[str]) -> str:
    with_letters = sum(1 for w in words if has_kazakh_letters(w.lower()))
    if with_letters >= _KAZAKH_SHARE * len(words):
        return "kk"
    # Most Russian lines are settled by the dictionary; lingua (about 0.5 ms a call) only
    # decides lines where pymorphy3 knows few words, such as Kazakh without its letters.
    longer = [part.lower() for w in words for part in _HYPHENS.split(w) if len(part) > 3]
    known = sum(1 for w in longer if _ru_lemma(w)[1])
    if not longer or known >= _RUSSIAN_KNOWN_SHARE * len(longer):
        return "ru"
    lingua = _lingua_kk_ru()
    if lingua is None:
        return "kk" if with_letters else "ru"
    detector, kazakh = lingua
    # A sample is enough to tell the two languages apart, and keeps a huge line fast.
    return "kk" if detector.detect_language_of(line[:_LINGUA_SAMPLE]) == kazakh else "ru"


@lru_cache(maxsize=1)
def _lingua_latin():
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    # Latin-script languages an NGO text in Kazakhstan may be in besides English.
    others = (Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN, Language.TURKISH,
              Language.AZERBAIJANI, Language.POLISH, Language.LATIN)
    detector = LanguageDetectorBuilder.from_languages(Language.ENGLISH, *others).with_preloaded_language_models().build()
    return detector, Language.ENGLISH


def load_language_models() -> None:
    """Build lingua's detectors now (about 0.9 s), rather than when a text first needs them."""
    _lingua_kk_ru()
    _lingua_latin()


def _latin_is_english(line: str, words: list[str]) -> bool:
    foreign = sum(1 for w in words if _NON_ENGLISH_LATIN.search(w.lower()))
    if foreign:
        # An English sentence may name a place or a person with a Turkish or Latin-script
        # Kazakh letter («the earthquake in Türkiye»): with few such words, lingua decides;
        # a line full of them is another language.
        if foreign > len(words) * _ENGLISH_MAX_FOREIGN_SHARE:
            return False
    elif len(words) < _ENGLISH_MIN_WORDS_FOR_CHECK or any(w.lower() in EN_STOPWORDS for w in words):
        return True
    # A title-like English line can do without function words («Public environmental control
    # over industrial enterprises»); lingua decides those.
    lingua = _lingua_latin()
    if lingua is None:
        return False
    detector, english = lingua
    return detector.detect_language_of(line[:_LINGUA_SAMPLE]) == english


def analyse(text: str) -> Analysis:
    """Split ``text`` into lines, decide each line's language, and build the lemma streams."""
    streams = {lang: Stream(lang) for lang in LANGUAGES}
    counts: dict[str, int] = {}
    for line_match in _LINES.finditer(text):
        _analyse_line(text, line_match.start(), line_match.group(), streams, counts)
        for stream in streams.values():
            stream.add_break()
    return Analysis(text=text, streams={k: s for k, s in streams.items() if s.parts}, words=counts)


def _analyse_line(
    text: str, offset: int, line: str, streams: dict[str, Stream], counts: dict[str, int]
) -> None:
    matches = list(_WORD.finditer(line))
    if not matches:
        return
    cyrillic = [m.group() for m in matches if _CYRILLIC.search(m.group())]
    latin = [
        m.group() for m in matches if not _CYRILLIC.search(m.group()) and _LATIN.search(m.group())
    ]
    cyrillic_lang = _cyrillic_language(line, cyrillic) if cyrillic else ""
    latin_lang = "en" if latin and _latin_is_english(line, latin) else ""
    previous_end = 0
    for match in matches:
        word = match.group()
        if _SENTENCE_BREAK.search(line, previous_end, match.start()):
            for stream in streams.values():
                stream.add_break()
        previous_end = match.end()
        if _CYRILLIC.search(word):
            lang = cyrillic_lang
        elif _LATIN.search(word):
            lang = latin_lang
        else:
            lang = ""
        counts[lang or "other"] = counts.get(lang or "other", 0) + 1
        if lang:
            _add_word(streams[lang], word, offset + match.start())


def _add_word(stream: Stream, word: str, start: int) -> None:
    lemmatise = _LEMMATISERS[stream.lang]
    if not _HYPHENS.search(word):
        lemma = lemmatise(word)
        if lemma:
            stream.add(lemma, start, start + len(word))
        return
    part_lemmas = []
    position = start
    for part in _HYPHENS.split(word):
        lemma = lemmatise(part)
        if lemma:
            stream.add(lemma, position, position + len(part))
        part_lemmas.append(lemma or part.lower())
        position += len(part) + 1
    stream.add("-".join(part_lemmas), start, start + len(word))


def lemma_strings(text: str) -> dict[str, str]:
    """What the patterns see: language -> lemma string (for pattern authors and debugging)."""
    return {lang: stream.text for lang, stream in analyse(text).streams.items()}
