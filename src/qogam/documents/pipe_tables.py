"""antiword's text output → text blocks, with its tables (``|cell|cell|``) read column by column.

antiword draws a Word table as lines of cells between ``|`` marks, each cell
wrapped at its own width, and marks no row boundaries. Read as plain text the
two languages of a bilingual charter would be glued line by line. Here each
table column is read as its own stream: a cell line continues the paragraph
above it unless it starts a clause («1.2.», «2)») or the line above ended its
paragraph (it is blank, or the next word would still have fitted in the cell).
The paragraphs of a table come out row by row, left column first, with
``column`` set, as the DOCX reader gives them.
"""

from __future__ import annotations

from .clauses import find_number
from .textflow import (
    Block,
    blocks_from_lines,
    clean,
    glue,
    starts_paragraph,
)

_TERMINAL = (".", ";", ":", "!", "?", "…")


def is_table_line(line: str) -> bool:
    stripped = line.rstrip()
    return len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3


def blocks_from_antiword(text: str) -> list[Block]:
    """Paragraph blocks of antiword -w 0 output, in reading order."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    blocks: list[Block] = []
    pending: list[str] = []
    table: list[str] = []
    for raw in raw_lines + [""]:
        if is_table_line(raw):
            if pending:
                blocks += blocks_from_lines(pending)
                pending = []
            table.append(raw.rstrip())
            continue
        if table:
            blocks += _table_blocks(table)
            table = []
        pending.append(raw)
    if pending:
        blocks += blocks_from_lines(pending)
    return blocks


def _table_blocks(rows: list[str]) -> list[Block]:
    found: list[list] = []  # [first row, column, text] of every paragraph in the table
    open_paragraph: dict[int, list] = {}  # column -> its paragraph still open for continuation
    last_line: dict[int, str] = {}  # column -> its previous cell line
    for row_index, row in enumerate(rows):
        for column, cell in enumerate(row[1:-1].split("|")):
            text = clean(cell)
            if not text:
                open_paragraph.pop(column, None)  # an empty cell line ends the paragraph
                continue
            current = open_paragraph.get(column)
            if current is None or _starts_new(text, last_line.get(column, "")):
                current = [row_index, column, text]
                found.append(current)
            else:
                current[2] = glue(current[2], text)
            last_line[column] = text
            if _ends_paragraph(text, _cell(rows, row_index + 1, column), width=len(cell)):
                open_paragraph.pop(column, None)
            else:
                open_paragraph[column] = current
    found.sort(key=lambda item: (item[0], item[1]))
    return [Block(text.replace("\u00ad", ""), None, column) for _, column, text in found]


def _starts_new(text: str, previous: str) -> bool:
    """A clause number always starts a paragraph; a dash only after a finished phrase.

    A wrapped cell line may well begin with «– » inside a sentence
    («на государственном языке – «Бәйтерек» ҚБ»).
    """
    if find_number(text) is not None:
        return True
    return starts_paragraph(text) and previous.endswith(_TERMINAL)


def _ends_paragraph(text: str, following: str, width: int) -> bool:
    """A cell line ends its paragraph when the next line's first word would still have fitted."""
    following = clean(following)
    if not following:
        return True
    next_word = following.split(" ", 1)[0]
    if len(text) + 1 + len(next_word) > width - 1:
        return False  # antiword had to wrap here
    continues_sentence = next_word[:1].islower() and not text.endswith((".", "!", "?"))
    return not continues_sentence


def _cell(rows: list[str], index: int, column: int) -> str:
    if index >= len(rows):
        return ""
    cells = rows[index][1:-1].split("|")
    return cells[column] if column < len(cells) else ""
