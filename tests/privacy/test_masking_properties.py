"""Properties of masking, on generated text: idempotent, total, and nothing personal left."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from omzien.privacy import EMAIL, IBAN, PHONE, mask_personal_data
from tests.privacy.strategies import (
    WORDS,
    digit_runs,
    dutch_phone_numbers,
    embedded,
    filler,
    ibans,
    international_phone_numbers,
    valid_ibans_in,
    words,
)

MANY = settings(max_examples=400, deadline=None)
# Text that is mostly digits, separators and letters: where the patterns have to decide.
numberish = st.text(alphabet="0123456789 +-.()/:@abnlABNL,", max_size=60)


@MANY
@given(st.text(max_size=300) | numberish | filler)
@example("1234 ab, nr 5 06-12345678 jan@x.nl NL91ABNA0417164300")
def test_masking_is_idempotent_and_never_raises(text):
    masked = mask_personal_data(text)
    assert isinstance(masked, str)
    assert mask_personal_data(masked) == masked


@MANY
@given(st.text(max_size=300) | numberish | filler)
def test_no_nine_digit_number_is_left(text):
    masked = mask_personal_data(text)
    assert not re.search(r"(?<![\d:])\d(?:[ .\-]?\d){8}", masked)


@MANY
@given(embedded(dutch_phone_numbers() | international_phone_numbers()))
@example(("bel me op 06-12345678", "06-12345678"))
def test_phone_numbers_in_dutch_text_are_always_masked(case):
    text, number = case
    masked = mask_personal_data(text)
    assert PHONE in masked
    digits = re.sub(r"\D", "", number)
    assert all(digits[-7:] not in run for run in digit_runs(masked)), masked


@MANY
@given(embedded(st.emails()))
def test_email_addresses_in_dutch_text_are_always_masked(case):
    text, address = case
    masked = mask_personal_data(text)
    assert EMAIL in masked
    assert "@" not in masked
    assert address not in masked


@MANY
@given(embedded(ibans()))
def test_ibans_in_dutch_text_are_always_masked(case):
    text, iban = case
    masked = mask_personal_data(text)
    assert IBAN in masked
    assert valid_ibans_in(masked) == []


@MANY
@given(
    words,
    st.integers(1000, 9999),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(1, 110),
    st.sampled_from(WORDS),
)
def test_bare_postcodes_times_and_ages_survive(before, pc4, hour, minute, age, after):
    text = f"{before} {pc4} {after} om {hour}:{minute:02d} uur, ik ben {age} jaar"
    assert mask_personal_data(text) == text
