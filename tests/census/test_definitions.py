"""The definitions and flags are data: valid, complete in three languages, and every fact has a text."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from qogam.census import definitions, flags
from qogam.census.definitions import DefinitionError, load

SOURCE = Path(definitions.__file__).parent


def test_definitions_file_is_valid_and_complete():
    data = yaml.safe_load(definitions.DEFINITIONS_FILE.read_text(encoding="utf-8"))
    definitions.validate(data)
    d = load()
    for code in definitions.STATE_CODES:
        for lang in ("ru", "kk", "en"):
            text = d.state_definition(code, lang=lang)
            assert text and "{" not in text, (code, lang)
    for name, values in d.sensitivity.items():
        assert getattr(d.thresholds, name) in values, name


def test_a_broken_definitions_file_is_refused():
    data = yaml.safe_load(definitions.DEFINITIONS_FILE.read_text(encoding="utf-8"))
    data["states"] = list(reversed(data["states"]))
    with pytest.raises(DefinitionError, match="in this order"):
        definitions.validate(data)
    data = yaml.safe_load(definitions.DEFINITIONS_FILE.read_text(encoding="utf-8"))
    del data["thresholds"]["recent_years"]["kk"]
    with pytest.raises(DefinitionError, match="recent_years"):
        definitions.validate(data)


def test_every_fact_the_code_can_produce_has_texts():
    codes = set()
    for path in SOURCE.glob("*.py"):
        codes |= set(re.findall(r'Fact\(\s*"((?:register|filing|signal|anomaly)\.[a-z_]+)"', path.read_text()))
    codes |= {f"signal.{kind}" for kind in load().life_signals}
    assert len(codes) > 20
    missing = sorted(c for c in codes if c not in load().fact_texts)
    assert not missing


def test_flags_file_is_valid():
    flags.catalogue.cache_clear()
    catalogue = flags.catalogue()
    assert catalogue.settings.state_income_share == 0.8
    assert len(catalogue.patterns) >= 10


def test_the_census_core_does_not_import_django():
    code = ("import sys; import qogam.census.states, qogam.census.tabulate, qogam.census.flags, "
            "qogam.census.fast, qogam.census.report, qogam.census.timeline, qogam.census.candidates, "
            "qogam.census.labels; print('django' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
