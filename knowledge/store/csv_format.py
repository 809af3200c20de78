"""The spreadsheet format for municipalities: one activity per row, turned into HSDS services.

Columns (header row required; empty cells are allowed unless marked *):
  id              stable id of the activity; empty: made from organisatie + naam + postcode
  organisatie *   who organises it
  naam *          name of the activity
  omschrijving    what you do there, in one or two sentences
  activiteiten *  categories, separated by ";" (e.g. "wandelen; koffie en ontmoeting");
                  a hobby word also works ("breien" -> creatief en cultuur)
  doelgroepen     iedereen; jongeren; volwassenen; ouderen; mantelzorgers; nieuwkomers
  adres *, postcode *, plaats *
                  street and number, postcode ("1234 AB" or "1234") and town
  lat, lon        coordinates; empty: the postcode's point
  frequentie      wekelijks, tweewekelijks or maandelijks
  dagen           ma;di;wo;do;vr;za;zo; monthly: "1e di", "2e wo", "laatste vr"
  van, tot        start and end time, HH:MM
  geldig_van, geldig_tot   first and last date (YYYY-MM-DD)
  kosten          0 or "gratis" for free, else an amount ("2,50")
  kosten_toelichting, telefoon, website, email, toegankelijkheid (";"-separated), talen (nl;en)
  voorbeeld       "ja" marks example data, shown as such to everyone
  bijgewerkt      date the row was last checked (YYYY-MM-DD)
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path

from knowledge import interests, places
from knowledge.store import taxonomy
from knowledge.store.describe import DAY_CODES

COLUMNS = [
    "id", "organisatie", "naam", "omschrijving", "activiteiten", "doelgroepen", "adres",
    "postcode", "plaats", "lat", "lon", "frequentie", "dagen", "van", "tot", "geldig_van",
    "geldig_tot", "kosten", "kosten_toelichting", "telefoon", "website", "email",
    "toegankelijkheid", "talen", "voorbeeld", "bijgewerkt",
]  # fmt: skip
REQUIRED = ["organisatie", "naam", "activiteiten", "adres", "postcode", "plaats"]
ORDINALS = {"1e": "1", "2e": "2", "3e": "3", "4e": "4", "laatste": "-1"}
FREQUENCIES = {
    "wekelijks": ("WEEKLY", 1),
    "tweewekelijks": ("WEEKLY", 2),
    "maandelijks": ("MONTHLY", 1),
}
NAMESPACE = uuid.UUID("6f1c2a8e-3b7d-4c55-9a0e-5d1f0b7e2c41")


class RowError(ValueError):
    """A bad cell: which line and column, and what is wrong."""

    def __init__(self, line: int, column: str, problem: str):
        super().__init__(f"regel {line}, kolom '{column}': {problem}")
        self.line, self.column, self.problem = line, column, problem


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with their line numbers (header = line 1)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        reader = csv.DictReader(handle, dialect=dialect)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise RowError(1, missing[0], "deze kolom ontbreekt in de kopregel")
        return [
            (reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader
        ]


def _date(line: int, column: str, value: str) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise RowError(line, column, f"'{value}' is geen datum als 2026-03-01") from None


def _time(line: int, column: str, value: str) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"([01]?\d|2[0-3])[:.][0-5]\d", value):
        raise RowError(line, column, f"'{value}' is geen tijd als 14:30")
    hours, minutes = re.split(r"[:.]", value)
    return f"{int(hours):02d}:{minutes}:00"


def _byday(line: int, value: str) -> str | None:
    days = []
    for part in filter(None, (p.strip().lower() for p in value.split(";"))):
        words = part.split()
        ordinal = {1: "", 2: ORDINALS.get(words[0])}.get(len(words))
        day = DAY_CODES.get(words[-1])
        if day is None or ordinal is None:
            raise RowError(line, "dagen", f"'{part}' is geen dag (ma, di, wo, ... of '1e di')")
        days.append(f"{ordinal}{day}")
    return ",".join(days) or None


def _categories(line: int, value: str) -> list[str]:
    found: list[str] = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        keys = interests.activity_keys(part)
        if not keys:
            raise RowError(line, "activiteiten", f"'{part}' is geen bekende soort activiteit")
        found += [k for k in keys if k not in found]
    if not found:
        raise RowError(line, "activiteiten", "vul minstens één soort activiteit in")
    return found


def _amount(line: int, value: str) -> Decimal | None:
    if not value:
        return None
    if value.lower() == "gratis":
        return Decimal(0)
    try:
        amount = Decimal(value.replace("€", "").replace(",", ".").strip())
    except InvalidOperation:
        raise RowError(line, "kosten", f"'{value}' is geen bedrag (0, gratis of 2,50)") from None
    if amount < 0:
        raise RowError(line, "kosten", "een bedrag kan niet negatief zijn")
    return amount


def _coordinates(line: int, row: dict[str, str]) -> tuple[float, float]:
    if row.get("lat") and row.get("lon"):
        try:
            return float(row["lat"].replace(",", ".")), float(row["lon"].replace(",", "."))
        except ValueError:
            raise RowError(line, "lat", "lat en lon moeten getallen zijn") from None
    point = places.postcode_point(row["postcode"][:4])
    if point is None:
        raise RowError(line, "postcode", f"postcode '{row['postcode']}' ken ik niet")
    return point


def row_to_service(line: int, row: dict[str, str]) -> dict:
    """One spreadsheet row as an HSDS service (raises RowError for a bad cell)."""
    for column in REQUIRED:
        if not row.get(column):
            raise RowError(line, column, "dit veld is verplicht")
    if not re.fullmatch(r"[1-9]\d{3}( ?[A-Za-z]{2})?", row["postcode"]):
        raise RowError(line, "postcode", f"'{row['postcode']}' is geen postcode als 1234 AB")
    sid = row.get("id") or str(
        uuid.uuid5(NAMESPACE, f"{row['organisatie']}|{row['naam']}|{row['postcode']}")
    )
    org_id = "org-" + str(uuid.uuid5(NAMESPACE, row["organisatie"].lower()))
    lat, lon = _coordinates(line, row)
    frequency = row.get("frequentie", "").lower()
    if frequency and frequency not in FREQUENCIES:
        raise RowError(line, "frequentie", "kies wekelijks, tweewekelijks of maandelijks")
    freq, interval = FREQUENCIES.get(frequency, (None, None))
    amount = _amount(line, row.get("kosten", ""))
    groups = [g.strip().lower() for g in row.get("doelgroepen", "").split(";") if g.strip()]
    for group in groups:
        if group not in taxonomy.GROUP_NAMES:
            raise RowError(line, "doelgroepen", f"'{group}' is geen bekende doelgroep")
    attributes = [
        taxonomy.attribute(sid, taxonomy.ACTIVITIES, key)
        for key in _categories(line, row["activiteiten"])
    ] + [taxonomy.attribute(sid, taxonomy.GROUPS, g) for g in groups]
    if row.get("voorbeeld", "").lower() in ("ja", "yes", "1", "true"):
        attributes.append(taxonomy.attribute(sid, taxonomy.MARKERS, taxonomy.EXAMPLE))
    schedule = {
        "id": f"{sid}:rooster",
        "freq": freq,
        "interval": interval,
        "byday": _byday(line, row.get("dagen", "")),
        "opens_at": _time(line, "van", row.get("van", "")),
        "closes_at": _time(line, "tot", row.get("tot", "")),
        "valid_from": _date(line, "geldig_van", row.get("geldig_van", "")),
        "valid_to": _date(line, "geldig_tot", row.get("geldig_tot", "")),
    }
    has_schedule = any(v for k, v in schedule.items() if k != "id")
    return {
        "id": sid,
        "name": row["naam"],
        "description": row.get("omschrijving") or None,
        "url": row.get("website") or None,
        "email": row.get("email") or None,
        "status": "active",
        "fees_description": row.get("kosten_toelichting") or None,
        "assured_date": _date(line, "bijgewerkt", row.get("bijgewerkt", "")),
        "organization": {"id": org_id, "name": row["organisatie"]},
        "service_at_locations": [
            {
                "id": f"{sid}:locatie",
                "location": {
                    "id": f"{sid}:plek",
                    "location_type": "physical",
                    "name": row["naam"],
                    "latitude": lat,
                    "longitude": lon,
                    "addresses": [
                        {
                            "id": f"{sid}:adres",
                            "address_1": row["adres"],
                            "city": row["plaats"],
                            "postal_code": row["postcode"].upper(),
                        }
                    ],
                    "accessibility": [
                        {"id": f"{sid}:toegankelijk:{n}", "description": text}
                        for n, text in enumerate(_split(row.get("toegankelijkheid", "")))
                    ],
                },
            }
        ],
        "schedules": [schedule] if has_schedule else [],
        "phones": [{"id": f"{sid}:telefoon", "number": row["telefoon"]}]
        if row.get("telefoon")
        else [],
        "cost_options": [
            {
                "id": f"{sid}:kosten",
                "amount": str(amount),
                "amount_description": row.get("kosten_toelichting") or None,
            }
        ]
        if amount is not None
        else [],
        "languages": [
            {"id": f"{sid}:taal:{code}", "code": code} for code in _split(row.get("talen", ""))
        ],
        "attributes": attributes,
    }


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]
