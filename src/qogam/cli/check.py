"""`qogam check FILE...` — check NGO charters and report every problem found.

Exit status: 0 no error-level finding, 1 error-level findings, 2 a file could not be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "check",
        help="проверить устав НПО / check an NGO charter",
        description="Проверяет устав(ы) НПО: обязательные разделы, статус и территорию, цели, органы, имущество. "
        "Коды выхода: 0 — ошибок нет, 1 — есть ошибки, 2 — файл не прочитан.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="DOCX, PDF, ODT, DOC, TXT или скан")
    p.add_argument("--sample", action="store_true", help="проверить встроенный образец устава / check the bundled sample charter")
    p.add_argument("--format", choices=["text", "json", "html"], default="text")
    p.add_argument("--lang", choices=["ru", "kk", "en"], default="ru", help="язык отчёта / report language")
    p.add_argument("--region", help="KATO-код или название региона: может ли НПО работать там? (territory.outside-scope)")
    p.add_argument("--sphere", help="сфера госсоцзаказа (ст. 5 Закона), напр. 7: подходит ли устав? (goals.outside-sphere)")
    p.add_argument("--registered", action="store_true", help="это зарегистрированный экземпляр: проверить отметку о регистрации (document.stamp-missing)")
    p.add_argument("--annotate", metavar="OUT", help="записать DOCX с комментариями Word (файл, или папка для нескольких)")
    p.add_argument("-o", "--output", metavar="OUT", help="записать отчёт в файл (или папку для нескольких HTML)")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    return p


def _sample_path() -> Path:
    docx = SAMPLES / "sample_charter.docx"
    return docx if docx.exists() else SAMPLES / "sample_charter.txt"


def _resolve_region(value: str | None) -> str | None:
    if not value:
        return None
    if value.isdigit() and len(value) == 9:
        return value
    from qogam import geo

    found = geo.analyse(value)
    if len(found.regions) == 1:
        return found.regions[0]
    if value.isdigit() and geo.region_of(value):
        return geo.region_of(value)
    raise SystemExit(f"qogam check: --region {value!r}: не удалось однозначно определить регион; укажите KATO-код (например 310000000)")


def run(args: argparse.Namespace) -> int:
    from qogam.documents import DocumentError
    from qogam.reports import annotate_docx, render_html, render_json, render_text
    from qogam.rules import check_file

    files = [Path(f) for f in args.files]
    if args.sample:
        files.insert(0, _sample_path())
    if not files:
        print("qogam check: укажите файл устава или --sample / give a charter file or --sample", file=sys.stderr)
        return 2
    region = _resolve_region(args.region)
    if args.sphere:
        from qogam.activities import UnknownCodeError
        from qogam.activities.taxonomy import check_sphere

        try:
            check_sphere(args.sphere)
        except UnknownCodeError as exc:
            print(f"qogam check: --sphere: {exc}", file=sys.stderr)
            return 2
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not args.output)
    many = len(files) > 1
    outputs: list[str] = []
    status = 0
    for path in files:
        try:
            result = check_file(path, region=region, sphere=args.sphere, lang=args.lang, registered=args.registered)
        except DocumentError as exc:
            _unreadable(outputs, args, path, exc.code, str(exc))
            status = 2
            continue
        except Exception as exc:  # one broken file must not stop the others
            if os.environ.get("QOGAM_DEBUG"):
                raise
            _unreadable(outputs, args, path, "internal-error", f"{path.name}: внутренняя ошибка ({type(exc).__name__}: {exc})")
            status = 2
            continue
        if result.exit_code and status == 0:
            status = 1
        if args.format == "json":
            outputs.append(render_json(result, indent=None if many else 2, file=str(path)))
        elif args.format == "html":
            html = render_html(result)
            if many and args.output:
                target = Path(args.output)
                target.mkdir(parents=True, exist_ok=True)
                (target / f"{path.stem}.html").write_text(html, encoding="utf-8")
            else:
                outputs.append(html)
        else:
            outputs.append(render_text(result, color=color))
        if args.annotate:
            _annotate(result, path, Path(args.annotate), many, annotate_docx)
    text = "\n".join(outputs)
    if args.output and not (many and args.format == "html"):
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    elif text:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return status


def _unreadable(outputs: list[str], args, path: Path, code: str, message: str) -> None:
    print(f"qogam check: {message}", file=sys.stderr)
    if args.format == "json":
        outputs.append(json.dumps({"file": str(path), "error": {"code": code, "message": message}}, ensure_ascii=False))


def _annotate(result, path: Path, out: Path, many: bool, annotate_docx) -> None:
    if result.document.format != "docx":
        print(f"qogam check: {path.name}: комментарии Word возможны только для DOCX; пропущено", file=sys.stderr)
        return
    target = out / f"{path.stem}.checked.docx" if many or out.is_dir() else out
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(annotate_docx(result, path.read_bytes()))
    print(f"qogam check: {path.name}: комментарии записаны в {target}", file=sys.stderr)
