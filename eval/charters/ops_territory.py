"""Operators for territory.*: status and territory of a public association."""

from __future__ import annotations

import re

from charter_text import (
    REGION_GENITIVE,
    CharterText,
    oblasts_phrase,
    other_oblasts,
    split_number,
    subject_word,
)
from mutation_finders import insert_goals
from mutation_registry import OO, operator, texts

# --- territory.* (public associations) ----------------------------------------------------------

STATUS_WORD = r"(местн|региональн|республиканск)\w*"
STATUS_SENTENCE = re.compile(rf"(?i)\b{STATUS_WORD}\s+(общественн\w+\s+)?(объединени|статус)")
STATUS_IN_NAME = re.compile(r"(?i)\b(региональн|республиканск|местн)(ое|ого|ому|ым|ом)\s+(общественн(?:ое|ого|ому|ым|ом)\b)")
TERRITORY_SENTENCE = re.compile(
    r"[Оо]существля\w+ (свою )?деятельность (на|в пределах)|[Вв]еде\w+ (свою )?деятельность (на|в пределах)"
    r"|[Дд]ейству\w+ в пределах (?:[А-ЯЁ]|город|област)|[Тт]ерритори\w+,? в пределах котор|[Тт]ерритори\w+ деятельности"
    r"|на всей территории|за пределами (?:[А-ЯЁ]|город|област)|на территории (?:[А-ЯЁ]|город|област)"
    r"|в пределах (?:[А-ЯЁ]|город|област)|[Рр]аспространя\w+ на территори"
)
PLACE = re.compile(r"\s+(на всей территории|на территории|на территорию|в пределах)\s[^.;]*")
# Sentences about where branches may be opened, or where members live, are not the territory clause.
NOT_TERRITORY = re.compile(
    r"(?i)^(филиал|представительств|член|руководител)|(созда\w*|откры\w*) филиал|учетн\w+ регистрац|член\w*[^.]*(проживающ|находящ)"
)


def _strip_status_from_names(line: str) -> str:
    def general(m: re.Match) -> str:
        word = m.group(3)
        if m.group(0).isupper():
            return word.upper()
        return word[0].upper() + word[1:] if m.group(0)[0].isupper() else word

    line = STATUS_IN_NAME.sub(general, line)
    line = re.sub(r"\bРОО\b", "ОО", line)
    line = re.sub(r"(республикалық|өңірлік|жергілікті) (қоғамдық)", r"\2", line)
    return re.sub(r"\b(РҚБ|ӨҚБ)\b", "ҚБ", line)


KK_STATUS = re.compile(r"(республикалық|өңірлік|жергілікті) қоғамдық бірлестік болып табылады")


@operator("territory.status-missing", ("remove_status",), forms=OO)
def _status_missing(doc: CharterText, meta: dict, variant: str) -> bool:
    """Remove the status statements and the status word from the name, in both languages."""
    found = False
    combined = re.compile(rf"(?i)является {STATUS_WORD} общественн\w+ объединени\w+ и |\s+как {STATUS_WORD}\s+общественн\w+\s+объединени\w+")
    kk_combined = re.compile(rf"{KK_STATUS.pattern} және ")

    def keep(sentence: str):
        nonlocal found
        for pattern in (combined, kk_combined):
            if pattern.search(sentence):
                found = True
                return pattern.sub("", sentence)
        if KK_STATUS.search(sentence):
            found = True
            return False
        if STATUS_SENTENCE.search(sentence) and re.search(r"(?i)является|статус", sentence) and "«" not in sentence:
            found = True
            return False
        return True

    for i in doc.all_indexes:
        doc.edit_sentences(i, keep)
        doc.lines[i] = _strip_status_from_names(doc.lines[i])
    return found


def territory_sentences(doc: CharterText):
    """(line, sentence) of every sentence that states where the association acts."""
    for i in doc.indexes:
        _, body = split_number(doc.lines[i])
        for sentence in re.split(r"(?<=\.)\s+(?=[А-ЯЁ])", body):
            if TERRITORY_SENTENCE.search(sentence) and not NOT_TERRITORY.search(sentence):
                yield i, sentence


@operator("territory.scope-missing", ("remove_territory",), forms=OO)
def _scope_missing(doc: CharterText, meta: dict, variant: str) -> bool:
    found = False
    tail = re.compile(r"(?i),? и (осуществля\w+ (свою )?деятельность|действу\w+) (на|в пределах) [^.]*")

    def keep(sentence: str):
        nonlocal found
        if not TERRITORY_SENTENCE.search(sentence) or NOT_TERRITORY.search(sentence):
            return True
        found = True
        if STATUS_SENTENCE.search(sentence):
            reduced = tail.sub("", sentence)
            if reduced == sentence:
                reduced = PLACE.sub("", sentence)
            return reduced.rstrip(".") + "."
        return False

    for i in doc.indexes:
        doc.edit_sentences(i, keep)
    return found


def _replace_territory(doc: CharterText, new_place: str) -> bool:
    """Rewrite the territory statements so the association acts in ``new_place`` (genitive)."""
    subject = subject_word(doc.lines)
    done = False
    tail = re.compile(r"(?i)(на всей территории|на территории|в пределах) [^.]*")

    def keep(sentence: str):
        nonlocal done
        if not TERRITORY_SENTENCE.search(sentence) or NOT_TERRITORY.search(sentence):
            return True
        if re.search(r"(?i)более половины|менее половины", sentence) and done:
            return False
        first = not done
        done = True
        if STATUS_SENTENCE.search(sentence) and tail.search(sentence):
            return tail.sub(f"на территории {new_place}", sentence, count=1)
        return f"{subject} осуществляет свою деятельность на территории {new_place}." if first else False

    for i in doc.indexes:
        doc.edit_sentences(i, keep)
    return done


def _drop_branch_lists(doc: CharterText) -> None:
    """Remove the lists naming the branches' oblasts (for a republican association reduced to one)."""
    doomed = []
    for i in doc.indexes:
        if re.search(r"(?i)филиал\w* в следующих|имеет филиалы в|структурными подразделениями .* являются", doc.lines[i]):
            doomed.append(i)
            if doc.lines[i].endswith(":"):
                doomed += doc.list_after(i)
    doc.delete_lines(doomed)
    for i in doc.indexes:
        doc.edit_sentences(i, lambda s: not re.search(r"(?i)более половины областей", s))


@operator(
    "territory.status-conflict",
    ("goal_in_other_oblasts", "territory_three_oblasts", "regional_whole_country", "regional_many_branches", "republican_one_region"),
    forms=OO,
)
def _status_conflict(doc: CharterText, meta: dict, variant: str) -> bool:
    status = meta["status"]
    others = other_oblasts(meta["regions"] + [meta["seat_region"]], 10)
    if variant == "goal_in_other_oblasts" and status == "local":
        goal = texts()["multi_oblast_goal"].format(oblasts=oblasts_phrase(others[:3], "prepositional"))
        return insert_goals(doc, [goal])
    if variant == "territory_three_oblasts" and status == "local":
        return _replace_territory(doc, oblasts_phrase(others[:3]))
    if variant == "regional_whole_country" and status == "regional":
        done = _replace_territory(doc, "Республики Казахстан")
        for i in doc.indexes:
            doc.lines[i] = doc.lines[i].replace("на территории Республики Казахстан", "на всей территории Республики Казахстан")
        return done
    if variant == "regional_many_branches" and status == "regional":
        for i, _sentence in territory_sentences(doc):
            subject = subject_word(doc.lines)
            doc.lines[i] += f" {subject} имеет филиалы в {oblasts_phrase(others, 'prepositional')}."
            return True
        return False
    if variant == "republican_one_region" and status == "republican":
        done = _replace_territory(doc, REGION_GENITIVE[meta["seat_region"]])
        _drop_branch_lists(doc)
        return done
    return False


