"""`qogam geo`: text, files, standard input, JSON and JSON Lines, clear errors."""

from __future__ import annotations

import io
import json

import docx

from qogam.cli import main


def test_text_argument_prints_places_regions_and_scope(capsys):
    assert main(["geo", "Филиал в г. Тараз и Жамбылском районе"]) == 0
    out = capsys.readouterr().out
    assert "311010000" in out and "г. Тараз" in out and "[9:17]" in out
    assert "310000000 Жамбылская область" in out
    assert "314000000" in out  # the district resolved by the city's region


def test_json_format(capsys):
    assert main(["geo", "Филиалы — г. Тараз", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["places"][0] == {"kato": "311010000", "region": "310000000", "text": "г. Тараз",
                                 "start": 10, "end": 18, "kind": "city"}
    assert data["regions"] == ["310000000"] and data["whole_country"] is False


def test_lines_reads_stdin_and_prints_one_object_per_line(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("в Астане\n\nна всей территории Республики Казахстан\n"))
    assert main(["geo", "-", "--lines"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first, empty, third = (json.loads(line) for line in lines)
    assert first["regions"] == ["710000000"]
    assert empty == {"places": [], "regions": [], "whole_country": False, "ambiguous": []}
    assert third["whole_country"] is True


def test_plain_text_file(tmp_path, capsys):
    path = tmp_path / "устав.txt"
    path.write_text("Территория деятельности: Карагандинская область.", encoding="cp1251")
    assert main(["geo", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["regions"] == ["350000000"]


def test_docx_file_goes_through_the_documents_reader(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("УСТАВ")
    document.add_paragraph("Объединение действует на территории Павлодарской области.")
    path = tmp_path / "charter.docx"
    document.save(path)
    assert main(["geo", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["regions"] == ["550000000"]


def test_missing_file_is_a_clear_error(capsys):
    assert main(["geo", "/no/such/устав.docx"]) == 2
    err = capsys.readouterr().err
    assert "устав.docx" in err and "no such file" in err


def test_unreadable_document_prints_the_document_error(tmp_path, capsys):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not a real archive")
    assert main(["geo", str(path)]) == 2
    err = capsys.readouterr().err
    assert "broken.docx" in err
    assert "Traceback" not in err


def test_geo_is_listed_in_help():
    from qogam.cli import build_parser

    assert "geo" in build_parser().format_help()
