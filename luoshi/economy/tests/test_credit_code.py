"""The unified social credit code's check character (GB 32100-2015), through python-stdnum."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.economy import credit_code

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: digits and 21 letters (no I, O, Z, S, V)


def test_a_published_code_is_valid():
    assert credit_code.validate("91110000600037341L") == "91110000600037341L"


def test_spaces_dashes_and_lower_case_are_normalised():
    assert credit_code.validate(" 9111-0000 600037341l ") == "91110000600037341L"


@pytest.mark.parametrize(
    "code, reason",
    [
        ("91110000600037341M", "checksum"),
        ("9111000060003734", "length"),
        ("91110000600037341L0", "length"),
        ("9111000060003734IL", "format"),  # I is not in the alphabet
        ("A1110000600037341L", "format"),  # registration authority and type are digits
    ],
)
def test_a_wrong_code_names_what_is_wrong(code, reason):
    with pytest.raises(credit_code.CreditCodeError) as exc:
        credit_code.validate(code)
    assert exc.value.reason == reason


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8), st.text(alphabet=ALPHABET, min_size=9, max_size=9)
)
def test_any_17_characters_with_their_computed_check_character_are_valid(head, body):
    first17 = head + body
    code = first17 + credit_code.check_character(first17)
    assert credit_code.validate(code) == code


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8), st.text(alphabet=ALPHABET, min_size=9, max_size=9)
)
def test_any_other_check_character_is_refused(head, body):
    first17 = head + body
    right = credit_code.check_character(first17)
    for wrong in ALPHABET.replace(right, "")[:5]:
        with pytest.raises(credit_code.CreditCodeError):
            credit_code.validate(first17 + wrong)
