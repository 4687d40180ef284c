"""Page images for OCR: safe loading, coloured-ink separation, orientation and skew.

Pages are NumPy arrays: ``uint8`` grey (H×W) or BGR colour (H×W×3), as OpenCV
uses them. Everything here is plain image arithmetic; recognition lives in
:mod:`qogam.documents.ocr`, seals and marks in :mod:`qogam.documents.stamps`.
"""

from __future__ import annotations

import shutil
import subprocess
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import DocumentError
from .tesseract import Deadline

# Chroma (max − min of B, G, R) above which a dark pixel counts as coloured ink:
# violet and blue stamp ink sit far above it, black toner and JPEG fringes below.
INK_CHROMA = 40
# Pixels darker than this (0–255) are ink when deciding what is coloured.
INK_DARKNESS = 235
# If coloured ink is more than this share of all ink, the text itself is coloured
# (printed or scanned in blue): nothing is dropped then.
MAX_DROPPED_SHARE = 0.6


@dataclass(frozen=True)
class ImageInfo:
    """What the file header says, read without decoding the pixels."""

    width: int
    height: int
    frames: int
    mode: str
    dpi: int | None  # from the file's metadata, when it says


def open_image_pages(path: Path, *, max_pixels: int, max_pages: int) -> tuple[ImageInfo, Iterator[np.ndarray]]:
    """Check an image file's header, then decode its pages (TIFF frames) one at a time.

    Refuses before decoding: a page over ``max_pixels`` (a 30,000×30,000 TIFF
    would need 900 MB of memory), more than ``max_pages`` frames, or a file that
    is not an image.
    """
    name = path.name
    with warnings.catch_warnings():
        # Our own pixel limit below replaces Pillow's warning.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except Image.DecompressionBombError as exc:
            raise _too_large(name, str(exc), max_pixels) from exc
        except FileNotFoundError as exc:
            raise DocumentError(name, "the file does not exist", "Check the path.", "document.missing") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise _corrupt(name, exc) from exc
    width, height = image.size
    if width * height > max_pixels or max(width, height) > MAX_SIDE:
        image.close()
        raise _too_large(name, f"{width}×{height}", max_pixels)
    frames = getattr(image, "n_frames", 1)
    if frames > max_pages:
        image.close()
        raise DocumentError(
            name,
            f"the image has {frames} pages, more than the limit of {max_pages} for scanned documents",
            "Split the file, or raise the limit (QOGAM_OCR_MAX_PAGES) if it really is one charter.",
            "document.too-many-pages",
        )
    dpi = image.info.get("dpi")
    try:
        resolution = int(round(float(dpi[0]))) if dpi else None
    except (TypeError, ValueError):
        resolution = None
    if resolution is not None and not 50 <= resolution <= 2400:
        resolution = None  # junk metadata (72 from screenshots is kept, 1 from some phones is not)
    info = ImageInfo(width, height, frames, image.mode, resolution)
    if frames == 1 and image.format in _OPENCV_FORMATS and image.mode in _OPENCV_MODES:
        image.close()
        return info, _decode_with_opencv(path, name)
    return info, _decode_frames(image, name, max_pixels)


# One-page images OpenCV decodes straight to grey or BGR (3–5× faster than through Pillow);
# it also turns JPEG photos by their EXIF orientation. Others (TIFF pages, alpha) go through Pillow.
_OPENCV_FORMATS = frozenset({"PNG", "JPEG", "BMP"})
_OPENCV_MODES = frozenset({"1", "L", "P", "RGB", "I;16", "I;16B"})


def _decode_with_opencv(path: Path, name: str) -> Iterator[np.ndarray]:
    image = cv2.imread(str(path), cv2.IMREAD_ANYCOLOR)
    if image is None:
        raise _corrupt(name, "the pixel data cannot be decoded")
    yield image


def _decode_frames(image: Image.Image, name: str, max_pixels: int) -> Iterator[np.ndarray]:
    try:
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            w, h = image.size  # frames of one TIFF may differ in size
            if w * h > max_pixels or max(w, h) > MAX_SIDE:
                raise _too_large(name, f"{w}×{h} (page {index + 1})", max_pixels)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                try:
                    frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
                    yield pil_to_array(frame)
                except (OSError, SyntaxError, ValueError) as exc:
                    raise _corrupt(name, exc) from exc
    finally:
        image.close()


def pil_to_array(image: Image.Image) -> np.ndarray:
    """A Pillow image as grey or BGR ``uint8`` (16-bit, palette, CMYK, alpha flattened)."""
    if image.mode in ("1", "L", "I;16", "I;16B", "I;16L", "I", "F", "LA"):
        if image.mode in ("I", "F") or image.mode.startswith("I;16"):
            arr = np.asarray(image, dtype=np.float64)
            top = arr.max() or 1.0
            return np.clip(arr * (255.0 / top), 0, 255).astype(np.uint8)
        return np.asarray(image.convert("L"), dtype=np.uint8).copy()
    if image.mode in ("RGBA", "PA", "P") and ("transparency" in image.info or image.mode == "RGBA"):
        # Transparent areas are paper, not black.
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


# Tesseract refuses an image with a side longer than this (pixels).
MAX_SIDE = 32767


def _too_large(name: str, size: str, max_pixels: int) -> DocumentError:
    return DocumentError(
        name,
        f"the image is too large to recognise ({size} pixels; the limits are "
        f"{max_pixels // 1_000_000} megapixels and {MAX_SIDE} pixels on a side); it was not decoded",
        "Scan the pages separately at 300 dpi (an A4 page is about 9 megapixels).",
        "document.image-too-large",
    )


def _corrupt(name: str, exc: BaseException) -> DocumentError:
    return DocumentError(
        name,
        f"the image is damaged or in an unknown format ({exc})",
        "Save the scan again as PDF, PNG, JPEG or TIFF.",
        "document.image-corrupt",
    )


# --- colour ------------------------------------------------------------------


def chroma(page: np.ndarray) -> np.ndarray:
    """max(B, G, R) − min(B, G, R) per pixel: 0 for grey and black, high for coloured ink.

    OpenCV's per-channel max/min: NumPy's ``max(axis=2)`` takes about a second on a
    300-dpi page, this a few milliseconds.
    """
    b, g, r = cv2.split(page)
    return cv2.subtract(cv2.max(cv2.max(b, g), r), cv2.min(cv2.min(b, g), r))


def coloured_ink_mask(page: np.ndarray) -> np.ndarray:
    """255 where a pixel is coloured ink (blue, violet, red stamps), 0 elsewhere."""
    if page.ndim == 2:
        return np.zeros(page.shape, dtype=np.uint8)
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    mask = (chroma(page) > INK_CHROMA) & (gray < INK_DARKNESS)
    return mask.astype(np.uint8) * 255


def text_gray(page: np.ndarray) -> tuple[np.ndarray, float]:
    """The page in grey with coloured stamp ink turned to paper, and the coloured share of ink."""
    if page.ndim == 2:
        return page, 0.0
    return drop_coloured_ink(cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), chroma(page))


def drop_coloured_ink(gray: np.ndarray, colour: np.ndarray | None) -> tuple[np.ndarray, float]:
    """``gray`` with the ink that ``colour`` (the chroma map) shows as coloured turned to paper.

    Seals and registration marks are read separately; left in, their lettering
    garbles the text underneath. Black text under a seal stays: where the inks
    overlap the pixel is near black and has no colour. Returns the share of ink
    that was coloured; above MAX_DROPPED_SHARE the text itself is coloured and
    nothing is dropped.
    """
    if colour is None:
        return gray, 0.0
    coloured = (colour > INK_CHROMA) & (gray < INK_DARKNESS)
    ink = gray < 160
    ink_count = int(ink.sum())
    share = float((coloured & ink).sum()) / ink_count if ink_count else 0.0
    if share > MAX_DROPPED_SHARE:
        return gray, share
    # Faint stamp ink has less colour; it is dropped too unless it is dark (black text).
    faint = (colour > INK_CHROMA // 2) & (gray > 110)
    cleaned = gray.copy()
    cleaned[coloured | faint] = 255
    return cleaned, share


def is_bitonal(gray: np.ndarray) -> bool:
    """Only black and white pixels (a 1-bit scan or fax), judged on a sample of the page."""
    sample = gray[::7, ::7]
    return float(((sample != 0) & (sample != 255)).mean()) < 0.001


# --- orientation and skew ----------------------------------------------------


def ink_mask_small(gray: np.ndarray, target_width: int = 800) -> np.ndarray:
    """A binary ink mask (1 = ink) shrunk to about ``target_width`` pixels wide."""
    # A whole factor: OpenCV averages whole blocks of pixels in a quarter of the time it
    # takes for a fractional scale (2.6 ms against 6 ms for a 300-dpi page).
    factor = max(1, min(round(gray.shape[1] / max(target_width, 1)), min(gray.shape[:2]) // 8))
    small = cv2.resize(gray, None, fx=1 / factor, fy=1 / factor, interpolation=cv2.INTER_AREA) if factor > 1 else gray
    _, mask = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if mask.mean() > 0.5:  # a dark page (negative scan): the minority is ink
        mask = 1 - mask
    return mask


def _profile_score(mask: np.ndarray, angle: float) -> float:
    """How sharply rows of text stand out after rotating by ``angle`` degrees."""
    if angle:
        h, w = mask.shape
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        mask = cv2.warpAffine(mask, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = mask.sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def best_skew(mask: np.ndarray, max_angle: float, fine_mask: np.ndarray | None = None,
              around: float | None = None) -> tuple[float, float]:
    """The small rotation (degrees, counter-clockwise) that levels the text lines, and its score.

    A coarse search on ``mask`` (1° steps over ±``max_angle``, or 0.5° steps within 2°
    ``around`` a first guess), refined in 0.1° steps on ``fine_mask`` (a larger copy) when given.
    """
    if around is None:
        coarse = np.arange(-max_angle, max_angle + 1e-9, 1.0)
    else:
        coarse = np.clip(np.arange(around - 2.0, around + 2.0 + 1e-9, 0.5), -max_angle, max_angle)
    scores = [_profile_score(mask, a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    if fine_mask is None:
        return best, max(scores)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.1)
    fine_scores = [_profile_score(fine_mask, a) for a in fine]
    i = int(np.argmax(fine_scores))
    return round(float(fine[i]), 2), fine_scores[i]


@dataclass(frozen=True)
class Layout:
    """What the ink profile says about a page before recognition."""

    sideways: bool  # text lines run vertically: the page is turned by 90° or 270°
    skew: float  # degrees to rotate (counter-clockwise) to level the lines
    ink_share: float  # share of the page covered by ink (0 for a blank page)


def analyse_layout(gray: np.ndarray, max_skew: float = 10.0) -> Layout:
    """Whether the page lies sideways and how far its lines are skewed.

    Lines of text give a sharp row profile when level; the same page turned by a
    quarter gives a sharp column profile instead. The searches run on small copies
    of the page (400 and 800 pixels wide): a few dozen milliseconds a page.
    """
    fine = ink_mask_small(gray, 800)
    ink_share = float(fine.mean())
    if ink_share < 0.002:
        return Layout(False, 0.0, ink_share)
    coarse = cv2.resize(fine, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_NEAREST)
    turned = np.ascontiguousarray(np.rot90(coarse))
    # Which way the lines run: a few angles each way are enough to tell.
    probe = [float(a) for a in np.arange(-10.0, 10.5, 2.0) if abs(a) <= max_skew] or [0.0]
    upright_scores = [_profile_score(coarse, a) for a in probe]
    turned_scores = [_profile_score(turned, a) for a in probe]
    if max(turned_scores) > 1.5 * max(upright_scores):
        # Measured in the frame turned a quarter counter-clockwise (rotate_quarters(page, 3));
        # a further half turn (if OSD says so) leaves the angle as it is.
        guess = probe[int(np.argmax(turned_scores))]
        skew, _ = best_skew(turned, max_skew, np.ascontiguousarray(np.rot90(fine)), around=guess)
        return Layout(True, skew, ink_share)
    guess = probe[int(np.argmax(upright_scores))]
    skew, _ = best_skew(coarse, max_skew, fine, around=guess)
    return Layout(False, skew, ink_share)


def rotate_quarters(page: np.ndarray, turns: int) -> np.ndarray:
    """Rotate by ``turns`` × 90° clockwise (negative: counter-clockwise)."""
    turns %= 4
    if turns == 0:
        return page
    code = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}[turns]
    return cv2.rotate(page, code)


def rotate_small(page: np.ndarray, angle: float, fill: int = 255) -> np.ndarray:
    """Rotate by ``angle`` degrees counter-clockwise about the centre, keeping the size; corners get ``fill``."""
    if abs(angle) < 0.05:
        return page
    h, w = page.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = fill if page.ndim == 2 else (fill, fill, fill)
    return cv2.warpAffine(page, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


# --- PDF pages (rendered by pdftoppm: a crash in poppler stays in its own process) ---


def pdf_page_sizes(path: Path) -> list[tuple[float, float]]:
    """Page sizes in points; refuses encrypted and damaged PDFs with a clear error."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except FileNotFoundError as exc:
        raise DocumentError(path.name, "the file does not exist", "Check the path.", "document.missing") from exc
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError(
                path.name,
                "the PDF is protected by a password",
                "Save an unprotected copy (print to PDF without a password) and check that.",
                "document.encrypted",
            ) from exc
        raise DocumentError(
            path.name, f"the PDF is damaged ({exc})", "Save or scan the document again as PDF.", "document.corrupt"
        ) from exc
    try:
        return [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()


def render_pdf_page(path: Path, number: int, size: tuple[float, float], dpi: int, max_pixels: int,
                    deadline: Deadline) -> np.ndarray:
    """One page as a BGR image rendered by pdftoppm at ``dpi``, less if the page is huge."""
    if not shutil.which("pdftoppm"):
        raise DocumentError(
            path.name,
            "the PDF has scanned pages, and pdftoppm (poppler-utils) is not installed to render them",
            "Install poppler-utils (scripts/setup.sh does).",
            "document.ocr-unavailable",
        )
    width_in, height_in = size[0] / 72, size[1] / 72
    dpi = float(dpi)
    if width_in * height_in * dpi * dpi > max_pixels or max(width_in, height_in) * dpi > MAX_SIDE:
        dpi = min((max_pixels / max(width_in * height_in, 1e-6)) ** 0.5, MAX_SIDE / max(width_in, height_in))
        if dpi < 100:
            raise DocumentError(
                path.name,
                f"page {number} is {size[0] / 72 * 25.4:.0f}×{size[1] / 72 * 25.4:.0f} mm, too large to recognise",
                "Charters are printed on A4: scan or export the pages at A4 size.",
                "document.image-too-large",
            )
    try:
        run = subprocess.run(
            ["pdftoppm", "-r", f"{dpi:.2f}", "-f", str(number), "-l", str(number), str(path)],
            capture_output=True,
            timeout=deadline.remaining() or None,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise deadline.expired() from exc
    image = cv2.imdecode(np.frombuffer(run.stdout, np.uint8), cv2.IMREAD_UNCHANGED) if run.stdout else None
    if run.returncode != 0 or image is None:
        detail = run.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DocumentError(
            path.name,
            f"page {number} could not be rendered for OCR ({detail[-1] if detail else 'no image'})",
            "Open the PDF in a viewer and save or scan it again.",
            "document.corrupt",
        )
    return image
