"""The evaluation corpus (eval/charters/) is complete, consistent, and its mutants are real defects."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml
from build_docx import _docx_text, build_charter_docx, split_bilingual, text_lines
from charter_corpus import (
    CLEAN_SCHEMA,
    FUNDS,
    LEGAL_FORMS,
    NEGATIVE_SCHEMA,
    clean_charters,
    negatives,
)
from charter_text import OBLAST_ADJECTIVE, CharterText, split_number
from evaluate import Checked, judge_negative, score
from mutate import OPERATORS, TERM, all_mutants, goals_intro, mutate, own_name

from qogam.documents import read_document
from qogam.rules import load

CHARTERS = clean_charters()
NEGATIVES = negatives()
MUTANTS = all_mutants(CHARTERS)
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "qogam" / "samples"
OBLASTS = 17


def _ids(docs):
    return [d.id for d in docs]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- the clean charters and their truth -----------------------------------------------------


def test_corpus_covers_every_legal_form_and_status():
    assert len(CHARTERS) >= 14
    forms = Counter(d.meta["legal_form"] for d in CHARTERS)
    assert set(forms) == set(LEGAL_FORMS)
    statuses = Counter(d.meta["status"] for d in CHARTERS if d.meta["legal_form"] == "public_association")
    assert all(statuses[s] >= 2 for s in ("local", "regional", "republican")), statuses
    layouts = Counter(d.meta.get("bilingual_layout") for d in CHARTERS if d.meta["language"] == "bilingual")
    assert layouts["kazakh_then_russian"] >= 1 and layouts["two_column"] >= 1
    auto = sum(d.meta["docx"]["auto_numbering"] for d in CHARTERS)
    assert len(CHARTERS) / 2 <= auto < len(CHARTERS)


@pytest.mark.parametrize("doc", CHARTERS, ids=_ids(CHARTERS))
def test_clean_metadata_is_valid_and_matches_the_text(doc):
    jsonschema.validate(doc.meta, CLEAN_SCHEMA)
    text = _norm(doc.text)
    assert _norm(doc.meta["seat"]) in text
    assert _norm(doc.meta["name_full_ru"]) in text
    assert 20_000 <= len(doc.text.encode()) <= 45_000
    for trap in doc.meta.get("name_traps", []) + doc.meta.get("precision_traps", []):
        assert _norm(trap) in text


@pytest.mark.parametrize("doc", CHARTERS, ids=_ids(CHARTERS))
def test_territorial_truth_follows_the_law(doc):
    """ОО Law Art. 7: local — one unit; regional — branches in fewer than half the oblasts; republican — more."""
    meta = doc.meta
    if meta["legal_form"] != "public_association":
        return
    assert meta["seat_region"] in meta["regions"]
    branch_oblasts = [r for r in meta.get("branch_regions", []) if r not in ("710000000", "750000000", "790000000")]
    if meta["status"] == "local":
        assert meta["regions"] == [meta["seat_region"]] and not meta["whole_country"]
    elif meta["status"] == "regional":
        assert 1 <= len(branch_oblasts) < OBLASTS / 2 and not meta["whole_country"]
    else:
        assert len(branch_oblasts) > OBLASTS / 2 and meta["whole_country"]


@pytest.mark.parametrize("doc", CHARTERS, ids=_ids(CHARTERS))
def test_goal_count_in_metadata_matches_the_goal_list(doc):
    text = CharterText(doc.text, doc.russian_marker)
    intro = goals_intro(text)
    assert intro is not None
    assert len(text.list_after(intro)) == doc.meta["goals"]


@pytest.mark.parametrize("doc", [d for d in CHARTERS if d.meta.get("bilingual_layout") == "two_column"], ids=lambda d: d.id)
def test_two_column_charter_pairs_line_by_line(doc):
    kazakh, russian = split_bilingual(text_lines(doc.text), doc.meta["russian_part_marker"])
    assert len(kazakh) == len(russian)
    # Clause numbers match row by row, so the table pairs a clause with its translation.
    assert [split_number(k)[0] for k in kazakh] == [split_number(r)[0] for r in russian]


@pytest.mark.parametrize("doc", NEGATIVES, ids=_ids(NEGATIVES))
def test_negative_metadata_is_valid(doc):
    jsonschema.validate(doc.meta, NEGATIVE_SCHEMA)
    slugs = {r.slug for r in load().rules}
    for option in doc.meta["expected"]["any_of"]:
        assert set(option.get("rules", [])) <= slugs


def test_negatives_cover_the_required_kinds():
    kinds = {d.meta["kind"] for d in NEGATIVES}
    assert kinds >= {"contract", "fiction", "commercial_charter", "foreign_charter", "party_charter", "religious_charter"}
    foreign = [d for d in NEGATIVES if d.meta["kind"] == "foreign_charter"]
    assert any("Об общественных объединениях" in d.text and "ОГРН" in d.text for d in foreign)


# --- DOCX versions ----------------------------------------------------------------------------


@pytest.mark.parametrize("doc", CHARTERS, ids=_ids(CHARTERS))
def test_every_clean_txt_has_a_current_docx(doc):
    assert doc.docx_path.exists(), f"run eval/charters/build_docx.py: {doc.docx_path.name} is missing"
    assert _docx_text(doc.docx_path.read_bytes()) == _docx_text(build_charter_docx(doc.text, doc.meta)), (
        f"{doc.docx_path.name} is out of date: run eval/charters/build_docx.py"
    )


@pytest.mark.parametrize("doc", CHARTERS, ids=_ids(CHARTERS))
def test_docx_reads_back_as_its_txt(doc):
    """Word's automatic numbers, as the reader reconstructs them, are the TXT's typed numbers."""
    with zipfile.ZipFile(doc.docx_path) as archive:
        numbered = archive.read("word/document.xml").decode().count("<w:numPr>")
    assert (numbered > 50) == doc.meta["docx"]["auto_numbering"]
    read = [_norm(p.full_text) for p in read_document(doc.docx_path).paragraphs]
    lines = [_norm(line) for line in text_lines(doc.text)]
    if doc.meta["docx"]["layout"] == "two_column_table":
        assert Counter(read) == Counter(lines)
    else:
        assert read == lines


def test_sample_charter_is_complete():
    meta = yaml.safe_load((SAMPLES / "sample_charter.yaml").read_text(encoding="utf-8"))
    text = (SAMPLES / "sample_charter.txt").read_text(encoding="utf-8")
    slugs = {r.slug for r in load().rules}
    rules = [d["rule"] for d in meta["defects"]]
    assert {"territory.status-conflict", "governance.term-missing", "goals.vague",
            "governance.amendment-body", "property.liquidation-to-members"} <= set(rules)
    for defect in meta["defects"]:
        assert defect["rule"] in slugs
        assert _norm(defect["quote"]) in _norm(text)
    docx_path = SAMPLES / "sample_charter.docx"
    with zipfile.ZipFile(docx_path) as archive:
        assert archive.read("word/document.xml").decode().count("<w:numPr>") > 50
    read = [_norm(p.full_text) for p in read_document(docx_path).paragraphs]
    assert read == [_norm(line) for line in text_lines(text)]


# --- the mutation operators -------------------------------------------------------------------


def test_operator_rules_exist_in_the_catalogue():
    slugs = {r.slug for r in load().rules}
    for op in OPERATORS:
        assert op.rule in slugs
        assert set(op.allowed) <= slugs
        assert op.rule not in op.allowed


def test_every_rule_in_the_brief_has_an_operator():
    rules = {op.rule for op in OPERATORS}
    assert rules >= {
        "structure.missing-goals", "structure.missing-seat", "structure.missing-membership",
        "structure.missing-governance", "structure.missing-property-sources", "structure.missing-amendment",
        "structure.missing-liquidation", "structure.missing-liquidation-property", "territory.status-missing",
        "territory.scope-missing", "territory.status-conflict", "governance.term-missing",
        "governance.amendment-body", "goals.too-many", "goals.vague", "goals.universal", "goals.commercial",
        "property.profit-distribution", "property.liquidation-to-members", "fund.no-trustees", "name.no-legal-form",
    }


@pytest.mark.parametrize("op", OPERATORS, ids=[op.name for op in OPERATORS])
def test_operator_applies_where_it_should(op):
    for doc in CHARTERS:
        applied = sorted(m.variant for m in MUTANTS if m.charter == doc.id and m.rule == op.rule)
        should = op.applies_to(doc.meta)
        if op.rule == "name.no-legal-form":
            should = should and not doc.meta.get("name_form_word_in_quotes", False)
        assert bool(applied) == should, f"{op.name} on {doc.id}: applied {applied}"
        if should:  # a variant that applies yields exactly the mutant the generator lists
            for variant in applied:
                assert mutate(doc, op, variant) is not None


def test_mutant_ids_are_unique_and_texts_differ_from_the_clean_charter():
    assert len({m.id for m in MUTANTS}) == len(MUTANTS)
    clean = {d.id: text_lines(d.text) for d in CHARTERS}
    for m in MUTANTS:
        before, after = clean[m.charter], text_lines(m.text)
        assert after != before
        kept = len(set(before) & set(after))
        assert kept >= 0.6 * len(before), f"{m.id} rewrote too much ({kept}/{len(before)} lines kept)"


def _russian(m) -> CharterText:
    marker = m.meta.get("russian_part_marker") if m.meta.get("language") == "bilingual" else None
    return CharterText(m.text, marker)


def _headings(doc: CharterText) -> list[str]:
    return [s.title.lower() for s in doc.sections()]


POSTCONDITIONS = {
    # What must be true of every mutant of the rule: the defect is really there.
    "structure.missing-goals": lambda m, d: goals_intro(d) is None,
    "structure.missing-seat": lambda m, d: _norm(m.meta["seat"]) not in _norm(m.text),
    "structure.missing-membership": lambda m, d: not any("член" in h and "собрани" not in h for h in _headings(d)),
    "structure.missing-governance": lambda m, d: not any(re.search(r"\bорган(ы|ов)?\b|управлени", h) and "имуществ" not in h for h in _headings(d)),
    "structure.missing-amendment": lambda m, d: not re.search(r"(?i)изменени\w* и дополнени\w* в (настоящий )?устав", "\n".join(d.lines[d.start:])),
    "structure.missing-liquidation": lambda m, d: not re.search(r"(?i)ликвидац", "\n".join(d.lines[d.start:])),
    "structure.missing-liquidation-property": lambda m, d: not re.search(r"(?i)имуществ\w*, оставш|оставш\w+ [^.]*имуществ", "\n".join(d.lines[d.start:])),
    "territory.status-missing": lambda m, d: not re.search(r"(?i)(местн|региональн|республиканск)\w* общественн\w+ объединени", m.text),
    "governance.term-missing": lambda m, d: m.variant != "all_bodies" or not TERM.search("\n".join(d.lines[d.start:])),
    "goals.too-many": lambda m, d: len(d.list_after(goals_intro(d))) > 15,
    "goals.universal": lambda m, d: len(d.list_after(goals_intro(d))) <= 15,
    "fund.no-trustees": lambda m, d: "попечительск" not in m.text.lower(),
    "property.liquidation-to-members": lambda m, d: re.search(r"(распределяется между|передается) (член|учредител|акционер|Учредител)", m.text),
    "property.profit-distribution": lambda m, d: re.search(r"(распределяется между|выплачивается акционерам)", m.text),
    "governance.amendment-body": lambda m, d: re.search(r"Изменения и дополнения в настоящий Устав вносятся по решению (Правления|Совета|Центрального совета|Исполнительного директора)", m.text),
    "territory.status-conflict": lambda m, d: _status_conflict_present(m, d),
}


def _oblasts_named(text: str) -> set[str]:
    return {code for code, adjective in OBLAST_ADJECTIVE.items() if adjective in text}


def _status_conflict_present(m, d) -> bool:
    russian = "\n".join(d.lines[d.start:])
    if m.variant in ("goal_in_other_oblasts", "territory_three_oblasts"):
        return len(_oblasts_named(russian) - set(m.meta["regions"])) >= 2
    if m.variant == "regional_whole_country":
        return "на всей территории Республики Казахстан" in russian
    if m.variant == "regional_many_branches":
        return len(_oblasts_named(russian)) > OBLASTS / 2
    return "более половины областей" not in russian and "филиалы в следующих" not in russian


@pytest.mark.parametrize("rule", sorted(POSTCONDITIONS))
def test_mutants_really_carry_the_defect(rule):
    mutants = [m for m in MUTANTS if m.rule == rule]
    assert mutants
    for m in mutants:
        assert POSTCONDITIONS[rule](m, _russian(m)), m.id


def test_name_mutants_strip_the_form_from_the_own_name_only():
    founders = [d for d in CHARTERS if d.id.startswith("12_")][0]
    m = next(m for m in MUTANTS if m.charter == founders.id and m.rule == "name.no-legal-form")
    assert "Частное учреждение «Реабилитационный" not in m.text
    assert "Общественное объединение «Общество инвалидов города Кокшетау»" in m.text  # the founder keeps its name
    assert own_name(CharterText(founders.text)).startswith("Реабилитац")


def test_funds_have_a_board_of_trustees_to_remove():
    for doc in CHARTERS:
        if doc.meta["legal_form"] in FUNDS:
            assert "Попечительский совет" in doc.text


# --- scoring ------------------------------------------------------------------------------------


def _checked(id_, rules, injected=None, allowed=()):
    return Checked(id_, "mutant" if injected else "clean", "txt", [(r, "error") for r in rules], 0.01,
                   injected=injected, allowed=allowed)


def test_scoring_counts_recall_precision_and_allowed_cofires():
    scores = score([
        _checked("clean", ["goals.vague"]),  # a finding on a clean charter is false
        _checked("m1", ["structure.missing-liquidation", "structure.missing-liquidation-property"],
                 injected="structure.missing-liquidation", allowed=("structure.missing-liquidation-property",)),
        _checked("m2", [], injected="structure.missing-liquidation"),
        _checked("m3", ["goals.vague", "structure.missing-seat"], injected="goals.vague"),
    ])
    liquidation = scores["structure.missing-liquidation"]
    assert (liquidation.mutants, liquidation.detected, liquidation.recall) == (2, 1, 0.5)
    assert liquidation.precision == 1.0 and liquidation.missed == ["m2"]
    assert "structure.missing-liquidation-property" not in scores  # allowed co-fire: neither true nor false
    vague = scores["goals.vague"]
    assert (vague.detected, vague.false, vague.precision) == (1, 1, 0.5)
    assert scores["structure.missing-seat"].false_docs == ["m3"]
    assert scores["structure.missing-seat"].recall is None


def test_negative_judgement_needs_an_expected_outcome_and_no_forbidden_finding():
    meta = {"expected": {"any_of": [{"rules": ["document.foreign"]}], "forbidden_rules": ["structure.*"]}}
    ok = Checked("ru", "negative", "txt", [("document.foreign", "error")], 0.0)
    assert judge_negative(ok, meta)[0]
    noisy = Checked("ru", "negative", "txt", [("document.foreign", "error"), ("structure.missing-seat", "error")], 0.0)
    assert not judge_negative(noisy, meta)[0]
    silent = Checked("ru", "negative", "txt", [], 0.0, in_scope=True)
    assert not judge_negative(silent, meta)[0]
    scope_meta = {"expected": {"any_of": [{"in_scope": False}], "legal_form": "political_party", "forbidden_rules": []}}
    party = Checked("p", "negative", "txt", [], 0.0, legal_form="political_party", in_scope=False)
    assert judge_negative(party, scope_meta)[0]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_the_check_finds_exactly_the_planted_defects_of_the_sample(fmt):
    from qogam.rules import check_file
    from qogam.samples import sample_charter_path, sample_defects

    result = check_file(sample_charter_path(fmt))
    assert {f.rule for f in result.findings} == {d["rule"] for d in sample_defects()}


def test_sample_api_rejects_an_unknown_format():
    from qogam.samples import sample_charter_path

    with pytest.raises(ValueError, match="unknown sample format"):
        sample_charter_path("pdf")
