import re
import string

import pytest
import yaml

from qogam.rules import catalogue
from qogam.rules.engine import registered_checks

REQUIRED = [
    "structure.missing-goals",
    "structure.missing-seat",
    "structure.missing-membership",
    "structure.missing-governance",
    "structure.missing-property-sources",
    "structure.missing-amendment",
    "structure.missing-liquidation",
    "structure.missing-liquidation-property",
    "territory.status-missing",
    "territory.scope-missing",
    "territory.status-conflict",
    "governance.term-missing",
    "governance.amendment-body",
    "goals.too-many",
    "goals.vague",
    "goals.universal",
    "property.profit-distribution",
    "property.liquidation-to-members",
    "fund.no-trustees",
    "name.no-legal-form",
]


def test_catalogue_is_valid():
    data = yaml.safe_load(catalogue.CATALOGUE_FILE.read_text(encoding="utf-8"))
    catalogue.validate(data)


def test_required_slugs_exist():
    slugs = {r.slug for r in catalogue.load().rules}
    assert set(REQUIRED) <= slugs


def test_every_rule_has_a_check_and_every_check_a_rule():
    slugs = {r.slug for r in catalogue.load().rules}
    checks = set(registered_checks())
    assert slugs == checks


def test_invalid_catalogue_is_rejected():
    data = yaml.safe_load(catalogue.CATALOGUE_FILE.read_text(encoding="utf-8"))
    data["rules"][0]["severity"] = "fatal"
    with pytest.raises(Exception, match="fatal"):
        catalogue.validate(data)
    data = yaml.safe_load(catalogue.CATALOGUE_FILE.read_text(encoding="utf-8"))
    del data["rules"][1]["message"]["kk"]
    with pytest.raises(Exception, match="kk"):
        catalogue.validate(data)


def test_placeholders_are_the_same_in_every_language():
    for rule in catalogue.load().rules:
        for texts in (rule.message, rule.fix):
            fields = {
                lang: {f for _, f, _, _ in string.Formatter().parse(t) if f} for lang, t in texts.items()
            }
            assert fields["ru"] == fields["kk"] == fields["en"], rule.slug


def test_rule_patterns_compile():
    for rule in catalogue.load().rules:
        for patterns in rule.patterns.values():
            for p in patterns:
                re.compile(p)


def test_legal_basis_text_names_act_and_article():
    cat = catalogue.load()
    rule = cat.get("territory.scope-missing")
    assert cat.legal_basis_text(rule, "ru").endswith("ст. 12 п. 3")
    assert "Art. 12" in cat.legal_basis_text(rule, "en")
