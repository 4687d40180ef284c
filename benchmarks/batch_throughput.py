"""Batch throughput on Dask: documents per second with 1 and 2 workers, and qogam's cost over raw Tesseract.

    .venv/bin/python benchmarks/batch_throughput.py [--docs 200] [--kind scan|text] [--workers 1,2]

``--kind scan`` (default): one-page scans taken from the project's test scans
(tests/fixtures/scans) in the proportions of a charter: the eight text pages of
the scanned sample charter, Russian and Kazakh text pages (clean, skewed and
noisy), stamped title pages and pages with a seal — 4 of 14 pages carry stamps.
Each copy is shifted a few pixels, so every file has its own content hash and
is really recognised. The same files are first run through plain
``tesseract FILE - -l rus+kaz`` one after another (OMP_THREAD_LIMIT=1): the raw
Tesseract time. Then ``run_batch`` checks them on a LocalCluster of 1 and of 2
worker processes (a fresh output folder each time).

Reported: documents per second (from the first task submitted to the last
result, cluster start-up excluded; and wall-clock with it), the scaling
efficiency rate(2)/(2·rate(1)), and qogam's cost over raw Tesseract, both in
wall-clock seconds per document (one worker) and in CPU seconds (the tasks'
own CPU time, Tesseract included, over raw Tesseract's): on a machine shared
with other work the wall-clock ratio mostly measures the neighbours, the CPU
ratio measures qogam (straightening, stamps, the charter check, Dask).
``--kind text``: the bundled sample charter in distinct variants (no OCR).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "tests" / "fixtures" / "scans"
SAMPLE = ROOT / "src" / "qogam" / "samples" / "sample_charter.txt"
# Stamped pages and text pages of the test scans; the sample charter's text pages are added.
PAGES = ["ru_title_stamped.png", "kk_title_stamped.png", "ru_p3_seal_over_text.png", "kk_p3_bitonal.png",
         "kk_p2_clean.png", "ru_p2_skew_noise.jpg"]


def sample_pages(folder: Path) -> list[tuple[str, np.ndarray]]:
    """Pages 2–9 of the scanned sample charter (1-bit text pages) as grey images."""
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "2", "-l", "9",
                    str(SCANS / "sample_charter_scanned.pdf"), str(folder / "sample")], check=True)
    return [(p.name, cv2.imread(str(p), cv2.IMREAD_GRAYSCALE)) for p in sorted(folder.glob("sample-*.png"))]


def make_scans(folder: Path, count: int) -> list[Path]:
    sources = [(name, cv2.imread(str(SCANS / name), cv2.IMREAD_UNCHANGED)) for name in PAGES]
    sources += sample_pages(folder.parent)
    paths = []
    for i in range(count):
        name, image = sources[i % len(sources)]
        shift = np.float32([[1, 0, 1 + i // len(sources) % 9], [0, 1, 1 + i // (9 * len(sources))]])
        border = 255 if image.ndim == 2 else (255, 255, 255)
        moved = cv2.warpAffine(image, shift, (image.shape[1], image.shape[0]), borderValue=border)
        target = folder / f"scan_{i:04d}{Path(name).suffix}"
        cv2.imwrite(str(target), moved, [cv2.IMWRITE_JPEG_QUALITY, 80] if target.suffix == ".jpg" else [])
        paths.append(target)
    return paths


def make_texts(folder: Path, count: int) -> list[Path]:
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        target = folder / f"charter_{i:04d}.txt"
        target.write_text(text + f"\n\nЭкземпляр № {i + 1}\n", encoding="utf-8")
        paths.append(target)
    return paths


def raw_tesseract(paths: list[Path]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of plain Tesseract over ``paths``, one file at a time."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for path in paths:
        subprocess.run(["tesseract", str(path), "-", "-l", "rus+kaz"], capture_output=True, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - started, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--kind", choices=["scan", "text"], default="scan")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    from qogam.batch import run_batch

    figures: dict = {"docs": args.docs, "kind": args.kind, "cpus": len(os.sched_getaffinity(0))}
    with tempfile.TemporaryDirectory(prefix="qogam-bench-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = make_scans(folder, args.docs) if args.kind == "scan" else make_texts(folder, args.docs)
        print(f"{len(paths)} {args.kind} documents; load average {os.getloadavg()[0]:.1f}", flush=True)
        if args.kind == "scan":
            raw, raw_cpu = raw_tesseract(paths)
            figures["raw_tesseract_s_per_doc"] = round(raw / len(paths), 3)
            figures["raw_tesseract_cpu_s_per_doc"] = round(raw_cpu / len(paths), 3)
            print(f"raw tesseract, one at a time: {raw / len(paths):.2f} s/doc, {raw_cpu / len(paths):.2f} CPU s/doc "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)
        rates: dict[int, float] = {}
        cpus: dict[int, float] = {}
        for workers in [int(w) for w in args.workers.split(",")]:
            out = Path(tmp) / f"out{workers}"
            started = time.perf_counter()
            summary = run_batch([folder], out, workers=workers, progress=False)
            wall = time.perf_counter() - started
            assert summary.recorded == len(paths), summary
            errors = summary.status.get("error", 0)
            rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
            cpu = sum(r.get("cpu_seconds", 0.0) for r in rows) / len(rows)
            rates[workers] = summary.rate
            figures[f"workers_{workers}"] = {
                "docs_per_s": round(summary.rate, 3), "wall_docs_per_s": round(len(paths) / wall, 3),
                "s_per_doc": round(summary.check_seconds / len(paths), 3), "cpu_s_per_doc": round(cpu, 3),
                "errors": errors,
            }
            cpus[workers] = cpu
            print(f"{workers} worker(s): {summary.rate:.3f} doc/s ({summary.check_seconds / len(paths):.2f} s/doc; "
                  f"{len(paths) / wall:.3f} doc/s with cluster start-up; {cpu:.2f} CPU s/doc), errors {errors}, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            shutil.rmtree(out)
        if 1 in rates and 2 in rates:
            efficiency = rates[2] / (2 * rates[1])
            figures["scaling_efficiency"] = round(efficiency, 3)
            print(f"scaling efficiency 1→2 workers: {efficiency:.2f}")
        if args.kind == "scan" and 1 in rates:
            overhead = (1 / rates[1]) / figures["raw_tesseract_s_per_doc"]
            cpu_overhead = cpus[1] / figures["raw_tesseract_cpu_s_per_doc"]
            figures["overhead_over_raw_tesseract"] = round(overhead, 3)
            figures["cpu_overhead_over_raw_tesseract"] = round(cpu_overhead, 3)
            print(f"qogam with 1 worker over raw tesseract: {overhead:.2f}× wall-clock, {cpu_overhead:.2f}× CPU")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
