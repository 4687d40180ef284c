"""Read CSV and XLSX files into rows, with clear errors for files that cannot be read (no Django)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

HEADER_SCAN_ROWS = 20


class ImportFileError(Exception):
    """The file cannot be imported: says which file, what is wrong and what to do."""

    def __init__(self, name: str, problem: str, remedy: str, code: str = "import.unreadable"):
        self.name, self.problem, self.remedy, self.code = name, problem, remedy, code
        super().__init__(f"{name}: {problem}. {remedy}")


@dataclass
class Table:
    name: str
    headers: list[str]
    header_row: int  # 1-based row number of the header in the file
    rows: list[tuple[int, list]]  # (row number in the file, cell values)
    encoding: str | None = None  # for CSV files

    def __len__(self) -> int:
        return len(self.rows)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1251" and not re.search("[А-Яа-я]", text):
            break
        return text, encoding
    raise ImportFileError(name, "the text encoding is neither UTF-8 nor Windows-1251",
                          "Save the file as CSV UTF-8 (or Windows-1251) and try again.", "import.encoding")


def _read_csv(data: bytes, name: str) -> tuple[list[list], str]:
    if b"\x00" in data[:4096]:
        raise ImportFileError(name, "the file is binary, not CSV text",
                              "Export the table as CSV or XLSX.", "import.not_csv")
    text, encoding = _decode(data, name)
    sample = "\n".join(text.splitlines()[:20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(name, f"the CSV is malformed ({exc})",
                              "Open it in a spreadsheet and save it again as CSV.", "import.bad_csv") from exc
    return rows, encoding


def _read_xlsx(path: Path) -> list[list]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(path.name, f"the workbook is damaged or not an XLSX file ({type(exc).__name__})",
                              "Open it in Excel or LibreOffice and save it again as .xlsx, or export it to CSV.",
                              "import.bad_xlsx") from exc
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise ImportFileError(path.name, f"the first sheet cannot be read ({type(exc).__name__})",
                              "Save the workbook again as .xlsx, or export the sheet to CSV.",
                              "import.bad_xlsx") from exc
    finally:
        workbook.close()


def read_rows(path: str | Path) -> tuple[list[list], str | None]:
    """All rows of the first sheet (XLSX) or of the CSV file, chosen by content."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(path.name, f"cannot open the file ({exc.strerror})",
                              "Check the path and the permissions.", "import.missing") from exc
    if not data.strip():
        raise ImportFileError(path.name, "the file is empty", "Check that the export finished.", "import.empty")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ImportFileError(path.name, "this is an old Excel 97–2003 (.xls) workbook",
                              "Save it as .xlsx or CSV and import that file.", "import.xls")
    if data[:2] == b"PK" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path), None
    return _read_csv(data, path.name)


def find_header(rows: list[list], score) -> int:
    """Index of the row that looks most like a header (title rows above it are skipped)."""
    best, best_score = 0, -1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        value = score(row)
        if value > best_score:
            best, best_score = index, value
    return best


def open_table(path: str | Path, score=lambda row: sum(1 for c in row if c not in (None, ""))) -> Table:
    path = Path(path)
    rows, encoding = read_rows(path)
    header_index = find_header(rows, score)
    headers = ["" if h is None else str(h).strip() for h in rows[header_index]]
    body = []
    for offset, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        if any(cell not in (None, "") and str(cell).strip() for cell in row):
            body.append((offset, list(row)))
    if not body:
        raise ImportFileError(path.name, f"no data rows below the header (row {header_index + 1})",
                              "Check that the export is complete.", "import.no_rows")
    return Table(name=path.name, headers=headers, header_row=header_index + 1, rows=body, encoding=encoding)


# --- cell parsing ----------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%Y.%m.%d", "%Y-%m-%d %H:%M:%S")


class CellError(ValueError):
    """A cell that cannot be read as the expected type."""


def text(value) -> str:
    """A cell as text with runs of white space made single spaces, trimmed."""
    if value is None:
        return ""
    if value.__class__ is not str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        value = str(value)
    return " ".join(value.split())  # str.split() splits on the same white space as the regex \s


_DAY_FIRST = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 1 < value < 80000:  # an Excel serial date
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    raw = text(value)
    # The two usual forms without strptime, which cost most of a row's parsing.
    if match := _DAY_FIRST.fullmatch(raw):
        day, month, year = match.groups()
    elif match := _ISO.fullmatch(raw):
        year, month, day = match.groups()
    if match:
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            pass  # such as 31.02.2020: the formats below say it is not a date
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise CellError(f"«{raw}» is not a date (expected DD.MM.YYYY or YYYY-MM-DD)")


def number(value) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    raw = text(value).replace("\u00a0", "").replace(" ", "").replace("₸", "")
    if raw in ("", "-", "—"):
        return None
    if raw.count(",") == 1 and raw.count(".") == 0:
        raw = raw.replace(",", ".")
    else:
        raw = raw.replace(",", "")
    try:
        return Decimal(raw)
    except InvalidOperation as exc:
        raise CellError(f"«{text(value)}» is not a number") from exc


def integer(value) -> int | None:
    parsed = number(value)
    if parsed is None:
        return None
    if parsed != parsed.to_integral_value():
        raise CellError(f"«{text(value)}» is not a whole number")
    return int(parsed)


def iter_chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start: start + size]
