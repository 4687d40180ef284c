"""`qogam census` — how many NGOs there are and how many work, with the definitions beside every number.

    qogam census [--as-of DATE] [--set NAME=VALUE ...] [--format text|json|csv] [--by region,legal_form]
    qogam census recompute      store the states for the web dashboard (one transaction)
    qogam census candidates     liquidation candidates, with what a registrar needs (CSV by default)
    qogam census flags          evidence-based flags ("quasi-NGOs"), stated as facts
    qogam census org BIN        one organisation: state, evidence, history
    qogam census definitions    the definitions and thresholds

Exit status: 0 done, 2 bad input (a bad date, threshold or BIN; a database that cannot be used).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

ACTIONS = ("counts", "recompute", "candidates", "flags", "org", "definitions")
DIMENSIONS = ("region", "legal_form", "icnpo_group", "registration_year", "language")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» — не дата; укажите ГГГГ-ММ-ДД, например 2026-04-01") from None


def _dimensions(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in parts if p not in DIMENSIONS]
    if unknown:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown)}: можно {', '.join(DIMENSIONS)}")
    return parts


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "census",
        help="перепись НПО: сколько их и сколько работают / NGO census",
        description="Состояние каждой НПО по данным реестра (ликвидирована, в ликвидации, новая, предположительно "
        "не действует, нарушает сроки отчётности, «спящая», действует) с фактами и датами; числа по регионам, "
        "формам, сферам, годам и языкам с определениями; таблица чувствительности к порогам.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="действия / actions:\n"
        "  counts       числа с определениями (по умолчанию)\n"
        "  recompute    пересчитать и сохранить состояния для веб-панели\n"
        "  candidates   кандидаты на ликвидацию (CSV)\n"
        "  flags        флаги «квази-НПО» — факты, не обвинения\n"
        "  org BIN      одна организация: состояние, факты, история\n"
        "  definitions  определения и пороги",
    )
    p.add_argument("action", nargs="?", default="counts", choices=ACTIONS, metavar="ACTION",
                   help="counts | recompute | candidates | flags | org | definitions")
    p.add_argument("bin", nargs="?", metavar="BIN", help="БИН организации (для org)")
    p.add_argument("--as-of", type=_date, default=None, help="дата расчёта ГГГГ-ММ-ДД (по умолчанию сегодня)")
    p.add_argument("--set", action="append", metavar="NAME=VALUE", default=[],
                   help="изменить порог, например --set presumed_dead_years=4 (см. qogam census definitions)")
    p.add_argument("--format", choices=["text", "json", "csv"], default=None,
                   help="text (по умолчанию), json или csv (для candidates по умолчанию csv)")
    p.add_argument("--by", type=_dimensions, default=("region",), metavar="DIM[,DIM]",
                   help=f"разрезы в текстовом выводе: {', '.join(DIMENSIONS)}")
    p.add_argument("--lang", choices=["ru", "kk", "en"], default="ru", help="язык определений и названий")
    p.add_argument("--no-sensitivity", action="store_true", help="без таблицы чувствительности")
    p.add_argument("--trend-years", type=int, default=10, help="лет в таблице по годам (0 — без неё)")
    p.add_argument("--flag", help="только этот флаг (для flags)")
    p.add_argument("-o", "--output", metavar="FILE", help="записать вывод в файл")
    return p


def _emit(text: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        print(f"записано: {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def _fail(message: str) -> int:
    print(f"qogam census: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from qogam.census.definitions import DefinitionError, load

    try:
        thresholds = load().thresholds.with_overrides(args.set)
    except DefinitionError as exc:
        return _fail(str(exc))
    if args.trend_years < 0 or args.trend_years > 50:
        return _fail("--trend-years: от 0 до 50")
    if args.action == "definitions":
        _emit(_definitions_text(thresholds, args.lang), args.output)
        return 0
    if args.action == "org" and not args.bin:
        return _fail("укажите БИН: qogam census org 123456789012")
    if args.bin and args.action != "org":
        return _fail(f"лишний аргумент «{args.bin}»: БИН нужен только для qogam census org")
    from qogam.web import bootstrap

    bootstrap.setup()
    bootstrap.migrate()
    from django.utils import timezone

    as_of = args.as_of or timezone.localdate()  # the app's time zone (Asia/Almaty), as the web pages use
    from qogam.registry.models import Organization

    if args.action != "org" and not Organization.objects.exists():
        print("qogam census: реестр пуст — загрузите данные (qogam import bns FILE) или демо (qogam demo)",
              file=sys.stderr)
    handler = {"counts": _counts, "recompute": _recompute, "candidates": _candidates, "flags": _flags,
               "org": _org}[args.action]
    return handler(args, as_of, thresholds)


def _counts(args, as_of, thresholds) -> int:
    from qogam.census import report
    from qogam.census.store import compute

    _records, outcome, _load = compute(as_of, thresholds, with_sensitivity=not args.no_sensitivity,
                                       trend_years=args.trend_years)
    fmt = args.format or "text"
    if fmt == "json":
        text = report.to_json(outcome.result, args.lang) + "\n"
    elif fmt == "csv":
        text = report.to_csv(outcome.result, args.lang)
    else:
        text = report.to_text(outcome.result, args.lang, args.by)
    _emit(text, args.output)
    return 0


def _recompute(args, as_of, thresholds) -> int:
    from qogam.census.store import recompute

    done = recompute(as_of, thresholds, trend_years=args.trend_years)
    t = done.timing
    totals = done.outcome.result["totals"]
    print(f"Состояния пересчитаны на {as_of:%d.%m.%Y}: {totals['total']} организаций, работающих {totals['working']}.")
    print(f"Время: всего {t['recompute_seconds']:.2f} с — загрузка {t['load_seconds']:.2f}, состояния "
          f"{t['states_seconds']:.2f}, флаги {t['flags_seconds']:.2f}, чувствительность и годы "
          f"{t['sensitivity_trends_seconds']:.2f}, запись {t['write_seconds']:.2f}.")
    if args.format == "json":
        print(json.dumps(t))
    return 0


def _candidates(args, as_of, thresholds) -> int:
    from qogam.census import candidates
    from qogam.census.queries import candidate_rows
    from qogam.census.store import compute

    _records, outcome, _load = compute(as_of, thresholds, with_sensitivity=False, trend_years=0)
    items = [(s.key, s.facts, s.silent_years) for s in outcome.states if s.liquidation_candidate]
    rows = candidate_rows(items, args.lang)
    fmt = args.format or "csv"
    if fmt == "json":
        text = json.dumps({"as_of": as_of.isoformat(), **candidates.basis(args.lang), "count": len(rows),
                           "candidates": rows}, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = candidates.to_csv(rows, args.lang)
    else:
        basis = candidates.basis(args.lang)
        lines = [f"{basis['title']} — {as_of:%d.%m.%Y}: {len(rows)}",
                 basis["definition"].format(**thresholds.as_dict()), *basis["basis"], ""]
        for row in rows:
            lines.append(f"{row['bin']}  {row['name']}  ({row['region']}) — {row['silent_years']}")
        text = "\n".join(lines) + "\n"
    _emit(text, args.output)
    return 0


def _flags(args, as_of, thresholds) -> int:
    from qogam.census.flags import FLAG_CODES, catalogue
    from qogam.registry.models import Organization

    if args.flag and args.flag not in FLAG_CODES:
        return _fail(f"--flag {args.flag}: можно {', '.join(FLAG_CODES)}")
    from qogam.census.store import compute

    _records, outcome, _load = compute(as_of, thresholds, with_sensitivity=False, trend_years=0)
    cat = catalogue()
    names = dict(Organization.objects.filter(id__in=list(outcome.flags)).values_list("id", "bin"))
    rows = []
    for key, flags in outcome.flags.items():
        for flag in flags:
            if args.flag and flag.code != args.flag:
                continue
            rows.append({"bin": names.get(key, ""), "flag": flag.code, "name": cat.name(flag.code, args.lang),
                         "facts": [cat.fact_text(flag.code, f.as_text_values(), args.lang) for f in flag.facts]})
    rows.sort(key=lambda r: (r["flag"], r["bin"]))
    fmt = args.format or "text"
    if fmt == "json":
        text = json.dumps({"as_of": as_of.isoformat(), "disclaimer": cat.disclaimer[args.lang], "flags": rows},
                          ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["bin", "flag", "name", "facts"])
        for row in rows:
            writer.writerow([row["bin"], row["flag"], row["name"], " | ".join(row["facts"])])
        text = out.getvalue()
    else:
        lines = [cat.disclaimer[args.lang], ""]
        for row in rows:
            lines.append(f"{row['bin']}  {row['name']}")
            lines += [f"    {fact}" for fact in row["facts"]]
        text = "\n".join(lines) + "\n"
    _emit(text, args.output)
    return 0


def _org(args, as_of, thresholds) -> int:
    from qogam.census.definitions import load
    from qogam.census.flags import Flag, catalogue
    from qogam.census.load import load_records
    from qogam.census.models import OrganizationState
    from qogam.census.states import classify, prepare
    from qogam.census.timeline import events, state_by_year
    from qogam.registry.identifiers import InvalidBIN, clean_bin
    from qogam.registry.models import Organization

    try:
        bin_value = clean_bin(args.bin)
    except InvalidBIN as exc:
        return _fail(str(exc))
    org = Organization.objects.filter(bin=bin_value).values("id", "name_full_ru").first()
    if org is None:
        return _fail(f"организации с БИН {bin_value} нет в реестре")
    definitions = load()
    lang = args.lang
    record = load_records([org["id"]])[0]
    prepared = prepare(record, as_of, definitions)
    if prepared.excluded:
        return _fail(f"БИН {bin_value}: организация зарегистрирована после {as_of:%d.%m.%Y}")
    state = classify(prepared, thresholds, definitions)
    stored = OrganizationState.objects.filter(organization_id=org["id"]).values_list("flags", flat=True).first()
    flags = [Flag.from_dict(f) for f in stored or []]
    text_of = lambda fact: definitions.fact_text(fact.code, fact.as_text_values(), lang)  # noqa: E731
    if args.format == "json":
        data = {"bin": bin_value, "as_of": as_of.isoformat(), **state.to_dict(),
                "facts_text": [text_of(f) for f in state.facts],
                "flags": [f.to_dict() for f in flags],
                "timeline": [{"date": e.date.isoformat() if e.date else None, "text": text_of(e.fact),
                              "ignored": e.ignored} for e in events(record, as_of, thresholds, definitions)]}
        _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.output)
        return 0
    lines = [f"{org['name_full_ru']} (БИН {bin_value})",
             f"{definitions.state_name(state.state, lang)} — {as_of:%d.%m.%Y}"
             + (f"; {definitions.working_name(lang)}" if state.working else ""),
             definitions.state_definition(state.state, thresholds, lang), ""]
    lines += [f"  • {text_of(f)}" for f in state.facts]
    if state.anomalies:
        lines += [""] + [f"  ! {text_of(f)}" for f in state.anomalies]
    if flags:
        cat = catalogue()
        lines += ["", cat.disclaimer[lang]]
        for flag in flags:
            lines.append(f"  ⚑ {cat.name(flag.code, lang)}")
            lines += [f"      {cat.fact_text(flag.code, f.as_text_values(), lang)}" for f in flag.facts]
    lines += [""]
    for day, code, working in state_by_year(record, as_of, thresholds, definitions):
        lines.append(f"  {day:%d.%m.%Y}  {definitions.state_name(code, lang)}{' ✓' if working else ''}")
    lines += [""]
    for event in events(record, as_of, thresholds, definitions):
        day = f"{event.date:%d.%m.%Y}" if event.date else "—"
        lines.append(f"  {day}  {text_of(event.fact)}{' (не учтено)' if event.ignored else ''}")
    _emit("\n".join(lines) + "\n", args.output)
    return 0


def _definitions_text(thresholds, lang: str) -> str:
    from qogam.census import candidates, report
    from qogam.census.definitions import load
    from qogam.census.flags import FLAG_CODES, catalogue

    definitions = load()
    defs = report.definitions_dict(definitions, thresholds.as_dict(), lang)
    lines = []
    for code in defs["precedence"]:
        lines.append(f"{defs['states'][code]['name']} ({code}): {defs['states'][code]['definition']}")
    lines.append(f"{defs['working']['name']}: {defs['working']['definition']}")
    lines.append("")
    for name, item in defs["thresholds"].items():
        lines.append(f"{name} = {item['value']}: {item['definition']}")
    cat = catalogue()
    lines += ["", cat.disclaimer[lang]]
    for code in FLAG_CODES:
        lines.append(f"⚑ {cat.name(code, lang)} ({code}): {cat.definition(code, lang)}")
    basis = candidates.basis(lang)
    lines += ["", f"{basis['title']}: {basis['definition'].format(**thresholds.as_dict())}", *basis["basis"]]
    return "\n".join(lines) + "\n"
