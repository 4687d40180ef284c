"""`qogam read FILE` — show a document as qogam reads it: paragraphs with number, level, page, language.

    qogam read устав.docx                  # one line per paragraph
    qogam read скан.pdf --format json      # the Document as JSON
    qogam read устав.doc --no-ocr          # never run OCR on scanned pages

Exit status: 0 read, 2 the file could not be read (the message says why and what to do).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "read",
        help="показать абзацы документа / құжаттың абзацтарын көрсету / show a document's paragraphs",
        description=(
            "Читает DOCX, PDF, ODT, DOC, RTF, TXT или скан (JPEG, PNG, TIFF) и печатает абзацы с номером "
            "пункта, уровнем заголовка, страницей и языком — так, как их видит проверка устава."
        ),
    )
    p.add_argument("file", help="путь к файлу")
    p.add_argument("--format", choices=("text", "json"), default="text", help="формат вывода (по умолчанию text)")
    p.add_argument("--no-ocr", action="store_true", help="не распознавать сканы (страницы без текстового слоя)")
    p.add_argument("--max-mb", type=float, default=None, help="наибольший размер файла в МБ (по умолчанию 50)")
    return p


def run(args: argparse.Namespace) -> int:
    from qogam.documents import DEFAULT_MAX_BYTES, DocumentError, read_document

    limit = int(args.max_mb * 1024 * 1024) if args.max_mb else DEFAULT_MAX_BYTES
    try:
        document = read_document(args.file, max_bytes=limit, ocr=not args.no_ocr)
    except DocumentError as exc:
        # People read Russian first; the English line keeps the specific detail.
        print(f"qogam read: {exc.message('ru')}", file=sys.stderr)
        if exc.message("ru") != str(exc):
            print(f"  ({exc})", file=sys.stderr)
        return 2
    if args.format == "json":
        out = {"document": document.summary(), "paragraphs": [asdict(p) for p in document.paragraphs]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    summary = document.summary()
    languages = ", ".join(f"{k} {v:.0%}" for k, v in summary["languages"].items())
    print(f"{document.name}: {document.format}, {document.pages or '?'} pages, "
          f"{len(document.paragraphs)} paragraphs ({languages})")
    for warning in document.warnings:
        print(f"! {warning}")
    for p in document.paragraphs:
        where = f"p{p.page}" if p.page else "p?"
        column = f" c{p.column}" if p.column is not None else ""
        level = f" H{p.level}" if p.level else ""
        number = f"[{p.number}] " if p.number and not p.text.startswith(p.number) else ""
        print(f"{p.index:>4} {where}{column} {p.language}{level}  {number}{p.text}")
    return 0
