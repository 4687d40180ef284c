"""`qogam read FILE`: paragraphs as the checker sees them; unreadable files exit 2 with a Russian message."""

from __future__ import annotations

import json

from qogam.cli import main
from qogam.documents.testing import build_numbered_docx


def test_read_prints_numbered_paragraphs(tmp_path, capsys):
    path = build_numbered_docx(tmp_path / "устав.docx", [(1, "ОБЩИЕ ПОЛОЖЕНИЯ", "Heading 1"), (2, "Объединение создано гражданами.", None)])
    assert main(["read", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("устав.docx: docx")
    assert out[1].endswith("[1.] ОБЩИЕ ПОЛОЖЕНИЯ") and " H1 " in out[1]
    assert out[2].endswith("[1.1.] Объединение создано гражданами.")


def test_read_json_has_the_paragraph_fields(tmp_path, capsys):
    path = build_numbered_docx(tmp_path / "устав.docx", [(1, "Жалпы ережелер", None)])
    assert main(["read", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paragraphs"][0]["number"] == "1." and data["paragraphs"][0]["language"] == "kk"
    assert data["document"]["format"] == "docx"


def test_unreadable_file_exits_2_with_the_reason_in_russian_first(tmp_path, capsys):
    path = tmp_path / "пусто.docx"
    path.write_bytes(b"")
    assert main(["read", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("qogam read: пусто.docx: файл пуст")
    assert "the file is empty" in err[1]
