"""Measure qogam's charter check on the corpus: clean charters, mutants, negative documents.

    .venv/bin/python eval/charters/evaluate.py                  # TXT and DOCX, tables to paste
    .venv/bin/python eval/charters/evaluate.py --format txt     # only the TXT versions
    .venv/bin/python eval/charters/evaluate.py --json out.json  # also write every number as JSON
    .venv/bin/python eval/charters/evaluate.py --verbose        # list missed mutants, false findings

Every clean charter and every mutant (mutate.py) is checked through the library API
(``qogam.rules.check_document``). Per rule: the number of mutants injecting it, recall (share of
those where the rule fired), and precision — a finding of rule R on a document where R was
not injected and is not an allowed co-fire of the injected defect is false. Clean charters
count too: any finding on them is false (the target is no error-level finding at all).
Negative documents (a contract, fiction, a company's, a foreign, a party's and a religious
charter) must be refused or set aside as their YAML says.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_docx import build_charter_docx  # noqa: E402
from charter_corpus import CorpusDocument, clean_charters, negatives  # noqa: E402
from mutate import OPERATORS, Mutant, all_mutants  # noqa: E402

RECALL_TARGET = 0.9
PRECISION_TARGET = 0.95


@dataclass
class Checked:
    """One document as the checker saw it."""

    id: str
    kind: str  # "clean", "mutant", "negative"
    format: str
    findings: list[tuple[str, str]]  # (rule, severity)
    seconds: float
    legal_form: str | None = None
    in_scope: bool | None = None
    injected: str | None = None
    allowed: tuple[str, ...] = ()
    error: str | None = None  # the input could not be read

    @property
    def rules(self) -> set[str]:
        return {rule for rule, _ in self.findings}


@dataclass
class Scores:
    mutants: int = 0
    detected: int = 0
    false: int = 0
    missed: list[str] = field(default_factory=list)
    false_docs: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.detected / self.mutants if self.mutants else None

    @property
    def precision(self) -> float | None:
        fired = self.detected + self.false
        return self.detected / fired if fired else None


# --- running the checker ---------------------------------------------------------------------


def _checker():
    try:
        from qogam.documents import read_document, read_text
        from qogam.rules import check_document
    except ImportError as exc:
        raise SystemExit(f"evaluate.py: the checker is not available yet ({exc}); nothing to measure.") from exc
    return read_text, read_document, check_document


def check(text: str, meta: dict, name: str, fmt: str, docx_path: Path | None = None, *, strict_docx: bool = False) -> tuple:
    """(findings, legal_form, in_scope, seconds, error) for one text in one format."""
    read_text, read_document, check_document = _checker()
    from qogam.documents import DocumentError

    started = time.perf_counter()
    try:
        if fmt == "txt":
            document = read_text(text, name=f"{name}.txt")
        elif docx_path is not None:
            document = read_document(docx_path)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"{name}.docx"
                path.write_bytes(build_charter_docx(text, meta, strict=strict_docx))
                document = read_document(path)
        result = check_document(document)
    except DocumentError as exc:
        return [], None, None, time.perf_counter() - started, str(exc)
    seconds = time.perf_counter() - started
    charter = getattr(result, "charter", None)
    findings = [(f.rule, f.severity) for f in result.findings]
    return findings, getattr(charter, "legal_form", None), getattr(charter, "in_scope", None), seconds, None


def run(fmt: str, charters: list[CorpusDocument], mutants: list[Mutant], negative_docs: list[CorpusDocument]) -> list[Checked]:
    out = []
    for doc in charters:
        committed = doc.docx_path if fmt == "docx" and doc.docx_path.exists() else None
        f, form, scope, sec, err = check(doc.text, doc.meta, doc.id, fmt, committed)
        out.append(Checked(doc.id, "clean", fmt, f, sec, form, scope, error=err))
    for m in mutants:
        f, form, scope, sec, err = check(m.text, m.meta, m.id, fmt)
        out.append(Checked(m.id, "mutant", fmt, f, sec, form, scope, injected=m.rule, allowed=m.allowed, error=err))
    plain = {"docx": {"auto_numbering": False, "layout": "paragraphs"}}
    for doc in negative_docs:
        f, form, scope, sec, err = check(doc.text, plain, doc.id, fmt)
        out.append(Checked(doc.id, "negative", fmt, f, sec, form, scope, error=err))
    return out


# --- scoring -------------------------------------------------------------------------------------


def score(checked: list[Checked]) -> dict[str, Scores]:
    scores: dict[str, Scores] = defaultdict(Scores)
    for doc in checked:
        if doc.kind == "negative":
            continue
        if doc.injected:
            s = scores[doc.injected]
            s.mutants += 1
            if doc.injected in doc.rules:
                s.detected += 1
            else:
                s.missed.append(doc.id)
        for rule in doc.rules:
            if rule != doc.injected and rule not in doc.allowed:
                scores[rule].false += 1
                scores[rule].false_docs.append(doc.id)
    return dict(scores)


def judge_negative(doc: Checked, meta: dict) -> tuple[bool, str]:
    expected = meta["expected"]
    if doc.error:
        return False, f"unreadable: {doc.error}"
    reasons = []
    satisfied = False
    for option in expected["any_of"]:
        rules_ok = all(r in doc.rules for r in option.get("rules", []))
        scope_ok = "in_scope" not in option or doc.in_scope == option["in_scope"]
        satisfied |= rules_ok and scope_ok
    if not satisfied:
        reasons.append(f"expected one of {expected['any_of']}")
    forbidden = sorted({r for r in doc.rules for pattern in expected.get("forbidden_rules", []) if fnmatch.fnmatch(r, pattern)})
    if forbidden:
        reasons.append(f"forbidden findings {forbidden}")
    if expected.get("legal_form") and doc.legal_form != expected["legal_form"]:
        reasons.append(f"legal form {doc.legal_form!r}, expected {expected['legal_form']!r}")
    return not reasons, "; ".join(reasons) or "ok"


def severities() -> dict[str, str]:
    """Each rule's severity from the catalogue (public associations' where it differs)."""
    try:
        from qogam.rules import load

        return {r.slug: (r.severity_for or {}).get("public_association", r.severity) for r in load().rules}
    except Exception:  # the catalogue's shape is the checker's business; fall back to findings
        return {}


# --- reporting ------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def report(fmt: str, checked: list[Checked], negative_meta: dict[str, dict], verbose: bool) -> dict:
    scores = score(checked)
    sev = severities()
    for doc in checked:
        for rule, severity in doc.findings:
            sev.setdefault(rule, severity)
    injected_rules = {op.rule for op in OPERATORS}
    rules = sorted(set(scores) | injected_rules)

    print(f"\n## Charter check on the corpus — {fmt.upper()}\n")
    counts = defaultdict(int)
    for doc in checked:
        counts[doc.kind] += 1
    print(f"{counts['clean']} clean charters, {counts['mutant']} mutants, {counts['negative']} negative documents.\n")
    print("| rule | severity | mutants | detected | recall | false findings | precision | target |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    rows = []
    for rule in rules:
        s = scores.get(rule, Scores())
        target = ""
        if sev.get(rule) == "error" and s.mutants:
            met = (s.recall or 0) >= RECALL_TARGET and (s.precision is None or s.precision >= PRECISION_TARGET)
            target = "met" if met else "**not met**"
        print(f"| `{rule}` | {sev.get(rule, '?')} | {s.mutants} | {s.detected} | {_pct(s.recall)} | {s.false} | {_pct(s.precision)} | {target} |")
        rows.append({"rule": rule, "severity": sev.get(rule), "mutants": s.mutants, "detected": s.detected,
                     "recall": s.recall, "false_findings": s.false, "precision": s.precision,
                     "missed": s.missed, "false_documents": s.false_docs})

    print("\n### Findings on clean charters (every one is false)\n")
    clean_rows = []
    print("| charter | errors | warnings | findings |")
    print("|---|---:|---:|---|")
    for doc in (d for d in checked if d.kind == "clean"):
        errors = sorted(r for r, s in doc.findings if s == "error")
        warnings = sorted(r for r, s in doc.findings if s == "warning")
        listed = ", ".join(f"`{r}`" for r, _ in doc.findings) or ("unreadable: " + doc.error if doc.error else "—")
        print(f"| {doc.id} | {len(errors)} | {len(warnings)} | {listed} |")
        clean_rows.append({"charter": doc.id, "errors": errors, "warnings": warnings, "error": doc.error})

    print("\n### Negative documents\n")
    print("| document | result | findings | legal form | in scope | why |")
    print("|---|---|---|---|---|---|")
    negative_rows = []
    for doc in (d for d in checked if d.kind == "negative"):
        ok, why = judge_negative(doc, negative_meta[doc.id])
        listed = ", ".join(f"`{r}`" for r in sorted(doc.rules)) or "—"
        print(f"| {doc.id} | {'pass' if ok else '**FAIL**'} | {listed} | {doc.legal_form} | {doc.in_scope} | {why} |")
        negative_rows.append({"document": doc.id, "pass": ok, "findings": sorted(doc.rules), "legal_form": doc.legal_form, "in_scope": doc.in_scope, "why": why})

    times = [d.seconds for d in checked if not d.error]
    error_rules = [r for r in rows if r["severity"] == "error" and r["mutants"]]
    met = [r for r in error_rules if (r["recall"] or 0) >= RECALL_TARGET and (r["precision"] is None or r["precision"] >= PRECISION_TARGET)]
    clean_errors = sum(len(r["errors"]) for r in clean_rows)
    negatives_ok = sum(r["pass"] for r in negative_rows)
    summary = {
        "format": fmt,
        "documents": len(checked),
        "error_rules_meeting_targets": f"{len(met)}/{len(error_rules)}",
        "error_findings_on_clean_charters": clean_errors,
        "negatives_passed": f"{negatives_ok}/{len(negative_rows)}",
        "seconds_per_document_median": statistics.median(times) if times else None,
        "seconds_per_document_max": max(times) if times else None,
    }
    print(f"\n**Summary ({fmt}):** error-level rules meeting recall ≥ {RECALL_TARGET} and precision ≥ {PRECISION_TARGET}: "
          f"{summary['error_rules_meeting_targets']}; error-level findings on clean charters: {clean_errors}; "
          f"negative documents handled: {summary['negatives_passed']}; read + check time per document: median "
          f"{_pct(summary['seconds_per_document_median'])} s, max {_pct(summary['seconds_per_document_max'])} s.")

    if verbose:
        print("\n### Missed mutants and false findings\n")
        for r in rows:
            for mid in r["missed"]:
                print(f"- missed `{r['rule']}`: {mid}")
            for did in r["false_documents"]:
                print(f"- false `{r['rule']}`: {did}")
    return {"summary": summary, "rules": rows, "clean": clean_rows, "negatives": negative_rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the charter check on the evaluation corpus.")
    parser.add_argument("--format", choices=["txt", "docx", "both"], default="both")
    parser.add_argument("--json", type=Path, help="write all results as JSON to this file ('-' for stdout only)")
    parser.add_argument("--only", help="only charters whose id starts with this")
    parser.add_argument("--rule", help="only mutants injecting this rule")
    parser.add_argument("--verbose", action="store_true", help="list every missed mutant and false finding")
    args = parser.parse_args(argv)

    _checker()
    charters = [d for d in clean_charters() if not args.only or d.id.startswith(args.only)]
    mutants = [m for m in all_mutants(charters) if not args.rule or m.rule == args.rule]
    negative_docs = negatives() if not args.only else []
    negative_meta = {d.id: d.meta for d in negative_docs}
    check(charters[0].text, charters[0].meta, "warm-up", "txt")  # load dictionaries before timing

    formats = ["txt", "docx"] if args.format == "both" else [args.format]
    results = {}
    stdout = sys.stdout
    if args.json and str(args.json) == "-":
        sys.stdout = sys.stderr  # tables to stderr, JSON alone on stdout
    try:
        for fmt in formats:
            checked = run(fmt, charters, mutants, negative_docs)
            results[fmt] = report(fmt, checked, negative_meta, args.verbose)
    finally:
        sys.stdout = stdout
    if args.json:
        data = json.dumps(results, ensure_ascii=False, indent=2)
        if str(args.json) == "-":
            print(data)
        else:
            args.json.write_text(data, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
