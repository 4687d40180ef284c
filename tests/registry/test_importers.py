"""Importers on real files written here: CSV (UTF-8, Windows-1251), XLSX, broken files."""

import datetime as dt
import zipfile

import pytest

from qogam.registry.demo.files import BNS_HEADERS, bns_rows, write_bns_csv, write_bns_xlsx
from qogam.registry.importers import (
    BnsImporter,
    FilingsImporter,
    ImportFileError,
    generic_importer,
    load_mapping,
    run_import,
)
from qogam.registry.models import Filing, ImportRun, Organization, Signal

JAN = dt.date(2025, 1, 1)
ROW = ["081240605260", "Общественное объединение «Мейірім»", "«Мейірім» қоғамдық бірлестігі", "14.12.2008",
       "94990", "751110000", "г. Алматы, ул. Абая, 1", "Ахметова Айгуль Ерлановна"]


def bns(path, rows, **kw):
    return write_bns_csv(path, rows, **kw)


def test_bns_csv_keeps_only_non_commercial_rows(db, tmp_path):
    rows = bns_rows(400, seed=1)
    report = run_import(BnsImporter(JAN), bns(tmp_path / "r.csv", rows))
    commercial = sum(1 for r in rows if r[1].split()[0] in ("ТОО", "АО", "ИП"))
    assert report.counts["added"] == Organization.objects.count() == 400 - commercial
    assert report.counts["skipped"] == commercial
    assert any("коммерческая организация" in reason for reason in report.reasons)


def test_fields_and_provenance(db, tmp_path):
    run_import(BnsImporter(JAN), bns(tmp_path / "one.csv", [ROW]))
    org = Organization.objects.get(bin="081240605260")
    assert org.legal_form == "public_association"
    assert org.name_short_ru == "ОО «Мейірім»"
    assert org.region == "750000000" and org.registered_on == dt.date(2008, 12, 14)
    assert org.head_name == "Ахметова Айгуль Ерлановна"
    assert org.provenance["head_name"]["date"] == "2025-01-01"
    assert org.provenance["head_name"]["source"].startswith("bns-")


def test_rerun_is_idempotent_and_force_finds_nothing_new(db, tmp_path):
    path = bns(tmp_path / "r.csv", bns_rows(120, seed=2))
    first = run_import(BnsImporter(JAN), path)
    again = run_import(BnsImporter(JAN), path)
    assert again.already_imported and again.total == 0
    forced = run_import(BnsImporter(JAN), path, force=True)
    assert forced.counts["added"] == 0 and forced.counts["unchanged"] == first.counts["added"]
    assert Organization.objects.count() == first.counts["added"]


def test_xlsx_with_title_row_and_kazakh_headers(db, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Заңды тұлғалар тізілімі"])
    sheet.append(["БСН", "Атауы", "Тіркелген күні", "ЭҚЖЖ", "ӘАОЖ", "Мекенжайы", "Басшы"])
    sheet.append([81240605260, "«Мейірім» қоғамдық қоры", dt.datetime(2008, 12, 14), "94990", 751110000,
                  "Алматы қ.", "Ахметова А."])
    book.save(tmp_path / "kk.xlsx")
    report = run_import(BnsImporter(JAN), tmp_path / "kk.xlsx")
    assert report.counts["added"] == 1
    org = Organization.objects.get()
    assert org.bin == "081240605260" and org.legal_form == "public_fund" and org.registered_on.year == 2008


def test_windows_1251_csv(db, tmp_path):
    path = bns(tmp_path / "cp.csv", [ROW[:2] + ["", *ROW[3:]]], encoding="cp1251")
    report = run_import(BnsImporter(JAN), path)
    assert report.counts["added"] == 1
    assert "cp1251" in " ".join(report.notes)
    assert Organization.objects.get().name_full_ru == "Общественное объединение «Мейірім»"


def test_wrong_checksum_and_duplicates_are_reported_not_written(db, tmp_path):
    bad = ["081240605261", *ROW[1:]]
    duplicate = [ROW[0], "Общественное объединение «Другое»", *ROW[2:]]
    report = run_import(BnsImporter(JAN), bns(tmp_path / "d.csv", [ROW, bad, duplicate]))
    assert report.counts == {"added": 1, "rejected": 1, "skipped": 1}
    reasons = " | ".join(report.reasons)
    assert "контрольная цифра не сходится" in reasons
    assert "повторяется в файле (первый раз в строке 2)" in reasons
    assert Organization.objects.get().name_full_ru == ROW[1]


def test_older_file_never_overwrites_newer_values(db, tmp_path):
    run_import(BnsImporter(JAN), bns(tmp_path / "new.csv", [ROW]))
    old = [ROW[0], ROW[1], ROW[2], ROW[3], ROW[4], ROW[5], ROW[6], "Старый Руководитель"]
    report = run_import(BnsImporter(dt.date(2023, 1, 1)), bns(tmp_path / "old.csv", [old]))
    assert report.counts["skipped"] == 1
    assert "более новые данные" in next(iter(report.reasons))
    assert Organization.objects.get().head_name == "Ахметова Айгуль Ерлановна"
    newer = [*ROW[:7], "Новый Руководитель"]
    report = run_import(BnsImporter(dt.date(2025, 6, 1)), bns(tmp_path / "newer.csv", [newer]))
    assert report.counts["changed"] == 1
    org = Organization.objects.get()
    assert org.head_name == "Новый Руководитель" and org.provenance["head_name"]["date"] == "2025-06-01"
    signal = Signal.objects.get(kind=Signal.Kind.HEAD_CHANGE)
    assert signal.detail["from"] == "Ахметова Айгуль Ерлановна" and signal.date == dt.date(2025, 6, 1)


def test_dry_run_writes_nothing(db, tmp_path):
    report = run_import(BnsImporter(JAN), bns(tmp_path / "r.csv", bns_rows(50, seed=4)), dry_run=True)
    assert report.counts["added"] > 0
    assert Organization.objects.count() == 0 and ImportRun.objects.count() == 0


def test_malformed_xlsx(db, tmp_path):
    path = tmp_path / "broken.xlsx"
    write_bns_xlsx(path, [ROW])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFileError, match="damaged or not an XLSX") as info:
        run_import(BnsImporter(JAN), path)
    assert info.value.code == "import.bad_xlsx" and "save it again" in str(info.value)
    junk = tmp_path / "junk.xlsx"
    with zipfile.ZipFile(junk, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError, match="damaged or not an XLSX"):
        run_import(BnsImporter(JAN), junk)
    assert Organization.objects.count() == 0


@pytest.mark.parametrize("content,message", [
    (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "Excel 97"),
    (b"", "empty"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "binary"),
    ("Город;Население\nАлматы;2000000\n".encode(), "required columns not found"),
    ("БИН;Наименование\n".encode(), "no data rows"),
])
def test_unusable_files(db, tmp_path, content, message):
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        run_import(BnsImporter(JAN), path)


def test_filings_import(db, tmp_path):
    run_import(BnsImporter(JAN), bns(tmp_path / "r.csv", [ROW]))
    csv_text = (
        "БИН;Отчётный год;Дата представления;Доходы всего;Расходы всего;Государственные гранты;"
        "Пожертвования;Благополучатели;Штатные работники;Волонтёры\n"
        "081240605260;2023;15.03.2024;1 500 000,50;1 400 000;1000000;500000;120;3;15\n"
        "081240605260;2023;15.03.2024;1;1;;;;;\n"
        "190340000017;2023;;100;100;;;;;\n"
        "081240605260;3023;;100;100;;;;;\n"
    )
    path = tmp_path / "f.csv"
    path.write_text(csv_text, encoding="utf-8")
    report = run_import(FilingsImporter(dt.date(2024, 4, 1)), path)
    assert report.counts == {"added": 1, "skipped": 1, "rejected": 2}
    filing = Filing.objects.get()
    assert filing.income == pytest.approx(1500000.50) and filing.volunteers == 15 and filing.on_time
    assert filing.income_sources == {"state_grant": 1000000, "donations": 500000}
    assert any("нет в реестре" in r for r in report.reasons)


def test_filings_import_updates_with_newer_data_only(db, tmp_path):
    run_import(BnsImporter(JAN), bns(tmp_path / "r.csv", [ROW]))
    header = "БИН;Отчётный год;Дата представления;Доходы всего;Расходы всего;Учредители\n"
    first = tmp_path / "f1.csv"
    first.write_text(header + "081240605260;2022;10.03.2023;100;90;Иванов Иван Иванович\n"
                     "081240605260;2023;10.03.2024;200;150;\n", encoding="utf-8")
    assert run_import(FilingsImporter(dt.date(2024, 4, 1)), first).counts == {"added": 2}
    newer = tmp_path / "f2.csv"
    newer.write_text(header + "081240605260;2022;10.03.2023;100;90;Иванов Иван Иванович\n"
                     "081240605260;2023;10.03.2024;250;150;\"Петров Пётр Петрович; Ким Анна\"\n", encoding="utf-8")
    report = run_import(FilingsImporter(dt.date(2024, 9, 1)), newer)
    assert report.counts == {"unchanged": 1, "changed": 1}
    filing = Filing.objects.get(year=2023)
    assert filing.income == 250 and filing.expenses == 150 and filing.founders == ["Петров Пётр Петрович", "Ким Анна"]
    assert filing.as_of == dt.date(2024, 9, 1) and Filing.objects.get(year=2022).income == 100
    older = tmp_path / "f3.csv"
    older.write_text(header + "081240605260;2023;10.03.2024;1;1;\n", encoding="utf-8")
    assert run_import(FilingsImporter(dt.date(2024, 5, 1)), older).counts == {"skipped": 1}
    assert Filing.objects.get(year=2023).income == 250
    assert Signal.objects.filter(kind="filing").count() == 2  # one per filing added, none per change


def test_generic_mapping_updates_a_known_organisation_without_its_name(db, tmp_path):
    run_import(BnsImporter(JAN), bns(tmp_path / "r.csv", [ROW]))
    mapping = tmp_path / "map.yaml"
    mapping.write_text("target: organizations\ncolumns:\n  bin: БИН\n  register_status: Статус\n", encoding="utf-8")
    data = tmp_path / "status.csv"
    data.write_text("БИН,Статус\n081240605260,в стадии ликвидации\n190340000017,ликвидирована\n", encoding="utf-8")
    report = run_import(generic_importer(load_mapping(mapping), dt.date(2025, 2, 1)), data)
    assert report.counts == {"changed": 1, "rejected": 1}, report.reasons
    assert Organization.objects.get(bin="081240605260").register_status == "in_liquidation"
    assert any("нет наименования" in reason for reason in report.reasons)


def test_generic_mapping(db, tmp_path):
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "target: organizations\nsource_name: Список акимата\ncolumns:\n  bin: Номер\n  name_full_ru: Название\n"
        "  register_status: Состояние\n  register_status_since: С\nvalues:\n  register_status: {Закрыта: liquidated}\n",
        encoding="utf-8",
    )
    data = tmp_path / "list.csv"
    data.write_text("Номер,Название,Состояние,С\n081240605260,ОФ «Мейірім»,Закрыта,01.02.2024\n"
                    "190340000017,Клуб «Ақ жол»,в стадии ликвидации,\n"
                    "190340000027,ТОО «Х»,действующая,\n", encoding="utf-8")
    report = run_import(generic_importer(load_mapping(mapping), JAN), data)
    assert report.counts == {"added": 2, "skipped": 1}, report.reasons
    assert Organization.objects.get(bin="081240605260").register_status == "liquidated"
    assert Organization.objects.get(bin="190340000017").legal_form == "other"


@pytest.mark.parametrize("text,message", [
    ("target: people\ncolumns: {bin: A}\n", "invalid at target"),
    ("target: organizations\ncolumns: {name_full_ru: B}\n", "'bin' is a required property"),
    ("target: organizations\ncolumns: {bin: A, colour: B}\n", "unknown organisation fields: colour"),
    ("target: [\n", "not valid YAML"),
])
def test_bad_mapping_files(tmp_path, text, message):
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError, match=message):
        load_mapping(path)


def test_headers_are_reported_when_columns_are_missing(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(";".join(h for h in BNS_HEADERS if h != "БИН") + "\n1;2;3;4;5;6;7\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        run_import(BnsImporter(JAN), path)
    assert "bin" in info.value.problem and "Наименование" in info.value.problem
