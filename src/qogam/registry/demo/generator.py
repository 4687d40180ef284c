"""Load a synthetic registry into the configured database (`qogam demo`)."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from ..bulk import fast_insert, ids_by_bin, insert_rows
from ..derived import derive
from ..identifiers import complete_bin
from ..models import (
    CharterVersion,
    DataSource,
    Filing,
    ImportRun,
    Organization,
    OrganizationActivity,
    RegistrySetting,
    Signal,
)
from ..reference import Region, legal_forms, places, regions
from ..search import bump_data_version
from .funding import money_events, plan_funding
from .names import make_address, make_names, vocabulary
from .people import is_state_founded, make_founders, make_person, serial_pool
from .series import fate, filings, pick_weighted, registration_date

DEMO_SOURCE = "demo"
DEMO_VERSION = 4  # raised whenever the generator's output changes (benchmarks regenerate on it)
BATCH = 2000


class DemoRefused(Exception):
    """The database holds real registry data; the demo never mixes with it."""


@dataclass
class DemoStats:
    organizations: int = 0
    filings: int = 0
    activities: int = 0
    signals: int = 0
    by_region: dict = field(default_factory=dict)
    seconds: float = 0.0


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder, exact sum)."""
    whole = sum(weights.values())
    raw = {key: total * w / whole for key, w in weights.items()}
    counts = {key: int(value) for key, value in raw.items()}
    short = total - sum(counts.values())
    for key in sorted(raw, key=lambda k: raw[k] - counts[k], reverse=True)[:short]:
        counts[key] += 1
    return counts


class _Bins:
    """Unique valid BINs whose first four digits are the registration year and month."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def new(self, registered: dt.date) -> str:
        prefix = f"{registered:%y%m}40"
        while True:
            candidate = complete_bin(f"{prefix}{self.rng.randint(0, 99999):05d}")
            if candidate and candidate not in self.used:
                self.used.add(candidate)
                return candidate


def _places_by_region() -> dict[str, list[tuple[object, float]]]:
    by_region: dict[str, list] = defaultdict(list)
    for place in places():
        by_region[place.region].append(place)
    weighted = {}
    for code, items in by_region.items():
        centre = regions()[code].centre
        cities = [p for p in items if p.kind == "city" and p.kato != centre]
        districts = [p for p in items if p.kind == "district"]
        rows = []
        for place in items:
            if place.kind == "city_district":
                rows.append((place, 1.0))
            elif place.kato == centre:
                rows.append((place, 45.0))
            elif place.kind == "city":
                rows.append((place, 25.0 / max(len(cities), 1)))
            else:
                rows.append((place, 30.0 / max(len(districts), 1)))
        weighted[code] = rows
    return weighted


def _territorial_status(rng: random.Random, form_code: str, region: Region) -> str:
    if form_code != "public_association":
        return ""
    republican = 0.12 if region.kato in ("710000000", "750000000") else 0.02
    return pick_weighted(rng, [("republican", republican), ("regional", 0.25), ("local", 0.73 - republican)])


def _languages(rng: random.Random) -> list[str]:
    return pick_weighted(rng, [(["ru", "kk"], 0.7), (["kk"], 0.15), (["ru"], 0.15)])


def _dependents(models: tuple) -> list:
    """Models of other apps whose rows point at ``models`` (the census's stored states), and so on."""
    found: list = []
    todo = list(models)
    while todo:
        model = todo.pop()
        for relation in model._meta.related_objects:
            related = relation.related_model
            if related not in models and related not in found:
                found.append(related)
                todo.append(related)
    return sorted(found, key=lambda m: m._meta.label)


def wipe() -> None:
    """Remove all registry records (only ever called on a demo database).

    Rows of other apps that point at organisations (the census's stored states) go first:
    a raw DELETE does not cascade, and the foreign keys are checked at commit. PostgreSQL
    empties the tables with one TRUNCATE: deleting 100,000 organisations row by row left
    as many dead rows in every table, and searches read them until a VACUUM.
    """
    own = (Signal, OrganizationActivity, Filing, CharterVersion, Organization, ImportRun, DataSource)
    models = (*_dependents(own), *own)
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checks still pending in this transaction run now
            cursor.execute(f"TRUNCATE {tables}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        return
    for model in models:
        model.objects.all()._raw_delete(using=connection.alias)


def _analyze() -> None:
    """PostgreSQL: fresh planner statistics after replacing the whole registry."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Organization, Filing, Signal, OrganizationActivity):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
            cursor.execute("ANALYZE registry_organization_search")


def _check_database() -> None:
    if Organization.objects.exists() and not RegistrySetting.get(RegistrySetting.DEMO):
        raise DemoRefused(
            "В базе уже есть реестр, загруженный не командой demo; демо-данные с ним не смешиваются. "
            "Укажите пустую базу: QOGAM_DATABASE_URL=sqlite:////путь/demo.sqlite3 qogam demo"
        )


def generate(size: int = 25_000, seed: int = 2025, today: dt.date | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoStats:
    """Replace the registry with ``size`` synthetic organisations (deterministic for a seed)."""
    started = time.perf_counter()
    today = today or dt.date.today()
    rng = random.Random(seed)
    _check_database()
    stats = DemoStats()
    forms = [(form, form.demo_share) for form in legal_forms().values() if form.demo_share > 0]
    vocab = vocabulary()
    topics = [(t, t["weight"]) for t in vocab["topics"]]
    by_region = allocate(size, {code: r.population for code, r in regions().items()})
    weighted_places = _places_by_region()
    bins = _Bins(rng)
    plan = [code for code, count in by_region.items() for _ in range(count)]
    rng.shuffle(plan)
    serial = serial_pool(rng, size)
    with transaction.atomic():
        wipe()
        source = DataSource.objects.create(
            slug=DEMO_SOURCE, name="Демо-реестр (синтетические данные)", kind=DataSource.Kind.DEMO, as_of=today,
        )
        provenance = {"source": DEMO_SOURCE, "date": today.isoformat()}
        for start in range(0, len(plan), BATCH):
            chunk = plan[start: start + BATCH]
            orgs, extras = [], []
            for region_code in chunk:
                org, extra = _organization(rng, region_code, forms, topics, vocab, weighted_places,
                                           bins, today, provenance, serial)
                orgs.append(org)
                extras.append(extra)
            fast_insert(Organization, orgs)
            ids = ids_by_bin([org.bin for org in orgs])
            for org in orgs:
                org.pk = ids[org.bin]
            _children(orgs, extras, source, today, stats)
            stats.organizations += len(orgs)
            if progress:
                progress(stats.organizations, size)
        RegistrySetting.put(RegistrySetting.DEMO, {
            "size": size, "seed": seed, "version": DEMO_VERSION,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
        })
        bump_data_version(refresh=True)
        _analyze()
    stats.by_region = by_region
    stats.seconds = time.perf_counter() - started
    return stats


def _organization(rng, region_code, forms, topics, vocab, weighted_places, bins, today, provenance, serial):
    region = regions()[region_code]
    form = pick_weighted(rng, forms)
    special = vocab["form_topics"].get(form.code)
    topic = rng.choice(special) if special else pick_weighted(rng, topics)
    names = make_names(rng, form, topic, region)
    place = pick_weighted(rng, weighted_places[region_code])
    registered = registration_date(rng, today)
    org_fate = fate(rng, registered, today)
    head_since = registered if rng.random() < 0.5 else registered + dt.timedelta(days=rng.randint(0, (today - registered).days))
    head = make_person(rng, serial)
    org = Organization(
        bin=bins.new(registered),
        name_full_ru=names.full_ru, name_short_ru=names.short_ru,
        name_full_kk=names.full_kk, name_short_kk=names.short_kk,
        legal_form=form.code,
        territorial_status=_territorial_status(rng, form.code, region),
        kato=place.kato,
        address=make_address(rng, place, region),
        registered_on=registered,
        oked=topic["oked"],
        head_name=head,
        head_since=head_since,
        icnpo_group=topic["icnpo"].split()[0],
        languages=_languages(rng),
        register_status=org_fate.status,
        register_status_since=org_fate.since,
    )
    org.provenance = {name: provenance for name in (
        "name_full_ru", "name_short_ru", "name_full_kk", "name_short_kk", "legal_form", "kato", "address",
        "registered_on", "oked", "head_name", "languages", "register_status", "icnpo_group")}
    derive(org)
    state_founded = is_state_founded(rng, form.code)
    founders = make_founders(rng, form.code, head, region, state_founded, serial)
    other_sphere = pick_weighted(rng, topics)["icnpo"]
    plan = plan_funding(rng, registered, today, region, topic["icnpo"], other_sphere, state_founded,
                        org_fate.archetype)
    org_filings = filings(rng, registered, org_fate, today, form.files_to_ngo_database, topic["icnpo"].split()[0],
                          plan, founders)
    extra = {
        "topic": topic, "fate": org_fate,
        "filings": org_filings,
        "money": money_events(rng, plan, org_filings, registered, today),
        "second_topic": pick_weighted(rng, topics) if rng.random() < 0.35 and not special else None,
        "head_change": head_since if head_since != registered else None,
    }
    return org, extra


def _children(orgs, extras, source, today, stats) -> None:
    """Filings, activity categories and signals of a batch, as plain rows (no model instances)."""
    filing_rows, activity_rows, signal_rows = [], [], []
    source_id = source.pk
    for org, extra in zip(orgs, extras, strict=True):
        org_id = org.pk
        for item in extra["filings"]:
            filing_rows.append({"organization_id": org_id, "source_id": source_id, "as_of": today, **item})
        codes = set()
        for topic, share in ((extra["topic"], 0.7 if extra["second_topic"] else 1.0), (extra["second_topic"], 0.3)):
            if topic and topic["icnpo"] not in codes:
                codes.add(topic["icnpo"])
                activity_rows.append({"organization_id": org_id, "code": topic["icnpo"], "share": share,
                                      "group": topic["icnpo"].split()[0], "source": "demo", "evidence": topic["ru"]})
        org_fate = extra["fate"]
        if org_fate.status != "registered":
            signal_rows.append({"organization_id": org_id, "kind": Signal.Kind.STATUS_CHANGE, "date": org_fate.since,
                                "source_id": source_id, "detail": {"from": "registered", "to": org_fate.status}})
        if extra["head_change"]:
            signal_rows.append({"organization_id": org_id, "kind": Signal.Kind.HEAD_CHANGE, "source_id": source_id,
                                "date": extra["head_change"], "detail": {"to": org.head_name}})
        for event in extra["money"]:
            signal_rows.append({"organization_id": org_id, "kind": event["kind"], "date": event["date"],
                                "amount": event["amount"], "source_id": source_id, "detail": event["detail"]})
    stats.filings += insert_rows(Filing, filing_rows)
    stats.activities += insert_rows(OrganizationActivity, activity_rows)
    stats.signals += insert_rows(Signal, signal_rows)
