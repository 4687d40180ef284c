"""`qogam classify TEXT|FILE|--csv FILE --column NAME` — ICNPO groups, spheres and evidence.

One text or file: one JSON object. ``--csv``: JSON Lines, one object per data row in order,
each with "row" (1-based). ``--format csv`` prints CSV instead. ``--lemmas`` shows what the
patterns see (for editing patterns.yaml). ``--method`` is ``classify``'s: ``hybrid`` (default:
the rules, then the model decides the labels; each group says which method made it) or
``rules``. Exit status 0, or 2 when the input cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path

_DOCUMENT_SUFFIXES = (
    ".txt",
    ".docx",
    ".doc",
    ".odt",
    ".pdf",
    ".rtf",
    ".csv",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
)
_CSV_FIELDS = [
    "primary_group",
    "groups",
    "subgroups",
    "spheres",
    "evidence",
    "method",
    # added with the hybrid method: which method made each label, and what the model dropped
    "primary_method",
    "group_methods",
    "dropped",
]


class InputError(Exception):
    """The input cannot be used; the message says what and what to do."""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "classify",
        help="классифицировать деятельность НПО (ICNPO) / classify NGO activities (ICNPO)",
        description="Группы и подгруппы ICNPO, сферы государственного социального заказа и "
        "доказательства (какие слова сработали). ICNPO groups, social-order spheres and evidence.",
    )
    p.add_argument(
        "source",
        nargs="?",
        help="текст, путь к файлу или «-» для stdin / text, file path or - for stdin",
    )
    p.add_argument(
        "--csv",
        metavar="FILE",
        help="CSV-файл (UTF-8 или Windows-1251), один текст в строке / CSV file, one text per row",
    )
    p.add_argument(
        "--column", metavar="NAME", help="столбец CSV с текстом / the CSV column with the text"
    )
    p.add_argument(
        "--format",
        choices=["json", "csv"],
        default="json",
        help="формат вывода / output format (json)",
    )
    p.add_argument(
        "--method",
        choices=["hybrid", "rules"],
        default="hybrid",
        help="метод: hybrid — правила, затем модель решает (по умолчанию), rules — только "
        "правила / method: hybrid (rules, then the model decides; default) or rules alone",
    )
    p.add_argument(
        "--lemmas",
        action="store_true",
        help="показать леммы, которые видят шаблоны / show the lemma strings",
    )
    return p


def run(args: argparse.Namespace) -> int:
    try:
        if args.csv:
            if args.source:
                raise InputError("give either a text/file or --csv FILE, not both")
            if not args.column:
                raise InputError("--csv needs --column NAME (the column that holds the text)")
            texts = _read_csv_column(Path(args.csv), args.column)
            _emit(texts, numbered=True, fmt=args.format, lemmas=args.lemmas, method=args.method)
        else:
            if args.column:
                raise InputError("--column goes with --csv FILE")
            if args.source is None:
                raise InputError(
                    "nothing to classify: give a text, a file path, - for stdin, or --csv FILE --column NAME"
                )
            _emit(
                [_read_source(args.source)],
                numbered=False,
                fmt=args.format,
                lemmas=args.lemmas,
                method=args.method,
            )
    except InputError as exc:
        print(f"qogam classify: {exc}", file=sys.stderr)
        return 2
    return 0


def _read_source(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL byte: it is text
        is_file = False
    if is_file:
        return _read_document(path)
    looks_like_path = not any(ch.isspace() for ch in source) and (
        source.lower().endswith(_DOCUMENT_SUFFIXES) or os.sep in source or "/" in source
    )
    if looks_like_path:
        raise InputError(
            f"{source}: no such file. Check the path, or quote the text you meant to classify"
        )
    return source


def _read_document(path: Path) -> str:
    from qogam.documents.errors import DocumentError
    from qogam.documents.reader import read_document

    try:
        document = read_document(path)
    except DocumentError as exc:
        raise InputError(str(exc)) from exc
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot open the file ({exc.strerror}). Check the path") from exc
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{path}: the file is neither UTF-8 nor Windows-1251 text. Save it as CSV UTF-8"
    )  # pragma: no cover


def _read_csv_column(path: Path, column: str) -> list[str]:
    text = _decode(path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty. Expected a CSV file with a header row")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc})") from exc
    names = [name.strip() for name in header]
    if column not in names:
        listed = ", ".join(f"«{n}»" for n in names) or "(none)"
        raise InputError(
            f"{path}: no column «{column}»; the columns are {listed}. Use --column with one of them"
        )
    index = names.index(column)
    try:
        return [row[index] if index < len(row) else "" for row in reader]
    except csv.Error as exc:
        raise InputError(f"{path}: line {reader.line_num}: {exc}. Check the quoting") from exc


def _emit(
    texts: list[str], *, numbered: bool, fmt: str, lemmas: bool, method: str = "hybrid"
) -> None:
    from qogam.activities import TextTooLargeError, classify, lemma_strings

    out = sys.stdout
    writer = None
    if fmt == "csv" and not lemmas:
        writer = csv.writer(out)
        writer.writerow((["row"] if numbered else []) + _CSV_FIELDS)
    for number, text in enumerate(texts, 1):
        if lemmas:
            data: dict = {"lemmas": lemma_strings(text)}
        else:
            try:
                data = classify(text, method).to_dict()
            except TextTooLargeError as exc:
                raise InputError(f"{'row ' + str(number) + ': ' if numbered else ''}{exc}") from exc
        if numbered:
            data = {"row": number, **data}
        if writer is not None:
            writer.writerow(_csv_row(data, numbered))
        elif numbered:
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    out.flush()


def _csv_row(data: dict, numbered: bool) -> list:
    row = [data["row"]] if numbered else []
    row += [
        data["primary_group"] or "",
        ";".join(f"{g['code']}:{g['score']}" for g in data["groups"]),
        ";".join(f"{s['code']}:{s['score']}" for s in data["subgroups"]),
        ";".join(data["spheres"]),
        "; ".join(
            f"{e['category']}: {e['text']} [{e['start']}-{e['end']}]"
            + (f" (model: {e['pattern']})" if e["role"] == "model" else "")
            for e in data["evidence"]
        ),
        data["method"],
        data.get("primary_method") or ("rules" if data["primary_group"] else ""),
        ";".join(f"{g['code']}:{g.get('method', 'rules')}" for g in data["groups"]),
        ";".join(f"{d['code']}:{d['score']}" for d in data.get("dropped", [])),
    ]
    return row
