"""Building the gazetteer: inflected forms, and clear errors for bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qogam.geo.build import BuildError, build, read_kato, serialise
from qogam.geo.inflect import adjective_forms, kazakh_case_forms, russian_noun_forms
from qogam.geo.normalize import fold, key

ROOT = Path(__file__).resolve().parents[2]
HEADER = "kato,kato_version,level,type_code,name_ru,name_kk\n"


def test_adjective_forms():
    forms = adjective_forms("Жамбылская")
    assert {"Жамбылская", "Жамбылской", "Жамбылскую", "Жамбылские", "Жамбылских", "Жамбылскими",
            "Жамбылский", "Жамбылского", "Жамбылском"} <= forms
    assert "Северо-Казахстанской" in adjective_forms("Северо-Казахстанская")
    with pytest.raises(ValueError):
        adjective_forms("Алматы")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Шымкент", {"Шымкента", "Шымкенте", "Шымкенту", "Шымкентом"}),
        ("Караганда", {"Караганды", "Караганде", "Караганду", "Карагандой"}),
        ("Астана", {"Астаны", "Астане", "Астану", "Астаной"}),
        ("Семей", {"Семея", "Семее", "Семею", "Семеем"}),
        ("Тараз", {"Тараза", "Таразе"}),
        ("Конаев", {"Конаева", "Конаеве", "Конаевым"}),
        ("Рудный", {"Рудного", "Рудном"}),
        ("Арысь", {"Арыси", "Арысью"}),
    ],
)
def test_russian_city_forms(name, expected):
    assert expected <= russian_noun_forms(name)


def test_indeclinable_and_ambiguous_city_forms():
    assert russian_noun_forms("Алматы") == {"Алматы"}
    assert russian_noun_forms("Актобе") == {"Актобе"}
    assert "Уральском" not in russian_noun_forms("Уральск")  # reads as «в Уральском регионе»


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Алматы", {"Алматыда", "Алматының", "Алматыға", "Алматыдан", "Алматыдағы"}),
        ("Астана", {"Астанада", "Астананың", "Астанаға"}),
        ("Шымкент", {"Шымкентте", "Шымкенттің", "Шымкентке", "Шымкенттен"}),
        ("Өскемен", {"Өскеменде", "Өскеменнің", "Өскеменге", "Өскеменнен"}),
        ("Орал", {"Оралда", "Оралдың", "Оралға"}),
        ("Атырау", {"Атырауда", "Атыраудың"}),
    ],
)
def test_kazakh_case_forms(name, expected):
    assert expected <= kazakh_case_forms(name)


def test_folding_keeps_offsets_and_merges_spellings():
    text = "Жетісу, Жетысу, Жетiсу; ЁЭ"
    assert len(fold(text)) == len(text)
    assert key("Жетісу") == key("Жетысу") == key("Жетiсу") == "жетису"
    assert key("Северо‑Казахстанская") == "северо-казахстанская"  # non-breaking hyphen


def _kato(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "kato.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_bad_kato_files_get_specific_errors(tmp_path):
    bad_header = tmp_path / "k.csv"
    bad_header.write_text("code,name\n1,x\n", encoding="utf-8")
    with pytest.raises(BuildError, match="unexpected columns"):
        read_kato(bad_header)
    with pytest.raises(BuildError, match="line 2: KATO code '12345' is not 9 digits"):
        read_kato(_kato(tmp_path, "12345,NK,oblast,0,x,y\n"))
    with pytest.raises(BuildError, match="unknown level 'county'"):
        read_kato(_kato(tmp_path, "100000000,NK,county,0,x,y\n"))
    with pytest.raises(BuildError, match="expected 20 first-level units, found 1"):
        read_kato(_kato(tmp_path, "100000000,NK,oblast,0,область Абай,Абай облысы\n"))
    with pytest.raises(BuildError, match="cannot read"):
        read_kato(tmp_path / "missing.csv")


def test_build_refuses_aliases_pointing_outside_kato(tmp_path):
    """A KATO file without a unit that aliases.yaml names is rejected with the alias named."""
    source = Path("/work/shared/data/kato.csv")
    if not source.exists():
        pytest.skip("KATO source not present")
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    trimmed = [line for line in lines if not line.startswith("101010000")]  # г.Семей
    path = tmp_path / "kato.csv"
    path.write_text("".join(trimmed), encoding="utf-8")
    with pytest.raises(BuildError, match="101010000, which is not in KATO"):
        build(path)


def test_serialise_is_deterministic():
    data = {"format": 1, "b": [1, 2], "a": "Алматы"}
    assert serialise(data) == serialise(json.loads(json.dumps(data)))


def test_build_script_reports_errors_without_traceback(tmp_path):
    bad = tmp_path / "kato.csv"
    bad.write_text("nonsense\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts/build_gazetteer.py"), "--kato", str(bad),
                          "--out", str(tmp_path / "g.json.gz")], capture_output=True, text=True)
    assert run.returncode == 2
    assert "unexpected columns" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "g.json.gz").exists()
