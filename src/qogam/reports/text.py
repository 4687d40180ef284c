"""A readable terminal report: grouped by severity, with the clause number and a quote."""

from __future__ import annotations

import textwrap

from qogam.rules import CheckResult

from .words import form_name, region_names, status_name, where, word

_MARK = {"error": "✖", "warning": "▲", "info": "ℹ"}


def render_text(result: CheckResult, *, color: bool = False) -> str:
    lang = result.lang
    ch = result.charter
    paint = _painter(color)
    lines = [
        paint("bold", f"{word('title', lang)}: {result.document.name}"),
        f"  {word('legal_form', lang)}: {form_name(ch.legal_form, lang)}",
        f"  {word('status', lang)}: {status_name(ch.status, lang)}",
        f"  {word('regions', lang)}: {region_names(ch.territory.regions, ch.territory.whole_country, lang)}",
        f"  {word('goals', lang)}: {len(ch.goals)}",
    ]
    if ch.profile:
        lines.append(f"  {word('profile', lang)}: " + "; ".join(_profile_group(g, lang) for g in ch.profile))
    lines.append("")
    if not result.findings:
        lines.append(paint("green", word("no_findings", lang)))
    for severity in ("error", "warning", "info"):
        group = [f for f in result.findings if f.severity == severity]
        if not group:
            continue
        lines.append(paint(severity, f"{word(severity, lang)} ({len(group)})"))
        for f in group:
            place = where(f.location, lang)
            head = f"{_MARK[severity]} [{f.rule}] {f.message}"
            lines.extend(textwrap.wrap(head, 100, subsequent_indent="    ") or [head])
            if f.location.section:
                lines.append(f"    {word('where', lang)}: {place} — {word('should_be', lang)} «{f.location.section}»")
            elif place:
                lines.append(f"    {word('where', lang)}: {place}: «{f.location.quote or ''}»")
            if f.low_confidence:
                lines.append(f"    ⚠ {word('low_confidence', lang)}")
            lines.extend(textwrap.wrap(f"{word('basis', lang)}: {f.legal_basis}", 100, initial_indent="    ", subsequent_indent="    "))
            lines.extend(textwrap.wrap(f"{word('fix', lang)}: {f.fix}", 100, initial_indent="    ", subsequent_indent="    "))
        lines.append("")
    lines.append(word("summary", lang, **result.counts()))
    return "\n".join(lines) + "\n"


def _profile_group(group: dict, lang: str) -> str:
    """«4 Социальные услуги (2)», with «, модель» when only the statistical model gave the group."""
    model = f", {word('model_label', lang)}" if group.get("method") == "model" else ""
    return f"{group['code']} {group['name'][lang]} ({len(group['goals'])}{model})"


_CODES = {"bold": "1", "error": "1;31", "warning": "1;33", "info": "1;36", "green": "1;32"}


def _painter(color: bool):
    def paint(style: str, text: str) -> str:
        return f"\033[{_CODES[style]}m{text}\033[0m" if color else text

    return paint
