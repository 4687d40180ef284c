import json
import re

import jsonschema
import yaml

from qogam.charter import vocabulary


def _all_patterns(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _all_patterns(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("slug", "abbreviations", "in_scope"):
                yield from _all_patterns(value)


def test_vocabulary_matches_its_schema():
    data = yaml.safe_load(vocabulary.VOCABULARY_FILE.read_text(encoding="utf-8"))
    schema = json.loads(vocabulary.VOCABULARY_FILE.with_name("vocabulary.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_every_pattern_compiles_and_is_lower_case():
    data = vocabulary.raw()
    for pattern in _all_patterns(data):
        re.compile(pattern)
        # Patterns run on normalised (lower-cased) text: an upper-case letter could never match.
        letters = re.sub(r"\\[A-Za-z]", "", pattern)
        assert letters == letters.lower(), pattern


def test_legal_form_patterns_recognise_their_forms():
    cases = {
        "Общественное объединение «Жасыл»": "public_association",
        "Корпоративный фонд «Болашак»": "corporate_fund",
        "Объединение юридических лиц в форме ассоциации «Союз НПО»": "association_of_legal_entities",
        "«Ана тілі» қоғамдық бірлестігі": "public_association",
        "Некоммерческое акционерное общество «Центр»": "noncommercial_joint_stock_company",
    }
    for text, slug in cases.items():
        norm = vocabulary.normalise(text)
        first = next(s for s, _scope, pat in vocabulary.legal_forms() if pat.search(norm))
        assert first == slug, text
