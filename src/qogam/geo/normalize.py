"""Text folding and tokenising shared by the gazetteer build and the matcher.

Both sides must fold the same way, so this module is the single place that decides
what counts as "the same spelling". Folding is one character to one character, so
offsets in the folded text are offsets in the original text.

Why fold Kazakh letters onto Russian ones (қ→к, ұ→у, і→и …) and ы→и, э→е: place
names are written in both alphabets and in several transliterations («Жетісу»,
«Жетысу», «Жетiсу» with a Latin i; «Ұлытау», «Улытау»; «Екібастұз», «Экибастуз»).
After folding they meet. Endings are folded too, so inflected forms are generated
before folding (see ``inflect``).
"""

from __future__ import annotations

import re

_FOLD_PAIRS = {
    "ё": "е",
    "э": "е",
    "ә": "а",
    "ғ": "г",
    "қ": "к",
    # old Kazakh font encodings left in a few KATO names: ќ=қ, ў=ұ, ї=ү, ј=ө
    "ќ": "к",
    "ў": "у",
    "ї": "у",
    "ј": "о",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "һ": "х",
    "і": "и",
    "i": "и",  # Latin i typed for Kazakh і
    "ы": "и",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00ad": "-",  # soft hyphen
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    chars = [chr(c) for c in range(0x41, 0x5B)] + [chr(c) for c in range(0x61, 0x7B)]
    chars += [chr(c) for c in range(0x400, 0x530)]
    for ch in chars:
        low = ch.lower()
        if len(low) != 1:
            continue
        folded = _FOLD_PAIRS.get(low, low)
        if folded != ch:
            table[ord(ch)] = folded
    for ch, folded in _FOLD_PAIRS.items():
        table[ord(ch)] = folded
    return table


FOLD_TABLE = _build_table()

# A token: letters/digits, with hyphens inside (Северо-Казахстанская, Усть-Каменогорск, р-н).
TOKEN_RE = re.compile(r"[0-9a-zа-я]+(?:-[0-9a-zа-я]+)*")


def fold(text: str) -> str:
    """Lower-case and fold spelling variants; the result has the same length as ``text``."""
    return text.translate(FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """The folded tokens of a name or phrase (used to build lexicon keys)."""
    return TOKEN_RE.findall(fold(text))


def key(text: str) -> str:
    """The lexicon key of a name: folded tokens joined by single spaces."""
    return " ".join(tokens(text))
