"""The hand-written data files and the derived gazetteer are valid and consistent."""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

import qogam.geo as geo
from qogam.geo.build import _kazakh_settlement_name, build
from qogam.geo.gazetteer import GAZETTEER_FILE, load

GEO = Path(geo.__file__).parent
KATO_CSV = Path(os.environ.get("QOGAM_KATO_CSV", "/work/shared/data/kato.csv"))


@pytest.mark.parametrize("name", ["aliases", "context"])
def test_yaml_matches_its_schema(name):
    data = yaml.safe_load((GEO / f"{name}.yaml").read_text(encoding="utf-8"))
    schema = json.loads((GEO / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_every_alias_says_why():
    aliases = yaml.safe_load((GEO / "aliases.yaml").read_text(encoding="utf-8"))
    for item in aliases["aliases"]:
        assert len(item["note"]) > 5, item


def _shipped() -> dict:
    return json.loads(gzip.decompress(GAZETTEER_FILE.read_bytes()))


def test_gazetteer_carries_its_provenance():
    provenance = _shipped()["provenance"]
    assert provenance["kato_version"] == "NK RK 11-2025"
    for field in ("kato_sha256", "aliases_sha256", "context_sha256"):
        assert re.fullmatch(r"[0-9a-f]{64}", provenance[field]), field
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", provenance["built_at"])
    assert geo.provenance()["kato_sha256"] == provenance["kato_sha256"]


def test_every_code_is_nine_digits_and_in_a_first_level_unit():
    data = _shipped()
    units = load().units
    first_level = {code for code, row in units.items() if row[0] == "oblast"}
    assert len(first_level) == 20
    for code in units:
        assert re.fullmatch(r"\d{9}", code)
        assert code[:2] + "0000000" in first_level
    for entry in data["entries"]:
        assert re.fullmatch(r"\d{9}", entry[0])
        assert entry[0] == "000000000" or entry[0] in units
        for also in entry[3]:
            assert also in first_level


def test_levels_are_covered():
    units = load().units
    kinds = {}
    for row in units.values():
        kinds[(row[0], row[1])] = kinds.get((row[0], row[1]), 0) + 1
    assert kinds[("oblast", "oblast")] == 17
    assert kinds[("oblast", "city")] == 3
    # 209 district-level units: 161 districts and 48 city administrations (Г.А.)
    assert kinds[("district", "district")] + kinds[("district", "city_admin")] == 209
    assert kinds[("settlement", "settlement")] > 9000


def _written_forms(row: list) -> list[str]:
    """How a person would write the unit: its Russian KATO name, and its Kazakh name
    with the full word for the marker («ауылы», «кенті», «қаласы»)."""
    level, kind, name_ru, name_kk = row[0], row[1], row[2], row[3]
    if kind == "settlement":
        ru = name_ru.replace('"', "")
        if ru.startswith("с.им."):
            ru = "с. имени " + ru[len("с.им."):]
        marker = "кенті" if re.search(r"\sк\.$", name_kk) else "ауылы"
        return [ru, _kazakh_settlement_name(name_kk) + " " + marker]
    if kind == "city" and level != "oblast":
        return [name_ru, re.sub(r"\s+[қќ]\.$", "", name_kk) + " қаласы"]
    return [name_ru, name_kk.replace("атын.ауданы", "атындағы ауданы")]


def test_every_name_resolves_back_to_its_code():
    """Each unit's Russian and Kazakh name, found in a sentence, gives back its code
    (or lists it among the candidates when the name is shared)."""
    units = load().units
    failures = []
    for code, row in units.items():
        if row[1] == "city_admin":
            continue  # «Семей Г.А.»: its city «г.Семей» is the matchable unit
        for written in _written_forms(row):
            found = geo.find_places(f"Адрес: {written}, дом 5")
            if not any(p.kato == code or code in p.candidates for p in found):
                failures.append((code, written, [(p.kato, p.text) for p in found]))
    assert not failures, f"{len(failures)} names do not resolve, e.g. {failures[:10]}"


@pytest.mark.slow
@pytest.mark.skipif(not KATO_CSV.exists(), reason=f"KATO source {KATO_CSV} not present (set QOGAM_KATO_CSV)")
def test_shipped_gazetteer_is_rebuilt_from_its_sources():
    """The package file equals a fresh build from kato.csv, aliases.yaml and context.yaml:
    run `python scripts/build_gazetteer.py` after editing them."""
    shipped = _shipped()
    fresh = build(KATO_CSV, built_at=shipped["provenance"]["built_at"])
    assert fresh["provenance"] == shipped["provenance"]
    assert fresh == shipped
