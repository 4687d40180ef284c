"""The batch's summary files, rebuilt from ``results.jsonl`` at the end of each run.

* ``summary.csv`` — one row per file: status, legal form, territorial status,
  regions, findings by severity, the top rules, the error when unreadable.
* ``overview.html`` — one self-contained page (no scripts, no network): totals,
  findings by rule, by region and by legal form, and the files that failed.

``write_reports(folder)`` can be run on its own to rebuild both from the journal.
"""

from __future__ import annotations

import csv
import html
from collections import Counter, defaultdict
from pathlib import Path

from .journal import Journal

CSV_NAME = "summary.csv"
HTML_NAME = "overview.html"
CSV_COLUMNS = [
    "path", "status", "exit_code", "legal_form", "territorial_status", "regions", "errors", "warnings",
    "infos", "top_rules", "low_confidence_findings", "format", "pages", "ocr_pages", "ocr_confidence",
    "registration_marks", "seals", "error_code", "error_message", "seconds", "sha256", "duplicate_of",
]


def write_reports(folder: Path) -> tuple[Path, Path]:
    """Write ``summary.csv`` and ``overview.html`` in ``folder`` from its journal."""
    journal = Journal.open(folder)
    rows = journal.all_rows()
    csv_path = folder / CSV_NAME
    html_path = folder / HTML_NAME
    _write_csv(rows, journal, csv_path)
    html_path.write_text(render_overview(rows, journal), encoding="utf-8")
    return csv_path, html_path


def _resolved(row: dict, journal: Journal) -> dict:
    """A duplicate row shows the result of the copy that was checked."""
    if row.get("status") == "duplicate":
        original = journal.rows.get(row["sha256"], {})
        return {**original, "path": row["path"], "duplicate_of": row.get("duplicate_of")}
    return row


def _write_csv(rows: list[dict], journal: Journal, path: Path) -> None:
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel opens Cyrillic right
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for raw in rows:
            row = _resolved(raw, journal)
            counts = row.get("counts") or {}
            rules = row.get("rules") or {}
            error = row.get("error") or {}
            writer.writerow(
                {
                    **{k: row.get(k) for k in CSV_COLUMNS},
                    "regions": ";".join(row.get("regions") or []),
                    "errors": counts.get("error", 0),
                    "warnings": counts.get("warning", 0),
                    "infos": counts.get("info", 0),
                    "top_rules": "; ".join(f"{slug}×{rules.get(slug, 1)}" for slug in row.get("top_rules") or []),
                    "error_code": error.get("code"),
                    "error_message": error.get("message"),
                }
            )
    tmp.replace(path)


# --- HTML --------------------------------------------------------------------

_T = {
    "title": "qogam: пакетная проверка уставов · Жарғыларды топтамалық тексеру · Batch charter check",
    "totals": "Итоги · Қорытынды · Totals",
    "files": "файлов · файл · files",
    "pass": "без ошибок · қатесіз · no errors",
    "fail": "с ошибками · қателері бар · with errors",
    "error": "не прочитаны · оқылмады · unreadable",
    "duplicate": "повторы · қайталанған · duplicates",
    "by_rule": "Замечания по правилам · Ережелер бойынша ескертулер · Findings by rule",
    "by_region": "По регионам (КАТО) · Өңірлер бойынша · By region (KATO)",
    "by_form": "По организационно-правовой форме · Ұйымдық-құқықтық нысаны бойынша · By legal form",
    "failed": "Файлы, которые не удалось проверить · Тексерілмеген файлдар · Files that could not be checked",
    "rule": "Правило · Ереже · Rule",
    "severity": "Уровень · Деңгей · Severity",
    "documents": "Документов · Құжаттар · Documents",
    "findings": "Замечаний · Ескертулер · Findings",
    "region": "Регион · Өңір · Region",
    "form": "Форма · Нысан · Form",
    "file": "Файл · Файл · File",
    "reason": "Причина · Себебі · Reason",
    "none": "нет · жоқ · none",
    "no_region": "регион не указан · өңір көрсетілмеген · no region stated",
    "no_form": "форма не определена · нысаны анықталмады · form not found",
}


def _region_name(code: str) -> str:
    try:
        from qogam.geo import unit_name

        name = unit_name(code, "ru")
    except Exception:  # noqa: BLE001  (the gazetteer is optional for this page)
        name = None
    return f"{name} ({code})" if name else code


def _bar(value: int, top: int) -> str:
    width = 0 if not top else max(1, round(200 * value / top))
    return f'<span class="bar" style="width:{width}px"></span> {value}'


def render_overview(rows: list[dict], journal: Journal | None = None) -> str:
    """The overview page for the rows of a journal."""
    checked = [r for r in rows if r.get("status") != "duplicate"]
    status = Counter(r.get("status") for r in checked)
    duplicates = len(rows) - len(checked)
    rule_docs: Counter[str] = Counter()
    rule_findings: Counter[str] = Counter()
    severity: dict[str, str] = {}
    for r in checked:
        for slug, n in (r.get("rules") or {}).items():
            rule_docs[slug] += 1
            rule_findings[slug] += n
        for f in (r.get("result") or {}).get("findings", []):
            severity.setdefault(f["rule"], f["severity"])
    regions: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for r in checked:
        if r.get("status") == "error":
            continue
        for code in r.get("regions") or [""]:
            regions[code][r["status"]] += 1
        forms[r.get("legal_form") or ""][r["status"]] += 1

    esc = html.escape
    parts = [
        "<!doctype html><html lang='ru'><head><meta charset='utf-8'>",
        f"<title>{esc(_T['title'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(_T['title'])}</h1>",
        f"<h2>{esc(_T['totals'])}</h2><ul class='totals'>",
        f"<li><b>{len(checked) + duplicates}</b> {esc(_T['files'])}</li>",
    ]
    for key in ("pass", "fail", "error"):
        parts.append(f"<li class='{key}'><b>{status.get(key, 0)}</b> {esc(_T[key])}</li>")
    if duplicates:
        parts.append(f"<li><b>{duplicates}</b> {esc(_T['duplicate'])}</li>")
    parts.append("</ul>")

    parts.append(f"<h2>{esc(_T['by_rule'])}</h2>")
    if rule_docs:
        top = max(rule_docs.values())
        parts.append(f"<table><tr><th>{esc(_T['rule'])}</th><th>{esc(_T['severity'])}</th>"
                     f"<th>{esc(_T['documents'])}</th><th>{esc(_T['findings'])}</th></tr>")
        for slug, docs in rule_docs.most_common():
            parts.append(f"<tr><td><code>{esc(slug)}</code></td><td class='{esc(severity.get(slug, ''))}'>"
                         f"{esc(severity.get(slug, ''))}</td><td>{_bar(docs, top)}</td><td>{rule_findings[slug]}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{esc(_T['none'])}</p>")

    for key, table, label, namer in (
        ("by_region", regions, _T["region"], lambda c: _region_name(c) if c else _T["no_region"]),
        ("by_form", forms, _T["form"], lambda c: c or _T["no_form"]),
    ):
        parts.append(f"<h2>{esc(_T[key])}</h2>")
        if not table:
            parts.append(f"<p>{esc(_T['none'])}</p>")
            continue
        top = max(sum(c.values()) for c in table.values())
        parts.append(f"<table><tr><th>{esc(label)}</th><th>{esc(_T['documents'])}</th>"
                     f"<th class='pass'>{esc(_T['pass'])}</th><th class='fail'>{esc(_T['fail'])}</th></tr>")
        for code, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
            parts.append(f"<tr><td>{esc(namer(code))}</td><td>{_bar(sum(counts.values()), top)}</td>"
                         f"<td>{counts.get('pass', 0)}</td><td>{counts.get('fail', 0)}</td></tr>")
        parts.append("</table>")

    failed = [r for r in checked if r.get("status") == "error"]
    parts.append(f"<h2>{esc(_T['failed'])}</h2>")
    if failed:
        parts.append(f"<table><tr><th>{esc(_T['file'])}</th><th>{esc(_T['reason'])}</th></tr>")
        for r in failed:
            error = r.get("error") or {}
            parts.append(f"<tr><td>{esc(r['path'])}</td><td><code>{esc(error.get('code', ''))}</code> "
                         f"{esc(error.get('message', ''))}</td></tr>")
        parts.append("</table>")
    else:
        parts.append(f"<p>{esc(_T['none'])}</p>")
    parts.append("</body></html>\n")
    return "".join(parts)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left}
.bar{display:inline-block;height:.8em;background:#4a6fa5;vertical-align:middle}
.totals li{margin:.2em 0}.pass{color:#1b7a3a}.fail,.error{color:#b3261e}.warning{color:#a15c00}
code{font-size:.95em}
"""
