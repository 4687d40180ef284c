"""How faithfully each reader rebuilds a charter: the corpus DOCX files saved as PDF, ODT, DOC, RTF, TXT.

    .venv/bin/python eval/documents/roundtrip.py [--only 05] [--formats pdf,odt] [--verbose]

The DOCX versions of the evaluation corpus (eval/charters/docx/, automatic and typed
clause numbering, bilingual and two-column charters) are the reference: the DOCX
reader's paragraphs (number + text). LibreOffice saves each file in every other
format; qogam reads the copy and its paragraphs are aligned with the reference
(difflib on the whitespace-normalised "number text" lines). Printed per format:

  paragraphs  reference paragraphs / paragraphs read
  exact       reference paragraphs found with identical number and text
  recall      exact / reference; precision: exact / read
  number      of the exact matches, how many carry the same ``number``
  language    of the exact matches, how many got the same language tag
  pages       share of paragraphs read with a page number
  ms          median read time per file

Needs LibreOffice (``soffice``). Differences are not all the readers': LibreOffice 7.4
does not carry every Word numbering feature into its copies — ``w:isLgl`` (charters 03, 15:
«I.1.» instead of «1.1.») and ``w:lvlRestart w:val="0"`` (charter 12: clauses restart
at each chapter) — and its RTF export writes a Cyrillic ``lvlText`` as «??????» and
russianLower lists as «1)». ``--skip 03,12,15`` leaves those three charters out.
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from qogam.documents import DocumentError, Paragraph, read_document

CORPUS = Path(__file__).resolve().parent.parent / "charters" / "docx"
# LibreOffice filter names: plain "txt" would pick the default Latin-1 text filter.
FILTERS = {
    "pdf": "pdf",
    "odt": "odt",
    "doc": "doc",
    "rtf": "rtf",
    "txt": "txt:Text (encoded):UTF8",
}
_SPACE = re.compile(r"\s+")


@dataclass
class Tally:
    reference: int = 0
    read: int = 0
    exact: int = 0
    same_number: int = 0
    same_language: int = 0
    with_page: int = 0
    failures: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)


def line(p: Paragraph) -> str:
    return _SPACE.sub(" ", p.full_text).strip()


def convert(source: Path, fmt: str, out: Path, profile: Path) -> Path:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", FILTERS[fmt],
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    return out / f"{source.stem}.{fmt}"


def compare(reference: list[Paragraph], read: list[Paragraph], tally: Tally, verbose: bool, label: str) -> None:
    tally.reference += len(reference)
    tally.read += len(read)
    tally.with_page += sum(1 for p in read if p.page is not None)
    a = [line(p) for p in reference]
    b = [line(p) for p in read]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                tally.exact += 1
                tally.same_number += reference[i].number == read[j].number
                tally.same_language += reference[i].language == read[j].language
        elif verbose:
            for i in range(i1, i2):
                print(f"  {label} - {a[i][:110]}")
            for j in range(j1, j2):
                print(f"  {label} + {b[j][:110]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="only corpus files whose name starts with this")
    parser.add_argument("--skip", default="", help="comma-separated name prefixes of corpus files to leave out")
    parser.add_argument("--formats", default=",".join(FILTERS), help="comma-separated, of: " + ", ".join(FILTERS))
    parser.add_argument("--verbose", action="store_true", help="print every paragraph that does not match")
    args = parser.parse_args()
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is needed to make the copies", file=sys.stderr)
        return 2
    formats = [f for f in args.formats.split(",") if f]
    skip = tuple(prefix for prefix in args.skip.split(",") if prefix)
    sources = sorted(
        p for p in CORPUS.glob("*.docx")
        if (not args.only or p.name.startswith(args.only)) and not (skip and p.name.startswith(skip))
    )
    tallies = {fmt: Tally() for fmt in ["docx", *formats]}
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        profile = work_dir / "profile"
        for source in sources:
            start = time.perf_counter()
            reference = read_document(source).paragraphs
            tallies["docx"].times.append(time.perf_counter() - start)
            compare(reference, reference, tallies["docx"], False, "")
            for fmt in formats:
                copy = convert(source, fmt, work_dir / fmt, profile)
                start = time.perf_counter()
                try:
                    read = read_document(copy).paragraphs
                except DocumentError as exc:
                    tallies[fmt].failures.append(f"{source.name}: {exc}")
                    tallies[fmt].reference += len(reference)
                    continue
                tallies[fmt].times.append(time.perf_counter() - start)
                compare(reference, read, tallies[fmt], args.verbose, f"{source.stem[:2]} {fmt}")
    print(f"{len(sources)} corpus charters (eval/charters/docx), reference = the DOCX reader")
    print(f"{'format':<6} {'paragraphs':>13} {'exact':>6} {'recall':>7} {'precision':>9} {'number':>7} "
          f"{'language':>8} {'pages':>6} {'ms':>7}")
    for fmt, t in tallies.items():
        recall = t.exact / t.reference if t.reference else 0.0
        precision = t.exact / t.read if t.read else 0.0
        number = t.same_number / t.exact if t.exact else 0.0
        language = t.same_language / t.exact if t.exact else 0.0
        pages = t.with_page / t.read if t.read else 0.0
        ms = statistics.median(t.times) * 1000 if t.times else float("nan")
        print(f"{fmt:<6} {t.reference:>6}/{t.read:<6} {t.exact:>6} {recall:>7.1%} {precision:>9.1%} {number:>7.1%} "
              f"{language:>8.1%} {pages:>6.0%} {ms:>7.1f}")
        for failure in t.failures:
            print(f"  failed: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
