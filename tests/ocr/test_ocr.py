"""OCR with the real Tesseract on the project's test scans (eval/ocr/make_scans.py)."""

from dataclasses import replace

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest

from qogam.documents import DocumentError, read_document
from qogam.documents.model import Document, Paragraph
from qogam.documents.ocr import (
    OcrSettings,
    is_low_confidence,
    ocr_image,
    ocr_page,
    ocr_pdf,
    ocr_pdf_pages,
)

from .conftest import SCANS, expected, needs_tesseract

pytestmark = [needs_tesseract, pytest.mark.ocr]
ONE = OcrSettings(page_workers=1)


def text_of(document: Document, page: int | None = None) -> str:
    return "\n".join(p.text for p in document.paragraphs if page is None or p.page == page)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ru_p2_clean", "kk_p2_clean"])
def test_clean_page_is_read_almost_exactly(cer, name):
    truth = expected(name)
    document = ocr_image(SCANS / truth["file"], ONE)
    accuracy, _, _ = cer.accuracy(truth["text"], text_of(document))
    assert accuracy >= 0.98
    assert document.format == "image" and document.pages == 1 and document.ocr_pages == [1]
    assert 80 <= document.ocr_confidence[1] <= 100
    assert all(p.page == 1 and p.confidence == document.ocr_confidence[1] for p in document.paragraphs)
    assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))


@pytest.mark.slow
def test_kazakh_page_keeps_kazakh_letters_and_language():
    document = ocr_image(SCANS / expected("kk_p2_clean")["file"], ONE)
    text = text_of(document)
    assert "қолдау" in text or "бастамаларды" in text
    assert document.language_share().get("kk", 0) > 0.8


@pytest.mark.slow
def test_numbered_clauses_become_paragraphs():
    document = ocr_image(SCANS / expected("ru_p2_clean")["file"], ONE)
    numbers = [p.number for p in document.paragraphs if p.number]
    assert {"1.1.", "1.2.", "2.1."} <= set(numbers)
    assert any(p.level for p in document.paragraphs if p.text.startswith("2. Предмет"))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["ru_p3_turned", "kk_p3_turned"])
def test_page_lying_sideways_is_turned_upright(cer, name):
    truth = expected(name)
    image = cv2.imread(str(SCANS / truth["file"]))
    result = ocr_page(image, 1, ONE)
    assert result.rotation == (360 - truth["rotation"]) % 360
    accuracy, _, _ = cer.accuracy(truth["text"], "\n".join(p.text for p in result.paragraphs))
    assert accuracy >= 0.93


@pytest.mark.slow
def test_upside_down_page_is_turned_back(cer):
    truth = expected("ru_p2_upside_down")
    result = ocr_page(cv2.imread(str(SCANS / truth["file"])), 1, ONE)
    assert result.rotation == 180
    accuracy, _, _ = cer.accuracy(truth["text"], "\n".join(p.text for p in result.paragraphs))
    assert accuracy >= 0.93


@pytest.mark.slow
def test_skewed_noisy_page(cer):
    truth = expected("kk_p2_skew_noise")
    result = ocr_page(cv2.imread(str(SCANS / truth["file"]), cv2.IMREAD_GRAYSCALE), 1, ONE)
    assert abs(result.skew + truth["skew"]) <= 0.3
    accuracy, _, _ = cer.accuracy(truth["text"], "\n".join(p.text for p in result.paragraphs))
    assert accuracy >= 0.93


@pytest.mark.slow
def test_multi_page_tiff(cer):
    truth = expected("ru_two_pages")
    document = ocr_image(SCANS / truth["file"], OcrSettings(page_workers=2))
    assert document.pages == 2 and document.ocr_pages == [1, 2]
    for number, page_text in enumerate(truth["texts"], start=1):
        assert cer.accuracy(page_text, text_of(document, number))[0] >= 0.98


@pytest.mark.slow
def test_only_the_scanned_page_of_a_mixed_pdf_is_recognised(cer):
    truth = expected("mixed_kk")
    result = ocr_pdf(SCANS / truth["file"], [3], ONE)
    assert [p.number for p in result.pages] == [3]
    assert cer.accuracy(truth["texts"][2], "\n".join(p.text for p in result.paragraphs))[0] >= 0.98
    paragraphs = ocr_pdf_pages(SCANS / truth["file"], [3], ONE)
    assert paragraphs and {p.page for p in paragraphs} == {3}


@pytest.mark.slow
def test_reader_merges_text_layer_and_ocr_pages():
    document = read_document(SCANS / "mixed_kk.pdf")
    assert document.ocr_pages == [3]
    assert set(document.ocr_confidence) == {3}
    assert {p.page for p in document.paragraphs} == {1, 2, 3, 4} or {p.page for p in document.paragraphs} >= {1, 2, 3}
    assert all(p.confidence is None for p in document.paragraphs if p.page != 3)
    assert all(p.confidence is not None for p in document.paragraphs if p.page == 3)


@pytest.mark.slow
def test_scanned_stamped_title_page_gives_stamps_through_the_reader():
    document = read_document(SCANS / expected("ru_title_stamped")["file"])
    kinds = sorted(s.kind for s in document.stamps)
    assert kinds == ["registration_mark", "seal"]
    mark = next(s for s in document.stamps if s.kind == "registration_mark")
    assert mark.date == "2019-03-14" and "юстиции" in mark.authority


def test_two_thousand_page_pdf_is_refused_without_rendering(tmp_path):
    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    path = tmp_path / "huge.pdf"
    pdf.save(str(path))
    pdf.close()
    with pytest.raises(DocumentError) as caught:
        ocr_pdf(path, None, ONE)
    assert caught.value.code == "document.too-many-pages"
    assert "2000" in caught.value.problem and "200" in caught.value.problem
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.code in ("document.too-many-pages", "document.empty", "document.no-text-layer")


def test_password_protected_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(SCANS / "mixed_kk.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentError) as caught:
        ocr_pdf(path, [3], ONE)
    assert caught.value.code == "document.encrypted"
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.code == "document.encrypted"


def test_page_number_outside_the_pdf():
    with pytest.raises(ValueError, match="no page 9"):
        ocr_pdf(SCANS / "mixed_kk.pdf", [9], ONE)


@pytest.mark.slow
def test_time_limit_stops_a_long_recognition(tmp_path):
    settings = replace(ONE, time_limit=1.0)
    path = SCANS / "sample_charter_scanned.pdf"
    with pytest.raises(DocumentError) as caught:
        ocr_pdf(path, None, settings)
    assert caught.value.code == "document.ocr-timeout"
    assert "1 s" in caught.value.problem


@pytest.mark.slow
def test_badly_recognised_page_is_flagged(tmp_path):
    gray = cv2.imread(str(SCANS / expected("ru_p2_clean")["file"]), cv2.IMREAD_GRAYSCALE)[:1200]
    # Shrink the top of the page to 36 dpi and blow it up again: the letters melt
    # (Tesseract still reads 300-dpi text blurred to 60 dpi with confidence above 90).
    small = cv2.resize(gray, None, fx=0.12, fy=0.12, interpolation=cv2.INTER_AREA)
    ruined = cv2.resize(small, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    path = tmp_path / "fax.png"
    cv2.imwrite(str(path), ruined)
    document = ocr_image(path, ONE)
    confidence = document.ocr_confidence.get(1)
    assert confidence is not None and confidence < ONE.low_confidence
    assert any("badly recognised" in w for w in document.warnings)
    assert document.paragraphs and is_low_confidence(document, document.paragraphs[0].index)


@pytest.mark.slow
def test_blank_page_is_not_text_and_not_an_error(tmp_path):
    path = tmp_path / "blank.png"
    cv2.imwrite(str(path), np.full((3508, 2480), 250, np.uint8))
    document = ocr_image(path, ONE)
    assert document.paragraphs == [] and document.ocr_confidence == {}


def test_is_low_confidence_uses_the_page_confidence():
    document = Document("d", "pdf", [Paragraph(0, "a", page=1, confidence=55.0), Paragraph(1, "b", page=2),
                                     Paragraph(2, "c", page=3, confidence=91.0)])
    assert is_low_confidence(document, 0)
    assert not is_low_confidence(document, 1)  # a text-layer page
    assert not is_low_confidence(document, 2)
    assert is_low_confidence(document, 2, threshold=95)
    assert not is_low_confidence(document, 99)


def test_settings_from_environment():
    settings = OcrSettings.from_env({"QOGAM_OCR_MAX_PAGES": "20", "QOGAM_OCR_STAMPS": "no",
                                     "QOGAM_OCR_TIME_LIMIT": "30.5", "QOGAM_OCR_LANGUAGES": "kaz+rus"})
    assert (settings.max_pages, settings.stamps, settings.time_limit, settings.languages) == (20, False, 30.5, "kaz+rus")
    assert OcrSettings.from_env({}) == OcrSettings()
    with pytest.raises(ValueError, match="QOGAM_OCR_DPI"):
        OcrSettings.from_env({"QOGAM_OCR_DPI": "high"})
    assert OcrSettings(page_workers=3).workers() == 3 and OcrSettings().workers() >= 1


def test_missing_language_pack_is_a_clear_error(tmp_path):
    with pytest.raises(DocumentError) as caught:
        ocr_image(SCANS / expected("ru_title_bitonal")["file"], replace(ONE, languages="rus+xyz"))
    assert caught.value.code == "document.ocr-unavailable" and "xyz" in caught.value.problem


@pytest.mark.parametrize("width", [2481, 2480, 7])
def test_the_scratch_tiff_holds_the_page_and_its_resolution(width):
    from PIL import Image

    from qogam.documents.tesseract import _write_scratch

    page = np.random.default_rng(width).integers(0, 256, (33, width), dtype=np.uint8)
    path = _write_scratch(page, 300)
    assert np.array_equal(cv2.imread(path, cv2.IMREAD_UNCHANGED), page)
    with Image.open(path) as image:
        assert image.mode == "L" and image.info["dpi"] == (300, 300)
        assert np.array_equal(np.asarray(image), page)


def test_tesseract_reads_the_scratch_tiff_as_it_reads_the_png(tmp_path):
    import subprocess

    from qogam.documents.tesseract import _write_scratch

    page = cv2.imread(str(SCANS / "ru_p2_clean.png"), cv2.IMREAD_GRAYSCALE)[:900]
    cv2.imwrite(str(tmp_path / "page.png"), page)
    env = {"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}
    read = [subprocess.run(["tesseract", str(p), "-", "-l", "rus+kaz", "--dpi", "300"], capture_output=True,
                           env=env, check=True).stdout for p in (_write_scratch(page, 300), tmp_path / "page.png")]
    assert read[0] == read[1] and "Объединение" in read[0].decode()


def test_black_and_white_pages_are_recorded_as_such():
    assert ocr_image(SCANS / expected("kk_title_bitonal")["file"], ONE).ocr_bitonal_pages == [1]
    grey = ocr_image(SCANS / expected("ru_p2_clean")["file"], ONE)
    assert grey.ocr_pages == [1] and grey.ocr_bitonal_pages == []
    assert grey.summary()["ocr_bitonal_pages"] == []
