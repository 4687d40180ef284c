"""`qogam import population FILE`: residents per region with their source, all or nothing."""

import io
from contextlib import redirect_stderr, redirect_stdout

import openpyxl
import pytest

from qogam.census.models import RegionPopulation
from qogam.cli import main
from qogam.registry.reference import regions

SOURCE = ["--source-name", "БНС АСПР РК, численность населения на 1 января 2026 г."]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["import", "population", *args])
    return code, out.getvalue(), err.getvalue()


def write_csv(path, rows, header="Код КАТО;Наименование;Численность населения"):
    path.write_text("Численность населения по регионам\n" + header + "\n" + "\n".join(";".join(map(str, r)) for r in rows),
                    encoding="utf-8")
    return path


def all_regions():
    return [(code, region.name("ru"), 500_000 + i * 1000) for i, (code, region) in enumerate(regions().items())]


def test_a_csv_of_twenty_regions(db, tmp_path):
    path = write_csv(tmp_path / "pop.csv", [*all_regions(), ("", "Итого", 99_999_999)])
    code, out, err = run(str(path), *SOURCE, "--as-of", "2026-01-01")
    assert code == 0, err
    assert RegionPopulation.objects.count() == 20
    almaty = RegionPopulation.objects.get(region="750000000")
    assert almaty.source.startswith("БНС") and almaty.year == 2026 and almaty.file_name == "pop.csv"
    assert "20 регионов" in out


def test_names_instead_of_codes_in_an_xlsx(db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Регион", "Население", "Год"])
    names = ["г. Алматы", "Алматы облысы", "ВКО", "Жамбылская обл.", "Abai Region"]
    for i, name in enumerate(names):
        sheet.append([name, 1_000_000 + i, 2025])
    path = tmp_path / "pop.xlsx"
    book.save(path)
    code, _out, err = run(str(path), *SOURCE)
    assert code == 0
    assert set(RegionPopulation.objects.values_list("region", flat=True)) == {
        "750000000", "190000000", "630000000", "310000000", "100000000"}
    assert "нет данных по 15 регионам" in err


def test_bad_rows_write_nothing(db, tmp_path):
    RegionPopulation.objects.create(region="750000000", population=2_000_000, source="прежний")
    path = write_csv(tmp_path / "bad.csv", [("750000000", "", 2_345_012), ("999999999", "", 100_000),
                                            ("310000000", "", "много"), ("750000000", "", 2_000_001),
                                            ("710000000", "", 12)])
    code, _out, err = run(str(path), *SOURCE)
    assert code == 1
    assert "строка 4: «999999999» — не регион" in err
    assert "строка 5: «много» is not a number" in err
    assert "строка 6: регион 750000000 встречается второй раз" in err
    assert "строка 7: численность «12» вне пределов" in err
    assert "Ничего не записано" in err
    assert list(RegionPopulation.objects.values_list("source", flat=True)) == ["прежний"]


@pytest.mark.parametrize("content, message", [
    ("", "empty"),
    ("Регион;Что-то\nАлматы;1\n", "не найдены столбцы"),
])
def test_unusable_files_are_explained(db, tmp_path, content, message):
    path = tmp_path / "f.csv"
    path.write_text(content, encoding="utf-8")
    code, _out, err = run(str(path), *SOURCE)
    assert code == 2 and message in err and "Traceback" not in err


def test_the_source_is_required(db, tmp_path):
    path = write_csv(tmp_path / "pop.csv", all_regions())
    code, _out, err = run(str(path))
    assert code == 2 and "--source-name" in err
    assert not RegionPopulation.objects.exists()


def test_dry_run_writes_nothing(db, tmp_path):
    path = write_csv(tmp_path / "pop.csv", all_regions())
    code, out, _err = run(str(path), *SOURCE, "--dry-run")
    assert code == 0 and "ничего не записано" in out and not RegionPopulation.objects.exists()
