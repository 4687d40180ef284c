"""Reports of a real check of the bundled sample charter."""

import io
import json
import zipfile
from functools import cache
from pathlib import Path

import qogam
from qogam.reports import annotate_docx, render_html, render_json, render_text
from qogam.rules import check_file

SAMPLE = Path(qogam.__file__).parent / "samples" / "sample_charter.docx"


@cache
def sample_result(lang: str = "ru"):
    return check_file(SAMPLE, lang=lang)


def test_json_follows_the_contract():
    data = json.loads(render_json(sample_result()))
    assert set(data) >= {"document", "charter", "findings"}
    assert data["charter"]["legal_form"] == "public_association"
    assert data["charter"]["status"] == "local"
    assert all(len(code) == 9 and code.isdigit() for code in data["charter"]["regions"])
    for finding in data["findings"]:
        assert set(finding) >= {"rule", "severity", "message", "legal_basis", "location", "fix"}
        assert finding["severity"] in ("error", "warning", "info")


def test_sample_charter_findings_are_the_planted_ones():
    import yaml

    planted = yaml.safe_load((SAMPLE.parent / "sample_charter.yaml").read_text(encoding="utf-8"))["defects"]
    found = {f.rule for f in sample_result().findings}
    assert {d["rule"] for d in planted} == found


def test_text_report_groups_by_severity_and_quotes_the_clause():
    text = render_text(sample_result())
    assert text.index("Ошибки") < text.index("Предупреждения")
    assert "п. 11.1" in text and "Закон РК «Об общественных объединениях»" in text


def test_report_languages():
    assert "Errors" in render_text(sample_result("en"))
    assert "Қателер" in render_text(sample_result("kk"))


def test_html_report_highlights_offending_paragraphs():
    html = render_html(sample_result())
    assert html.startswith("<!DOCTYPE html>")
    assert 'class="hit error"' in html
    assert "territory.status-conflict" in html
    assert "<script" not in html  # standalone and static


def test_annotated_docx_has_one_comment_per_finding():
    result = sample_result()
    out = annotate_docx(result, SAMPLE.read_bytes())
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        comments = zf.read("word/comments.xml").decode()
        body = zf.read("word/document.xml").decode()
    assert comments.count("<w:comment ") == len(result.findings)
    assert body.count("commentRangeStart") == len(result.findings)
    assert "governance.amendment-body" in comments


def test_the_text_report_marks_profile_groups_only_the_model_gave():
    from qogam.reports.text import _profile_group

    group = {"code": "9", "name": {"ru": "Международная деятельность", "kk": "Халықаралық қызмет",
                                   "en": "International"}, "goals": [3], "method": "model"}
    assert _profile_group(group, "ru") == "9 Международная деятельность (1, модель)"
    assert _profile_group(group, "en") == "9 International (1, model)"
    assert _profile_group({**group, "method": "rules"}, "kk") == "9 Халықаралық қызмет (1)"
