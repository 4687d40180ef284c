#!/usr/bin/env python3
"""Evaluate qogam.geo on the hand-labelled sentences in eval/geo/sentences.tsv.

    python eval/geo/evaluate.py                 # dev and held-out test figures, speed, load time
    python eval/geo/evaluate.py --split dev --errors   # what the matcher gets wrong on dev

Prints, per split: precision / recall / F1 of first-level regions (micro, over
sentence×region pairs, and per region), whole-country accuracy, exact-sentence accuracy;
then the matcher's speed in sentences per second on one core (after loading) and the
gazetteer load time in a fresh process.

The gold labels were written by reading the sentences (see README.md here), not by
running the matcher. Tune only on ``dev``; ``test`` and ``test2`` are held out (``test2``
was written after the first run on ``test``; see README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from qogam.geo import analyse, unit_name  # noqa: E402

SENTENCES = HERE / "sentences.tsv"
SEED_LABELS = HERE / "seed_sentences.tsv"
SEEDS = Path(os.environ.get("QOGAM_SEEDS", "/work/shared/seeds"))


def read_gold(path: Path = SENTENCES) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["gold"] = set(filter(None, row["regions"].split(",")))
        row["gold_wc"] = row["whole_country"] == "1"
    return rows


def read_seed_gold(path: Path = SEED_LABELS) -> list[dict]:
    """Sentences of the project's seed documents (real text by others), labelled by
    offsets; the text itself stays in the seed files, which must be present unchanged."""
    rows = []
    texts: dict[str, str | None] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if row["file"] not in texts:
                source = SEEDS / row["file"]
                data = source.read_bytes() if source.exists() else b""
                texts[row["file"]] = data.decode("utf-8") if hashlib.sha256(data).hexdigest() == row["sha256"] else None
            raw = texts[row["file"]]
            if raw is None:
                continue
            text = re.sub(r"-\n(?=[а-яё])", "", raw[int(row["start"]) : int(row["stop"])])
            rows.append({
                "id": f"seed{number}", "split": "seed", "text": re.sub(r"\s+", " ", text).strip(),
                "gold": set(filter(None, row["regions"].split(","))), "gold_wc": row["whole_country"] == "1",
            })
    return rows


def score(rows: list[dict]) -> dict:
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    wc_right = exact = 0
    wc_tp = wc_fp = wc_fn = 0
    errors = []
    for row in rows:
        result = analyse(row["text"])
        found = set(result.regions)
        for code in found & row["gold"]:
            tp[code] += 1
        for code in found - row["gold"]:
            fp[code] += 1
        for code in row["gold"] - found:
            fn[code] += 1
        wc_right += result.whole_country == row["gold_wc"]
        wc_tp += result.whole_country and row["gold_wc"]
        wc_fp += result.whole_country and not row["gold_wc"]
        wc_fn += row["gold_wc"] and not result.whole_country
        if found == row["gold"] and result.whole_country == row["gold_wc"]:
            exact += 1
        else:
            errors.append((row, found, result))
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "n": len(rows),
        "precision": _ratio(total_tp, total_tp + total_fp),
        "recall": _ratio(total_tp, total_tp + total_fn),
        "tp": total_tp, "fp": total_fp, "fn": total_fn,
        "per_region": {code: (tp[code], fp[code], fn[code]) for code in sorted(set(tp) | set(fp) | set(fn))},
        "wc_accuracy": _ratio(wc_right, len(rows)),
        "wc_precision": _ratio(wc_tp, wc_tp + wc_fp),
        "wc_recall": _ratio(wc_tp, wc_tp + wc_fn),
        "exact": _ratio(exact, len(rows)),
        "errors": errors,
    }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def print_scores(name: str, s: dict, per_region: bool, errors: bool) -> None:
    print(f"\n== {name}: {s['n']} sentences ==")
    print(f"regions  precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {_f1(s['precision'], s['recall']):.3f}"
          f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    print(f"whole country  accuracy {s['wc_accuracy']:.3f}  precision {s['wc_precision']:.3f}  recall {s['wc_recall']:.3f}")
    print(f"exact sentence (regions and whole-country flag) {s['exact']:.3f}")
    if per_region:
        print(f"{'region':<10} {'name':<34} {'P':>6} {'R':>6}  tp fp fn")
        for code, (tp, fp, fn) in s["per_region"].items():
            print(f"{code:<10} {unit_name(code):<34} {_ratio(tp, tp + fp):>6.3f} {_ratio(tp, tp + fn):>6.3f}  {tp:>2} {fp:>2} {fn:>2}")
    if errors:
        for row, found, result in s["errors"]:
            print(f"  #{row['id']} gold {sorted(row['gold'])} wc={int(row['gold_wc'])}  got {sorted(found)} "
                  f"wc={int(result.whole_country)}  | {row['text']}")
            for place in result.places + result.ambiguous:
                print(f"      {place.kato} {place.region} {place.text!r} {place.kind} {place.candidates or ''}")


def measure_speed(texts: list[str], seconds: float = 2.0) -> float:
    """Sentences per second of analyse() on one core, after a warm-up."""
    with contextlib.suppress(AttributeError, OSError):  # pin to one core where the OS allows
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    for text in texts:
        analyse(text)
    rates = []
    for _ in range(5):
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / 5:
            for text in texts:
                analyse(text)
            count += len(texts)
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates)


def measure_load(repeats: int = 5) -> tuple[float, float]:
    """Median seconds to import qogam.geo and load the gazetteer in a fresh process;
    and the same including the first analyse() call."""
    code = (
        "import time; t=time.perf_counter(); import qogam.geo as g; g.load(); t1=time.perf_counter(); "
        "g.analyse('в г. Тараз'); t2=time.perf_counter(); print(t1-t, t2-t)"
    )
    loads, firsts = [], []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        a, b = map(float, out.stdout.split())
        loads.append(a)
        firsts.append(b)
    return statistics.median(loads), statistics.median(firsts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "test2", "seed", "held-out", "all"),
                        help="one split (held-out = test + test2 + seed); default: each split, then held-out per region")
    parser.add_argument("--errors", action="store_true", help="list the sentences the matcher gets wrong")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed and load-time measurement")
    args = parser.parse_args(argv)
    rows = read_gold()
    rows += read_seed_gold()
    groups = {"dev": ["dev"], "test": ["test"], "test2": ["test2"], "seed": ["seed"],
              "held-out": ["test", "test2", "seed"], "all": ["dev", "test", "test2", "seed"]}
    if args.split is None:
        for name in ("dev", "test", "test2", "seed"):
            chosen = [r for r in rows if r["split"] == name]
            if not chosen:
                print(f"\n== {name}: not available (seed files missing or changed: {SEEDS}) ==")
                continue
            print_scores(name, score(chosen), per_region=False, errors=args.errors and name == "dev")
        held_out = [r for r in rows if r["split"] in groups["held-out"]]
        print_scores("held-out (test + test2 + seed)", score(held_out), per_region=True, errors=False)
    else:
        chosen = [r for r in rows if r["split"] in groups[args.split]]
        print_scores(args.split, score(chosen), per_region=True, errors=args.errors)
    if not args.no_speed:
        texts = [r["text"] for r in rows if r["split"] != "seed"]
        rate = measure_speed(texts)
        load, first = measure_load()
        mean_len = statistics.mean(len(t) for t in texts)
        print(f"\nspeed: {rate:,.0f} sentences/s on one core (analyse(), mean sentence {mean_len:.0f} characters)")
        print(f"load: {load * 1000:.0f} ms to import qogam.geo and load the gazetteer; "
              f"{first * 1000:.0f} ms including the first analyse()")
    return 0


if __name__ == "__main__":
    sys.exit(main())
