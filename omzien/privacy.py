"""Masking personal data in what people write, before it is stored.

Masked: e-mail addresses, IBANs, phone numbers (Dutch and international), every other run of
9 or more digits (BSN, card and customer numbers), full postcodes with their house number, and
house numbers after a street name. Kept: bare 4-digit postcodes (search needs them), times,
ages, years, amounts and short numbers such as 112, 113 and 0800-0113. Complete numbers of
organisations (0800 1234567, 088 0767 000) are masked too: a direct line at work can be a
person's own, and masking a helpline's number loses nothing the conversation needs.
"""

from __future__ import annotations

import logging
import re
import unicodedata

log = logging.getLogger(__name__)

PHONE = "[telefoonnummer]"
EMAIL = "[e-mail]"
IBAN = "[iban]"
NUMBER = "[nummer]"
POSTCODE = "[postcode]"
HOUSE_NUMBER = "[huisnummer]"
LABELS = (PHONE, EMAIL, IBAN, NUMBER, POSTCODE, HOUSE_NUMBER)
# What is stored when masking itself fails: never the unmasked text.
UNREADABLE = "[bericht niet bewaard]"

_MAYBE_PERSONAL = re.compile(r"[\d@]")
_SPACE = r"[ \u00a0]"
# Between the digits of a phone number: a space, dash, dot, slash or bracket, up to three.
_PHONE_GAP = r"[ \u00a0\-./()]{0,3}"

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# Country, check digits, then 8 to 30 letters and digits, in groups of four or not.
_IBAN = re.compile(
    rf"(?<!\w)[A-Za-z]{{2}}\d{{2}}(?:{_SPACE}?[A-Za-z0-9]{{4}}){{2,7}}"
    rf"(?:{_SPACE}?[A-Za-z0-9]{{1,3}})?(?!\w)"
)
# 0, +31, 0031 or +31 (0), then nine digits: 06 12345678, (020) 123 45 67, +31 6-1234 5678.
_DUTCH_PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00){_SPACE}?31(?:[ \u00a0\-.]*\(?0\)?)?|\(?0)"
    rf"(?:{_PHONE_GAP}\d){{9}}(?!\d|:\d)"
)
# Any other country: + or 00, then 7 to 14 digits (E.164 has at most 15).
_INTERNATIONAL_PHONE = re.compile(
    rf"(?<![\w+])(?:\+|00)(?!{_SPACE}?31)[1-9](?:{_PHONE_GAP}\d){{6,13}}(?!\d|:\d)"
)
_DATE_LIKE = re.compile(r"\(?\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d")
_LONG_NUMBER = re.compile(r"(?<![\d:])\d(?:[ \u00a0.\-]?\d){8,}(?!\d)")
# Two letters after "1234 " that are a Dutch word or a unit, not a postcode ("in 2024 en").
_NOT_POSTCODE_WORDS = (
    "al de en er ga ha ja je me na pa ma te we ze op in is om nu of zo ik uw bv ca "
    "km cm mm kg mg ml cl dl pk kb mb gb hz kw"
).split()
_WORD = "|".join(f"[{w[0]}{w[0].upper()}]{w[1]}" for w in _NOT_POSTCODE_WORDS)
_POSTCODE = re.compile(
    rf"(?<!\w)([1-9]\d{{3}})(?:{_SPACE}(?!(?:{_WORD})(?!\w)))?[A-Za-z]{{2}}(?!\w)"
    rf"(?:{_SPACE}*,?{_SPACE}*(?:(?:huis)?(?:nr|nummer|no)\.?{_SPACE}*)?\d{{1,5}}"
    rf"(?:[\-/]\d{{1,4}}|{_SPACE}?[A-Za-z](?!\w))?(?!\w))?"
)
_STREET_NUMBER = re.compile(
    r"(?i)((?<=\w\w)(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|"
    r"markt|allee|park|erf|wal)\s+)\d{1,4}(?:[\-/]\d{1,4}|\s?[a-z](?!\w))?(?!\w|:\d|[.,]\d)"
    r"(?!\s+(?:keer|jaar|uur|min|minuten|dagen|weken|maanden|euro|km|kilometer|meter|rondjes|"
    r"mensen|personen)\b)"
)


def mask_personal_data(text: str) -> str:
    """`text` with personal data replaced by short Dutch placeholders; never raises."""
    if not text or not isinstance(text, str):
        return text
    try:
        return _mask(text)
    except Exception:  # noqa: BLE001 - storing is never blocked, and never stores it unmasked
        log.exception("masking personal data failed")
        return UNREADABLE


def _mask(text: str) -> str:
    # Invisible characters inside a number would hide it from the patterns below.
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cs"))
    if not _MAYBE_PERSONAL.search(text):
        return text
    if "@" in text:
        text = _EMAIL.sub(EMAIL, text)
    text = _IBAN.sub(_iban, text)
    text = _mask_phones(_DUTCH_PHONE, text)
    text = _mask_phones(_INTERNATIONAL_PHONE, text)
    text = _LONG_NUMBER.sub(_unless_date(_LONG_NUMBER, NUMBER), text)
    text = _POSTCODE.sub(lambda m: f"{m[1]} {POSTCODE}", text)
    return _STREET_NUMBER.sub(lambda m: m[1] + HOUSE_NUMBER, text)


def _iban(match: re.Match) -> str:
    found = match[0]
    # The last group may be the next word ("BE68 5390 0754 7034 jaar"): the longest valid IBAN.
    for end in [len(found), *(m.start() for m in reversed(list(re.finditer(r"\s", found))))]:
        if iban_checksum_ok(re.sub(r"\s", "", found[:end]).upper()):
            return IBAN + found[end:]
    if sum(ch.isdigit() for ch in found[4:]) >= 6:
        return IBAN  # a mistyped IBAN is still someone's account
    return found  # a word and a number, such as "ik12 heel mooi"


def iban_checksum_ok(iban: str) -> bool:
    """True when `iban` (no spaces) passes the ISO 13616 mod-97 check."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _mask_phones(pattern: re.Pattern, text: str) -> str:
    """Mask every match; one that runs into the start of another ("0800-0113 06 1234 5678")
    is masked together with it, so no part of the second number is left readable."""
    out, position = [], 0
    while match := pattern.search(text, position):
        start, end = match.span()
        extended = True
        while extended:
            later = (pattern.match(text, p) for p in range(start + 1, end))
            ends = [m.end() for m in later if m and m.end() > end]
            extended = bool(ends)
            end = max(ends, default=end)
        found = text[start:end]
        date = _DATE_LIKE.match(found)  # "06-12-2023 06 1234 5678": the date stays
        masked = date[0] + _mask_phones(pattern, found[date.end() :]) if date else PHONE
        out += [text[position:start], masked]
        position = end
    return "".join([*out, text[position:]])


def _unless_date(pattern: re.Pattern, placeholder: str):
    """A replacement that keeps a leading date ("06-12-2023 12") and masks only what follows."""

    def replace(match: re.Match) -> str:
        date = _DATE_LIKE.match(match[0])
        if not date:
            return placeholder
        rest = match[0][date.end() :]
        return date[0] + pattern.sub(replace, rest)

    return replace
