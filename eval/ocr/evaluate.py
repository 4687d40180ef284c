"""Measure OCR and stamp detection on the project's test scans and print the figures.

    .venv/bin/python eval/ocr/evaluate.py [--scans tests/fixtures/scans] [--raw] [--json out.json]

Character accuracy is 1 − CER (Levenshtein distance over the expected length,
whitespace collapsed), pooled over pages: clean 300-dpi pages and degraded ones
(skewed, turned, blurred, noisy, JPEG, 1-bit, stamps over text), per language.
Seconds per page are wall-clock for qogam's whole page pipeline run one page at
a time (straightening, recognition, stamps); ``--raw`` also times plain
``tesseract FILE - -l rus+kaz`` on the same files for comparison. Stamps count
as found when a detection of the same kind overlaps the expected box with
IoU ≥ 0.5; precision and recall are pooled over all pages, with and without stamps.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from cer import accuracy  # noqa: E402

from qogam.documents.ocr import OcrSettings, ocr_image, ocr_pdf  # noqa: E402

IOU_MATCH = 0.5


@dataclass
class Tally:
    edits: int = 0
    chars: int = 0
    pages: int = 0
    seconds: float = 0.0
    raw_seconds: float = 0.0

    def add(self, edits: int, chars: int, seconds: float, raw: float = 0.0) -> None:
        self.edits += edits
        self.chars += chars
        self.pages += 1
        self.seconds += seconds
        self.raw_seconds += raw

    @property
    def accuracy(self) -> float:
        return 1 - self.edits / self.chars if self.chars else float("nan")


@dataclass
class StampTally:
    expected: int = 0
    found: int = 0
    matched: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def iou(a, b) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = w * h
    union = aw * ah + bw * bh - inter
    return inter / union if union else 0.0


def _same(a: str | None, b: str | None) -> bool:
    norm = lambda s: " ".join((s or "").lower().replace(",", " ").split())  # noqa: E731
    return norm(a) == norm(b)


def score_stamps(expected: list[dict], found: list, tally: StampTally, kinds: dict[str, StampTally]) -> list[str]:
    """Match detections to expectations; returns notes on misses for the listing."""
    notes = []
    used = set()
    for exp in expected:
        tally.expected += 1
        kinds[exp["kind"]].expected += 1
        best, best_iou = None, 0.0
        for i, stamp in enumerate(found):
            if i in used or stamp.kind != exp["kind"]:
                continue
            overlap = iou(exp["box"], stamp.box)
            if overlap > best_iou:
                best, best_iou = i, overlap
        if best is not None and best_iou >= IOU_MATCH:
            used.add(best)
            tally.matched += 1
            kinds[exp["kind"]].matched += 1
            stamp = found[best]
            if exp["kind"] == "registration_mark":
                for name in ("authority", "date", "bin"):
                    ok = _same(getattr(stamp, name), exp[name])
                    kinds[exp["kind"]].fields[name][0] += ok
                    kinds[exp["kind"]].fields[name][1] += 1
            else:
                kinds["seal"].fields["bin"][0] += stamp.bin == "190240012344"
                kinds["seal"].fields["bin"][1] += 1
        else:
            notes.append(f"missed {exp['kind']} {exp['box']}")
    for i, stamp in enumerate(found):
        tally.found += 1
        kinds[stamp.kind].found += 1
        if i not in used:
            notes.append(f"false {stamp.kind} {list(stamp.box)}")
    return notes


def raw_tesseract_seconds(path: Path) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    subprocess.run(["tesseract", str(path), "-", "-l", "rus+kaz"], capture_output=True, env=env, check=False)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=Path, default=ROOT / "tests" / "fixtures" / "scans")
    parser.add_argument("--raw", action="store_true", help="also time plain tesseract on the page images")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    settings = OcrSettings(page_workers=1)
    groups: dict[tuple[str, str], Tally] = defaultdict(Tally)
    variants: dict[tuple[str, str], Tally] = defaultdict(Tally)
    stamps = StampTally()
    kinds: dict[str, StampTally] = defaultdict(StampTally)
    rows = []

    for spec in sorted(args.scans.glob("*.json")):
        truth = json.loads(spec.read_text(encoding="utf-8"))
        path = args.scans / truth["file"]
        if "variant" in truth:  # one page image
            started = time.perf_counter()
            doc = ocr_image(path, settings)
            seconds = time.perf_counter() - started
            raw = raw_tesseract_seconds(path) if args.raw else 0.0
            notes = score_stamps(truth["stamps"], doc.stamps, stamps, kinds)
            if truth["text"] is None:  # stamps only (their text is part of a black-and-white page)
                rows.append((truth["file"], truth["variant"], float("nan"), seconds, raw, doc.ocr_confidence.get(1), notes))
                continue
            acc, edits, chars = accuracy(truth["text"], "\n".join(p.text for p in doc.paragraphs))
            condition = "clean" if truth["clean"] else "degraded"
            groups[(condition, truth["language"])].add(edits, chars, seconds, raw)
            variants[(truth["variant"], truth["language"])].add(edits, chars, seconds, raw)
            rows.append((truth["file"], truth["variant"], acc, seconds, raw, doc.ocr_confidence.get(1), notes))
        elif truth["file"].endswith(".pdf"):
            scanned = truth.get("scanned_pages") or list(range(1, truth["pages"] + 1))
            started = time.perf_counter()
            result = ocr_pdf(path, scanned, settings)
            seconds = time.perf_counter() - started
            for page in result.pages:
                text = "\n".join(p.text for p in page.paragraphs)
                acc, edits, chars = accuracy(truth["texts"][page.number - 1], text)
                language = "kk" if "kk" in truth["file"] else "ru"
                groups[("clean-1bit-pdf", language)].add(edits, chars, seconds / len(result.pages))
                expected = [s for s in truth.get("stamps", []) if s["page"] == page.number]
                notes = score_stamps(expected, page.stamps, stamps, kinds)
                rows.append((f"{truth['file']} p{page.number}", "pdf-1bit", acc, seconds / len(result.pages), 0.0,
                             page.confidence, notes))
        else:  # multi-page TIFF
            started = time.perf_counter()
            doc = ocr_image(path, settings)
            seconds = time.perf_counter() - started
            for number, expected_text in enumerate(truth["texts"], start=1):
                text = "\n".join(p.text for p in doc.paragraphs if p.page == number)
                acc, edits, chars = accuracy(expected_text, text)
                groups[("clean-1bit-tiff", "ru")].add(edits, chars, seconds / len(truth["texts"]))
                rows.append((f"{truth['file']} p{number}", "tiff-1bit", acc, seconds / len(truth["texts"]), 0.0,
                             doc.ocr_confidence.get(number), []))

    print(f"{'file':36} {'variant':16} {'accuracy':>8} {'s/page':>7} {'raw s':>6} {'conf':>5}  stamps")
    for file, variant, acc, seconds, raw, conf, notes in rows:
        conf_text = f"{conf:5.1f}" if conf is not None else "    -"
        print(f"{file:36} {variant:16} {acc:8.4f} {seconds:7.2f} {raw:6.2f} {conf_text}  {'; '.join(notes)}")
    print()
    print("Character accuracy (1 − CER), pooled")
    summary = {"accuracy": {}, "seconds_per_page": {}, "stamps": {}}
    for (condition, language), tally in sorted(groups.items()):
        line = f"  {condition:16} {language}: {tally.accuracy:.4f} over {tally.pages} pages, {tally.seconds / tally.pages:.2f} s/page"
        if tally.raw_seconds:
            line += f" (raw tesseract {tally.raw_seconds / tally.pages:.2f} s/page)"
        print(line)
        summary["accuracy"][f"{condition}/{language}"] = round(tally.accuracy, 4)
        summary["seconds_per_page"][f"{condition}/{language}"] = round(tally.seconds / tally.pages, 2)
    print("By variant")
    for (variant, language), tally in sorted(variants.items()):
        print(f"  {variant:16} {language}: {tally.accuracy:.4f}  {tally.seconds / tally.pages:.2f} s/page")
    print("Stamps (IoU ≥ 0.5)")
    print(f"  all: precision {stamps.precision:.3f}, recall {stamps.recall:.3f} "
          f"({stamps.matched} matched, {stamps.found} found, {stamps.expected} expected)")
    summary["stamps"]["all"] = {"precision": round(stamps.precision, 3), "recall": round(stamps.recall, 3)}
    for kind, tally in sorted(kinds.items()):
        fields = ", ".join(f"{k} read {v[0]}/{v[1]}" for k, v in sorted(tally.fields.items()))
        print(f"  {kind}: precision {tally.precision:.3f}, recall {tally.recall:.3f} "
              f"({tally.matched}/{tally.expected} expected, {tally.found} found){'; ' + fields if fields else ''}")
        summary["stamps"][kind] = {"precision": round(tally.precision, 3), "recall": round(tally.recall, 3)}
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
