"""The registry's data files: valid against their schemas and consistent with KATO."""

import csv
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from qogam.registry import reference
from qogam.registry.reference import DATA

SCHEMAS = json.loads((DATA / "data.schema.json").read_text(encoding="utf-8"))
KATO = Path(__file__).resolve().parents[3] / "shared" / "data" / "kato.csv"


@pytest.mark.parametrize("name", ["legal_forms.yaml", "regions.yaml", "filing_fields.yaml", "bns_columns.yaml", "demo_names.yaml"])
def test_file_matches_its_schema(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    schema = {"$defs": SCHEMAS["$defs"], "$ref": f"#/$defs/{name}"}
    jsonschema.validate(data, schema)


def test_regions_are_the_twenty_units_with_distinct_tiles():
    regions = reference.regions()
    assert len(regions) == 20
    assert len({r.grid for r in regions.values()}) == 20
    assert {"100000000", "330000000", "620000000"} <= set(regions)  # the three 2022 oblasts


def test_population_adds_up_to_the_published_total():
    total = sum(r.population for r in reference.regions().values())
    assert abs(total - 20_478_879) < 1000


@pytest.mark.skipif(not KATO.exists(), reason="shared/data/kato.csv is not beside the repository")
def test_places_and_centres_are_real_kato_units_of_their_region():
    with KATO.open(encoding="utf-8") as fh:
        kato = {row["kato"]: row for row in csv.DictReader(fh)}
    for code, region in reference.regions().items():
        assert kato[code]["level"] == "oblast"
        assert kato[region.centre]["kato"].startswith(code[:2])
    for place in reference.places():
        assert place.kato in kato, place
        assert place.kato[:2] == place.region[:2]
        assert kato[place.kato]["name_ru"] == place.name_ru


def test_every_region_has_places():
    regions_with_places = {p.region for p in reference.places()}
    assert regions_with_places == set(reference.regions())


def test_demo_shares_sum_to_one():
    assert abs(sum(f.demo_share for f in reference.legal_forms().values()) - 1) < 1e-9


def test_mapping_schema_is_a_valid_schema():
    schema = json.loads((DATA / "mapping.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name,form,commercial", [
    ("Общественное объединение «Мейірім»", "public_association", False),
    ("«Мейірім» қоғамдық қоры", "public_fund", False),
    ("ОФ «Береке»", "public_fund", False),
    ("Некоммерческое акционерное общество «Центр»", "noncommercial_joint_stock_company", False),
    ("Акционерное общество «Банк»", None, True),
    ("ТОО «Рога и копыта»", None, True),
    ("«Адал» жауапкершілігі шектеулі серіктестігі", None, True),
    ("Объединение юридических лиц в форме ассоциации «Союз»", "association_of_legal_entities", False),
    ("КГУ «Школа № 5»", "state_institution", False),
    ("«Нечто»", None, False),
])
def test_legal_form_detection(name, form, commercial):
    match = reference.detect_legal_form(name)
    assert (match.code, match.commercial) == (form, commercial)


def test_headers_match_longest_variant():
    headers = ["БИН", "Наименование", "Наименование на казахском языке", "ӘАОЖ", "Басшы"]
    assert reference.match_columns(headers, reference.bns_columns()) == {
        "bin": 0, "name_ru": 1, "name_kk": 2, "kato": 3, "head": 4}
