"""How well paragraphs are tagged Kazakh / Russian, on the charter corpus whose layout says the truth.

    .venv/bin/python eval/documents/languages.py [--verbose]

Truth comes from the corpus metadata (eval/charters/clean/*.yaml), not from the tagger:
  language: ru                          every paragraph is Russian
  bilingual_layout: kazakh_then_russian Kazakh up to the russian_part_marker line, Russian after
  bilingual_layout: two_column          in the DOCX, column 0 Kazakh and column 1 Russian;
                                        the TXT version is Kazakh then Russian (marker line)
Paragraphs without a Cyrillic letter («2024», «Astana») are left out. A line that is
honestly mixed (a Kazakh name quoted in a Russian sentence) counts by its part.

Printed for the TXT and DOCX versions: accuracy of ``tag_languages`` (the readers'
tagging: letters and words, then the neighbours' language for lines that leave it
open, then lingua) and, for comparison, of ``detect_language`` paragraph by paragraph
(letters and words, then lingua). Then lingua's load and first-answer times in its
low-accuracy mode (used) and its full mode, each in a fresh process.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from copy import deepcopy
from pathlib import Path

import yaml

from qogam.documents import Paragraph, read_document
from qogam.documents.language import detect_language, tag_languages

ROOT = Path(__file__).resolve().parent.parent / "charters"
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def expected(paragraphs: list[Paragraph], meta: dict, fmt: str) -> list[str | None]:
    """The true language per paragraph, None where the corpus does not say."""
    if meta.get("language") == "ru":
        return ["ru"] * len(paragraphs)
    layout = meta.get("bilingual_layout")
    if layout == "two_column" and fmt == "docx":
        return [{0: "kk", 1: "ru"}.get(p.column) for p in paragraphs]
    marker = meta.get("russian_part_marker")
    if layout in ("kazakh_then_russian", "two_column") and marker:
        seam = next((i for i, p in enumerate(paragraphs) if p.text.strip().startswith(marker)), None)
        if seam is not None:
            return ["kk" if i < seam else "ru" for i in range(len(paragraphs))]
    return [None] * len(paragraphs)


def lingua_timing(accurate: bool) -> str:
    mode = "" if accurate else ".with_low_accuracy_mode()"
    code = (
        "import time; t = time.perf_counter()\n"
        "from lingua import Language, LanguageDetectorBuilder\n"
        f"d = LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN){mode}.build()\n"
        "b = time.perf_counter(); d.detect_language_of('жалпы ережелер'); f = time.perf_counter()\n"
        "print(f'build {1000 * (b - t):.0f} ms, first answer {1000 * (f - b):.0f} ms')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    return result.stdout.strip() or result.stderr.strip()[-200:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="print every wrongly tagged paragraph")
    args = parser.parse_args()
    print(f"{'format':<6} {'method':<24} {'paragraphs':>10} {'correct':>8} {'accuracy':>9} {'kk right':>9} {'ru right':>9}")
    for fmt in ("txt", "docx"):
        totals = {"tag_languages": [0, 0, 0, 0, 0, 0], "detect_language": [0, 0, 0, 0, 0, 0]}
        for meta_path in sorted((ROOT / "clean").glob("*.yaml")):
            meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
            source = (ROOT / "clean" if fmt == "txt" else ROOT / "docx") / f"{meta_path.stem}.{fmt}"
            if not source.exists():
                continue
            document = read_document(source)  # tagged by tag_languages already
            paragraphs = document.paragraphs
            truth = expected(paragraphs, meta, fmt)
            alone = deepcopy(paragraphs)
            for p in alone:
                p.language = detect_language(p.text)
            tagged = deepcopy(paragraphs)
            tag_languages(tagged)
            for method, tagged_list in (("tag_languages", tagged), ("detect_language", alone)):
                t = totals[method]
                for p, want in zip(tagged_list, truth, strict=True):
                    if want is None or not _CYRILLIC.search(p.text):
                        continue
                    t[0] += 1
                    t[1] += p.language == want
                    if want == "kk":
                        t[2] += 1
                        t[3] += p.language == "kk"
                    else:
                        t[4] += 1
                        t[5] += p.language == "ru"
                    if args.verbose and p.language != want and method == "tag_languages":
                        print(f"  {fmt} {meta_path.stem[:2]} want {want} got {p.language}: {p.text[:100]}")
        for method, (n, right, kk, kk_right, ru, ru_right) in totals.items():
            print(f"{fmt:<6} {method:<24} {n:>10} {right:>8} {right / max(n, 1):>9.2%} "
                  f"{kk_right:>4}/{kk:<4} {ru_right:>4}/{ru:<4}")
    print(f"lingua KK/RU, low-accuracy mode (used): {lingua_timing(False)}")
    print(f"lingua KK/RU, full mode:                {lingua_timing(True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
