"""The edit distance behind the reported character accuracy, against a plain reference."""

from hypothesis import given, settings
from hypothesis import strategies as st


def reference(a: str, b: str) -> int:
    rows = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, rows[0] = rows[0], i
        for j, cb in enumerate(b, 1):
            prev, rows[j] = rows[j], min(rows[j] + 1, rows[j - 1] + 1, prev + (ca != cb))
    return rows[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="абқңxy ", max_size=25), st.text(alphabet="абқңxy ", max_size=25))
def test_levenshtein_matches_the_textbook_definition(cer, a, b):
    assert cer.levenshtein(a, b) == reference(a, b)


def test_accuracy_ignores_layout_whitespace_only(cer):
    acc, edits, length = cer.accuracy("Жарқын  болашақ\nАлматы", "Жарқын болашақ Алматы")
    assert (acc, edits) == (1.0, 0)
    acc, edits, length = cer.accuracy("Жарқын болашақ", "Жаркын болашак")
    assert edits == 2 and length == 14 and abs(acc - (1 - 2 / 14)) < 1e-9
