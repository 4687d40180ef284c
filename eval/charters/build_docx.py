"""Turn the corpus charters (UTF-8 TXT) into DOCX files, as a registrar receives them.

    .venv/bin/python eval/charters/build_docx.py            # every clean charter + the sample
    .venv/bin/python eval/charters/build_docx.py --check    # only verify the DOCX files are current

Each charter's YAML says how its DOCX looks (``docx.auto_numbering``, ``docx.layout``):

* ``auto_numbering: true`` — clause numbers become Word automatic numbering: the typed
  number is removed from the text and the paragraph gets ``w:numPr`` pointing into
  ``numbering.xml``. The list levels are inferred from the charter's own numbering
  («Глава I.», «Статья 5.», «Раздел 2.», «1.», «1.1.», «2.3.1.», «1)», «а)»), and the
  numbers Word will display are simulated and compared with the typed ones, so a DOCX
  never silently shows different numbers from its TXT source.
* ``auto_numbering: false`` — numbers stay typed in the text.
* ``layout: two_column_table`` — a bilingual charter as a table: Kazakh left, Russian right,
  row N pairing line N of the Kazakh part with line N of the Russian part.

The paragraph-per-line convention of the TXT files is kept: one non-empty line, one paragraph.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

import docx
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from qogam.documents.testing import build_bilingual_docx, set_numbering

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "clean"
DOCX_DIR = HERE / "docx"
SAMPLES = HERE.parents[1] / "src" / "qogam" / "samples"

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Word's russianLower sequence (no ё, й, ъ, ы, ь).
RUSSIAN_LOWER = "абвгдежзиклмнопрстуфхцчшщэюя"

_CHAPTER = re.compile(r"^(ГЛАВА|Глава|РАЗДЕЛ|Раздел)\s+([IVXLC]+|\d+)\.?\s+(\S.*)$")
_ARTICLE = re.compile(r"^(СТАТЬЯ|Статья)\s+(\d+)\.?\s+(\S.*)$")
_DECIMAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})\.\s+(\S.*)$")
_ITEM_NUM = re.compile(r"^(\d{1,2})\)\s+(\S.*)$")
_ITEM_LETTER = re.compile(r"^([а-я])\)\s+(\S.*)$")
_TITLE = re.compile(r"^(УСТАВ|ЖАРҒЫ|ЖАРҒЫСЫ)\b")


@dataclass
class Line:
    """One TXT line: its kind of number (if any), the number's parts and the bare text."""

    raw: str
    kind: str | None = None  # "chapter:<word>", "article", "decimal<k>", "item_num", "item_letter"
    parts: tuple[int, ...] = ()
    text: str = ""
    roman: bool = False


def _roman_value(token: str) -> int:
    total = 0
    for current, following in zip_longest(token, token[1:], fillvalue=""):
        value = ROMAN[current]
        total += -value if following and ROMAN[following] > value else value
    return total


def classify(raw: str) -> Line:
    """What kind of number a line starts with; the text without it."""
    line = Line(raw=raw, text=raw)
    if m := _CHAPTER.match(raw):
        token = m.group(2)
        roman = not token.isdigit()
        line.kind = f"chapter:{m.group(1)}"
        line.parts = (_roman_value(token) if roman else int(token),)
        line.roman = roman
        line.text = m.group(3)
    elif m := _ARTICLE.match(raw):
        line.kind = f"article:{m.group(1)}"
        line.parts = (int(m.group(2)),)
        line.text = m.group(3)
    elif m := _DECIMAL.match(raw):
        parts = tuple(int(p) for p in m.group(1).split("."))
        line.kind = f"decimal{len(parts)}"
        line.parts = parts
        line.text = m.group(2)
    elif m := _ITEM_NUM.match(raw):
        line.kind = "item_num"
        line.parts = (int(m.group(1)),)
        line.text = m.group(2)
    elif m := _ITEM_LETTER.match(raw):
        line.kind = "item_letter"
        line.parts = (RUSSIAN_LOWER.index(m.group(1)) + 1,) if m.group(1) in RUSSIAN_LOWER else (0,)
        line.text = m.group(2)
    return line


@dataclass
class LevelSpec:
    kind: str
    num_format: str  # decimal, upperRoman
    text: str  # w:lvlText
    legal: bool = False  # w:isLgl: show every referenced level in Arabic digits
    restart: int | None = None  # w:lvlRestart; 0 = never restart


@dataclass
class Plan:
    """How a charter's numbering maps onto one multi-level list (plus a list per item run)."""

    levels: list[LevelSpec] = field(default_factory=list)

    def level_of(self, kind: str) -> int | None:
        for i, spec in enumerate(self.levels):
            if spec.kind == kind:
                return i
        return None


_ORDER = ("chapter", "article", "decimal1", "decimal2", "decimal3", "decimal4")


def plan_numbering(lines: Sequence[Line]) -> Plan:
    """Infer the list levels from the kinds of numbers the charter uses."""
    kinds = {ln.kind for ln in lines if ln.kind and not ln.kind.startswith("item")}
    ordered = sorted(kinds, key=lambda k: _ORDER.index(k.split(":")[0]))
    plan = Plan()
    for kind in ordered:
        base = kind.split(":")[0]
        depth = len(plan.levels) + 1  # 1-based Word level of this kind
        if base in ("chapter", "article"):
            word = kind.split(":")[1]
            roman = any(ln.roman for ln in lines if ln.kind == kind)
            plan.levels.append(
                LevelSpec(kind, "upperRoman" if roman else "decimal", f"{word} %{depth}.")
            )
        else:
            k = int(base[len("decimal"):])
            refs = range(depth - k + 1, depth + 1)
            text = "".join(f"%{r}." for r in refs)
            legal = any(plan.levels[r - 1].num_format != "decimal" for r in refs if r < depth)
            plan.levels.append(LevelSpec(kind, "decimal", text, legal=legal))
    # A level whose typed numbers keep counting across a shallower level never restarts
    # (articles numbered through the whole charter, clauses numbered 1…120 under sections):
    # look at the first line of the level under the second parent.
    for depth, spec in enumerate(plan.levels):
        if depth == 0 or spec.kind in ("decimal2", "decimal3", "decimal4"):
            continue
        parents = 0
        waiting = False
        for ln in lines:
            level = plan.level_of(ln.kind) if ln.kind else None
            if level is not None and level < depth:
                parents += 1
                waiting = True
            elif level == depth and waiting:
                waiting = False
                if parents >= 2:
                    if ln.parts[-1] > 1:
                        spec.restart = 0
                    break
    return plan


def add_list(document, specs: Sequence[LevelSpec]) -> int:
    """A multi-level list definition with per-level format and restart; returns its numId."""
    numbering = document.part.numbering_part.element
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    abstract_id = max((int(a.get(w + "abstractNumId")) for a in numbering.findall(w + "abstractNum")), default=-1) + 1
    num_id = max((int(n.get(w + "numId")) for n in numbering.findall(w + "num")), default=0) + 1
    levels = []
    for i, spec in enumerate(specs):
        restart = f'<w:lvlRestart w:val="{spec.restart}"/>' if spec.restart is not None else ""
        legal = "<w:isLgl/>" if spec.legal else ""
        levels.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{spec.num_format}"/>'
            f'{restart}{legal}<w:lvlText w:val="{spec.text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find(w + "num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    return num_id


def _display(spec_levels: Sequence[LevelSpec], counters: Sequence[int], depth: int) -> str:
    """The number Word shows for a paragraph at ``depth`` (0-based) given the counters."""
    spec = spec_levels[depth]

    def render(level: int) -> str:
        value = counters[level]
        fmt = "decimal" if spec.legal else spec_levels[level].num_format
        if fmt == "upperRoman":
            return _to_roman(value)
        if fmt == "russianLower":
            return RUSSIAN_LOWER[value - 1]
        return str(value)

    return re.sub(r"%(\d)", lambda m: render(int(m.group(1)) - 1), spec.text)


def _to_roman(value: int) -> str:
    out = []
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _typed(ln: Line) -> str:
    """The number as typed in the TXT, in the shape Word would display it."""
    if ln.kind is None:
        return ""
    if ln.kind.startswith(("chapter", "article")):
        word = ln.kind.split(":")[1]
        token = ln.raw[len(word):].split()[0].rstrip(".")
        return f"{word} {token}."
    if ln.kind == "item_num":
        return f"{ln.parts[0]})"
    if ln.kind == "item_letter":
        return ln.raw[:2]
    return ".".join(str(p) for p in ln.parts) + "."


class NumberingMismatch(ValueError):
    """The automatic numbering would show numbers that differ from the typed ones."""


def _style(document, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def _paragraph_style(ln: Line) -> str | None:
    if _TITLE.match(ln.raw):
        return "Title"
    if ln.kind and ln.kind.startswith("chapter"):
        return "Heading 1"
    if ln.kind and ln.kind.startswith("article"):
        return "Heading 2"
    if ln.kind == "decimal1" and ln.text.upper() == ln.text and any(c.isalpha() for c in ln.text):
        return "Heading 1"
    return None


def build_paragraph_docx(lines: Sequence[str], auto_numbering: bool, *, strict: bool = True) -> bytes:
    """A DOCX with one paragraph per line; clause numbers automatic or typed.

    With ``strict`` the simulated automatic numbers must equal the typed ones (the corpus);
    without it (mutants, where a deleted chapter leaves a gap) Word simply renumbers.
    """
    parsed = [classify(raw) for raw in lines]
    document = docx.Document()
    if not auto_numbering:
        for ln in parsed:
            paragraph = document.add_paragraph(ln.raw)
            style = _paragraph_style(ln)
            if style:
                paragraph.style = _style(document, style)
        return _save(document)

    plan = plan_numbering(parsed)
    num_id = None
    counters = [0] * max(len(plan.levels), 1)
    item_num_id = None
    item_counter = 0
    for ln in parsed:
        depth = plan.level_of(ln.kind) if ln.kind else None
        is_item = ln.kind in ("item_num", "item_letter")
        text = ln.text if (depth is not None or is_item) else ln.raw
        paragraph = document.add_paragraph(text)
        style = _paragraph_style(ln)
        if style:
            paragraph.style = _style(document, style)
        if depth is not None:
            # A second charter in the same file (the Russian part after the Kazakh one)
            # starts its own list, as a separate numbered list in Word does.
            if num_id is None or (depth == 0 and ln.parts[-1] == 1 and counters[0] >= 1):
                num_id = add_list(document, plan.levels)
                counters = [0] * len(plan.levels)
            counters[depth] += 1
            for deeper in range(depth + 1, len(plan.levels)):
                if plan.levels[deeper].restart != 0:
                    counters[deeper] = 0
            set_numbering(paragraph, num_id, depth)
            shown = _display(plan.levels, counters, depth)
            if strict and shown != _typed(ln):
                raise NumberingMismatch(f"{ln.raw[:60]!r}: Word would show {shown!r}")
            item_num_id = None
        elif is_item:
            if item_num_id is None or ln.parts[0] == 1:
                fmt = "decimal" if ln.kind == "item_num" else "russianLower"
                item_num_id = add_list(document, [LevelSpec(ln.kind, fmt, "%1)")])
                item_counter = 0
            item_counter += 1
            set_numbering(paragraph, item_num_id, 0)
            fmt = "decimal" if ln.kind == "item_num" else "russianLower"
            shown = f"{item_counter})" if fmt == "decimal" else f"{RUSSIAN_LOWER[item_counter - 1]})"
            if strict and shown != _typed(ln):
                raise NumberingMismatch(f"{ln.raw[:60]!r}: Word would show {shown!r}")
    return _save(document)


def split_bilingual(lines: Sequence[str], marker: str) -> tuple[list[str], list[str]]:
    """The Kazakh part and the Russian part: the Russian part starts at the marker line."""
    for i, raw in enumerate(lines):
        if i > 0 and raw.startswith(marker):
            return list(lines[:i]), list(lines[i:])
    raise ValueError(f"no line starting with {marker!r} after the first line")


def build_two_column_docx(lines: Sequence[str], marker: str) -> bytes:
    kazakh, russian = split_bilingual(lines, marker)
    rows = [(kk or "", ru or "") for kk, ru in zip_longest(kazakh, russian)]
    with tempfile.TemporaryDirectory() as tmp:
        return build_bilingual_docx(Path(tmp) / "two_column.docx", rows).read_bytes()


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def text_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def build_charter_docx(text: str, meta: dict, *, strict: bool = True) -> bytes:
    """The DOCX bytes of one charter text, shaped as its metadata says."""
    settings = meta.get("docx") or {}
    lines = text_lines(text)
    if settings.get("layout") == "two_column_table":
        return build_two_column_docx(lines, meta.get("russian_part_marker", "УСТАВ"))
    return build_paragraph_docx(lines, bool(settings.get("auto_numbering")), strict=strict)


def corpus_targets() -> list[tuple[Path, Path, Path]]:
    """(txt, yaml, docx) for every clean charter and for the packaged sample."""
    targets = [
        (txt, txt.with_suffix(".yaml"), DOCX_DIR / f"{txt.stem}.docx")
        for txt in sorted(CLEAN.glob("*.txt"))
    ]
    sample = SAMPLES / "sample_charter.txt"
    targets.append((sample, sample.with_suffix(".yaml"), sample.with_suffix(".docx")))
    return targets


def _sample_meta(meta: dict) -> dict:
    # The sample always uses automatic numbering (it shows off the DOCX reader).
    return {**meta, "docx": {"auto_numbering": True, "layout": "paragraphs"}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a DOCX is missing or out of date")
    args = parser.parse_args(argv)
    DOCX_DIR.mkdir(exist_ok=True)
    stale = []
    for txt, meta_path, target in corpus_targets():
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        if txt.parent == SAMPLES:
            meta = _sample_meta(meta)
        try:
            data = build_charter_docx(txt.read_text(encoding="utf-8"), meta)
        except (NumberingMismatch, ValueError) as exc:
            print(f"{txt.name}: {exc}", file=sys.stderr)
            return 1
        if args.check:
            if not target.exists() or _docx_text(target.read_bytes()) != _docx_text(data):
                stale.append(target)
            continue
        target.write_bytes(data)
        print(f"{target.relative_to(HERE.parents[1])}: {len(data) // 1024} KB")
    if stale:
        for target in stale:
            print(f"out of date: {target}", file=sys.stderr)
        return 1
    return 0


def _docx_text(data: bytes) -> str:
    """Comparable content of a DOCX (zip timestamps make raw bytes differ between runs)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode() + archive.read("word/numbering.xml").decode()


if __name__ == "__main__":
    sys.exit(main())
