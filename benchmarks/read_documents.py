"""How long qogam takes to read a ~40 KB charter in each format (and to tag languages).

    .venv/bin/python benchmarks/read_documents.py [--repeat 20] [--kazakh]

Builds one charter of about 40 KB of UTF-8 text (the test charter repeated),
saves it as DOCX (real automatic numbering), TXT, and — when LibreOffice is
installed — PDF, ODT and DOC, then prints for each: file size, paragraphs, the
first read in this process and the median of the following reads, in ms. The
language tagging share is measured separately on the DOCX paragraphs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qogam.documents import read_document
from qogam.documents.language import clear_word_cache, detect_language
from qogam.documents.testing import build_numbered_docx, numbered_lines, sample_charter_items

TARGET_BYTES = 40_000


def charter_items(lang: str) -> list[tuple[int, str, str | None]]:
    repeat = 1
    while len("\n".join(numbered_lines(sample_charter_items(lang, repeat))).encode()) < TARGET_BYTES:
        repeat += 1
    return sample_charter_items(lang, repeat)


def convert(source: Path, fmt: str, out: Path) -> Path | None:
    if shutil.which("soffice") is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
             "--outdir", str(out), str(source)],
            check=True, capture_output=True, timeout=300,
        )
    return out / f"{source.stem}.{fmt}"


def timed(path: Path, repeat: int) -> tuple[float, float, int]:
    clear_word_cache()
    start = time.perf_counter()
    document = read_document(path)
    first = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        clear_word_cache()  # every read as if it were the process's first charter
        start = time.perf_counter()
        read_document(path)
        runs.append(time.perf_counter() - start)
    return first * 1000, statistics.median(runs) * 1000, len(document.paragraphs)


def _corpus_paragraphs(target: int) -> list[str]:
    """Lines of the evaluation corpus's clean charters, about ``target`` bytes, if present."""
    folder = Path(__file__).resolve().parent.parent / "eval" / "charters" / "clean"
    lines: list[str] = []
    total = 0
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and total < target:
                lines.append(line)
                total += len(line.encode())
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--kazakh", action="store_true", help="a Kazakh charter instead of a Russian one")
    args = parser.parse_args()
    lang = "kk" if args.kazakh else "ru"
    items = charter_items(lang)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        text = "\n".join(numbered_lines(items))
        files = {
            "docx": build_numbered_docx(work / "charter.docx", items),
            "txt": work / "charter.txt",
        }
        files["txt"].write_text(text, encoding="utf-8")
        for fmt in ("pdf", "odt", "doc"):
            made = convert(files["docx"], fmt, work)
            if made is not None:
                files[fmt] = made
        print(f"charter: {lang}, {len(text.encode()) / 1000:.1f} KB of UTF-8 text, {len(items)} paragraphs")
        print(f"{'format':<6} {'file KB':>8} {'paragraphs':>10} {'first ms':>9} {'median ms':>10}")
        for fmt, path in files.items():
            repeat = max(1, args.repeat // 10) if fmt == "doc" else args.repeat  # .doc goes through LibreOffice
            first, median, count = timed(path, repeat)
            print(f"{fmt:<6} {path.stat().st_size / 1000:>8.1f} {count:>10} {first:>9.1f} {median:>10.1f}")
        paragraphs = read_document(files["docx"]).paragraphs
        for label, cold in (("cold word cache", True), ("warm word cache", False)):
            runs = []
            for _ in range(args.repeat):
                if cold:
                    clear_word_cache()
                start = time.perf_counter()
                for paragraph in paragraphs:
                    detect_language(paragraph.text)
                runs.append(time.perf_counter() - start)
            print(f"language tagging of the DOCX paragraphs, {label}: {statistics.median(runs) * 1000:.1f} ms per document")
        corpus = _corpus_paragraphs(TARGET_BYTES)
        if corpus:
            # The test charter repeats a few clauses, so few distinct words: the word
            # cache flatters it. Charters of the evaluation corpus are varied text.
            runs = []
            for _ in range(args.repeat):
                clear_word_cache()
                start = time.perf_counter()
                for text in corpus:
                    detect_language(text)
                runs.append(time.perf_counter() - start)
            size = sum(len(t.encode()) for t in corpus) / 1000
            print(f"language tagging of {size:.0f} KB of corpus charters (eval/charters/clean), cold word cache: "
                  f"{statistics.median(runs) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
