"""Registration marks, appendices and the registering body against the status."""

from pathlib import Path

from qogam.documents import read_text
from qogam.rules import check_document

MINI = (Path(__file__).parents[1] / "fixtures" / "mini_charter.txt").read_text(encoding="utf-8")

MARK = "ЗАРЕГИСТРИРОВАН\nДепартаментом юстиции Жамбылской области\n12.03.2019\n"


def rules_of(text: str, **kwargs) -> list[str]:
    return [f.rule for f in check_document(read_text(text, "t.txt"), **kwargs).findings]


def test_registered_copy_without_a_mark():
    assert "document.stamp-missing" in rules_of(MINI, registered=True)
    assert "document.stamp-missing" not in rules_of(MINI)  # a draft needs no mark


def stamp_findings(pages: list[int], bitonal: list[int]) -> list:
    document = read_text(MINI, "scan.pdf")
    document.ocr_pages, document.ocr_bitonal_pages = pages, bitonal
    return [f for f in check_document(document).findings if f.rule == "document.stamp-missing"]


def test_a_missing_mark_on_a_black_and_white_scan_is_an_unsure_finding():
    # Marks stamped over text are often missed on 1-bit scans: the finding says it may be wrong.
    (finding,) = stamp_findings([1, 2], [1, 2])
    assert finding.low_confidence and finding.details == {"scan": "1-bit"}
    (finding,) = stamp_findings([1, 2], [2])  # a grey or colour page among them
    assert not finding.low_confidence and finding.details == {}


def test_registered_copy_with_a_typed_mark():
    assert "document.stamp-missing" not in rules_of(MARK + MINI, registered=True)


def test_local_association_registered_by_the_regional_department_is_consistent():
    assert "territory.authority-conflict" not in rules_of(MARK + MINI)


def test_republican_association_registered_by_a_territorial_department_conflicts():
    republican = MINI.replace("является местным общественным объединением", "является республиканским общественным объединением")
    republican = republican.replace("на территории Жамбылской области", "на всей территории Республики Казахстан")
    assert "territory.authority-conflict" in rules_of(MARK + republican)


def test_missing_appendix():
    text = MINI + "8. СИМВОЛИКА\n8.1. Описание символики Объединения приведено в Приложении № 1 к настоящему Уставу.\n"
    findings = check_document(read_text(text, "t.txt")).findings
    missing = [f for f in findings if f.rule == "document.appendix-missing"]
    assert len(missing) == 1 and "№ 1" in missing[0].message
    with_appendix = text + "Приложение № 1\nк Уставу Общественного объединения «Жасыл қала»\nОписание символики: зелёный круг с листом.\n"
    assert "document.appendix-missing" not in rules_of(with_appendix)


def test_local_association_registered_in_another_region_conflicts():
    other = MARK.replace("Жамбылской области", "города Алматы")
    assert "territory.authority-conflict" in rules_of(other + MINI)


def test_findings_on_badly_recognised_pages_say_so(monkeypatch):
    document = read_text(MINI.replace("Республика Казахстан, г. Тараз, ул. Толе би, дом 5", "—"), "scan.pdf")
    for p in document.paragraphs:
        p.confidence, p.page = 55.0, 1
    seat = [f for f in check_document(document).findings if f.rule == "structure.missing-seat"]
    assert seat and seat[0].low_confidence
    monkeypatch.setenv("QOGAM_OCR_LOW_CONFIDENCE", "50")
    seat = [f for f in check_document(document).findings if f.rule == "structure.missing-seat"]
    assert seat and not seat[0].low_confidence
