"""Russian by default, Kazakh and English on request; every message translated."""

import re
from pathlib import Path

import pytest

import qogam.web

LOCALE = Path(qogam.web.__file__).parent / "locale"


def test_russian_is_the_default_whatever_the_browser_says(client, db):
    response = client.get("/check/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "ru"
    assert "Проверить устав" in response.content.decode()


def test_switching_language_with_the_switcher(client, db):
    response = client.post("/i18n/setlang/", {"language": "kk", "next": "/check/"})
    assert response.status_code == 302 and response["Location"] == "/check/"
    html = client.get("/check/").content.decode()
    assert '<html lang="kk">' in html and "Жарғыны тексеру" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Check a charter" in client.get("/check/").content.decode()


def entries(lang: str) -> list[dict]:
    """(msgid, [msgstr…], flags) of a .po file, continuation lines joined."""
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    out = []
    for block in text.split("\n\n")[1:]:
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                fields[key] = match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if "msgid" in fields:
            out.append({"msgid": fields["msgid"] + fields.get("msgid_plural", ""),
                        "msgstr": [v for k, v in fields.items() if k.startswith("msgstr")],
                        "fuzzy": "#, fuzzy" in block})
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_is_translated(lang):
    untranslated = [e["msgid"] for e in entries(lang) if e["fuzzy"] or not all(e["msgstr"])]
    assert untranslated == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_compiled_catalogue_matches_the_po_file(lang):
    """The committed .mo says what the .po says (run locale/update_messages.sh after editing)."""
    import gettext

    with (LOCALE / lang / "LC_MESSAGES" / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for entry in entries(lang):
        if not entry["msgid"] or len(entry["msgstr"]) != 1:
            continue  # the header and plural forms
        expected = entry["msgstr"][0].replace('\\"', '"').replace("\\n", "\n")
        assert compiled.gettext(entry["msgid"].replace('\\"', '"')) == expected, entry["msgid"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_placeholders_survive_translation(lang):
    placeholder = re.compile(r"%\(\w+\)[\d.]*[sdf]")
    for entry in entries(lang):
        wanted = set(placeholder.findall(entry["msgid"]))
        for msgstr in entry["msgstr"]:
            assert set(placeholder.findall(msgstr)) == wanted, (lang, entry["msgid"])
