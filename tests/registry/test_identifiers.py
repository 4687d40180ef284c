"""BIN control digits, computed here from the rule (weights 1..11, then 3..11,1,2)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qogam.registry.identifiers import (
    InvalidBIN,
    bin_from_org_id,
    clean_bin,
    complete_bin,
    control_digit,
    is_valid_bin,
    org_id,
)


def reference_digit(eleven: str):
    digits = [int(c) for c in eleven]
    first = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if first != 10:
        return first
    second = sum(d * w for d, w in zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], strict=True)) % 11
    return None if second == 10 else second


def test_worked_example():
    # 0·1+8·2+1·3+2·4+4·5+0·6+6·7+0·8+5·9+2·10+6·11 = 220; 220 mod 11 = 0
    assert control_digit("08124060526") == 0
    assert clean_bin("081240605260") == "081240605260"


def test_second_pass_is_used_when_first_remainder_is_ten():
    eleven = next(f"{n:011d}" for n in range(10**6, 10**7) if
                  sum(int(c) * w for c, w in zip(f"{n:011d}", range(1, 12), strict=True)) % 11 == 10
                  and reference_digit(f"{n:011d}") is not None)
    assert control_digit(eleven) == reference_digit(eleven)
    assert is_valid_bin(complete_bin(eleven))


def test_number_without_any_valid_control_digit_is_rejected():
    eleven = next(f"{n:011d}" for n in range(10**6, 10**7) if reference_digit(f"{n:011d}") is None)
    assert complete_bin(eleven) is None
    for last in "0123456789":
        with pytest.raises(InvalidBIN, match="не может быть выдан"):
            clean_bin(eleven + last)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_any_number_agrees_with_the_rule(eleven):
    expected = reference_digit(eleven)
    assert control_digit(eleven) == expected
    for last in range(10):
        assert is_valid_bin(f"{eleven}{last}") == (expected == last)


def test_wrong_checksum_message_says_what_to_do():
    with pytest.raises(InvalidBIN) as info:
        clean_bin("081240605261")
    assert "контрольная цифра не сходится" in str(info.value)
    assert "ожидается 0" in str(info.value)


@pytest.mark.parametrize("raw", ["0812 4060 5260", "081240605260.0", 81240605260, " 081240-605260 "])
def test_spreadsheet_forms_are_accepted(raw):
    assert clean_bin(raw) == "081240605260"


@pytest.mark.parametrize("raw,problem", [("", "пустое"), ("12345", "5 цифр"), ("08124060526O", "только цифры")])
def test_malformed(raw, problem):
    with pytest.raises(InvalidBIN, match=problem):
        clean_bin(raw)


def test_org_id_round_trip():
    assert org_id("081240605260") == "KZ-BIN-081240605260"
    assert bin_from_org_id("kz-bin-081240605260") == "081240605260"
