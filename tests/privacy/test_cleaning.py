"""Cleaning what people type: no control, invisible or bidi characters; idempotent; total."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from telephony.text import clean_message

HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
BLANK_LETTERS = set("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
# Every code point, lone surrogates included (JSON's "\ud800" escapes produce them).
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)
tricky = st.text(
    st.sampled_from(
        list("ab é\u0301\t\n\r\x00\x07\x1b\x7f\x85\u00ad\u200b\u200c\u200d\u200e\u200f")
        + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u3000")
        + ["\ufeff", "\ud800", "\udfff", "\ue000", "\U000e0001", "\u3164", "\u061c", "\u180e"]
    ),
    max_size=60,
)

EXAMPLES = [
    ("ik\u202e voel\x00 me\u200b eenzaam", "ik voel me eenzaam"),
    ("  hallo\t\n wereld  ", "hallo wereld"),
    ("ver\u00adgeet", "vergeet"),  # a soft hyphen is invisible, not a word break
    ("\ufeffhoi", "hoi"),
    ("a\ud800b", "ab"),  # a lone surrogate
    ("e\u0301", "\u00e9"),  # NFC
    ("e\u200d\u0301", "\u00e9"),  # an invisible joiner cannot keep an accent apart
    ("\u2066113\u2069 bellen", "113 bellen"),
    ("hoi\u3164\u3164\u3164", "hoi"),  # Hangul filler: blank padding
    ("regel1\u2028regel2", "regel1 regel2"),
    ("\x00\x00", ""),
    ("hallo 👋🏽 buurman", "hallo 👋🏽 buurman"),
]


@pytest.mark.parametrize(("typed", "cleaned"), EXAMPLES)
def test_examples(typed, cleaned):
    assert clean_message(typed) == cleaned


@settings(max_examples=500, deadline=None)
@given(any_text | tricky)
@example("\ud800")
@example("\u202e\u202e\u200b")
def test_cleaning_is_total_idempotent_and_leaves_nothing_hidden(text):
    cleaned = clean_message(text)
    assert clean_message(cleaned) == cleaned
    cleaned.encode("utf-8")  # raises on a lone surrogate, which would break JSON or a database
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip() and "  " not in cleaned
    for ch in cleaned:
        assert unicodedata.category(ch) not in HIDDEN_CATEGORIES, repr(ch)
        assert ch not in BLANK_LETTERS, repr(ch)
        assert ch == " " or not ch.isspace(), repr(ch)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            st.characters(categories=["L", "N", "P"], exclude_characters=BLANK_LETTERS), min_size=1
        ),
        max_size=8,
    )
)
def test_ordinary_text_keeps_its_words(words):
    text = " ".join(unicodedata.normalize("NFC", w) for w in words)
    assert clean_message(text) == text.strip()
