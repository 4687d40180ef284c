import yaml

from qogam.charter import names, vocabulary


def test_every_legal_form_and_foreign_country_has_names_in_three_languages():
    data = yaml.safe_load((vocabulary.VOCABULARY_FILE.with_name("names.yaml")).read_text(encoding="utf-8"))
    forms = {f["slug"] for f in vocabulary.raw()["legal_forms"]} | {"other"}
    assert forms <= set(data["legal_forms"])
    assert set(vocabulary.raw()["foreign_markers"]) <= set(data["countries"])
    for table in data.values():
        for entry in table.values():
            assert set(entry) == {"ru", "kk", "en"} and all(entry.values())
    assert names.form_name("public_fund", "kk") == "қоғамдық қор"
    assert names.form_name(None) is None
