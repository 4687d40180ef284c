"""The Kazakh suffix stripper, checked on a list of word forms."""

import pytest

from qogam.activities.kazakh import stem_kk

# Forms of one word must give one stem: that is what the patterns rely on.
PARADIGMS = {
    "бала": [
        "бала",
        "балалар",
        "балаларға",
        "балалардың",
        "баласы",
        "баласына",
        "баласын",
        "балаларына",
    ],
    "құқық": ["құқық", "құқықтары", "құқықтарын", "құқығын", "құқықтарды"],
    "мүгедектік": ["мүгедектігі", "мүгедектігін", "мүгедектік"],
    "жетім": ["жетім", "жетімдер", "жетімдерге", "жетімдердің"],
    "отба": ["отбасы", "отбасылар", "отбасыларға", "отбасыларды"],
    "мектеп": ["мектеп", "мектепке", "мектептегі", "мектептерде", "мектептерінде"],
    "қызмет": ["қызмет", "қызметі", "қызметін", "қызметтер", "қызметтерді"],
    "денсаулық": ["денсаулық", "денсаулығын", "денсаулығы"],
    "жануар": ["жануар", "жануарлар", "жануарларды", "жануарларға"],
    "жұмыс": ["жұмыс", "жұмысы", "жұмысқа", "жұмыстар"],
    "үй": ["үй", "үйлер", "үйлерінің", "үйдің"],
    "тіл": ["тіл", "тілі", "тіліне", "тілдер"],
    "өнер": ["өнер", "өнері", "өнерін"],
    "тұрғын": ["тұрғын", "тұрғындар", "тұрғындарға"],
}


@pytest.mark.parametrize(("stem", "forms"), PARADIGMS.items())
def test_all_forms_of_a_word_share_a_stem(stem, forms):
    assert {form: stem_kk(form) for form in forms} == {form: stem for form in forms}


@pytest.mark.parametrize(
    "word",
    # Endings that only look like suffixes (consonant assimilation and a keep list decide).
    ["республика", "орта", "қайта", "қазақстан", "ағылшын", "арналған", "шеккен", "қорғау", "ана"],
)
def test_words_that_end_like_a_suffix_are_kept(word):
    assert stem_kk(word) == word


def test_voicing_is_undone_only_for_native_stems():
    assert stem_kk("жүрегі") == "жүрек"
    assert stem_kk("көмегін") == "көмек"
    assert stem_kk("педагогы") == "педагог"  # loanword: г after a back vowel stays


def test_short_words_are_not_cut_to_nothing():
    for word in ["су", "ел", "ісін", "жас", "ат"]:
        assert len(stem_kk(word)) >= 2
