"""Hypothesis strategies: Dutch filler text and the personal data people type into it."""

from __future__ import annotations

import re

from hypothesis import strategies as st

# Words and harmless numbers around the personal data; the two-letter words are the ones that
# may follow a bare postcode ("in 8011 en").
FILLER = [
    "ik", "voel", "me", "vaak", "alleen", "sinds", "mijn", "vrouw", "overleed", "bel", "mij",
    "maar", "even", "op", "mail", "naar", "rekening", "woon", "in", "en", "de", "het", "om",
    "uur", "ben", "jaar", "oud", "graag", "samen", "wandelen", "buurthuis", "Zwolle", "Utrecht",
    "82", "1987", "19:30", "3512", "€ 12,50", "113", "0800-0113", "112", "2 keer", "nummer:",
]  # fmt: skip
WORDS = [w for w in FILLER if not re.search(r"\d", w)]
SEPARATORS = [" ", " ", ", ", ": ", " (", ") ", " - ", "\n"]

filler = st.lists(st.sampled_from(FILLER), max_size=6).map(" ".join)
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


def _grouped(draw, digits: str, gaps: list[str]) -> str:
    """`digits` cut into random groups joined by one of `gaps`."""
    out, i = [], 0
    while i < len(digits):
        size = draw(st.integers(1, 4))
        out.append(digits[i : i + size])
        i += size
    gap = draw(st.sampled_from(gaps))
    return gap.join(out)


@st.composite
def dutch_phone_numbers(draw) -> str:
    """A Dutch number (0 and nine digits) as people write it: 06-1234 5678, +31 (0)20 ..."""
    area = draw(st.sampled_from(["6", "20", "10", "30", "591", "88", "85", "70", "13"]))
    rest = draw(st.text("0123456789", min_size=9 - len(area), max_size=9 - len(area)))
    body = _grouped(draw, rest, [" ", "-", ".", "", " - "])
    gap = draw(st.sampled_from([" ", "-", "", ". "]))
    prefix = draw(
        st.sampled_from(
            [f"0{area}{gap}", f"(0{area}) ", f"+31 {area}{gap}", f"+31{area}{gap}",
             f"+31 (0){area}{gap}", f"0031 {area}{gap}", f"+31 0{area}{gap}"]
        )
    )  # fmt: skip
    return prefix + body


@st.composite
def international_phone_numbers(draw) -> str:
    """A number of another country: +44 20 7946 0958, 0032 470 12 34 56."""
    country = draw(st.from_regex(r"[1-9]\d{0,2}", fullmatch=True).filter(lambda c: c[:2] != "31"))
    subscriber = draw(st.text("0123456789", min_size=7, max_size=12 - len(country)))
    start = draw(st.sampled_from(["+", "00"]))
    return f"{start}{country} " + _grouped(draw, subscriber, [" ", "-", ".", ""])


def iban_check_digits(country: str, bban: str) -> str:
    """The two ISO 13616 check digits of an account number."""
    numeric = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


@st.composite
def ibans(draw) -> str:
    """A valid IBAN (NL, BE, DE, GB or FR), grouped by four or not, any case."""
    letters = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4)

    def digits(n):
        return st.text("0123456789", min_size=n, max_size=n)

    country = draw(st.sampled_from(["NL", "BE", "DE", "GB", "FR"]))
    bban = {
        "NL": lambda: draw(letters) + draw(digits(10)),
        "BE": lambda: draw(digits(12)),
        "DE": lambda: draw(digits(18)),
        "GB": lambda: draw(letters) + draw(digits(14)),
        "FR": lambda: draw(digits(23)),
    }[country]()
    iban = country + iban_check_digits(country, bban) + bban
    if draw(st.booleans()):
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban.lower() if draw(st.booleans()) else iban


@st.composite
def embedded(draw, personal: st.SearchStrategy[str]) -> tuple[str, str]:
    """Filler text with one piece of personal data in it; (text, the piece)."""
    piece = draw(personal)
    before, after = draw(filler), draw(filler)
    text = draw(st.sampled_from(SEPARATORS)).join([before, piece]) if before else piece
    if after:
        text = draw(st.sampled_from(SEPARATORS)).join([text, after])
    return text, piece


def digit_runs(text: str) -> list[str]:
    """Runs of digits with at most three spaces, dashes, dots, slashes or brackets between them."""
    runs = re.finditer(r"(?<![\d:])\d(?:[ .\-/()]{0,3}\d)*", text)
    return [re.sub(r"\D", "", run[0]) for run in runs]


def valid_ibans_in(text: str) -> list[str]:
    """Every IBAN with a valid checksum still readable in `text` (spaces inside it or not)."""
    found = []
    for candidate in re.finditer(r"(?<![A-Z0-9])[A-Z]{2}\d{2}[A-Z0-9 ]{11,40}", text.upper()):
        compact = candidate[0].replace(" ", "")
        ends = range(15, min(34, len(compact)) + 1)
        found += [compact[:end] for end in ends if _mod97(compact[:end])]
    return found


def _mod97(iban: str) -> bool:
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1
