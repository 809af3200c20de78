"""Masking personal data before storage: table-driven examples of what goes and what stays."""

from __future__ import annotations

import pytest

from omzien import privacy
from omzien.privacy import mask_personal_data

MASKED = [
    # Dutch mobile and landline numbers, in the ways people write them
    ("bel me op 06-12345678", "bel me op [telefoonnummer]"),
    ("mijn nummer is 06 1234 5678.", "mijn nummer is [telefoonnummer]."),
    ("0612345678", "[telefoonnummer]"),
    ("06-12 34 56 78 graag", "[telefoonnummer] graag"),
    ("(06) 12345678", "[telefoonnummer]"),
    ("+31 6 12345678", "[telefoonnummer]"),
    ("+31(0)6-12345678", "[telefoonnummer]"),
    ("+31612345678", "[telefoonnummer]"),
    ("+31 06 12345678", "[telefoonnummer]"),
    ("0031 6 12 34 56 78", "[telefoonnummer]"),
    ("(020) 123 45 67 thuis", "[telefoonnummer] thuis"),
    ("020.123.45.67", "[telefoonnummer]"),
    ("0591-123456", "[telefoonnummer]"),
    ("tel:0201234567", "tel:[telefoonnummer]"),
    # other countries
    ("+44 20 7946 0958 in Londen", "[telefoonnummer] in Londen"),
    ("+1 (555) 123-4567", "[telefoonnummer]"),
    ("0032 470 12 34 56", "[telefoonnummer]"),
    # e-mail
    ("jan.jansen+omzien@gmail.com schreef", "[e-mail] schreef"),
    ("Mail: a_b-c@sub.example.co.uk.", "Mail: [e-mail]."),
    # IBAN, with and without spaces, any country, any case
    ("NL91 ABNA 0417 1643 00 is mijn rekening", "[iban] is mijn rekening"),
    ("nl91abna0417164300", "[iban]"),
    ("DE89 3704 0044 0532 0130 00", "[iban]"),
    ("BE68539007547034", "[iban]"),
    ("GB29 NWBK 6016 1331 9268 19 graag", "[iban] graag"),
    # BSN-like and other long numbers
    ("BSN 123456789", "BSN [nummer]"),
    ("123.456.789", "[nummer]"),
    ("123 45 6789", "[nummer]"),
    ("pas 1234 5678 9012 3456", "pas [nummer]"),
    ("01-01-2020 123456789", "01-01-2020 [nummer]"),
    # full postcodes, with the house number; the PC4 stays
    ("1234 AB", "1234 [postcode]"),
    ("1234AB 12", "1234 [postcode]"),
    ("1234 ab, nr 5 in Zwolle", "1234 [postcode] in Zwolle"),
    ("3512 JE Utrecht", "3512 [postcode] Utrecht"),
    ("8011 EN", "8011 [postcode]"),
    ("postcode 1234ab", "postcode 1234 [postcode]"),
    # a house number after a street
    ("Dorpsstraat 12a, 1234 AB Utrecht", "Dorpsstraat [huisnummer], 1234 [postcode] Utrecht"),
    ("ik woon op de Kerkweg 5 in Ede", "ik woon op de Kerkweg [huisnummer] in Ede"),
    # invisible characters cannot hide a number
    ("06\u200b1234\u200d5678", "[telefoonnummer]"),
    # all at once
    (
        "ik ben Jan, 06-12345678, jan@example.nl, NL91ABNA0417164300, 1234 AB 5",
        "ik ben Jan, [telefoonnummer], [e-mail], [iban], 1234 [postcode]",
    ),
]

KEPT = [
    "ik woon in 8011",
    "3512",
    "ik woon in 8011 en ik ben 82",
    "postcode 3512 en 3513",
    "om 19:30 uur",
    "morgen om 9.30 uur",
    "ik ben 82 jaar",
    "in 1987 trouwde ik, in 2024 en 2025 ook",
    "het kost € 1.250,00 of 12,50 euro",
    "bel 113 of 0800-0113, en bij gevaar 112",
    "0800-1205",
    "14 020",
    "op 06-12-2023 12 mensen",
    "ik fiets 1000 km en til 1500 kg",
    "ik12 heel mooi",
    "ik loop 2 keer per week in het stadspark 3 keer",
    "de Dorpsstraat is mooi",
    "",
    "geen cijfers hier, alleen woorden",
]


@pytest.mark.parametrize(("text", "masked"), MASKED)
def test_personal_data_is_masked(text, masked):
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_numbers_and_bare_postcodes_stay(text):
    assert mask_personal_data(text) == text


def test_complete_numbers_of_organisations_are_masked_too():
    # A direct line at work can be a person's own; a helpline's short number is kept.
    assert mask_personal_data("088 0767 000") == "[telefoonnummer]"
    assert mask_personal_data("0800 1234567") == "[nummer]"


def test_masking_never_raises_and_never_stores_unmasked_text(monkeypatch):
    assert mask_personal_data(None) is None

    def broken(_text):
        raise RuntimeError("bug")

    monkeypatch.setattr(privacy, "_mask", broken)
    assert mask_personal_data("bel 0612345678") == privacy.UNREADABLE


def test_the_iban_checksum():
    assert privacy.iban_checksum_ok("NL91ABNA0417164300")
    assert not privacy.iban_checksum_ok("NL92ABNA0417164300")
