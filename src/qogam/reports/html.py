"""A standalone HTML report: findings beside the charter text, offending paragraphs highlighted."""

from __future__ import annotations

from html import escape
from pathlib import Path

from qogam.rules import CheckResult

from .words import form_name, region_names, status_name, where, word

TEMPLATE = Path(__file__).with_name("report.html")


def render_html(result: CheckResult) -> str:
    lang = result.lang
    ch = result.charter
    hit_severity: dict[int, str] = {}
    cards = []
    for n, f in enumerate(result.findings):
        index = f.location.paragraph
        if index is not None and not f.location.section:
            if hit_severity.get(index) != "error":
                hit_severity[index] = f.severity
        place = where(f.location, lang)
        link = f'<a href="#p{index}">{escape(place)}</a>' if index is not None else escape(place)
        section = f" — {escape(word('should_be', lang))} «{escape(f.location.section)}»" if f.location.section else ""
        low = f"<p>⚠ {escape(word('low_confidence', lang))}</p>" if f.low_confidence else ""
        cards.append(
            f'<article class="finding {f.severity}" id="f{n}"><h3><span class="sev">{escape(word(f.severity, lang))}</span> '
            f"{escape(f.message)}</h3><p class=\"rule\">{escape(f.rule)}</p>"
            f"<p>{escape(word('where', lang))}: {link}{section}</p>{low}"
            f"<p><strong>{escape(word('basis', lang))}:</strong> {escape(f.legal_basis)}</p>"
            f"<p><strong>{escape(word('fix', lang))}:</strong> {escape(f.fix)}</p></article>"
        )
    paragraphs = []
    for p in result.document.paragraphs:
        css = f' class="hit {hit_severity[p.index]}"' if p.index in hit_severity else ""
        num = f'<span class="num">{escape(p.number)}</span>' if p.number and not p.text.startswith(p.number) else ""
        paragraphs.append(f'<p id="p{p.index}"{css} lang="{_lang_attr(p.language)}">{num}{escape(p.text)}</p>')
    meta = " · ".join(
        [
            f"{word('legal_form', lang)}: {form_name(ch.legal_form, lang)}",
            f"{word('status', lang)}: {status_name(ch.status, lang)}",
            f"{word('regions', lang)}: {region_names(ch.territory.regions, ch.territory.whole_country, lang)}",
        ]
    )
    values = {
        "lang": lang,
        "title": escape(f"{word('title', lang)}: {result.document.name}"),
        "meta": escape(meta),
        "findings_heading": escape(word("error", lang) + " / " + word("warning", lang)),
        "summary": escape(word("summary", lang, **result.counts())),
        "findings": "\n".join(cards) or f"<p>{escape(word('no_findings', lang))}</p>",
        "text_heading": escape(word("text_of_charter", lang)),
        "text": "\n".join(paragraphs),
    }
    html = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        html = html.replace("{{" + key + "}}", value)
    return html


def _lang_attr(language: str) -> str:
    return language if language in ("ru", "kk") else "und"
