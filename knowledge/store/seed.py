"""Seed data: reference places, national initiatives and the flagged example data set."""

from __future__ import annotations

import csv
import json
import re
import unicodedata

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.paths import DATA
from knowledge.store import importer, taxonomy
from knowledge.store.reference import Municipality, Postcode, Town

EXAMPLE_DATA = DATA / "voorbeeld_activiteiten.csv"
# landelijke_initiatieven.json's categories mapped onto Omzien's activity taxonomy keys.
CATEGORY_TO_ACTIVITY = {
    "samen eten": "samen eten",
    "samen bewegen/sporten": "bewegen en sport",
    "wandelen": "wandelen",
    "creatief/cultuur": "creatief en cultuur",
    "spel": "spel en denksport",
    "koffie/ontmoeting": "koffie en ontmoeting",
    "maatje/bezoek": "maatje en bezoek",
    "telefoon/gesprek": "telefoon en gesprek",
    "vrijwilligerswerk": "vrijwilligerswerk",
    "digitaal": "digitaal",
    "vervoer": "vervoer",
}
GROUPS = {"ouderen 75+": "ouderen"}


def _csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def reference_rows() -> dict[type, list[dict]]:
    """Municipalities, towns and postcodes from knowledge/data, as table rows.

    The 49 towns without coordinates in the source get their municipality's centroid.
    """
    municipalities = [
        {
            "code": r["code"],
            "name": r["name"],
            "province": r["province"],
            "latitude": float(r["lat"]),
            "longitude": float(r["lon"]),
        }
        for r in _csv("gemeenten.csv")
    ]
    centroids = {m["code"]: (m["latitude"], m["longitude"]) for m in municipalities}
    return {
        Municipality: municipalities,
        Town: [
            {
                "name": r["woonplaats"],
                "municipality_code": r["gemeente_code"],
                "latitude": float(r["lat"]) if r["lat"] else centroids[r["gemeente_code"]][0],
                "longitude": float(r["lon"]) if r["lon"] else centroids[r["gemeente_code"]][1],
            }
            for r in _csv("woonplaatsen.csv")
        ],
        Postcode: [
            {
                "pc4": r["pc4"],
                "town": r["woonplaats"] or r["gemeente_naam"],
                "municipality_code": r["gemeente_code"],
                "latitude": float(r["lat"]),
                "longitude": float(r["lon"]),
            }
            for r in _csv("pc4.csv")
        ],
    }


def seed_reference(engine: Engine) -> None:
    """Load the reference places; reload a table only when its row count differs."""
    with Session(engine, future=True) as session, session.begin():
        for table, rows in reference_rows().items():
            count = session.scalar(select(func.count()).select_from(table))
            if count != len(rows):
                session.execute(delete(table))
                session.execute(insert(table), rows)


def national_services() -> list[tuple[str, dict]]:
    """The national initiatives as HSDS services; unverified ones are stored inactive."""
    data = json.loads((DATA / "landelijke_initiatieven.json").read_text(encoding="utf-8"))
    items = []
    for n, entry in enumerate(data["initiatieven"], 1):
        sid = "nl-" + _slug(entry["name"])
        categories = [CATEGORY_TO_ACTIVITY[c] for c in entry.get("activity_categories", [])]
        groups = [GROUPS.get(g, g) for g in entry.get("target_groups", [])]
        shown = entry.get("verified") is True and bool(entry.get("what"))
        service = {
            "id": sid,
            "name": entry["name"],
            "description": entry.get("what") or None,
            "url": entry.get("website") or None,
            "status": "active" if shown else "inactive",
            "alert": None if shown else "Nog niet gecontroleerd in een bron; niet tonen.",
            "organization": {
                "id": "org-nl-" + _slug(entry.get("organisation") or entry["name"]),
                "name": entry.get("organisation") or entry["name"],
            },
            "service_areas": [{"id": f"{sid}:gebied", "name": taxonomy.NATIONAL_AREA}],
            "attributes": [taxonomy.attribute(sid, taxonomy.ACTIVITIES, c) for c in categories]
            + [taxonomy.attribute(sid, taxonomy.GROUPS, g) for g in groups],
        }
        items.append((f"initiatief {n}", service))
    return items


def seed(engine: Engine) -> importer.ImportReport:
    """Reference places, national initiatives and example data; running it again changes nothing."""
    seed_reference(engine)
    items = national_services() + read_example_data()
    return importer.import_services(engine, items)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name.lower())).strip("-")


def read_example_data() -> list[tuple[str, dict]]:
    """The example local activities (knowledge/data/voorbeeld_activiteiten.csv) as HSDS services."""
    return importer.read_file(EXAMPLE_DATA)
