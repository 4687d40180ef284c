"""Bad input: each case a DocumentError with a stable code naming the file — never a traceback or a hang."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import msoffcrypto.format.ooxml
import pytest
from doc_builders import docx_bytes, p

from qogam.documents import DocumentError, read_bytes, read_document
from qogam.documents.archive import ZipLimits, open_zip
from qogam.documents.testing import build_numbered_docx, sample_charter_items


def error_of(path_or_bytes, name: str | None = None, **options) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        if isinstance(path_or_bytes, bytes):
            read_bytes(path_or_bytes, name or "upload", **options)
        else:
            read_document(path_or_bytes, **options)
    error = caught.value
    shown = name or getattr(path_or_bytes, "name", "upload")
    assert shown in str(error), "the message names the file"
    assert error.problem and error.remedy
    return error


@pytest.fixture
def charter_docx(tmp_path):
    return build_numbered_docx(tmp_path / "устав.docx", sample_charter_items("ru"))


def test_empty_file(tmp_path):
    path = tmp_path / "пустой.docx"
    path.write_bytes(b"")
    assert error_of(path).code == "document.empty"


def test_whitespace_only_text(tmp_path):
    path = tmp_path / "пробелы.txt"
    path.write_text(" \n\t\n   \r\n", encoding="utf-8")
    assert error_of(path).code == "document.empty"
    assert error_of("\ufeff  \n".encode("utf-16"), "пробелы16.txt").code == "document.empty"


def test_docx_without_text():
    assert error_of(docx_bytes(p("")), "blank.docx").code == "document.empty"


def test_missing_file_and_folder(tmp_path):
    assert error_of(tmp_path / "нет.docx").code == "document.missing"
    folder = tmp_path / "папка.docx"
    folder.mkdir()
    assert error_of(folder).code == "document.missing"


def test_sparse_200_mb_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "огромный.docx"
    subprocess.run(["truncate", "-s", "200M", str(path)], check=True)
    error = error_of(path)
    assert error.code == "document.too-large"
    assert "200.0 MB" in error.problem and "50 MB" in error.problem


def test_size_limit_is_an_argument(tmp_path, charter_docx):
    assert error_of(charter_docx, max_bytes=1000).code == "document.too-large"
    assert error_of(charter_docx.read_bytes(), "upload.docx", max_bytes=1000).code == "document.too-large"
    assert read_document(charter_docx, max_bytes=10**6).paragraphs


def test_docx_cut_in_half(tmp_path, charter_docx):
    data = charter_docx.read_bytes()
    path = tmp_path / "обрезанный.docx"
    path.write_bytes(data[: len(data) // 2])
    error = error_of(path)
    assert error.code == "document.corrupt"
    assert "damaged or incomplete" in error.problem


def test_zip_that_is_not_a_docx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/1.txt", "hello")
    error = error_of(buffer.getvalue(), "архив.docx")
    assert error.code == "document.unsupported" and "ZIP archive" in error.problem


def test_zip_bomb_by_ratio():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))  # 20 MB of zeros, ~20 KB stored
    data = buffer.getvalue()
    assert len(data) < 100_000
    error = error_of(data, "бомба.docx")
    assert error.code == "document.zip-bomb" and "word/document.xml" in error.problem


def test_zip_bomb_by_total_size():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for i in range(3):
            archive.writestr(f"word/media/{i}.bin", b"x" * 600_000)
    with pytest.raises(DocumentError) as caught:
        open_zip(buffer.getvalue(), "many.docx", ZipLimits(max_total=1_000_000))
    assert caught.value.code == "document.zip-bomb"


def test_jpeg_renamed_docx_is_treated_as_an_image(tmp_path):
    from PIL import Image

    path = tmp_path / "скан.docx"
    Image.new("L", (60, 40), 255).save(path, "JPEG")
    error = error_of(path, ocr=False)
    assert error.code == "document.no-text-layer" and "image" in error.problem


def test_executable_renamed_docx(tmp_path):
    path = tmp_path / "устав.docx"
    shutil.copyfile(shutil.which("true"), path)
    error = error_of(path)
    assert error.code == "document.unsupported" and "program" in error.problem


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x00\x01\x02\x03binary\x00\x00" * 100, "binary data"),
        (b"Rar!\x1a\x07\x00" + b"\x00" * 50, "RAR archive"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 50, "gzip"),
        (b"GIF89a" + b"\x00" * 50, "GIF image"),
    ],
)
def test_other_non_documents(data, what):
    error = error_of(data, "файл.docx")
    assert error.code == "document.unsupported" and what in error.problem


def test_encrypted_docx(tmp_path, charter_docx):
    locked = tmp_path / "пароль.docx"
    with open(charter_docx, "rb") as source, open(locked, "wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret", target)
    assert locked.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    error = error_of(locked)
    assert error.code == "document.encrypted" and "password" in error.problem


def test_damaged_ole2_file():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert error_of(data, "старый.doc").code == "document.corrupt"


def test_malformed_xml_inside_a_docx():
    data = docx_bytes("<w:p><w:r><w:t>Текст</w:t></w:r>")  # the paragraph is never closed
    error = error_of(data, "битый.docx")
    assert error.code == "document.corrupt" and "word/document.xml" in error.problem


def test_read_bytes_names_the_upload_not_a_temporary_file():
    error = error_of(b"%PDF-1.4\nnot really a pdf", "загрузка.pdf")
    assert error.code == "document.corrupt"
