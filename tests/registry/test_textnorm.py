from qogam.registry.textnorm import fold, fts5_query, index_text, lemma, tsquery, words


def test_kazakh_letters_fold_to_russian_lookalikes():
    assert fold("ӘҚҢҒҮҰІӨҺ ё") == "акнгууиох е"


def test_latin_i_typed_for_kazakh_i():
    assert words("Мейiрiм") == words("Мейірім") == ["мейирим"]


def test_russian_words_are_indexed_with_lemmas():
    text = index_text("Общественный фонд «Мейірім» детей-сирот").split()
    assert "фонд" in text and "мейирим" in text
    assert lemma("фонда") == "фонд"
    assert lemma("инициативы") == lemma("инициатив") == "инициатива"


def test_queries_match_word_prefix_or_lemma():
    assert fts5_query("фонда мей") == '("фонда" * OR "фонд") AND "мей" *'
    assert tsquery("фонда мей") == "(фонда:* | фонд) & мей:*"
    assert fts5_query("«»!!") is None
