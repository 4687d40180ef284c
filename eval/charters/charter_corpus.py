"""The evaluation corpus: clean charters, negative documents, and their truth (YAML).

    from charter_corpus import clean_charters, negatives, CLEAN_SCHEMA, NEGATIVE_SCHEMA

Each clean charter is ``clean/NN_slug.txt`` with ``clean/NN_slug.yaml``; each negative
document is ``negative/NN_slug.txt`` with ``negative/NN_slug.yaml``. The fields are described
in ``README.md`` and checked by the JSON schemas below (tests/eval/test_corpus.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CLEAN_DIR = HERE / "clean"
NEGATIVE_DIR = HERE / "negative"
DOCX_DIR = HERE / "docx"

LEGAL_FORMS = [
    "public_association",
    "public_fund",
    "corporate_fund",
    "private_fund",
    "association_of_legal_entities",
    "private_institution",
    "noncommercial_joint_stock_company",
    "consumer_cooperative",
]
FUNDS = ("public_fund", "corporate_fund", "private_fund")
KATO_FIRST_LEVEL = [
    "100000000", "110000000", "150000000", "190000000", "230000000", "270000000", "310000000",
    "330000000", "350000000", "390000000", "430000000", "470000000", "550000000", "590000000",
    "610000000", "620000000", "630000000", "710000000", "750000000", "790000000",
]

_KATO = {"type": "string", "enum": KATO_FIRST_LEVEL}
CLEAN_SCHEMA = {
    "type": "object",
    "required": [
        "legal_form", "status", "regions", "whole_country", "seat", "seat_region", "name_full_ru",
        "goals", "language", "numbering", "supreme_body", "terms", "amendment_body",
        "liquidation_property", "docx", "expected_findings",
    ],
    "properties": {
        "legal_form": {"enum": LEGAL_FORMS},
        "status": {"enum": ["republican", "regional", "local", None]},
        "regions": {"type": "array", "items": _KATO, "uniqueItems": True},
        "branch_regions": {"type": "array", "items": _KATO, "uniqueItems": True},
        "whole_country": {"type": "boolean"},
        "seat": {"type": "string", "minLength": 20},
        "seat_region": _KATO,
        "name_full_ru": {"type": "string", "minLength": 10},
        "name_short_ru": {"type": "string"},
        "name_full_kk": {"type": "string"},
        "goals": {"type": "integer", "minimum": 1, "maximum": 15},
        "language": {"enum": ["ru", "bilingual"]},
        "bilingual_layout": {"enum": ["kazakh_then_russian", "two_column"]},
        "russian_part_marker": {"type": "string"},
        "numbering": {"type": "string"},
        "has_membership": {"type": "boolean"},
        "supreme_body": {"type": "string"},
        "permanent_body": {"type": "string"},
        "executive_body": {"type": "string"},
        "control_body": {"type": "string"},
        "trustees": {"type": "string"},
        "terms": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
        "amendment_body": {"type": "string"},
        "liquidation_property": {"const": "to charter goals"},
        "name_traps": {"type": "array", "items": {"type": "string"}},
        "precision_traps": {"type": "array", "items": {"type": "string"}},
        "name_form_word_in_quotes": {"type": "boolean"},
        "docx": {
            "type": "object",
            "required": ["auto_numbering", "layout"],
            "properties": {
                "auto_numbering": {"type": "boolean"},
                "layout": {"enum": ["paragraphs", "two_column_table"]},
            },
            "additionalProperties": False,
        },
        "expected_findings": {"type": "array", "items": {"type": "string"}},
    },
    "allOf": [
        # Territorial status belongs to public associations only.
        {
            "if": {"properties": {"legal_form": {"const": "public_association"}}},
            "then": {"properties": {"status": {"enum": ["republican", "regional", "local"]}}},
            "else": {"properties": {"status": {"const": None}}},
        },
        {
            "if": {"properties": {"language": {"const": "bilingual"}}},
            "then": {"required": ["bilingual_layout", "russian_part_marker", "name_full_kk"]},
        },
        {
            "if": {"properties": {"legal_form": {"enum": list(FUNDS)}}},
            "then": {"required": ["trustees"]},
        },
    ],
}

_RULE_PATTERN = {"type": "string", "pattern": r"^[a-z]+\.[a-z*-]+$|^[a-z]+\.\*$"}
NEGATIVE_SCHEMA = {
    "type": "object",
    "required": ["kind", "description", "language", "expected"],
    "properties": {
        "kind": {"enum": ["contract", "fiction", "commercial_charter", "foreign_charter", "party_charter", "religious_charter"]},
        "description": {"type": "string"},
        "language": {"enum": ["ru", "kk", "bilingual"]},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "legal_form": {"type": "string"},
        "legal_form_note": {"type": "string"},
        "expected": {
            "type": "object",
            "required": ["any_of", "forbidden_rules"],
            "properties": {
                "any_of": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "minProperties": 1,
                        "properties": {
                            "rules": {"type": "array", "items": _RULE_PATTERN, "minItems": 1},
                            "in_scope": {"type": "boolean"},
                        },
                        "additionalProperties": False,
                    },
                },
                "legal_form": {"type": "string"},
                "forbidden_rules": {"type": "array", "items": _RULE_PATTERN},
            },
            "additionalProperties": False,
        },
    },
}


@dataclass
class CorpusDocument:
    id: str  # the file stem, "01_oo_local_zhambyl_youth"
    path: Path
    text: str
    meta: dict

    @property
    def docx_path(self) -> Path:
        return DOCX_DIR / f"{self.id}.docx"

    @property
    def russian_marker(self) -> str | None:
        return self.meta.get("russian_part_marker") if self.meta.get("language") == "bilingual" else None


def _load(directory: Path) -> list[CorpusDocument]:
    documents = []
    for txt in sorted(directory.glob("*.txt")):
        meta_path = txt.with_suffix(".yaml")
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else None
        documents.append(CorpusDocument(txt.stem, txt, txt.read_text(encoding="utf-8"), meta))
    return documents


def clean_charters() -> list[CorpusDocument]:
    return _load(CLEAN_DIR)


def negatives() -> list[CorpusDocument]:
    return _load(NEGATIVE_DIR)
