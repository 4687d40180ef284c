"""`qogam geo TEXT|FILE` — places, KATO codes and regions named in a text.

    qogam geo "Филиал в г. Тараз"                 # a text
    qogam geo устав.docx --format json            # a file (plain text, DOCX, PDF …)
    cat sentences.txt | qogam geo - --lines       # one JSON object per input line
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# First bytes of formats that need the documents layer (ZIP: DOCX/ODT, PDF, OLE2: DOC, RTF).
_BINARY_MAGIC = (b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"{\\rtf")
_DOCUMENT_SUFFIXES = (".txt", ".docx", ".doc", ".pdf", ".odt", ".rtf", ".md", ".csv", ".jpg", ".png", ".tif", ".tiff")


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "geo",
        help="найти места и коды КАТО в тексте / мәтіннен жерлерді табу / find places and KATO codes",
        description=(
            "Находит области, города, районы и населённые пункты Казахстана в тексте на русском "
            "или казахском языке и печатает их коды КАТО, область и позицию в тексте. "
            "TEXT — сам текст, путь к файлу (TXT, DOCX, PDF …) или «-» для стандартного ввода."
        ),
    )
    p.add_argument("text", nargs="+", metavar="TEXT|FILE", help="текст, путь к файлу или - (stdin)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="формат вывода (по умолчанию text)")
    p.add_argument("--lines", action="store_true",
                   help="каждая строка ввода — отдельный текст; вывод JSON Lines, по объекту на строку")
    return p


def run(args: argparse.Namespace) -> int:
    from qogam.geo import GazetteerError, analyse

    try:
        text = _input_text(args.text)
    except _InputError as exc:
        print(f"qogam geo: {exc}", file=sys.stderr)
        return 2
    try:
        if args.lines:
            for line in text.splitlines():
                print(json.dumps(analyse(line).to_dict(), ensure_ascii=False))
            return 0
        result = analyse(text)
    except GazetteerError as exc:
        print(f"qogam geo: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_as_text(result))
    return 0


class _InputError(Exception):
    pass


def _input_text(arguments: list[str]) -> str:
    if arguments == ["-"]:
        return sys.stdin.read()
    if len(arguments) == 1:
        path = Path(arguments[0])
        try:
            is_file = path.is_file()
        except (OSError, ValueError):  # a long text is not a valid path
            is_file = False
        if is_file:
            return _read_file(path)
        if _looks_like_a_path(arguments[0]):
            raise _InputError(
                f"{arguments[0]}: no such file. Check the path; to analyse these words as text, "
                "put them in a sentence or pass them through standard input (-)."
            )
    return " ".join(arguments)


def _looks_like_a_path(argument: str) -> bool:
    return not any(ch.isspace() for ch in argument) and argument.lower().endswith(_DOCUMENT_SUFFIXES)


def _read_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _InputError(f"{path}: the file cannot be read ({exc.strerror or exc}). Check the path and permissions.") from exc
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:4096]:
        try:
            from qogam.documents import DocumentError, read_document
        except ImportError as exc:
            raise _InputError(f"{path}: reading DOCX/PDF needs qogam.documents, which is not installed.") from exc
        try:
            return read_document(path).text
        except DocumentError as exc:
            raise _InputError(str(exc)) from exc
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _InputError(f"{path}: not a text file in UTF-8 or Windows-1251. Save it as UTF-8 text.")


def _as_text(result) -> str:
    from qogam.geo import unit_name

    lines = []
    for place in sorted(result.places + result.ambiguous, key=lambda p: p.start):
        span = f"[{place.start}:{place.end}]"
        if place.kind == "country":
            scope = "вся страна / бүкіл ел / whole country" if place.whole_country else "упоминание страны / country mentioned"
            lines.append(f"{place.kato}  {place.text!r} {span}  {scope}")
            continue
        if place.kato is None:
            region = unit_name(place.region) if place.region else "?"
            lines.append(f"?          {place.text!r} {span}  неоднозначно / ambiguous: "
                         f"{', '.join(place.candidates)} (область: {region})")
            continue
        notes = []
        if place.historic:
            notes.append("прежнее название / old name")
        if place.also_regions:
            notes.append("до 2022 также / before 2022 also: " + ", ".join(place.also_regions))
        extra = f"  ({'; '.join(notes)})" if notes else ""
        lines.append(f"{place.kato}  {place.text!r} {span}  {place.kind}, "
                     f"{unit_name(place.region)} {place.region}{extra}")
    if not lines:
        lines.append("мест не найдено / жер табылмады / no places found")
    regions = ", ".join(f"{code} {unit_name(code)}" for code in result.regions) or "—"
    lines.append(f"регионы / өңірлер / regions: {regions}")
    lines.append("вся страна / бүкіл ел / whole country: " + ("да / иә / yes" if result.whole_country else "нет / жоқ / no"))
    return "\n".join(lines)
