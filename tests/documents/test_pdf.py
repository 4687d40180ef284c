"""PDF text layers: paragraphs, pages, running headers, columns, protection, scans."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader, PdfWriter

from qogam.documents import DocumentError, read_bytes, read_document
from qogam.documents.testing import numbered_lines, sample_charter_items


def test_charter_pdf_paragraphs_numbers_and_pages(fixtures):
    document = read_document(fixtures / "charter.pdf")
    assert document.format == "pdf"
    assert document.pages == 4
    texts = [p.text for p in document.paragraphs]
    # Four rounds of the sample charter, every clause one paragraph, wrapped lines joined.
    expected = numbered_lines(sample_charter_items("ru", repeat=4))
    assert [t.replace("  ", " ") for t in texts] == expected
    assert [p.number for p in document.paragraphs[:4]] == [None, "1.", "1.1.", "1.2."]
    assert [p.page for p in document.paragraphs][0] == 1
    assert document.paragraphs[-1].page == 4
    pages = [p.page for p in document.paragraphs]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3, 4}


def test_running_header_and_page_numbers_are_dropped(fixtures):
    document = read_document(fixtures / "charter.pdf")
    assert not any("Устав общественного объединения" in p.text for p in document.paragraphs)
    assert not any(p.text.strip().isdigit() for p in document.paragraphs)


def test_a_single_page_keeps_its_header_line(fixtures):
    # One text page cannot show that a line repeats: nothing is dropped but page numbers.
    document = read_document(fixtures / "mixed.pdf", ocr=False)
    assert document.paragraphs[0].text == "Устав общественного объединения «Жаңа өмір»"


def test_two_column_page_is_read_left_column_then_right(fixtures):
    document = read_document(fixtures / "bilingual.pdf")
    columns = [p.column for p in document.paragraphs]
    assert columns == [0] * 6 + [1] * 6
    assert {p.language for p in document.paragraphs if p.column == 0} == {"kk"}
    assert {p.language for p in document.paragraphs if p.column == 1} == {"ru"}
    assert document.paragraphs[6].text == "УСТАВ"
    assert document.paragraphs[8].number == "1.1."


def test_password_protected_pdf(tmp_path, fixtures):
    writer = PdfWriter(clone_from=fixtures / "bilingual.pdf")
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert error.value.code == "document.encrypted"
    assert "locked.pdf" in str(error.value) and "password" in str(error.value)


def test_pdf_with_only_an_owner_password_is_read(tmp_path, fixtures):
    writer = PdfWriter(clone_from=fixtures / "bilingual.pdf")
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert len(read_document(path).paragraphs) == 12


def test_scan_without_ocr_is_a_clear_error(fixtures):
    with pytest.raises(DocumentError) as error:
        read_document(fixtures / "scan.pdf", ocr=False)
    assert error.value.code == "document.no-text-layer"
    assert "tesseract-ocr-rus" in str(error.value) and "scan.pdf" in str(error.value)


def test_scanned_page_among_text_pages_is_a_warning_without_ocr(fixtures):
    document = read_document(fixtures / "mixed.pdf", ocr=False)
    assert document.pages == 2
    assert {p.page for p in document.paragraphs} == {1}
    assert any("2" in w and "no text layer" in w for w in document.warnings)


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is installed by scripts/setup.sh")
def test_scanned_page_goes_to_ocr(fixtures):
    document = read_bytes((fixtures / "mixed.pdf").read_bytes(), "смешанный.pdf")
    assert document.name == "смешанный.pdf"
    assert document.ocr_pages == [2]
    scanned = [p for p in document.paragraphs if p.page == 2]
    assert scanned and all(p.confidence is not None for p in scanned)
    assert "ПОЛОЖЕНИЯ" in " ".join(p.text for p in scanned)
    assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))
    assert document.paragraphs[0].page == 1


def test_damaged_pdf(tmp_path, fixtures):
    data = (fixtures / "bilingual.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError) as error:
        read_document(path)
    assert error.value.code == "document.corrupt"
    assert "cut.pdf" in str(error.value) and "damaged" in str(error.value)


def test_pages_of_a_merged_pdf_follow_the_page_order(tmp_path, fixtures):
    writer = PdfWriter()
    for name in ("bilingual.pdf", "charter.pdf"):
        for page in PdfReader(fixtures / name).pages[:1]:
            writer.add_page(page)
    path = tmp_path / "two.pdf"
    writer.write(path)
    document = read_document(path)
    assert document.paragraphs[0].page == 1 and document.paragraphs[-1].page == 2
    assert document.paragraphs[-1].column is None and document.paragraphs[0].column == 0


@pytest.mark.slow
@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is installed by scripts/setup.sh")
def test_image_file_named_docx_is_recognised(tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (1600, 500), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    draw.text((80, 80), "1. ОБЩИЕ ПОЛОЖЕНИЯ", font=font, fill=0)
    draw.text((80, 200), "1.1. Объединение является некоммерческой организацией.", font=font, fill=0)
    path = tmp_path / "устав.docx"
    page.save(path, "JPEG", quality=95, dpi=(300, 300))
    document = read_document(path)
    assert (document.format, document.name) == ("image", "устав.docx")
    assert "ПОЛОЖЕНИЯ" in document.text and "некоммерческой" in document.text
    assert document.ocr_pages == [1] and document.paragraphs[0].confidence is not None


_HEADER = "Устав общественного объединения «Жаңа өмір»"


def _page(number: int, body: list[str]) -> list[tuple[float, float, str]]:
    """A page with a running header, body lines at a 14 pt pitch and a page number."""
    lines = [(72.0, 790.0, _HEADER)]
    lines += [(72.0, 750.0 - 14 * i, text) for i, text in enumerate(body)]
    lines.append((290.0, 40.0, str(number)))
    return lines


def test_paragraph_continues_across_a_page_break_under_a_running_header(tmp_path):
    from doc_builders import text_pdf

    first = [
        "1. ОБЩИЕ ПОЛОЖЕНИЯ",
        "1.1. Объединение осуществляет свою деятельность на территории города Алматы и",
        "вправе открывать филиалы и представительства в порядке, установленном",
    ]
    second = [
        "законодательством Республики Казахстан, с учётом требований настоящего Устава.",
        "1.2. Объединение является юридическим лицом с момента государственной регистрации.",
    ]
    path = text_pdf(tmp_path / "cross.pdf", [_page(1, first), _page(2, second)])
    paragraphs = read_document(path).paragraphs
    assert [p.number for p in paragraphs] == ["1.", "1.1.", "1.2."]
    assert paragraphs[1].text.endswith("в порядке, установленном законодательством Республики Казахстан, "
                                       "с учётом требований настоящего Устава.")
    assert paragraphs[1].page == 1 and paragraphs[2].page == 2
    assert not any(_HEADER in p.text or p.text.isdigit() for p in paragraphs)


def test_finished_sentence_at_the_foot_of_a_page_ends_its_paragraph(tmp_path):
    from doc_builders import text_pdf

    first = [
        "1.1. Объединение осуществляет свою деятельность на территории города Алматы и",
        "вправе открывать филиалы и представительства в порядке, установленном законом.",
    ]
    second = ["Объединение имеет самостоятельный баланс, печать и бланки со своим наименованием."]
    path = text_pdf(tmp_path / "end.pdf", [_page(1, first), _page(2, second)])
    paragraphs = read_document(path).paragraphs
    assert [p.page for p in paragraphs] == [1, 2]
    assert paragraphs[1].text.startswith("Объединение имеет")
