"""Lemma streams: what the patterns see, per language, mapped back to the original text."""

import pytest

from qogam.activities import lemma_strings
from qogam.activities.lemmas import analyse
from qogam.activities.patterns import PatternSet


def test_hyphenated_words_give_both_parts_and_the_joined_form():
    assert lemma_strings("детей-сирот") == {"ru": "ребенок сирота ребенок-сирота |"}
    assert lemma_strings("детям-сиротам") == {"ru": "ребенок сирота ребенок-сирота |"}


def test_one_pattern_matches_every_form():
    patterns = PatternSet({"4 100": {"ru": {"include": [r"сирот\w*"]}}}, "test")
    for text in ["помощь детей-сирот", "помощь детям-сиротам", "профилактика сиротства"]:
        hits = patterns.match(analyse(text))
        assert [text[h.start : h.end] for h in hits] in (
            [text.split()[-1]],
            [text.split()[-1].split("-")[-1]],
        ), text


def test_prepositions_and_conjunctions_are_dropped_but_negation_is_kept():
    assert lemma_strings("для детей и подростков") == {"ru": "ребенок подросток |"}
    assert lemma_strings("не запрещённая законом") == {"ru": "не запретить закон |"}


def test_sentence_breaks_become_a_token():
    assert lemma_strings("Спорт. Культура; искусство") == {"ru": "спорт | культура | искусство |"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Оказание социальной помощи детям-сиротам", "ru"),
        ("Жетім балаларға әлеуметтік көмек көрсету", "kk"),
        ("Балалар мен жасөспірімдер футболын дамыту", "kk"),
        ("Helping homeless people with hot meals", "en"),
        ("Förderung der Kultur und des Sports in Kasachstan", "other"),
        ("Balalarğa älewmettik kömek körsetw", "other"),
        ("促进儿童教育", "other"),
        ("", ""),
        ("   \n 2024 — 15 %", ""),
    ],
)
def test_language_is_detected_per_line(text, language):
    assert analyse(text).language == language


def test_a_bilingual_text_gets_two_streams():
    streams = analyse("Развитие спорта\nСпортты дамыту\nSport development").streams
    assert set(streams) == {"ru", "kk", "en"}


def test_spans_point_into_the_original_text():
    text = "Цель:\n  оказание ПОМОЩИ детям-сиротам."
    stream = analyse(text).streams["ru"]
    for lemma, (start, end) in zip(
        [p for p in stream.parts if p != "|"], stream.spans, strict=True
    ):
        assert text[start:end].lower() in {
            "цель",
            "оказание",
            "помощи",
            "детям",
            "сиротам",
            "детям-сиротам",
        }, lemma


def test_english_lines_without_function_words_are_still_english():
    # Six words or more and no «the», «of», «and»: lingua tells English from other Latin-script text.
    for text in ["Helping villagers set up dairy cooperatives",
                 "Public environmental control over industrial enterprises"]:
        assert list(lemma_strings(text)) == ["en"], text


def test_other_latin_script_languages_are_not_read_as_english():
    for text in ["Förderung der deutschen Sprache und Kultur in Kasachstan",
                 "Promozione della cultura italiana nelle scuole kazake",
                 "Qazaqstan jastary ortalygy madeniet damytu bagdarlamasy"]:
        assert lemma_strings(text) == {}, text


def test_genitive_plural_nouns_are_not_read_as_short_adjectives():
    # pymorphy3 scores «саженцев» as «саженцевый» (short adjective) and «саженец» equally.
    assert lemma_strings("посадка саженцев после паводков") == {"ru": "посадка саженец паводок |"}


def test_an_unknown_noun_gets_its_shortest_normal_form():
    assert lemma_strings("помощь кандасам") == {"ru": "помощь кандас |"}


def test_warm_up_loads_the_language_models_so_the_first_texts_are_not_slow():
    from qogam.activities import lemmas, warm_up

    warm_up()
    assert lemmas._lingua_kk_ru.cache_info().currsize == 1
    assert lemmas._lingua_latin.cache_info().currsize == 1
