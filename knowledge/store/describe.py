"""How a service's schedule and cost read in plain Dutch."""

from __future__ import annotations

import datetime as dt

DAY_NAMES = {
    "MO": "maandag", "TU": "dinsdag", "WE": "woensdag", "TH": "donderdag",
    "FR": "vrijdag", "SA": "zaterdag", "SU": "zondag",
}  # fmt: skip
# "maandag", "ma" (how Dutch abbreviates days) and "mo" (RFC 5545) -> "MO".
DAY_CODES = {
    **{name: code for code, name in DAY_NAMES.items()},
    **{name[:2]: code for code, name in DAY_NAMES.items()},
    **{code.lower(): code for code in DAY_NAMES},
}
ORDINAL_NAMES = {"1": "eerste", "2": "tweede", "3": "derde", "4": "vierde", "-1": "laatste"}


def _days(byday: str) -> list[tuple[str, str]]:
    return [(part[:-2], part[-2:]) for part in byday.split(",") if part]


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def _clock(value: dt.time) -> str:
    return f"{value.hour}.{value.minute:02d}"


def schedule_text(freq: str | None, interval: int | None, byday: str | None,
                  opens_at: dt.time | None, closes_at: dt.time | None) -> str:  # fmt: skip
    """E.g. "elke dinsdag van 10.00 tot 12.00" or "de eerste woensdag van de maand"."""
    days = _days(byday or "")
    if freq == "MONTHLY" and days:
        when = _join(
            [f"de {ORDINAL_NAMES.get(o, o)} {DAY_NAMES[d]}" for o, d in days]
        ) + " van de maand"  # fmt: skip
    elif days:
        names = _join([DAY_NAMES[d] for _, d in days])
        when = f"om de week op {names}" if (interval or 1) == 2 else f"elke {names}"
    else:
        when = ""
    if opens_at and closes_at:
        hours = f"van {_clock(opens_at)} tot {_clock(closes_at)}"
    elif opens_at:
        hours = f"vanaf {_clock(opens_at)}"
    else:
        hours = ""
    return " ".join(part for part in (when, hours) if part)


def cost_text(amounts: list[float | None], description: str | None) -> str:
    """ "gratis", "€ 2,50" or the organiser's own words; empty when unknown."""
    known = [a for a in amounts if a is not None]
    if known and max(known) == 0:
        text = "gratis"
    elif known:
        text = "€ " + f"{max(known):.2f}".replace(".", ",")
    else:
        return description or ""
    return f"{text} ({description})" if description else text
