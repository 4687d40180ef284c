"""Build DOCX files whose clause numbers are Word's automatic numbering, for tests and corpora.

``build_numbered_docx(path, items)`` writes a document in which every numbered
paragraph carries ``w:numPr`` pointing into ``numbering.xml`` (abstractNum + num),
exactly as Word stores a numbered list, so the number is *not* in the text:

    build_numbered_docx("charter.docx", [
        (0, "УСТАВ общественного объединения «Жаңа өмір»", "Title"),
        (1, "ОБЩИЕ ПОЛОЖЕНИЯ", "Heading 1"),     # shown as "1."
        (2, "Объединение является ...", None),     # shown as "1.1."
        (2, "Объединение создано ...", None),      # "1.2."
        (1, "ЦЕЛИ", "Heading 1"),                  # "2."
        (2, "Целями Объединения являются:", None), # "2.1."
        (3, "защита прав ...", None),              # "2.1.1."
    ])

``level`` 0 is an unnumbered paragraph; 1–9 is the list depth. ``style`` is a
paragraph style name (created when the template lacks it) or None for Normal.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

DEFAULT_LEVEL_TEXTS = tuple("".join(f"%{i}." for i in range(1, depth + 1)) for depth in range(1, 10))


def build_numbered_docx(
    path: str | Path,
    items: Sequence[tuple[int, str, str | None]],
    *,
    level_texts: Sequence[str] = DEFAULT_LEVEL_TEXTS,
    number_format: str = "decimal",
    page_break_before: Sequence[int] = (),
) -> Path:
    """Write a DOCX with real automatic numbering; returns the path.

    ``level_texts[i]`` is Word's ``w:lvlText`` of depth i+1 ("%1.%2."),
    ``number_format`` the ``w:numFmt`` of every level (decimal, upperRoman,
    russianLower …), ``page_break_before`` indexes of items that start a new page.
    """
    document = docx.Document()
    num_id = add_list_definition(document, level_texts, number_format)
    breaks = set(page_break_before)
    for position, (level, text, style) in enumerate(items):
        paragraph = document.add_paragraph(text)
        if style:
            paragraph.style = _style(document, style)
        if position in breaks:
            paragraph.paragraph_format.page_break_before = True
        if level > 0:
            set_numbering(paragraph, num_id, level - 1)
    path = Path(path)
    document.save(path)
    return path


def build_bilingual_docx(path: str | Path, rows: Sequence[tuple[str, str]]) -> Path:
    """A two-column table charter: Kazakh text left, Russian right, one row per clause."""
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for kazakh, russian in rows:
        cells = table.add_row().cells
        cells[0].text = kazakh
        cells[1].text = russian
    path = Path(path)
    document.save(path)
    return path


def add_list_definition(
    document: docx.document.Document,
    level_texts: Sequence[str] = DEFAULT_LEVEL_TEXTS,
    number_format: str = "decimal",
    *,
    start: int = 1,
) -> int:
    """Add an abstractNum and a num using it to the document's numbering part; returns the numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(_w("abstractNumId"))) for a in numbering.findall(_w("abstractNum"))]
    num_ids = [int(n.get(_w("numId"))) for n in numbering.findall(_w("num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, text in enumerate(level_texts)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    # Word requires every abstractNum before the first num.
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    return num_id


def set_numbering(paragraph, num_id: int, ilvl: int) -> None:
    """Attach automatic numbering (numId, ilvl) to a python-docx paragraph."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _style(document: docx.document.Document, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def _w(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


# A short charter written for tests: (level, text, style) items as build_numbered_docx takes them.
_RU_SECTIONS = [
    ("ОБЩИЕ ПОЛОЖЕНИЯ", [
        "Общественное объединение «Жаңа өмір» (далее – Объединение) является некоммерческой "
        "организацией, созданной по инициативе граждан для достижения общих целей.",
        "Объединение является юридическим лицом с момента государственной регистрации, имеет "
        "самостоятельный баланс, банковские счета, печать со своим наименованием.",
        "Объединение осуществляет свою деятельность на территории города Алматы.",
    ]),
    ("ЦЕЛИ И ПРЕДМЕТ ДЕЯТЕЛЬНОСТИ", [
        "Целями Объединения являются поддержка молодёжных инициатив, развитие волонтёрства и "
        "защита прав детей, оставшихся без попечения родителей.",
        "Для достижения целей Объединение проводит семинары, тренинги и конференции, издаёт "
        "информационные материалы и сотрудничает с государственными органами.",
    ]),
    ("ЧЛЕНСТВО В ОБЪЕДИНЕНИИ", [
        "Членами Объединения могут быть граждане Республики Казахстан, достигшие восемнадцати "
        "лет, признающие настоящий Устав.",
        "Члены Объединения имеют право участвовать в управлении делами Объединения и получать "
        "информацию о его деятельности.",
    ]),
    ("ОРГАНЫ УПРАВЛЕНИЯ", [
        "Высшим органом Объединения является Общее собрание членов, которое созывается не реже "
        "одного раза в год.",
        "Исполнительным органом Объединения является Председатель, избираемый Общим собранием "
        "сроком на три года.",
    ]),
]
_KK_SECTIONS = [
    ("ЖАЛПЫ ЕРЕЖЕЛЕР", [
        "«Жаңа өмір» қоғамдық бірлестігі (бұдан әрі – Бірлестік) азаматтардың ортақ мақсаттарға "
        "жету үшін құрған коммерциялық емес ұйымы болып табылады.",
        "Бірлестік мемлекеттік тіркелген сәттен бастап заңды тұлға болып табылады, дербес "
        "балансы, банктік шоттары және өз атауы бар мөрі болады.",
        "Бірлестік өз қызметін Алматы қаласының аумағында жүзеге асырады.",
    ]),
    ("ҚЫЗМЕТТІҢ МАҚСАТТАРЫ МЕН НЫСАНАСЫ", [
        "Бірлестіктің мақсаттары жастардың бастамаларын қолдау, волонтерлікті дамыту және ата-"
        "анасының қамқорлығынсыз қалған балалардың құқықтарын қорғау болып табылады.",
        "Мақсаттарға жету үшін Бірлестік семинарлар, тренингтер мен конференциялар өткізеді.",
    ]),
    ("БІРЛЕСТІККЕ МҮШЕЛІК", [
        "Бірлестіктің мүшелері он сегіз жасқа толған, осы Жарғыны мойындайтын Қазақстан "
        "Республикасының азаматтары бола алады.",
    ]),
]


def sample_charter_items(lang: str = "ru", repeat: int = 1) -> list[tuple[int, str, str | None]]:
    """A charter-like document as (level, text, style) items; ``repeat`` lengthens it."""
    sections = _RU_SECTIONS if lang == "ru" else _KK_SECTIONS
    title = "УСТАВ" if lang == "ru" else "ЖАРҒЫ"
    items: list[tuple[int, str, str | None]] = [(0, title, "Title")]
    for round_ in range(repeat):
        for heading, clauses in sections:
            suffix = f" ({round_ + 1})" if repeat > 1 else ""
            items.append((1, heading + suffix, "Heading 1"))
            items.extend((2, clause, None) for clause in clauses)
    return items


def numbered_lines(items: Sequence[tuple[int, str, str | None]], level_separator: str = ".") -> list[str]:
    """The same items as plain text lines with typed numbers ("1.", "1.1."), as Word shows them."""
    counters = [0] * 10
    lines = []
    for level, text, _ in items:
        if level == 0:
            lines.append(text)
            continue
        counters[level - 1] += 1
        for deeper in range(level, 10):
            counters[deeper] = 0
        number = level_separator.join(str(c) for c in counters[:level]) + "."
        lines.append(f"{number} {text}")
    return lines
