"""Where qogam's own CPU time goes on a scanned page, stage by stage, beside Tesseract's.

    .venv/bin/python benchmarks/page_stages.py [--rounds 2]

The pages are those of ``batch_throughput.py`` (one copy of each of its 14 page kinds). Each is
checked with ``qogam.rules.check_file`` in this process, one after another, after one warm-up
page and the classifier's loading. Printed: milliseconds of CPU per page for each stage (this
thread's CPU: OpenCV's helper threads are not counted, so the stages add up to less than the
total), qogam's whole CPU per page (this process) and Tesseract's (its child processes).
Image decoding is timed around the reader's decoder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch_throughput  # noqa: E402

# (module, function) of each stage, as the page pipeline calls it.
STAGES = [
    ("qogam.documents.imaging", "_decode_with_opencv", "decode the image"),
    ("qogam.documents.ocr", "analyse_layout", "orientation and skew"),
    ("qogam.documents.ocr", "chroma", "colour (colour pages)"),
    ("qogam.documents.ocr", "drop_coloured_ink", "drop stamp ink from the text"),
    ("qogam.documents.stamps", "find_seals", "seals"),
    ("qogam.documents.stamps", "find_stamp_regions", "stamps on the page (seals included)"),
    ("qogam.documents.tesseract", "_write_scratch", "write the page for Tesseract"),
    ("qogam.documents.framed_marks", "marks_from_words", "framed marks from the page's words"),
    ("qogam.documents.ocr", "paragraphs_from_words", "words into paragraphs"),
    ("qogam.rules.engine", "check_document", "charter check"),
]


def instrument(spent: Counter) -> None:
    import importlib

    for module_name, name, label in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def timed(*args, _original=original, _label=label, **kwargs):
            started = time.thread_time()
            try:
                result = _original(*args, **kwargs)
                if _label == "decode the image" and hasattr(result, "__next__"):
                    result = list(result)  # a generator: decode now, inside the timing
                return result
            finally:
                spent[_label] += time.thread_time() - started

        setattr(module, name, timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="times each page is checked")
    args = parser.parse_args(argv)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ["QOGAM_OCR_PAGE_WORKERS"] = "1"
    spent: Counter = Counter()
    instrument(spent)
    from qogam.activities import classify
    from qogam.rules import check_file

    with tempfile.TemporaryDirectory(prefix="qogam-stages-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = batch_throughput.make_scans(folder, 14)
        check_file(str(paths[0]))
        classify("охрана окружающей среды")
        spent.clear()
        before = os.times()
        for _ in range(args.rounds):
            for path in paths:
                check_file(str(path))
        after = os.times()
    pages = len(paths) * args.rounds
    own = (after.user - before.user + after.system - before.system) / pages
    tesseract = (after.children_user - before.children_user + after.children_system - before.children_system) / pages
    print(f"{pages} pages; CPU per page: qogam {own * 1000:.0f} ms, Tesseract {tesseract * 1000:.0f} ms "
          f"(qogam's share {own / tesseract:.2f} of Tesseract's)")
    for label, seconds in spent.most_common():
        print(f"  {label:38} {seconds / pages * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
