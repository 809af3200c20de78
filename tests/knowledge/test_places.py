"""Places and postcodes from CBS/BAG data."""

from __future__ import annotations

import pytest

from knowledge.places import find_place, municipalities, postcodes


def test_all_342_municipalities_and_4_digit_postcodes():
    assert len(municipalities()) == 342
    assert len(postcodes()) > 4000


@pytest.mark.parametrize(
    "text, town, municipality",
    [
        ("3512", "Utrecht", "Utrecht"),
        ("9712 AB", "Groningen", "Groningen"),
        ("zwolle", "Zwolle", "Zwolle"),
        ("Den Haag", "Den Haag", "'s-Gravenhage"),
        ("Echt", "Echt", "Echt-Susteren"),
    ],
)
def test_find_place(text, town, municipality):
    place = find_place(text)
    assert (place.name, place.municipality) == (town, municipality)


@pytest.mark.parametrize("text", ["Atlantis", "0000", "12"])
def test_unknown_places(text):
    assert find_place(text) is None
