"""Make the project's own test scans: charter pages rendered, stamped and degraded.

    .venv/bin/python eval/ocr/make_scans.py [--out tests/fixtures/scans]

Steps: charter-like text (``eval/ocr/texts/*.txt``, and the bundled sample
charter) → DOCX (python-docx) → PDF (LibreOffice headless) → 300-dpi pages
(pdftoppm); the expected text of each page comes from the PDF's own text layer
(pdftotext). Then a violet round seal and a rectangular registration mark are
drawn on some pages, and variants are made: clean, skewed by 2–4°, turned by
90°/180°/270°, blurred, noisy, JPEG-compressed, faint seal, seal over text, no
stamps, 1-bit. Each image gets a JSON file beside it with the expected text and
stamps (boxes in the pixels of the upright page). Random choices use fixed seeds,
so re-running gives the same files.

Also written: an image-only PDF (1-bit CCITT pages), a PDF mixing text-layer pages
with one scanned page, and a multi-page TIFF.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import cv2
import numpy as np
from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TEXTS = HERE / "texts"
SAMPLE = ROOT / "src" / "qogam" / "samples" / "sample_charter.txt"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 300
VIOLET = (92, 52, 168)  # RGB of typical stamp ink
BLUE = (40, 70, 190)


# --- rendering ---------------------------------------------------------------


def build_docx(source: Path, out: Path) -> None:
    """A DOCX from the small mark-up of ``texts/*.txt`` (@right, @center, @space, @pagebreak, # heading)."""
    doc = DocxDocument()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, as in Kazakhstan
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    for line in source.read_text(encoding="utf-8").splitlines():
        if line == "@pagebreak":
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
            continue
        if line == "@space" or not line.strip():
            doc.add_paragraph("")
            continue
        if line.startswith("@right "):
            p = doc.add_paragraph(line[len("@right ") :])
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif line.startswith(("@center ", "# ")):
            text = line.split(" ", 1)[1]
            p = doc.add_paragraph()
            p.add_run(text).bold = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p = doc.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(3)
    doc.save(out)


def sample_as_markup(out: Path) -> Path:
    """The bundled sample charter in the mark-up above: title lines centred, numbered clauses justified."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    marked = []
    in_title = True
    for i, line in enumerate(lines):
        stripped = line.strip()
        if in_title and stripped[:2] == "1.":
            in_title = False
            marked[-1] = "@pagebreak"
        if not stripped:
            marked.append("@space")
        elif i < 4:
            marked.append("@right " + stripped)
        elif in_title or stripped.isupper():
            marked.append("@center " + stripped)
        else:
            marked.append(stripped)
    out.write_text("\n".join(marked) + "\n", encoding="utf-8")
    return out


def to_pdf(docx: Path, workdir: Path) -> Path:
    # A private LibreOffice profile: colleagues may run soffice at the same time.
    profile = workdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(workdir), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    return workdir / (docx.stem + ".pdf")


def render_pages(pdf: Path, workdir: Path) -> list[np.ndarray]:
    """Grey 300-dpi pages as arrays."""
    prefix = workdir / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(prefix)], check=True, timeout=300)
    files = sorted(workdir.glob(pdf.stem + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [cv2.imread(str(f), cv2.IMREAD_GRAYSCALE) for f in files]


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    return "\n".join(line.rstrip() for line in out.replace("\f", "").splitlines() if line.strip())


# --- stamps ------------------------------------------------------------------


@dataclass
class ExpectedStamp:
    kind: str
    box: list[int]  # x, y, w, h in the upright page
    authority: str | None = None
    date: str | None = None
    bin: str | None = None
    faint: bool = False


def _ink_texture(shape: tuple[int, int], rng: np.random.Generator, strength: float) -> np.ndarray:
    """Uneven stamp ink: a smooth random field between ``1 - strength`` and 1."""
    h, w = shape
    coarse = rng.random((max(2, h // 40), max(2, w // 40))).astype(np.float32)
    field_ = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    speckle = (rng.random((h, w)) > 0.04).astype(np.float32)
    return np.clip(1 - strength * field_, 0, 1) * speckle


def _stamp_layer(size: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    layer = Image.new("L", size, 0)
    return layer, ImageDraw.Draw(layer)


def draw_seal(page: np.ndarray, centre: tuple[int, int], radius: int, ring_text: str, centre_lines: list[str],
              colour: tuple[int, int, int], alpha: float, rng: np.random.Generator) -> ExpectedStamp:
    """A round seal: two concentric rings, lettering around, lines in the middle (multiplied onto the page)."""
    size = (2 * radius + 20, 2 * radius + 20)
    layer, draw = _stamp_layer(size)
    c = size[0] // 2
    draw.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=7)
    inner = int(radius * 0.70)
    draw.ellipse([c - inner, c - inner, c + inner, c + inner], outline=255, width=4)
    font = ImageFont.truetype(FONT_BOLD, int(radius * 0.15))
    text_r = (radius + inner) / 2
    step = 360 / len(ring_text)
    for i, ch in enumerate(ring_text):
        angle = -90 + i * step  # start at the top, clockwise
        glyph = Image.new("L", (80, 80), 0)
        ImageDraw.Draw(glyph).text((40, 40), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = c + text_r * math.cos(math.radians(angle))
        y = c + text_r * math.sin(math.radians(angle))
        layer.paste(255, (int(x - 40), int(y - 40)), glyph)
    centre_font = ImageFont.truetype(FONT_BOLD, int(radius * 0.13))
    total = len(centre_lines)
    for i, line in enumerate(centre_lines):
        dy = (i - (total - 1) / 2) * radius * 0.2
        draw.text((c, c + dy), line, font=centre_font, fill=255, anchor="mm")
    x0, y0 = centre[0] - c, centre[1] - c
    _multiply(page, np.asarray(layer, dtype=np.float32) / 255, (x0, y0), colour, alpha, rng)
    return ExpectedStamp("seal", [centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius], faint=alpha < 0.5)


def draw_mark(page: np.ndarray, origin: tuple[int, int], lines: list[str], colour: tuple[int, int, int],
              alpha: float, rng: np.random.Generator, *, authority: str, date: str, bin_: str) -> ExpectedStamp:
    """A rectangular registration mark: a double frame and centred lines of text."""
    font = ImageFont.truetype(FONT_BOLD, 36)
    title_font = ImageFont.truetype(FONT_BOLD, 44)
    widths = [font.getlength(line) for line in lines[1:]] + [title_font.getlength(lines[0])]
    w = int(max(widths)) + 90
    h = 70 + 52 * len(lines)
    layer, draw = _stamp_layer((w, h))
    draw.rectangle([3, 3, w - 4, h - 4], outline=255, width=6)
    draw.rectangle([16, 16, w - 17, h - 17], outline=255, width=3)
    y = 40
    for i, line in enumerate(lines):
        draw.text((w // 2, y + 22), line, font=title_font if i == 0 else font, fill=255, anchor="mm")
        y += 52
    _multiply(page, np.asarray(layer, dtype=np.float32) / 255, origin, colour, alpha, rng)
    return ExpectedStamp("registration_mark", [origin[0], origin[1], w, h], authority, date, bin_, alpha < 0.5)


def _multiply(page: np.ndarray, ink: np.ndarray, origin: tuple[int, int], colour, alpha, rng) -> None:
    """Print ``ink`` (0–1 coverage) in ``colour`` onto the RGB ``page`` in place, as ink on paper does."""
    x0, y0 = origin
    h, w = ink.shape
    ink = ink * _ink_texture((h, w), rng, 0.45) * alpha
    region = page[y0 : y0 + h, x0 : x0 + w].astype(np.float32)
    ink = ink[: region.shape[0], : region.shape[1]]
    for ch in range(3):
        region[..., ch] *= 1 - ink * (1 - colour[ch] / 255)
    page[y0 : y0 + h, x0 : x0 + w] = np.clip(region, 0, 255).astype(np.uint8)


MARKS = {
    "ru": {
        "lines": ["ЗАРЕГИСТРИРОВАН", "Департаментом юстиции", "города Алматы", "Рег. № 5514-1910-ОО",
                  "БИН 190240012344", "14.03.2019"],
        "authority": "Департаментом юстиции города Алматы",
        "date": "2019-03-14",
        "bin": "190240012344",
    },
    "kk": {
        "lines": ["ТІРКЕЛДІ", "Алматы қаласының", "Әділет департаменті", "Тіркеу № 5514-1910-ҚБ",
                  "БСН 190240012344", "14.03.2019"],
        "authority": "Алматы қаласының Әділет департаменті",
        "date": "2019-03-14",
        "bin": "190240012344",
    },
}
SEAL_RING = {
    "ru": "ОБЩЕСТВЕННОЕ ОБЪЕДИНЕНИЕ «ЖАРҚЫН БОЛАШАҚ» * АЛМАТЫ * ",
    "kk": "«ЖАРҚЫН БОЛАШАҚ» ҚОҒАМДЫҚ БІРЛЕСТІГІ * АЛМАТЫ * ",
}
SEAL_CENTRE = {"ru": ["БИН", "190240012344"], "kk": ["БСН", "190240012344"]}


# --- degradations ------------------------------------------------------------


def skew(page: np.ndarray, degrees: float) -> np.ndarray:
    h, w = page.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    border = 255 if page.ndim == 2 else (255, 255, 255)
    return cv2.warpAffine(page, matrix, (w, h), flags=cv2.INTER_CUBIC, borderValue=border)


def turn(page: np.ndarray, degrees: int) -> np.ndarray:
    """Turn clockwise by 90, 180 or 270 degrees, as a page fed sideways into a scanner."""
    return np.ascontiguousarray(np.rot90(page, k=-(degrees // 90)))


def blur(page: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(page, (0, 0), sigma)


def noise(page: np.ndarray, sigma: float, rng: np.random.Generator, speckles: float = 0.0005) -> np.ndarray:
    grain = rng.normal(0, sigma, page.shape[:2]).astype(np.float32)
    noisy = page.astype(np.float32) + (grain if page.ndim == 2 else grain[..., None])
    dots = rng.random(page.shape[:2]) < speckles
    noisy[dots] = 30
    return np.clip(noisy, 0, 255).astype(np.uint8)


def to_colour(gray: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB)


# --- fixtures ----------------------------------------------------------------


@dataclass
class Scan:
    file: str
    language: str
    variant: str
    source_page: int
    rotation: int = 0  # degrees clockwise the page was turned before scanning
    skew: float = 0.0  # degrees counter-clockwise
    clean: bool = True
    text: str | None = ""
    stamps: list[ExpectedStamp] = field(default_factory=list)


def save(out: Path, name: str, image: np.ndarray, fmt: str, scan: Scan) -> None:
    """Write the image (RGB or grey) and its expectations."""
    pil = Image.fromarray(image)
    if fmt == "png1":
        pil.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1").save(out / f"{name}.png", optimize=True)
        scan.file = f"{name}.png"
    elif fmt == "png":
        if image.ndim == 3:
            pil = pil.quantize(colors=32, dither=Image.Dither.NONE)
        pil.save(out / f"{name}.png", optimize=True)
        scan.file = f"{name}.png"
    elif fmt == "jpg":
        pil.save(out / f"{name}.jpg", quality=65, dpi=(DPI, DPI))
        scan.file = f"{name}.jpg"
    elif fmt == "tif":
        pil.save(out / f"{name}.tif", compression="tiff_lzw", dpi=(DPI, DPI))
        scan.file = f"{name}.tif"
    data = asdict(scan)
    (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def stamped_title(page: np.ndarray, lang: str, rng: np.random.Generator, *, faint: bool = False,
                  colour=VIOLET) -> tuple[np.ndarray, list[ExpectedStamp]]:
    """The title page with a registration mark top left and the seal half over it."""
    rgb = to_colour(page)
    mark = MARKS[lang]
    alpha = 0.35 if faint else 0.95
    stamps = [draw_mark(rgb, (260, 190), mark["lines"], colour, alpha, rng, authority=mark["authority"],
                        date=mark["date"], bin_=mark["bin"])]
    stamps.append(draw_seal(rgb, (1150, 2350), 230, SEAL_RING[lang], SEAL_CENTRE[lang], colour, alpha, rng))
    return rgb, stamps


def sealed_text(page: np.ndarray, lang: str, rng: np.random.Generator, centre: tuple[int, int],
                *, alpha: float = 0.9, colour=VIOLET) -> tuple[np.ndarray, list[ExpectedStamp]]:
    rgb = to_colour(page)
    return rgb, [draw_seal(rgb, centre, 235, SEAL_RING[lang], SEAL_CENTRE[lang], colour, alpha, rng)]


def make_language(lang: str, pages: list[np.ndarray], texts: list[str], out: Path, seed: int) -> list[Scan]:
    rng = np.random.default_rng(seed)
    scans: list[Scan] = []

    def add(name, image, fmt, page_no, stamps, variant, rotation=0, skew_deg=0.0, clean=True):
        scan = Scan("", lang, variant, page_no, rotation, skew_deg, clean, texts[page_no - 1], list(stamps))
        save(out, f"{lang}_{name}", image, fmt, scan)
        scans.append(scan)

    title, text2, text3 = pages[0], pages[1], pages[2]
    # 1. Clean pages, 300 dpi.
    img, st = stamped_title(title, lang, rng)
    add("title_stamped", img, "png", 1, st, "clean-stamped")
    add("p2_clean", text2, "png", 2, [], "clean")
    img, st = sealed_text(text3, lang, rng, (1500, 1700))
    add("p3_seal_over_text", img, "png", 3, st, "seal-over-text")
    # 2. Degraded pages.
    img, st = stamped_title(title, lang, rng, faint=True, colour=BLUE)
    add("title_faint", blur(noise(img, 6, rng), 0.8), "jpg", 1, st, "faint-seal", clean=False)
    angle = 3.0 if lang == "ru" else -2.5
    add("p2_skew_noise", blur(noise(skew(text2, angle), 12, rng), 1.0), "jpg", 2, [], "skew-noise",
        skew_deg=angle, clean=False)
    img, st = sealed_text(text3, lang, rng, (1700, 3000))
    rotation = 90 if lang == "ru" else 270
    add("p3_turned", blur(noise(turn(img, rotation), 6, rng), 0.9), "jpg", 3, st, "turned-90", rotation=rotation,
        clean=False)
    add("p2_upside_down", turn(blur(noise(text2, 6, rng), 1.1), 180), "jpg", 2, [], "turned-180", rotation=180,
        clean=False)
    img, st = sealed_text(skew(text3, -2.0 if lang == "ru" else 3.5), lang, rng, (900, 2900), alpha=0.8)
    add("p3_bitonal", img, "png1", 3, st, "bitonal-skew", skew_deg=-2.0 if lang == "ru" else 3.5, clean=False)
    # A black-and-white scan of the stamped title page: the stamps' text cannot be told from the
    # page's by colour, so only the stamps are scored on it (text None).
    img, st = stamped_title(title, lang, rng)
    add("title_bitonal", img, "png1", 1, st, "bitonal-stamped", clean=False)
    scans[-1].text = None
    (out / f"{lang}_title_bitonal.json").write_text(
        json.dumps(asdict(scans[-1]), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return scans


def image_pdf(images: list[np.ndarray], path: Path) -> None:
    """An image-only PDF as office scanners in "auto colour" mode make them: colour pages
    (RGB arrays) as JPEG, black-and-white pages (grey arrays) as 1-bit CCITT G4."""
    pils = [
        Image.fromarray(im) if im.ndim == 3 else Image.fromarray(im).point(lambda v: 255 if v > 150 else 0).convert("1")
        for im in images
    ]
    pils[0].save(path, save_all=True, append_images=pils[1:], resolution=DPI)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "scans")
    args = parser.parse_args(argv)
    for tool in ("soffice", "pdftoppm", "pdftotext", "pdfseparate", "pdfunite"):
        if not shutil.which(tool):
            print(f"make_scans: {tool} is missing (run scripts/setup.sh)", file=sys.stderr)
            return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.png"), *out.glob("*.jpg"), *out.glob("*.tif"), *out.glob("*.json"), *out.glob("*.pdf")]:
        old.unlink()
    manifest = []
    with tempfile.TemporaryDirectory(prefix="qogam-scans-") as tmp:
        work = Path(tmp)
        rendered = {}
        for seed, lang in enumerate(("ru", "kk")):
            docx = work / f"charter_{lang}.docx"
            build_docx(TEXTS / f"charter_{lang}.txt", docx)
            pdf = to_pdf(docx, work)
            pages = render_pages(pdf, work)
            texts = [page_text(pdf, i + 1) for i in range(len(pages))]
            rendered[lang] = (pdf, pages, texts)
            manifest += make_language(lang, pages, texts, out, seed=100 + seed)

        # A whole charter scanned to an image-only PDF (the bundled sample), with its truth.
        if SAMPLE.exists():
            docx = work / "sample_charter.docx"
            build_docx(sample_as_markup(work / "sample.txt"), docx)
            pdf = to_pdf(docx, work)
            pages = render_pages(pdf, work)
            rng = np.random.default_rng(7)
            first, stamps = stamped_title(pages[0], "ru", rng)
            image_pdf([first, *pages[1:]], out / "sample_charter_scanned.pdf")
            truth = {
                "file": "sample_charter_scanned.pdf",
                "pages": len(pages),
                "texts": [page_text(pdf, i + 1) for i in range(len(pages))],
                "stamps": [asdict(s) | {"page": 1} for s in stamps],
            }
            (out / "sample_charter_scanned.json").write_text(
                json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

        # Mixed PDF: Kazakh text-layer pages 1, 2, 4 and page 3 as a scan.
        pdf, pages, texts = rendered["kk"]
        subprocess.run(["pdfseparate", str(pdf), str(work / "kk-part-%d.pdf")], check=True)
        image_pdf([pages[2]], work / "kk-scan-3.pdf")
        parts = [work / "kk-part-1.pdf", work / "kk-part-2.pdf", work / "kk-scan-3.pdf"]
        parts += [work / f"kk-part-{n}.pdf" for n in range(4, len(pages) + 1)]
        subprocess.run(["pdfunite", *map(str, parts), str(out / "mixed_kk.pdf")], check=True)
        (out / "mixed_kk.json").write_text(json.dumps({
            "file": "mixed_kk.pdf", "pages": len(pages), "scanned_pages": [3], "texts": texts,
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

        # A two-page TIFF (Russian pages 2 and 3), as fax-style scanners send them.
        pdf, pages, texts = rendered["ru"]
        frames = [Image.fromarray(p).point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages[1:3]]
        frames[0].save(out / "ru_two_pages.tif", save_all=True, append_images=frames[1:], compression="group4",
                       dpi=(DPI, DPI))
        (out / "ru_two_pages.json").write_text(json.dumps({
            "file": "ru_two_pages.tif", "pages": 2, "texts": texts[1:3],
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    total = sum(f.stat().st_size for f in out.iterdir())
    print(f"{len(manifest)} page scans + 3 multi-page files in {out} ({total / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
