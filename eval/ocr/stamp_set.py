"""A second, larger stamp evaluation: random seals and marks on rendered charter pages.

    .venv/bin/python eval/ocr/stamp_set.py [--pages 60] [--seed 2026] [--keep DIR] [--json out.json]
        [--renderings 1-bit]      # only some kinds of scan, e.g. to study 1-bit pages

The fixtures in tests/fixtures/scans place their stamps where make_scans.py puts them, and the
detector was tuned on them. This set is made fresh each run from the same rendered charter
pages with a different seed: seals and registration marks of other bodies, dates and BINs at
random places (over text too), faint and strong, violet and blue ink, rendered as a colour
PNG, a noisy JPEG, a grey PNG or a 1-bit PNG (strong ink only: a faint stamp does not survive
a 1-bit scan), some pages slightly skewed, and a quarter of
the pages with no stamp at all. Every page goes through qogam's whole page pipeline
(``ocr_image``); precision and recall are pooled (IoU ≥ 0.5, as evaluate.py), and broken down
by rendering, and the share of marks whose body, date and BIN were read right is printed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _sibling(name: str):
    """A module of this folder by its path: other eval folders have an ``evaluate.py`` too."""
    spec = importlib.util.spec_from_file_location(f"qogam_eval_ocr_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


_evaluate = _sibling("evaluate")
StampTally, score_stamps = _evaluate.StampTally, _evaluate.score_stamps

from make_scans import (  # noqa: E402
    BLUE,
    TEXTS,
    VIOLET,
    Scan,
    blur,
    build_docx,
    draw_mark,
    draw_seal,
    noise,
    render_pages,
    save,
    skew,
    to_colour,
    to_pdf,
)

from qogam.documents.marks import bin_control_ok  # noqa: E402
from qogam.documents.ocr import OcrSettings, ocr_image  # noqa: E402

# (title line, the body as printed over two lines, the authority as the mark names it)
BODIES = {
    "ru": [
        ("ЗАРЕГИСТРИРОВАН", ["Департаментом юстиции", "Карагандинской области"],
         "Департаментом юстиции Карагандинской области"),
        ("ЗАРЕГИСТРИРОВАНО", ["Департаментом юстиции", "города Астаны"], "Департаментом юстиции города Астаны"),
        ("ПЕРЕРЕГИСТРИРОВАН", ["Департаментом юстиции", "Павлодарской области"],
         "Департаментом юстиции Павлодарской области"),
        ("ЗАРЕГИСТРИРОВАН", ["Министерством юстиции", "Республики Казахстан"],
         "Министерством юстиции Республики Казахстан"),
    ],
    "kk": [
        ("ТІРКЕЛДІ", ["Қарағанды облысының", "Әділет департаменті"], "Қарағанды облысының Әділет департаменті"),
        ("ТІРКЕЛДІ", ["Астана қаласының", "Әділет департаменті"], "Астана қаласының Әділет департаменті"),
        ("ҚАЙТА ТІРКЕЛДІ", ["Павлодар облысының", "Әділет департаменті"], "Павлодар облысының Әділет департаменті"),
    ],
}
SEAL_RINGS = {
    "ru": ["ОБЩЕСТВЕННОЕ ОБЪЕДИНЕНИЕ «ЕЛ ҮМІТІ» * КАРАГАНДА * ", "ОБЩЕСТВЕННЫЙ ФОНД «ДОБРОЕ СЕРДЦЕ» * АСТАНА * "],
    "kk": ["«ЕЛ ҮМІТІ» ҚОҒАМДЫҚ БІРЛЕСТІГІ * ҚАРАҒАНДЫ * ", "«МЕЙІРІМ» ҚОҒАМДЫҚ ҚОРЫ * ПАВЛОДАР * "],
}
RENDERINGS = ("colour", "jpeg", "grey", "1-bit")


def random_bin(rng: np.random.Generator) -> str:
    while True:
        digits = "".join(str(d) for d in rng.integers(0, 10, 12))
        if bin_control_ok(digits):
            return digits


def stamp_page(page: np.ndarray, lang: str, rng: np.random.Generator,
               renderings: tuple[str, ...] = RENDERINGS) -> tuple[np.ndarray, list, str]:
    """The page with 0–2 stamps drawn at random, rendered one of four ways; (image, stamps, rendering)."""
    angle = float(rng.choice([0.0, 0.0, rng.uniform(-2.0, 2.0)]))
    rgb = to_colour(skew(page, angle) if angle else page)
    h, w = page.shape
    rendering = str(rng.choice(renderings))
    colour = VIOLET if rng.random() < 0.6 else BLUE
    # A 1-bit scanner's threshold drops a faint stamp altogether: nothing is left to find.
    alpha = float(rng.choice([0.9, 0.8] if rendering == "1-bit" else [0.9, 0.8, 0.55, 0.4]))
    layout = rng.choice(["none", "seal", "mark", "both"], p=[0.25, 0.3, 0.2, 0.25])
    stamps = []
    if layout in ("mark", "both"):
        title, body, authority = BODIES[lang][rng.integers(len(BODIES[lang]))]
        day, month, year = int(rng.integers(1, 29)), int(rng.integers(1, 13)), int(rng.integers(2005, 2025))
        bin_ = random_bin(rng)
        number = f"{rng.integers(1000, 9999)}-{rng.integers(1900, 1999)}-{'ОО' if lang == 'ru' else 'ҚБ'}"
        lines = [title, *body, ("Рег. № " if lang == "ru" else "Тіркеу № ") + number,
                 ("БИН " if lang == "ru" else "БСН ") + bin_, f"{day:02d}.{month:02d}.{year}"]
        origin = (int(rng.integers(150, w - 900)), int(rng.choice([rng.integers(150, 600), rng.integers(h - 1100, h - 600)])))
        stamps.append(draw_mark(rgb, origin, lines, colour, alpha, rng, authority=authority,
                                date=f"{year}-{month:02d}-{day:02d}", bin_=bin_))
    if layout in ("seal", "both"):
        radius = int(rng.integers(200, 260))
        for _ in range(20):  # a seal beside the mark, not on it
            centre = (int(rng.integers(radius + 60, w - radius - 60)), int(rng.integers(radius + 200, h - radius - 200)))
            if not stamps or not _overlaps(stamps[0].box, centre, radius):
                break
        rings = SEAL_RINGS[lang]
        stamps.append(draw_seal(rgb, centre, radius, rings[rng.integers(len(rings))],
                                ["БИН" if lang == "ru" else "БСН", random_bin(rng)], colour, alpha, rng))
    if rendering == "jpeg":
        rgb = blur(noise(rgb, 6, rng), 0.8)
    return rgb, stamps, rendering


def _overlaps(box: list[int], centre: tuple[int, int], radius: int) -> bool:
    x, y, w, h = box
    return not (centre[0] + radius < x or centre[0] - radius > x + w or centre[1] + radius < y or centre[1] - radius > y + h)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, help="write the pages and their expectations here")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--renderings", default=",".join(RENDERINGS),
                        help="comma-separated subset of %(default)s, to study one kind of scan")
    args = parser.parse_args(argv)
    for tool in ("soffice", "pdftoppm"):
        if not shutil.which(tool):
            print(f"stamp_set: {tool} is missing (run scripts/setup.sh)", file=sys.stderr)
            return 2
    renderings = tuple(name.strip() for name in args.renderings.split(","))
    if unknown := set(renderings) - set(RENDERINGS):
        print(f"stamp_set: unknown rendering {', '.join(sorted(unknown))}; choose from {', '.join(RENDERINGS)}",
              file=sys.stderr)
        return 2
    rng = np.random.default_rng(args.seed)
    settings = OcrSettings(page_workers=1)
    total, by_rendering = StampTally(), defaultdict(StampTally)
    kinds: dict[str, StampTally] = defaultdict(StampTally)
    with tempfile.TemporaryDirectory(prefix="qogam-stampset-") as tmp:
        work = Path(tmp)
        out = args.keep or work / "pages"
        out.mkdir(parents=True, exist_ok=True)
        pages = {}
        for lang in ("ru", "kk"):
            docx = work / f"charter_{lang}.docx"
            build_docx(TEXTS / f"charter_{lang}.txt", docx)
            pages[lang] = render_pages(to_pdf(docx, work), work)
        for i in range(args.pages):
            lang = "ru" if i % 2 == 0 else "kk"
            number = int(rng.integers(len(pages[lang])))
            image, stamps, rendering = stamp_page(pages[lang][number], lang, rng, renderings)
            fmt = {"colour": "png", "jpeg": "jpg", "grey": "png", "1-bit": "png1"}[rendering]
            if rendering == "grey":
                image = np.asarray(np.dot(image[..., :3], [0.299, 0.587, 0.114]), dtype=np.uint8)
            name = f"stampset_{i:03d}_{lang}_{rendering.replace('-', '')}"
            save(out, name, image, fmt, Scan("", lang, rendering, number + 1, text=None, stamps=stamps))
            found = ocr_image(out / json.loads((out / f"{name}.json").read_text())["file"], settings).stamps
            expected = [asdict(s) for s in stamps]
            notes = score_stamps(expected, found, total, kinds)
            score_stamps(expected, found, by_rendering[rendering], defaultdict(StampTally))
            print(f"{name:34} expected {len(expected)} found {len(found)}  {'; '.join(notes)}", flush=True)
    print("\nStamps (IoU ≥ 0.5) on", args.pages, "generated pages, seed", args.seed)
    print(f"  all: precision {total.precision:.3f}, recall {total.recall:.3f} "
          f"({total.matched} matched, {total.found} found, {total.expected} expected)")
    summary = {"pages": args.pages, "seed": args.seed,
               "all": {"precision": round(total.precision, 3), "recall": round(total.recall, 3)}}
    for name, tally in sorted(by_rendering.items()):
        print(f"  {name:7}: precision {tally.precision:.3f}, recall {tally.recall:.3f} ({tally.matched}/{tally.expected})")
        summary[name] = {"precision": round(tally.precision, 3), "recall": round(tally.recall, 3)}
    for kind, tally in sorted(kinds.items()):
        fields = ", ".join(f"{k} read {v[0]}/{v[1]}" for k, v in sorted(tally.fields.items()) if kind != "seal")
        print(f"  {kind}: precision {tally.precision:.3f}, recall {tally.recall:.3f}"
              f" ({tally.matched}/{tally.expected}){'; ' + fields if fields else ''}")
        summary[kind] = {"precision": round(tally.precision, 3), "recall": round(tally.recall, 3)}
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
