"""Build the compact gazetteer file from the official KATO classifier and our aliases.

Input: a KATO CSV (columns ``kato,kato_version,level,type_code,name_ru,name_kk``, as
in ``/work/shared/data/kato.csv``; its ``kato.source.json`` next to it is copied into
the provenance when present), ``aliases.yaml`` and ``context.yaml`` from this folder.
Output: ``gazetteer.json.gz`` with the units, the lexicon of surface forms per role,
the context words (folded) and the provenance (KATO version, sha256 of each input,
build date). The runtime reads only that file.

Run it through ``scripts/build_gazetteer.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from .inflect import adjective_forms, kazakh_case_forms, russian_noun_forms, spacing_variants
from .normalize import key

HERE = Path(__file__).parent
ALIASES = HERE / "aliases.yaml"
CONTEXT = HERE / "context.yaml"
OUTPUT = HERE / "gazetteer.json.gz"
FORMAT = 1
KATO_COLUMNS = ["kato", "kato_version", "level", "type_code", "name_ru", "name_kk"]
LEVELS = ("oblast", "district", "sub_district", "settlement")
COUNTRY = "000000000"


class BuildError(Exception):
    """The inputs are inconsistent; the message says which file, what and what to do."""


@dataclass
class _Lexicon:
    entries: list[list] = field(default_factory=list)
    entry_ids: dict[tuple, int] = field(default_factory=dict)
    roles: dict[str, dict[str, set[int]]] = field(default_factory=dict)

    def entry(self, kato: str, kind: str, historic: bool = False, also: tuple[str, ...] = (),
              cases: tuple[str, ...] = (), upper: bool = False) -> int:
        ident = (kato, kind, historic, tuple(sorted(also)), tuple(cases), upper)
        if ident not in self.entry_ids:
            self.entry_ids[ident] = len(self.entries)
            self.entries.append([kato, kind, int(historic), list(ident[3]), list(cases), int(upper)])
        return self.entry_ids[ident]

    def add(self, role: str, forms: set[str], entry: int) -> None:
        bucket = self.roles.setdefault(role, {})
        for form in forms:
            for variant in spacing_variants(form):
                k = key(variant)
                if k:
                    bucket.setdefault(k, set()).add(entry)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_kato(path: Path) -> list[dict[str, str]]:
    """The KATO rows, checked: header, 9-digit codes, known levels, one version."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != KATO_COLUMNS:
                raise BuildError(
                    f"{path}: unexpected columns {reader.fieldnames}; expected {KATO_COLUMNS}. "
                    "Convert the official workbook to this CSV layout first."
                )
            rows = list(reader)
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"{path}: cannot read the KATO file ({exc}). Check the path.") from exc
    for number, row in enumerate(rows, start=2):
        if not (len(row["kato"]) == 9 and row["kato"].isdigit()):
            raise BuildError(f"{path}, line {number}: KATO code {row['kato']!r} is not 9 digits.")
        if row["level"] not in LEVELS:
            raise BuildError(f"{path}, line {number}: unknown level {row['level']!r}; expected one of {LEVELS}.")
    versions = {row["kato_version"] for row in rows}
    if len(versions) != 1:
        raise BuildError(f"{path}: several KATO versions in one file: {sorted(versions)}.")
    if sum(row["level"] == "oblast" for row in rows) != 20:
        raise BuildError(f"{path}: expected 20 first-level units, found {sum(r['level'] == 'oblast' for r in rows)}.")
    return rows


def _load_yaml(path: Path, schema_name: str) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    schema = json.loads((HERE / schema_name).read_text(encoding="utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise BuildError(f"{path}: {exc.message} (at {where or 'top level'}). Fix the entry.") from exc
    return data


def _strip(name: str, prefixes: tuple[str, ...] = (), suffixes: tuple[str, ...] = ()) -> str:
    for prefix in prefixes:
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    for suffix in suffixes:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.strip()


_KK_CITY_SUFFIXES = (" қ.", " ќ.", " Қ.Ә.", " Г.А.")


def _district_forms(lex: _Lexicon, code: str, name_ru: str, name_kk: str) -> None:
    entry = lex.entry(code, "district")
    words = name_ru.split()
    if words[-1] == "район" and words[0][-4:] in ("ский", "цкий"):
        lex.add("district_adj", adjective_forms(" ".join(words[:-1])), entry)
    elif words[0].lower() == "район":
        rest = " ".join(words[1:])
        if rest.startswith("им."):
            bare = rest[3:].strip()
            lex.add("district_after_noun", {bare, "имени " + bare, "им. " + bare}, entry)
        else:
            lex.add("district_after_noun", {rest}, entry)
    else:
        raise BuildError(f"KATO {code}: cannot read the district name {name_ru!r}; add a rule to build.py.")
    kk = name_kk.replace("атын.ауданы", "атындағы ауданы")
    if kk.endswith(" ауданы"):
        lex.add("district_kk", {kk[: -len(" ауданы")]}, entry)


def _city_forms(lex: _Lexicon, code: str, name_ru: str, name_kk: str, bare: bool) -> None:
    entry = lex.entry(code, "city")
    role = "city" if bare else "city_marked"
    ru = _strip(name_ru, ("г.",))
    kk = _strip(name_kk, (), _KK_CITY_SUFFIXES)
    lex.add(role, russian_noun_forms(ru), entry)
    lex.add(role, kazakh_case_forms(kk) if bare else {kk}, entry)


def _kazakh_settlement_name(name_kk: str) -> str:
    """«Қараауыл а.» → Қараауыл; «Мамаит Омаров атын.с.» → Мамаит Омаров атындағы."""
    name = name_kk.replace('"', "").strip()
    name = re.sub(r"(\s*[аскқ]\.)+$", "", name)
    name = re.sub(r"\s+(а|ауылы)$", "", name)
    return re.sub(r"\s+(атын\.?|ат\.)$", " атындағы", name).strip()


def _settlement_forms(lex: _Lexicon, code: str, name_ru: str, name_kk: str) -> None:
    entry = lex.entry(code, "settlement")
    name_ru = name_ru.replace('"', "")
    if name_ru.startswith("с.им."):
        bare = name_ru[len("с.им."):]
        forms = {"имени " + bare, "им. " + bare}
    else:
        forms = {_strip(name_ru, ("с.", "п."))}
    forms.add(_kazakh_settlement_name(name_kk))
    lex.add("settlement", forms, entry)


def _alias_forms(role: str, forms: list[str], lang: str | None) -> set[str]:
    result: set[str] = set()
    for form in forms:
        if role in ("region_adj", "district_adj", "city_adj"):
            result |= adjective_forms(form)
        elif role in ("city", "city_marked"):
            result |= kazakh_case_forms(form) if lang == "kk" else russian_noun_forms(form)
        else:
            result.add(form)
    return result


def build(kato_path: Path, aliases_path: Path = ALIASES, context_path: Path = CONTEXT,
          built_at: str | None = None) -> dict:
    """The gazetteer as a JSON-ready dict."""
    rows = read_kato(kato_path)
    aliases = _load_yaml(aliases_path, "aliases.schema.json")
    context = _load_yaml(context_path, "context.schema.json")
    by_code = {row["kato"]: row for row in rows}
    first_level = {item["kato"]: item for item in aliases["first_level"]}
    oblast_codes = {row["kato"] for row in rows if row["level"] == "oblast"}
    if set(first_level) != oblast_codes:
        raise BuildError(
            f"{aliases_path}: first_level lists {sorted(set(first_level) ^ oblast_codes)} "
            "differently from KATO's first-level units. List exactly the 20 KATO codes."
        )
    needs_marker = {item["kato"] for item in aliases["matching"]["needs_marker"]}
    bare_towns = {item["kato"] for item in aliases["matching"]["bare_towns"]}
    for code in needs_marker | bare_towns:
        if code not in by_code or not by_code[code]["name_ru"].startswith("г."):
            raise BuildError(f"{aliases_path}: matching lists {code}, which is not a KATO city («г.…»).")

    lex = _Lexicon()
    units: dict[str, list] = {}
    for row in rows:
        code, level, name_ru, name_kk = row["kato"], row["level"], row["name_ru"], row["name_kk"]
        republican = code[:2] >= "71"
        if level == "oblast":
            info = first_level[code]
            if republican:
                units[code] = [level, "city", name_ru, name_kk, info["name_en"]]
                _city_forms(lex, code, name_ru, name_kk, bare=True)
                continue
            units[code] = [level, "oblast", name_ru, name_kk, info["name_en"]]
            entry = lex.entry(code, "region", also=tuple(info.get("also_regions", ())))
            if name_ru.endswith(" область"):
                lex.add("region_adj", adjective_forms(name_ru[: -len(" область")]), entry)
            elif name_ru.startswith("область "):
                lex.add("region_after_noun", {name_ru[len("область "):]}, entry)
            else:
                raise BuildError(f"KATO {code}: cannot read the region name {name_ru!r}.")
            lex.add("region_kk", {_strip(name_kk, (), (" облысы",))}, entry)
            for adjective in info.get("adjectives", ()):
                lex.add("region_adj", adjective_forms(adjective), entry)
            lex.add("region_after_noun", set(info.get("after_noun", ())), entry)
        elif level == "district":
            if name_ru.endswith(("Г.А.", "г.а.")):
                units[code] = [level, "city_admin", name_ru, name_kk, None]
                continue
            units[code] = [level, "district", name_ru, name_kk, None]
            _district_forms(lex, code, name_ru, name_kk)
        elif level == "sub_district":
            if name_ru.startswith("г."):
                units[code] = [level, "city", name_ru, name_kk, None]
                _city_forms(lex, code, name_ru, name_kk, bare=code not in needs_marker)
            elif republican and "район" in name_ru.lower():
                units[code] = [level, "district", name_ru, name_kk, None]
                _district_forms(lex, code, name_ru, name_kk)
        elif level == "settlement":
            if name_ru.startswith("г."):
                units[code] = [level, "city", name_ru, name_kk, None]
                _city_forms(lex, code, name_ru, name_kk, bare=code in bare_towns)
            elif name_ru.lower().startswith("район "):
                units[code] = [level, "district", name_ru, name_kk, None]
                _district_forms(lex, code, name_ru, name_kk)
            elif name_ru.startswith(("с.", "п.")):
                units[code] = [level, "settlement", name_ru, name_kk, None]
                _settlement_forms(lex, code, name_ru, name_kk)

    for item in aliases["aliases"]:
        code, role = item["kato"], item["role"]
        if code != COUNTRY and code not in units:
            raise BuildError(f"{aliases_path}: alias {item['forms']} points to {code}, which is not in KATO.")
        kind = _kind_of(role, code, units)
        entry = lex.entry(code, kind, historic=item.get("historic", False),
                          also=tuple(item.get("also_regions", ())),
                          cases=tuple(item.get("cases", ())), upper=item.get("upper", False))
        lex.add(role, _alias_forms(role, item["forms"], item.get("lang")), entry)

    source_meta_path = kato_path.with_name("kato.source.json")
    source_meta = json.loads(source_meta_path.read_text(encoding="utf-8")) if source_meta_path.exists() else {}
    provenance = {
        "kato_version": rows[0]["kato_version"],
        "kato_file": kato_path.name,
        "kato_sha256": _sha256(kato_path),
        "kato_rows": len(rows),
        "kato_publisher": source_meta.get("publisher"),
        "kato_listing_url": source_meta.get("listing_url"),
        "kato_in_force_from": source_meta.get("in_force_from"),
        "kato_actualised_at": source_meta.get("actualised_at"),
        "kato_retrieved_at": source_meta.get("retrieved_at"),
        "kato_workbook_sha256": source_meta.get("sha256"),
        "aliases_sha256": _sha256(aliases_path),
        "context_sha256": _sha256(context_path),
        "built_at": built_at or dt.date.today().isoformat(),
        "builder": "scripts/build_gazetteer.py",
    }
    return {
        "format": FORMAT,
        "provenance": provenance,
        # one line per unit, "code|level|kind|name_ru|name_kk|name_en": parsed only when a
        # name is asked for, so that loading the matcher does not pay for 10,000 names
        "units": "\n".join("|".join([code] + [value or "" for value in row]) for code, row in sorted(units.items())),
        "entries": lex.entries,
        "index": _index(lex.roles),
        "context": _fold_context(context),
    }


def _index(roles: dict[str, dict[str, set[int]]]) -> dict[str, list[list]]:
    """first token -> [[rest of the form, role, entry ids], …], longest form first: the
    shape the matcher uses, so that loading does no work."""
    index: dict[str, list[list]] = {}
    for role, forms in sorted(roles.items()):
        for form, ids in sorted(forms.items()):
            first, _, rest = form.partition(" ")
            index.setdefault(first, []).append([rest, role, sorted(ids)])
    for patterns in index.values():
        patterns.sort(key=lambda p: (-len(p[0].split()), p[1], p[0]))
    return dict(sorted(index.items()))


def _kind_of(role: str, code: str, units: dict[str, list]) -> str:
    if role.startswith("region"):
        return "region"
    if role.startswith("district"):
        return "district"
    if role.startswith("country"):
        return "country"
    if role.startswith("city"):
        return "city"
    return units[code][1]


def _fold_words(words: list[str]) -> dict[str, list[str]]:
    """Split a word list into exact words and prefixes (``област*``), folded."""
    exact = sorted({key(w) or w for w in words if not w.endswith("*")})
    prefixes = sorted({key(w[:-1]) for w in words if w.endswith("*")})
    return {"exact": exact, "prefix": prefixes}


def _fold_cue(word: str) -> str:
    """A cue word folded, keeping a trailing * (prefix)."""
    return key(word[:-1]) + "*" if word.endswith("*") else key(word)


def _fold_context(context: dict) -> dict:
    scope = context["country_scope"]
    return {
        "markers": {name: _fold_words(words) for name, words in context["markers"].items()},
        "nouns": {name: _fold_words(words) for name, words in context["nouns"].items()},
        "conjunctions": _fold_words(context["conjunctions"]),
        "negative": {
            "before": _fold_words(context["negative"]["before"]),
            "after": _fold_words(context["negative"]["after"]),
            "org_forms": _fold_words(context["negative"]["org_forms"]),
            "person_after_endings": sorted(key(w) for w in context["negative"]["person_after_endings"]),
        },
        "stop_phrases": sorted({key(p) for p in context["stop_phrases"]}),
        "country_scope": {
            "before": [[_fold_cue(w) for w in seq] for seq in scope["before"]],
            "before_not": _fold_words(scope["before_not"]),
            "locative_prepositions": _fold_words(scope["locative_prepositions"]),
            "dative_prepositions": _fold_words(scope["dative_prepositions"]),
            "after": [[_fold_cue(w) for w in seq] for seq in scope["after"]],
            "phrase_followers": _fold_words(scope["phrase_followers"]),
            "statement_words": [w if not key(w) else key(w) for w in scope["statement_words"]],
            "statement_topics": _fold_words(scope["statement_topics"]),
        },
    }


def serialise(gazetteer: dict) -> bytes:
    """Deterministic gzip bytes (no timestamp in the gzip header)."""
    text = json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def write(gazetteer: dict, out: Path = OUTPUT) -> None:
    out.write_bytes(serialise(gazetteer))
